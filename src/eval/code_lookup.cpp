#include "eval/code_lookup.hpp"

#include "absl/strings/ascii.h"
#include "base/strings.hpp"

namespace aturan::internal {

std::string CodeKey(std::string_view text) {
  std::string key(absl::StripAsciiWhitespace(ToAbsl(text)));
  absl::AsciiStrToLower(&key);
  return key;
}

int32_t LookupCode(const CodeList& list, std::string_view text) {
  constexpr size_t kMaxKey = 256;
  text = TrimAsciiWhitespace(text);
  if (text.size() > kMaxKey) return kUnknownCode;
  char buffer[kMaxKey];
  for (size_t i = 0; i < text.size(); ++i) buffer[i] = absl::ascii_tolower(text[i]);
  auto it = list.lookup.find(absl::string_view(buffer, text.size()));
  return it == list.lookup.end() ? kUnknownCode : it->second;
}

}  // namespace aturan::internal
