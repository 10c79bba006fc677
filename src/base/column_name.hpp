// base/column_name.hpp — matching a candidate list's column names (CSV headers, JSON keys)
// to schema fields, forgiving the ways spreadsheets and exports spell them.
#pragma once

#include <string>
#include <string_view>

namespace aturan {

// `name` in the form column names are compared in: surrounding spaces dropped, ASCII letters
// lower-cased, and each run of spaces, '_', '-', '.' and '/' turned into one '_'
// ("Tgl. Lahir" -> "tgl_lahir", "KODE-KELURAHAN" -> "kode_kelurahan"). Other bytes, non-ASCII
// letters included, are kept as they are.
std::string NormalizeColumnName(std::string_view name);

}  // namespace aturan
