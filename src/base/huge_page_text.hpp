// base/huge_page_text.hpp — room for a large, reused text buffer backed by transparent huge
// pages, so that filling it the first time costs one page fault per 2 MB, not one per 4 KB.
#pragma once

#include <cstddef>
#include <string>

namespace aturan {

// Makes `text` able to hold `bytes` bytes without growing (keeping its contents), and asks the
// kernel to back the new storage with huge pages (Linux madvise; a hint that changes nothing
// else, and nothing where there are none). Does nothing when the capacity is already enough.
void ReserveInHugePages(std::string* text, size_t bytes);

}  // namespace aturan
