#include "aturan/large_allocator.hpp"

#include <sys/mman.h>

#include <new>

namespace aturan {

namespace {

// Blocks at least this large are mapped on their own, with huge pages where there are.
constexpr size_t kHugePage = size_t{2} << 20;

}  // namespace

void* AllocateLarge(size_t bytes) {
  if (bytes < kHugePage) return ::operator new(bytes);
  void* block = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(block, bytes, MADV_HUGEPAGE);  // a hint: without huge pages it works the same
#endif
  return block;
}

void FreeLarge(void* block, size_t bytes) {
  if (bytes < kHugePage) {
    ::operator delete(block);
    return;
  }
  munmap(block, bytes);
}

}  // namespace aturan
