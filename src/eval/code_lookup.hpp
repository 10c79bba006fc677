// eval/code_lookup.hpp — find a code of a list by its code or one of its aliases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "eval/program.hpp"

namespace aturan::internal {

// The key codes and aliases are stored under: trimmed of spaces, ASCII lower-cased.
std::string CodeKey(std::string_view text);

// The id of `text` (a code or alias, any case, surrounding spaces ignored) in `list`, or
// kUnknownCode. Never allocates.
int32_t LookupCode(const CodeList& list, std::string_view text);

}  // namespace aturan::internal
