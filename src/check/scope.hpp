// check/scope.hpp — the names an expression may use: schema fields, parameters (already
// resolved to their value on the reference date), lists and tanggal_acuan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "aturan/value.hpp"

namespace aturan::internal {

// What a name refers to.
struct Symbol {
  // kBroken: a name whose declaration had an error that was already reported.
  enum class Kind : uint8_t { kField, kParameter, kList, kReferenceDate, kBroken };
  Kind kind = Kind::kField;
  Type type = Type::kBool;
  int32_t slot = -1;   // kField
  int32_t list = -1;   // kList: the list; a code-typed field or parameter: its list
  Value value;         // kParameter, kReferenceDate: the constant
};

// The name table expressions are checked against.
class Scope {
 public:
  // Adds a name; returns false when it is already there.
  bool Add(std::string name, Symbol symbol);
  // The symbol named `name`, or nullptr.
  const Symbol* Find(std::string_view name) const;
  // Every name, for "did you mean" hints.
  const std::vector<std::string>& names() const { return names_; }

 private:
  absl::flat_hash_map<std::string, Symbol> symbols_;
  std::vector<std::string> names_;
};

}  // namespace aturan::internal
