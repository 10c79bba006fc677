// base/huge_pages.hpp — the size of a transparent huge page (2 MB with 4 KB base pages, as on
// x86-64) and rounding addresses to it: the kernel backs only whole, aligned huge pages.
#pragma once

#include <cstddef>
#include <cstdint>

namespace aturan {

// Bytes in one huge page.
inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// `address` rounded down to the start of its huge page.
constexpr uintptr_t HugePageFloor(uintptr_t address) { return address & ~uintptr_t{kHugePageBytes - 1}; }

// `address` rounded up to the next huge-page boundary (itself when on one).
constexpr uintptr_t HugePageCeil(uintptr_t address) { return HugePageFloor(address + kHugePageBytes - 1); }

}  // namespace aturan
