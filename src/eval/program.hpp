// eval/program.hpp — the compiled, immutable form of a rule file that RuleSet shares
// between threads. Expressions are trees of typed nodes with names resolved to slots,
// parameters folded to constants and codes interned; evaluation reads it and never writes.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "aturan/quota.hpp"
#include "aturan/rule_set.hpp"
#include "aturan/value.hpp"

namespace aturan::internal {

// What a node computes. The result type is static (Node::type): operands were type-checked,
// and int/money/date/code/bool all share the int64 payload, so one opcode serves them.
enum class OpCode : uint8_t {
  kConst,         // constant
  kField,         // record[slot], or the field's default when missing
  kNot, kAnd, kOr,
  kIf,            // arg0 ? arg1 : arg2
  kIsMissing,     // bool, never missing
  kCoalesce,      // arg0 unless missing, else arg1
  kNegInt, kNegDecimal,
  kToDecimal,     // int payload -> decimal
  kRoundToMoney,  // decimal -> money, half away from zero
  kAddInt, kSubInt, kMulInt, kModInt,   // overflow and % 0 give missing
  kAddDecimal, kSubDecimal, kMulDecimal, kDivDecimal,  // / 0 gives missing
  kCompareInt, kCompareDecimal, kCompareString,
  kCompareCodeString,  // a code's text against a string; `list` says which list
  kBetweenInt, kBetweenDecimal,
  kInCodeSet,     // code id in code_sets[set]
  kInIntSet, kInDecimalSet, kInStringSet,
  kAge,
  kMinInt, kMaxInt, kMinDecimal, kMaxDecimal,  // n-ary: args[args_begin, +args_count)
  kAbsInt, kAbsDecimal, kFloor, kCeil, kRound,
  kStartsWith, kContains,  // on strings, or a code's text when arg0 is a code of `list`
  kLen,
  kYear, kMonth, kDay,
  kNikValid, kNikSex, kNikBirthDate,
  // A field operand fused into its parent (slot and default as in kField), so that the most
  // common rule shapes cost one dispatch: `not f`, `is_missing(f)`, `f in LIST`, `nik_valid(f)`;
  // and with a constant second operand (node arg1, a kConst): `f <op> c` on int payloads,
  // `age(f, c)`.
  kNotField, kFieldIsMissing, kFieldInCodeSet, kFieldNikValid, kFieldCompareInt, kFieldAge,
};

enum class Compare : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

struct Node {
  OpCode op = OpCode::kConst;
  Type type = Type::kBool;   // result type
  Compare compare = Compare::kEq;
  bool negate = false;       // `not in`
  // kAnd, kOr, kBetweenInt: every operand is a kConst, a kField or a fused field operation,
  // so the evaluator computes the node in place, without a call.
  bool inline_operands = false;
  uint32_t arg0 = 0, arg1 = 0, arg2 = 0;
  uint32_t args_begin = 0, args_count = 0;
  int32_t slot = -1;         // kField
  int32_t list = -1;         // list index for code <-> text operations
  uint32_t set = 0;          // index into the matching set table
  Value constant;            // kConst value; kField default (MissingOf(type) when none)
};

// A closed list of codes. A code value is an index into `codes`.
struct CodeList {
  std::string name;
  std::vector<std::string> codes;   // canonical codes, in file order
  std::vector<std::string> names;   // Indonesian display names
  absl::flat_hash_map<std::string, int32_t> lookup;  // lower-cased code or alias -> id
  int32_t parent = -1;              // subset_of: the list whose ids its members use
  std::vector<int32_t> members;     // subset lists: ids in the parent list
};

// A score term: adds `points` when `when` holds.
struct ScoreTerm {
  std::string id;
  uint32_t when = 0;
  double points = 0;
};

// What an eligibility rule reads, for Explain.
struct RuleInputs {
  std::vector<int32_t> slots;                         // fields, in first-use order
  std::vector<std::pair<std::string, Value>> parameters;  // resolved parameter values
};

// A field checked before the rules: required ones must be present, codes must be in their list.
struct CheckedField {
  int32_t slot = -1;
  bool required = false;
  int32_t code_count = -1;  // a code field: the size of its list; otherwise -1
};

using OrderKey = OrderKeyInfo;

// A root that is not there: a pool without a filter (it takes every eligible candidate), a
// premium without a per_person amount.
inline constexpr uint32_t kNoFilter = UINT32_MAX;

struct Program {
  // regulation and program metadata
  std::string file;
  std::string regulation_id, regulation_title, region, revises;
  absl::CivilDay reference_date;
  int64_t coverage_months = 12;
  std::vector<PremiumInfo> premiums;
  std::vector<uint32_t> premium_roots;  // per premium: its per_person amount, or kNoFilter
  int64_t monthly_premium = 0;

  // schema
  std::vector<FieldInfo> fields;
  std::vector<int32_t> field_list;        // per slot: the list of a code field, else -1
  std::vector<Value> field_defaults;      // per slot: default or MissingOf(type)
  absl::flat_hash_map<std::string, int32_t> slot_by_name;
  std::vector<CheckedField> checked_fields;  // required or code fields, validated first
  std::vector<CodeList> lists;
  std::vector<std::string> parameter_names;
  std::vector<ParameterInfo> parameters;  // the same parameters, with their values
  InputChecks input_checks;

  // expressions
  std::vector<Node> nodes;
  std::vector<uint32_t> args;             // children of n-ary nodes
  std::vector<std::vector<uint8_t>> code_sets;  // per code id: 1 when a member (bytes: read on every test)
  std::vector<std::vector<int64_t>> int_sets;      // sorted
  std::vector<std::vector<double>> decimal_sets;   // sorted
  std::vector<absl::flat_hash_set<std::string>> string_sets;
  std::deque<std::string> string_pool;    // text of string constants (stable addresses)

  // rules and priority
  std::vector<RuleInfo> rules;
  std::vector<uint32_t> rule_roots;
  std::vector<RuleInputs> rule_inputs;
  bool has_score_expression = false;
  uint32_t score_root = 0;
  std::vector<ScoreTerm> score_terms;
  std::string score_text;                 // RuleSet::score_text()
  std::vector<OrderKey> order;

  // quota
  QuotaInfo quota;
  std::vector<uint32_t> pool_roots;      // per quota.pools entry: its filter, or kNoFilter
  std::vector<uint32_t> reserved_roots;  // per quota.reserved_groups entry: its `when`
};

}  // namespace aturan::internal
