#include "capi/errors.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace aturan::capi {

char* CopyString(std::string_view text) noexcept {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

aturan_status Fail(aturan_status status, std::string_view message, char** error) noexcept {
  if (error != nullptr) {
    std::free(*error);  // a message set before an exception replaced it
    *error = CopyString(message);
  }
  return status;
}

aturan_status NullArgument(std::string_view name, char** error) noexcept {
  constexpr std::string_view kPrefix = "argument '";
  constexpr std::string_view kSuffix = "' is NULL";
  char buffer[128];
  const size_t length = std::min(name.size(), sizeof(buffer) - kPrefix.size() - kSuffix.size());
  std::memcpy(buffer, kPrefix.data(), kPrefix.size());
  std::memcpy(buffer + kPrefix.size(), name.data(), length);
  std::memcpy(buffer + kPrefix.size() + length, kSuffix.data(), kSuffix.size());
  return Fail(ATURAN_ERROR_NULL_ARGUMENT, std::string_view(buffer, kPrefix.size() + length + kSuffix.size()), error);
}

}  // namespace aturan::capi
