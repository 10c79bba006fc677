// report/script_data.cpp — see script_data.hpp.
#include "report/script_data.hpp"

namespace aturan {

std::string EscapeJsonForScript(std::string_view json) {
  constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";       // U+2028
  constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";  // U+2029
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    std::string_view rest = json.substr(i);
    if (json[i] == '<') {
      out += "\\u003c";
    } else if (rest.starts_with(kLineSeparator)) {
      out += "\\u2028";
      i += kLineSeparator.size() - 1;
    } else if (rest.starts_with(kParagraphSeparator)) {
      out += "\\u2029";
      i += kParagraphSeparator.size() - 1;
    } else {
      out += json[i];
    }
  }
  return out;
}

}  // namespace aturan
