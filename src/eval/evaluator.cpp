#include "eval/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string_view>

#include "base/dates.hpp"
#include "base/nik.hpp"
#include "base/strings.hpp"
#include "base/utf8.hpp"

namespace aturan::internal {
namespace {

constexpr Value kMissingBool = Value::MissingOf(Type::kBool);

Value WithType(Type type, int64_t payload) {
  switch (type) {
    case Type::kMoney: return Value::Money(payload);
    case Type::kDate: return Value::FromDate(Date{static_cast<int32_t>(payload)});
    case Type::kCode: return Value::Code(static_cast<int32_t>(payload));
    case Type::kBool: return Value::Bool(payload != 0);
    default: return Value::Int(payload);
  }
}

template <typename T>
bool Holds(Compare compare, const T& a, const T& b) {
  switch (compare) {
    case Compare::kEq: return a == b;
    case Compare::kNe: return a != b;
    case Compare::kLt: return a < b;
    case Compare::kLe: return a <= b;
    case Compare::kGt: return a > b;
    case Compare::kGe: return a >= b;
  }
  return false;
}

// The text of a string value, or of a code value of list `list`.
std::string_view TextOf(const Program& program, const Value& v, int32_t list) {
  if (v.type() != Type::kCode) return v.as_string();
  const CodeList& codes = program.lists[list];
  int32_t id = v.as_code();
  if (id < 0 || static_cast<size_t>(id) >= codes.codes.size()) return {};
  return codes.codes[id];
}

// Rounds half away from zero into an int64, or nullopt when out of range.
bool RoundToInt64(double d, int64_t* out) {
  if (!std::isfinite(d) || d >= 9.2e18 || d <= -9.2e18) return false;
  *out = static_cast<int64_t>(std::llround(d));
  return true;
}

bool ToInt64(double d, int64_t* out) {
  if (!std::isfinite(d) || d >= 9.2e18 || d <= -9.2e18) return false;
  *out = static_cast<int64_t>(d);
  return true;
}

class Evaluator {
 public:
  // `record` must have a slot for every field (see WithEveryField).
  Evaluator(const Program& program, std::span<const Value> record)
      : p_(program), nodes_(program.nodes.data()), record_(record.data()) {}

  // A node's value. Constants, fields and the fused field operations are computed in place,
  // without a call, and with kCombinations so are `and`, `or` and `between` over them
  // (Node::inline_operands); everything else goes through Eval. kCombinations is for the
  // roots of rules and score terms only, so that Eval's many operands stay small.
  template <bool kCombinations = false>
  [[gnu::always_inline]] Value Operand(uint32_t index) const {
    const Node& n = nodes_[index];
    // fields, the commonest operands, are tested before any table dispatch
    if (n.op == OpCode::kField) return FieldOf(n);
    switch (n.op) {
      case OpCode::kConst:
        return n.constant;
      case OpCode::kNotField: {
        Value a = FieldOf(n);
        return a.missing() ? kMissingBool : Value::Bool(!a.as_bool());
      }
      case OpCode::kFieldIsMissing:
        return Value::Bool(FieldOf(n).missing());
      case OpCode::kFieldInCodeSet: {
        Value x = FieldOf(n);
        if (x.missing()) return kMissingBool;
        return Value::Bool(InCodeSet(n.set, x.as_code()) != n.negate);
      }
      case OpCode::kFieldNikValid: {
        Value nik = FieldOf(n);
        return nik.missing() ? kMissingBool : Value::Bool(NikValid(nik.as_string()));
      }
      case OpCode::kFieldCompareInt: {
        Value a = FieldOf(n);
        const Value& b = nodes_[n.arg1].constant;
        if (a.missing() || b.missing()) return kMissingBool;
        return Value::Bool(Holds(n.compare, a.as_int(), b.as_int()));
      }
      case OpCode::kFieldAge: {
        Value birth = FieldOf(n);
        const Value& on = nodes_[n.arg1].constant;
        if (birth.missing() || on.missing()) return Value::MissingOf(n.type);
        return Value::Int(AgeInYears(birth.as_date(), on.as_date()));
      }
      case OpCode::kAnd:
        if constexpr (kCombinations) {
          if (n.inline_operands) return And(n);
        }
        return Eval(index);
      case OpCode::kOr:
        if constexpr (kCombinations) {
          if (n.inline_operands) return Or(n);
        }
        return Eval(index);
      case OpCode::kBetweenInt:
        if constexpr (kCombinations) {
          if (n.inline_operands) return BetweenInt(n);
        }
        return Eval(index);
      default:
        return Eval(index);
    }
  }

  Value Eval(uint32_t index) const {
    const Node& n = nodes_[index];
    switch (n.op) {  // constants, fields and fused field operations never get here: Operand reads them
      case OpCode::kNot: {
        Value a = Operand(n.arg0);
        return a.missing() ? kMissingBool : Value::Bool(!a.as_bool());
      }
      case OpCode::kAnd:
        return And(n);
      case OpCode::kOr:
        return Or(n);
      case OpCode::kIf: {
        Value c = Operand(n.arg0);
        if (c.missing()) return Value::MissingOf(n.type);
        return Operand(c.as_bool() ? n.arg1 : n.arg2);
      }
      case OpCode::kIsMissing:
        return Value::Bool(Operand(n.arg0).missing());
      case OpCode::kCoalesce: {
        Value a = Operand(n.arg0);
        return a.missing() ? Operand(n.arg1) : a;
      }
      case OpCode::kCompareInt: {
        Value a = Operand(n.arg0);
        if (a.missing()) return kMissingBool;
        Value b = Operand(n.arg1);
        if (b.missing()) return kMissingBool;
        return Value::Bool(Holds(n.compare, a.as_int(), b.as_int()));
      }
      case OpCode::kBetweenInt:
        return BetweenInt(n);
      case OpCode::kInCodeSet: {
        Value x = Operand(n.arg0);
        if (x.missing()) return kMissingBool;
        return Value::Bool(InCodeSet(n.set, x.as_code()) != n.negate);
      }
      case OpCode::kAge: {
        Value birth = Operand(n.arg0);
        Value on = Operand(n.arg1);
        if (birth.missing() || on.missing()) return Value::MissingOf(n.type);
        return Value::Int(AgeInYears(birth.as_date(), on.as_date()));
      }
      case OpCode::kNikValid: {
        Value nik = Operand(n.arg0);
        return nik.missing() ? kMissingBool : Value::Bool(NikValid(nik.as_string()));
      }
      default:
        return EvalCold(n);
    }
  }

 private:
  // The value of the field node (or fused node) `n` reads: the record's, or its default.
  Value FieldOf(const Node& n) const {
    const Value& v = record_[n.slot];
    return v.missing() ? n.constant : v;
  }

  Value Missing(const Node& n) const { return Value::MissingOf(n.type); }

  // `a and b` in Kleene logic, b read only when a does not decide.
  [[gnu::always_inline]] Value And(const Node& n) const {
    Value a = Operand(n.arg0);
    if (!a.missing() && !a.as_bool()) return Value::Bool(false);
    Value b = Operand(n.arg1);
    if (!b.missing() && !b.as_bool()) return Value::Bool(false);
    return a.missing() || b.missing() ? kMissingBool : Value::Bool(true);
  }

  // `a or b` in Kleene logic, b read only when a does not decide.
  [[gnu::always_inline]] Value Or(const Node& n) const {
    Value a = Operand(n.arg0);
    if (!a.missing() && a.as_bool()) return Value::Bool(true);
    Value b = Operand(n.arg1);
    if (!b.missing() && b.as_bool()) return Value::Bool(true);
    return a.missing() || b.missing() ? kMissingBool : Value::Bool(false);
  }

  // `x between lo and hi` on int payloads, both bounds inclusive.
  [[gnu::always_inline]] Value BetweenInt(const Node& n) const {
    Value x = Operand(n.arg0), lo = Operand(n.arg1), hi = Operand(n.arg2);
    if (x.missing() || lo.missing() || hi.missing()) return kMissingBool;
    return Value::Bool(lo.as_int() <= x.as_int() && x.as_int() <= hi.as_int());
  }

  // True when code `id` is a member of code set `set` (an id outside the list is not).
  [[gnu::always_inline]] bool InCodeSet(uint32_t set, int32_t id) const {
    const std::vector<uint8_t>& members = p_.code_sets[set];
    // a negative id wraps to a large unsigned one: one comparison tests both bounds
    return static_cast<size_t>(static_cast<uint32_t>(id)) < members.size() && members[static_cast<uint32_t>(id)] != 0;
  }

  // The operations rule files use less often, kept out of Eval so that Eval stays small.
  [[gnu::noinline]] Value EvalCold(const Node& n) const {
    switch (n.op) {
      case OpCode::kNegInt: {
        Value a = Operand(n.arg0);
        if (a.missing() || a.as_int() == std::numeric_limits<int64_t>::min()) return Missing(n);
        return WithType(n.type, -a.as_int());
      }
      case OpCode::kNegDecimal: {
        Value a = Operand(n.arg0);
        return a.missing() ? Missing(n) : Value::Decimal(-a.as_decimal());
      }
      case OpCode::kToDecimal: {
        Value a = Operand(n.arg0);
        return a.missing() ? Missing(n) : Value::Decimal(static_cast<double>(a.as_int()));
      }
      case OpCode::kRoundToMoney: {
        Value a = Operand(n.arg0);
        int64_t r;
        if (a.missing() || !RoundToInt64(a.as_decimal(), &r)) return Missing(n);
        return Value::Money(r);
      }
      case OpCode::kAddInt:
      case OpCode::kSubInt:
      case OpCode::kMulInt:
      case OpCode::kModInt: {
        Value a = Operand(n.arg0);
        if (a.missing()) return Missing(n);
        Value b = Operand(n.arg1);
        if (b.missing()) return Missing(n);
        int64_t x = a.as_int(), y = b.as_int(), r = 0;
        bool overflow = false;
        switch (n.op) {
          case OpCode::kAddInt: overflow = __builtin_add_overflow(x, y, &r); break;
          case OpCode::kSubInt: overflow = __builtin_sub_overflow(x, y, &r); break;
          case OpCode::kMulInt: overflow = __builtin_mul_overflow(x, y, &r); break;
          default:
            if (y == 0) return Missing(n);
            r = (y == -1) ? 0 : x % y;
        }
        if (overflow) return Missing(n);
        if (n.type == Type::kDate && (r > std::numeric_limits<int32_t>::max() ||
                                      r < std::numeric_limits<int32_t>::min())) {
          return Missing(n);
        }
        return WithType(n.type, r);
      }
      case OpCode::kAddDecimal:
      case OpCode::kSubDecimal:
      case OpCode::kMulDecimal:
      case OpCode::kDivDecimal: {
        Value a = Operand(n.arg0);
        if (a.missing()) return Missing(n);
        Value b = Operand(n.arg1);
        if (b.missing()) return Missing(n);
        double x = a.as_decimal(), y = b.as_decimal(), r;
        switch (n.op) {
          case OpCode::kAddDecimal: r = x + y; break;
          case OpCode::kSubDecimal: r = x - y; break;
          case OpCode::kMulDecimal: r = x * y; break;
          default:
            if (y == 0) return Missing(n);
            r = x / y;
        }
        return std::isfinite(r) ? Value::Decimal(r) : Missing(n);
      }
      default:
        return EvalComparison(n);
    }
  }

  Value EvalComparison(const Node& n) const {
    switch (n.op) {
      case OpCode::kCompareDecimal:
      case OpCode::kCompareString:
      case OpCode::kCompareCodeString: {
        Value a = Operand(n.arg0);
        if (a.missing()) return kMissingBool;
        Value b = Operand(n.arg1);
        if (b.missing()) return kMissingBool;
        switch (n.op) {
          case OpCode::kCompareDecimal:
            return Value::Bool(Holds(n.compare, a.as_decimal(), b.as_decimal()));
          case OpCode::kCompareString:
            return Value::Bool(Holds(n.compare, a.as_string(), b.as_string()));
          default:
            return Value::Bool(
                Holds(n.compare, TextOf(p_, a, n.list), TextOf(p_, b, n.list)));
        }
      }
      case OpCode::kBetweenDecimal: {
        Value x = Operand(n.arg0), lo = Operand(n.arg1), hi = Operand(n.arg2);
        if (x.missing() || lo.missing() || hi.missing()) return kMissingBool;
        return Value::Bool(lo.as_decimal() <= x.as_decimal() && x.as_decimal() <= hi.as_decimal());
      }
      case OpCode::kInIntSet: {
        const std::vector<int64_t>& set = p_.int_sets[n.set];
        return InSet(n, [&](const Value& x) { return std::binary_search(set.begin(), set.end(), x.as_int()); });
      }
      case OpCode::kInDecimalSet: {
        const std::vector<double>& set = p_.decimal_sets[n.set];
        return InSet(n, [&](const Value& x) { return std::binary_search(set.begin(), set.end(), x.as_decimal()); });
      }
      case OpCode::kInStringSet:
        return InSet(n, [&](const Value& x) { return p_.string_sets[n.set].contains(ToAbsl(x.as_string())); });
      default:
        return EvalFunction(n);
    }
  }

  // `x in SET` (or `not in`, by n.negate) with `contains` testing a present x.
  template <typename Contains>
  Value InSet(const Node& n, Contains contains) const {
    Value x = Operand(n.arg0);
    if (x.missing()) return kMissingBool;
    return Value::Bool(contains(x) != n.negate);
  }

  Value EvalMinMax(const Node& n) const {
    bool is_min = n.op == OpCode::kMinInt || n.op == OpCode::kMinDecimal;
    bool decimal = n.op == OpCode::kMinDecimal || n.op == OpCode::kMaxDecimal;
    Value best;
    for (uint32_t i = 0; i < n.args_count; ++i) {
      Value v = Operand(p_.args[n.args_begin + i]);
      if (v.missing()) return Missing(n);
      if (i == 0) {
        best = v;
        continue;
      }
      bool better = decimal ? (is_min ? v.as_decimal() < best.as_decimal()
                                      : v.as_decimal() > best.as_decimal())
                            : (is_min ? v.as_int() < best.as_int() : v.as_int() > best.as_int());
      if (better) best = v;
    }
    return best;
  }

  Value EvalFunction(const Node& n) const {
    switch (n.op) {
      case OpCode::kMinInt:
      case OpCode::kMaxInt:
      case OpCode::kMinDecimal:
      case OpCode::kMaxDecimal:
        return EvalMinMax(n);
      default:
        break;
    }
    Value a = Operand(n.arg0);
    if (a.missing()) return Missing(n);
    switch (n.op) {
      case OpCode::kAbsInt:
        if (a.as_int() == std::numeric_limits<int64_t>::min()) return Missing(n);
        return WithType(n.type, a.as_int() < 0 ? -a.as_int() : a.as_int());
      case OpCode::kAbsDecimal:
        return Value::Decimal(std::fabs(a.as_decimal()));
      case OpCode::kFloor:
      case OpCode::kCeil:
      case OpCode::kRound: {
        if (a.type() != Type::kDecimal) return Value::Int(a.as_int());
        double d = a.as_decimal();
        int64_t r;
        bool ok = n.op == OpCode::kRound ? RoundToInt64(d, &r)
                                         : ToInt64(n.op == OpCode::kFloor ? std::floor(d)
                                                                         : std::ceil(d), &r);
        return ok ? Value::Int(r) : Missing(n);
      }
      case OpCode::kStartsWith:
      case OpCode::kContains: {
        Value b = Operand(n.arg1);
        if (b.missing()) return Missing(n);
        std::string_view text = TextOf(p_, a, n.list), part = b.as_string();
        bool result = n.op == OpCode::kStartsWith ? text.starts_with(part)
                                                  : text.find(part) != std::string_view::npos;
        return Value::Bool(result);
      }
      case OpCode::kLen:
        return Value::Int(static_cast<int64_t>(Utf8Length(a.as_string())));
      case OpCode::kYear:
        return Value::Int(CivilFields(a.as_date()).year);
      case OpCode::kMonth:
        return Value::Int(CivilFields(a.as_date()).month);
      case OpCode::kDay:
        return Value::Int(CivilFields(a.as_date()).day);
      case OpCode::kNikSex: {
        std::optional<char> sex = NikSex(a.as_string());
        if (!sex) return Missing(n);
        return Value::String(*sex == 'P' ? std::string_view("P") : std::string_view("L"));
      }
      case OpCode::kNikBirthDate: {
        std::optional<Date> birth =
            NikBirthDate(a.as_string(), Date::FromCivil(p_.reference_date));
        return birth ? Value::FromDate(*birth) : Missing(n);
      }
      default:
        return Missing(n);
    }
  }

  const Program& p_;
  const Node* nodes_;      // p_.nodes, read on every step
  const Value* record_;    // one value per field: no bounds check on every read
};

// Calls `use` with `record` padded with missing values to one per field, on the stack.
template <typename Use>
[[gnu::noinline]] auto UsePadded(const Program& program, std::span<const Value> record, Use use) {
  alignas(Value) unsigned char storage[sizeof(Value) * kMaxFields];
  Value* padded = reinterpret_cast<Value*>(storage);
  const size_t count = std::min(program.fields.size(), static_cast<size_t>(kMaxFields));
  std::uninitialized_copy(record.begin(), record.end(), padded);
  std::uninitialized_fill(padded + record.size(), padded + count, Value());
  return use(std::span<const Value>(padded, count));
}

// Calls `use` with a record that has a value for every field of `program`: `record` itself
// when it has, else a copy with missing values in the slots past its end.
template <typename Use>
auto WithEveryField(const Program& program, std::span<const Value> record, Use use) {
  if (record.size() >= program.fields.size()) return use(record);
  return UsePadded(program, record, use);
}

}  // namespace

Value ReadField(const Program& program, int32_t slot, std::span<const Value> record) {
  if (static_cast<size_t>(slot) < record.size() && !record[slot].missing()) return record[slot];
  return program.field_defaults[slot];
}

Value EvaluateNode(const Program& program, uint32_t index, std::span<const Value> record) {
  return WithEveryField(program, record, [&](std::span<const Value> full) {
    return Evaluator(program, full).Operand<true>(index);
  });
}

namespace {

// The value of field `slot` of a record with a value for every field, its default when missing.
const Value& FieldOfFullRecord(const Program& program, int32_t slot, const Value* record) {
  const Value& v = record[slot];
  return v.missing() ? program.field_defaults[slot] : v;
}

// True when field value `v` (its default when missing) makes a record invalid: missing in a
// required field, or not a code of its list in a code field (code_count >= 0).
bool MakesInvalid(const Value& v, bool required, int32_t code_count) {
  if (v.missing()) return required;
  // a negative id wraps to a large unsigned one: one comparison tests both bounds
  return code_count >= 0 &&
         (v.type() != Type::kCode || static_cast<uint32_t>(v.as_code()) >= static_cast<uint32_t>(code_count));
}

// FindInvalidSlot for a record with a value for every field.
int32_t FindInvalidSlotOfFullRecord(const Program& program, const Value* record) {
  for (const CheckedField& field : program.checked_fields) {
    if (MakesInvalid(FieldOfFullRecord(program, field.slot, record), field.required, field.code_count)) {
      return field.slot;
    }
  }
  return -1;
}

// The first of `slots` (ascending) whose value makes a record with a value for every field
// invalid, or -1.
int32_t FindInvalidSlotAmong(const Program& program, const Value* record, std::span<const int32_t> slots) {
  for (int32_t slot : slots) {
    const int32_t list = program.field_list[slot];
    const int32_t code_count = list < 0 ? -1 : static_cast<int32_t>(program.lists[list].codes.size());
    if (MakesInvalid(FieldOfFullRecord(program, slot, record), program.fields[slot].required, code_count)) {
      return slot;
    }
  }
  return -1;
}

}  // namespace

int32_t FindInvalidSlot(const Program& program, std::span<const Value> record) {
  return WithEveryField(program, record, [&](std::span<const Value> full) {
    return FindInvalidSlotOfFullRecord(program, full.data());
  });
}

namespace {

// EvaluateRecord for a record with a value for every field, whose invalid slot (or -1) is
// `invalid_slot`.
void EvaluateFullRecord(const Program& program, std::span<const Value> record, int32_t invalid_slot,
                        Decision* out) {
  out->failed.reset();
  out->unknown.reset();
  out->score = 0;
  out->order_key_size = 0;
  out->invalid_slot = invalid_slot;
  if (out->invalid_slot >= 0) {
    out->status = Status::kInvalid;
    return;
  }
  Evaluator evaluator(program, record);
  for (size_t i = 0; i < program.rule_roots.size(); ++i) {
    Value v = evaluator.Operand<true>(program.rule_roots[i]);
    if (v.missing()) {
      out->failed[i] = true;
      out->unknown[i] = true;
    } else if (!v.as_bool()) {
      out->failed[i] = true;
    }
  }
  out->status = out->failed.any() ? Status::kIneligible : Status::kEligible;
  if (program.has_score_expression) {
    Value s = evaluator.Operand<true>(program.score_root);
    if (!s.missing()) {
      out->score = s.type() == Type::kDecimal ? s.as_decimal() : static_cast<double>(s.as_int());
    }
  }
  for (const ScoreTerm& term : program.score_terms) {
    Value w = evaluator.Operand<true>(term.when);
    if (!w.missing() && w.as_bool()) out->score += term.points;
  }
  for (const OrderKey& key : program.order) {
    out->order_key[out->order_key_size++] = FieldOfFullRecord(program, key.slot, record.data());
  }
}

}  // namespace

void EvaluateRecord(const Program& program, std::span<const Value> record, Decision* out) {
  WithEveryField(program, record, [&](std::span<const Value> full) {
    EvaluateFullRecord(program, full, FindInvalidSlotOfFullRecord(program, full.data()), out);
  });
}

void EvaluateValidatedRecord(const Program& program, std::span<const Value> record,
                             std::span<const int32_t> slots_to_check, Decision* out) {
  WithEveryField(program, record, [&](std::span<const Value> full) {
    EvaluateFullRecord(program, full, FindInvalidSlotAmong(program, full.data(), slots_to_check), out);
  });
}

}  // namespace aturan::internal
