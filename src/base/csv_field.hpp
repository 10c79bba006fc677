// base/csv_field.hpp — one field of a CSV line as RFC 4180 writes it, for every CSV aturan
// writes: decisions, allocations, rejects, comparisons and generated lists.
#pragma once

#include <string>
#include <string_view>

namespace aturan {

// Appends `text` as one CSV field: as it is, or in double quotes with each " doubled when it
// holds a comma, a double quote, CR or LF.
void AppendCsvField(std::string_view text, std::string* out);

}  // namespace aturan
