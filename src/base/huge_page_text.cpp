#include "base/huge_page_text.hpp"

#include <sys/mman.h>

#include <cstdint>

#include "base/huge_pages.hpp"

namespace aturan {

void ReserveInHugePages(std::string* text, size_t bytes) {
  if (text->capacity() >= bytes) return;
  text->reserve(bytes);
#ifdef MADV_HUGEPAGE
  // Only whole huge pages inside the storage: the partial ones at either end may be shared
  // with other allocations of the heap.
  const auto begin = reinterpret_cast<uintptr_t>(text->data());
  const uintptr_t first = HugePageCeil(begin);
  const uintptr_t last = HugePageFloor(begin + text->capacity());
  if (first < last) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

}  // namespace aturan
