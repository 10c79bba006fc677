// aturan/large_allocator.hpp — an allocator for the arrays that grow with a list's length
// (keys seen, per-row allocations): blocks of 2 MB and more are mapped on their own and
// asked to be backed by transparent huge pages (Linux madvise), so that filling them takes one
// page fault per 2 MB instead of one per 4 KB and freeing them returns the memory at once.
// Smaller blocks come from operator new. Works the same, only slower, without huge pages.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace aturan {

// A block of `bytes` bytes (throws std::bad_alloc when there is no memory); free it with
// FreeLarge and the same size.
void* AllocateLarge(size_t bytes);
// Frees a block AllocateLarge(bytes) gave.
void FreeLarge(void* block, size_t bytes);

// A standard allocator over AllocateLarge, e.g. std::vector<T, LargeAllocator<T>>.
template <class T>
struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <class U>
  LargeAllocator(const LargeAllocator<U>&) {}  // NOLINT: allocators convert implicitly
  T* allocate(size_t n) { return static_cast<T*>(AllocateLarge(n * sizeof(T))); }
  void deallocate(T* block, size_t n) { FreeLarge(block, n * sizeof(T)); }
  template <class U>
  bool operator==(const LargeAllocator<U>&) const { return true; }
};

// A vector and a string whose storage comes from AllocateLarge.
template <class T>
using LargeVector = std::vector<T, LargeAllocator<T>>;
using LargeString = std::basic_string<char, std::char_traits<char>, LargeAllocator<char>>;

}  // namespace aturan
