#include "aturan/large_allocator.hpp"

#include <sys/mman.h>

#include <cstdint>
#include <limits>
#include <new>

#include "base/huge_pages.hpp"

namespace aturan {

namespace {

constexpr size_t kPage = size_t{4} << 10;

// A mapped block's length: whole pages. Not whole huge pages: the kernel would fill all of the
// last one on the first touch of any of its bytes, costing memory the block does not use.
size_t MappedBytes(size_t bytes) { return (bytes + kPage - 1) & ~(kPage - 1); }

}  // namespace

// Blocks of a huge page or more are mapped on their own, with huge pages where there are.
void* AllocateLarge(size_t bytes) {
  if (bytes < kHugePageBytes) return ::operator new(bytes);
  // No machine has this much; the rounding below would wrap around.
  if (bytes > std::numeric_limits<size_t>::max() - 2 * kHugePageBytes) throw std::bad_alloc();
  const size_t mapped = MappedBytes(bytes);
  // Maps a huge page more than needed and unmaps what lies outside a block starting on a
  // huge-page boundary: the kernel backs only aligned 2 MB ranges with huge pages, and a
  // mapping's start is aligned to 4 KB only.
  void* area = mmap(nullptr, mapped + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (area == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(area);
  const uintptr_t aligned = HugePageCeil(start);
  if (aligned > start) munmap(area, aligned - start);
  const size_t tail = start + mapped + kHugePageBytes - (aligned + mapped);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + mapped), tail);
  void* block = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
  madvise(block, mapped, MADV_HUGEPAGE);  // a hint: without huge pages it works the same
#endif
  return block;
}

void FreeLarge(void* block, size_t bytes) {
  if (bytes < kHugePageBytes) {
    ::operator delete(block);
    return;
  }
  munmap(block, MappedBytes(bytes));
}

}  // namespace aturan
