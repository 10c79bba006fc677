// report/script_data.hpp — putting JSON text inside an HTML <script> element.
#pragma once

#include <string>
#include <string_view>

namespace aturan {

// `json` made safe as the content of a <script type="application/json"> element: every '<'
// becomes \u003c (so neither "</script" nor "<!--" can appear) and U+2028/U+2029 become
// \u2028/\u2029. Valid JSON stays valid and parses to the same value, since these characters
// can occur in valid JSON only inside strings; other bytes are copied unchanged.
std::string EscapeJsonForScript(std::string_view json);

}  // namespace aturan
