#include "check/functions.hpp"

#include <array>

namespace aturan::internal {
namespace {

constexpr std::array<FunctionInfo, 18> kFunctions = {{
    {"age", Builtin::kAge, 2, 2, "age(birth_date: date, on: date) -> int"},
    {"min", Builtin::kMin, 2, -1, "min(a, b, ...) -> the smallest (numbers or dates)"},
    {"max", Builtin::kMax, 2, -1, "max(a, b, ...) -> the largest (numbers or dates)"},
    {"abs", Builtin::kAbs, 1, 1, "abs(x: number) -> number"},
    {"floor", Builtin::kFloor, 1, 1, "floor(x: number) -> int"},
    {"ceil", Builtin::kCeil, 1, 1, "ceil(x: number) -> int"},
    {"round", Builtin::kRound, 1, 1, "round(x: number) -> int (half away from zero)"},
    {"starts_with", Builtin::kStartsWith, 2, 2, "starts_with(text: string|code, prefix: string) -> bool"},
    {"contains", Builtin::kContains, 2, 2, "contains(text: string|code, part: string) -> bool"},
    {"len", Builtin::kLen, 1, 1, "len(text: string) -> int"},
    {"is_missing", Builtin::kIsMissing, 1, 1, "is_missing(x) -> bool"},
    {"coalesce", Builtin::kCoalesce, 2, 2, "coalesce(x, fallback) -> x, or fallback when x is missing"},
    {"year", Builtin::kYear, 1, 1, "year(d: date) -> int"},
    {"month", Builtin::kMonth, 1, 1, "month(d: date) -> int"},
    {"day", Builtin::kDay, 1, 1, "day(d: date) -> int"},
    {"nik_valid", Builtin::kNikValid, 1, 1, "nik_valid(nik: string) -> bool"},
    {"nik_sex", Builtin::kNikSex, 1, 1, "nik_sex(nik: string) -> string (\"L\" or \"P\")"},
    {"nik_birth_date", Builtin::kNikBirthDate, 1, 1, "nik_birth_date(nik: string) -> date"},
}};

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  for (const FunctionInfo& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<std::string_view> FunctionNames() {
  std::vector<std::string_view> names;
  for (const FunctionInfo& f : kFunctions) names.push_back(f.name);
  return names;
}

}  // namespace aturan::internal
