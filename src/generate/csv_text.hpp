// generate/csv_text.hpp — appending CSV fields and numbers to a text buffer quickly (no
// streams, no allocation beyond the buffer's growth), for writing millions of rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aturan {

// Appends `text` as one CSV field: as it is, or in double quotes with each " doubled when
// RFC 4180 requires it (the text holds a comma, a double quote, CR or LF).
void AppendCsvField(std::string* out, std::string_view text);

// Appends `value` in decimal with at least `width` digits (zero-padded; width at most 40).
void AppendDigits(std::string* out, uint64_t value, int width = 1);

// Appends `value` in decimal with `separator` between groups of three digits
// (1500000 and '.' give "1.500.000").
void AppendGrouped(std::string* out, uint64_t value, char separator);

}  // namespace aturan
