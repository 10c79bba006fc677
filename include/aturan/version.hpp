// aturan/version.hpp — the library's version.
#pragma once

namespace aturan {

// "MAJOR.MINOR.PATCH" of the linked library.
const char* Version();

// The highest rule-file format version this library reads (`aturan: 1`).
inline constexpr int kRuleFormatVersion = 1;

}  // namespace aturan
