// aturan/decision.hpp — the result of evaluating one candidate.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>

#include "aturan/value.hpp"

namespace aturan {

// Most eligibility rules a rule file may have (a load error beyond it).
inline constexpr int kMaxRules = 256;
// Most tie-break keys in priority.order.
inline constexpr int kMaxOrderKeys = 8;
// Most fields a schema may have.
inline constexpr int kMaxFields = 512;

// What the rules say about a candidate.
enum class Status : uint8_t {
  kEligible,    // every eligibility rule holds
  kIneligible,  // at least one rule does not hold (or cannot be decided)
  kInvalid,     // a required field is missing or a code is outside its list
};

// "eligible", "ineligible", "invalid".
const char* StatusName(Status status);

// How one eligibility rule came out.
enum class Outcome : uint8_t {
  kPass,     // the rule holds
  kFail,     // the rule does not hold
  kUnknown,  // the rule could not be decided because data is missing; counts as failing
};

// A decision about one candidate. Filling it never allocates.
struct Decision {
  Status status = Status::kInvalid;
  std::bitset<kMaxRules> failed;   // indices (file order) of rules that did not pass
  std::bitset<kMaxRules> unknown;  // the subset of `failed` that could not be decided
  double score = 0;                // priority score (0 when the rule file has none)
  int invalid_slot = -1;           // kInvalid: the field that made the record invalid
  // Values of priority.order's fields, in order: with the score, a total order of candidates.
  // String values point into the record that was evaluated: valid as long as it is.
  std::array<Value, kMaxOrderKeys> order_key{};
  int order_key_size = 0;

  // True when status is kEligible.
  bool eligible() const { return status == Status::kEligible; }
  // The outcome of rule `index`.
  Outcome outcome(int index) const {
    return !failed[index] ? Outcome::kPass : unknown[index] ? Outcome::kUnknown : Outcome::kFail;
  }
};

}  // namespace aturan
