#include "aturan/value.hpp"

namespace aturan {

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kBool: return "bool";
    case Type::kInt: return "int";
    case Type::kMoney: return "money";
    case Type::kDecimal: return "decimal";
    case Type::kString: return "string";
    case Type::kDate: return "date";
    case Type::kCode: return "code";
  }
  return "?";
}

Date Date::FromCivil(absl::CivilDay day) {
  return Date{static_cast<int32_t>(day - absl::CivilDay(1970, 1, 1))};
}

absl::CivilDay Date::ToCivil() const { return absl::CivilDay(1970, 1, 1) + days; }

}  // namespace aturan
