// base/strings.hpp — Debian 12's Abseil is built with its own absl::string_view (not
// std::string_view: ABSL_OPTION_USE_STD_STRING_VIEW is 0), and it does not convert from
// std::string_view. These helpers let our std::string_view code call Abseil's string functions.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace aturan {

// The same characters as an absl::string_view.
inline absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// The same characters as a std::string_view.
inline std::string_view FromAbsl(absl::string_view s) { return std::string_view(s.data(), s.size()); }

namespace strings_detail {
// TrimAsciiWhitespace's rare case, out of line so that its test is inlined where cells are read.
[[gnu::noinline]] inline std::string_view StripAsciiWhitespace(std::string_view s) {
  return FromAbsl(absl::StripAsciiWhitespace(ToAbsl(s)));
}

// A StrCat or StrAppend argument as Abseil takes it: std::string_view as absl::string_view.
template <typename T>
decltype(auto) Arg(const T& v) {
  if constexpr (std::is_same_v<T, std::string_view>) {
    return ToAbsl(v);
  } else {
    return (v);
  }
}
}  // namespace strings_detail

// absl::StripAsciiWhitespace for a std::string_view: `s` without leading and trailing ASCII
// whitespace. Returns at once when `s` starts and ends with a byte above ' ' (ASCII whitespace
// is ' ' and '\t'..'\r'), as nearly every cell of a list does: the full strip cost about 3%
// of reading a list.
inline std::string_view TrimAsciiWhitespace(std::string_view s) {
  if (s.empty() || (static_cast<unsigned char>(s.front()) > ' ' && static_cast<unsigned char>(s.back()) > ' ')) {
    return s;
  }
  return strings_detail::StripAsciiWhitespace(s);
}

// absl::StrCat that also takes std::string_view arguments.
template <typename... Args>
std::string StrCat(const Args&... args) {
  return absl::StrCat(strings_detail::Arg(args)...);
}

// absl::StrAppend that also takes std::string_view arguments.
template <typename... Args>
void StrAppend(std::string* out, const Args&... args) {
  absl::StrAppend(out, strings_detail::Arg(args)...);
}

}  // namespace aturan
