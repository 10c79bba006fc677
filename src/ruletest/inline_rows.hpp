// ruletest/inline_rows.hpp — the rows an allocation case writes inline, as the CSV list a
// lurah's export would be, so they are read exactly as a list file is.
#pragma once

#include <string>
#include <vector>

#include "ruletest/test_file.hpp"

namespace aturan::ruletest {

// A CSV text (RFC 4180, ',') with a header of every field any row names, in the order first
// named, and one record per row: its text quoted, empty where the row has the field missing
// or does not name it.
std::string RowsAsCsv(const std::vector<std::vector<FieldText>>& rows);

}  // namespace aturan::ruletest
