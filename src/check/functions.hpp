// check/functions.hpp — the built-in functions of the expression language.
#pragma once

#include <string_view>
#include <vector>

namespace aturan::internal {

enum class Builtin {
  kAge, kMin, kMax, kAbs, kFloor, kCeil, kRound, kStartsWith, kContains, kLen,
  kIsMissing, kCoalesce, kYear, kMonth, kDay, kNikValid, kNikSex, kNikBirthDate,
};

// A function's name, arity and signature as shown in messages.
struct FunctionInfo {
  std::string_view name;
  Builtin id;
  int min_args;
  int max_args;  // -1: any number from min_args
  std::string_view signature;
};

// The function called `name`, or nullptr.
const FunctionInfo* FindFunction(std::string_view name);

// Every function name, for "did you mean" hints.
std::vector<std::string_view> FunctionNames();

}  // namespace aturan::internal
