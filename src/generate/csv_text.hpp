// generate/csv_text.hpp — appending numbers to a text buffer quickly (no streams, no
// allocation beyond the buffer's growth), for writing millions of rows (fields:
// base/csv_field.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aturan {

// Appends `value` in decimal with at least `width` digits (zero-padded; width at most 40).
void AppendDigits(std::string* out, uint64_t value, int width = 1);

// Appends `value` in decimal with `separator` between groups of three digits
// (1500000 and '.' give "1.500.000").
void AppendGrouped(std::string* out, uint64_t value, char separator);

}  // namespace aturan
