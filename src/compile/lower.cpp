#include "compile/lower.hpp"

#include <algorithm>

#include "eval/evaluator.hpp"

namespace aturan::internal {
namespace {

class Lowering {
 public:
  Lowering(const expr::Ast& ast, const CheckedExpr& checked, Program* program)
      : ast_(ast), checked_(checked), p_(program) {}

  uint32_t Emit(uint32_t index) {
    const TypedNode& t = checked_.nodes[index];
    const expr::Node& n = ast_.nodes[index];
    if (t.constant && !t.is_list) return Constant(*t.constant);
    if (t.op == OpCode::kField) {
      Node node;
      node.op = OpCode::kField;
      node.type = t.type;
      node.slot = t.slot;
      node.constant = p_->field_defaults[t.slot];
      return Push(node);
    }
    Node node;
    node.op = t.op;
    node.type = t.round_to_money ? Type::kDecimal : t.type;
    node.compare = t.compare;
    node.list = t.list;
    switch (t.op) {
      case OpCode::kInCodeSet:
      case OpCode::kInIntSet:
      case OpCode::kInDecimalSet:
      case OpCode::kInStringSet:
        node.arg0 = Argument(index, 0);
        node.negate = n.op == expr::Op::kNotIn;
        node.set = BuildSet(t.op, n.children[1], checked_.nodes[n.children[0]]);
        return Fold(node);
      case OpCode::kMinInt:
      case OpCode::kMaxInt:
      case OpCode::kMinDecimal:
      case OpCode::kMaxDecimal: {
        std::vector<uint32_t> args;
        bool decimal = t.op == OpCode::kMinDecimal || t.op == OpCode::kMaxDecimal;
        for (uint32_t child : n.children) {
          uint32_t a = Emit(child);
          if (decimal && checked_.nodes[child].type != Type::kDecimal) a = ToDecimal(a);
          args.push_back(a);
        }
        node.args_begin = static_cast<uint32_t>(p_->args.size());
        node.args_count = static_cast<uint32_t>(args.size());
        p_->args.insert(p_->args.end(), args.begin(), args.end());
        return Fold(node);
      }
      default:
        break;
    }
    uint32_t* slots[3] = {&node.arg0, &node.arg1, &node.arg2};
    for (size_t k = 0; k < n.children.size() && k < 3; ++k) *slots[k] = Argument(index, k);
    uint32_t result = Fold(node);
    if (!t.round_to_money) return result;
    Node round;
    round.op = OpCode::kRoundToMoney;
    round.type = Type::kMoney;
    round.arg0 = result;
    return Fold(round);
  }

 private:
  // Child k of Ast node `index`, converted to decimal when the checker asked for it.
  uint32_t Argument(uint32_t index, size_t k) {
    uint32_t child = Emit(ast_.nodes[index].children[k]);
    return checked_.nodes[index].to_decimal[k] ? ToDecimal(child) : child;
  }

  uint32_t ToDecimal(uint32_t child) {
    Node node;
    node.op = OpCode::kToDecimal;
    node.type = Type::kDecimal;
    node.arg0 = child;
    return Fold(node);
  }

  uint32_t Constant(const Value& v) {
    Node node;
    node.op = OpCode::kConst;
    node.type = v.type();
    node.constant = Intern(v, p_);
    return Push(node);
  }

  uint32_t Push(const Node& node) {
    p_->nodes.push_back(node);
    return static_cast<uint32_t>(p_->nodes.size() - 1);
  }

  bool IsConstant(uint32_t node) const { return p_->nodes[node].op == OpCode::kConst; }

  // A constant bool that decides `and` (false) or `or` (true) whatever the other side is.
  bool Decides(uint32_t operand, bool value) const {
    const Node& n = p_->nodes[operand];
    return n.op == OpCode::kConst && !n.constant.missing() && n.constant.as_bool() == value;
  }

  // Pushes `node`; when its inputs decide it (all constant; `true or x`, `false and x`, an
  // `if` with a constant condition), replaces it by its value or by the branch taken.
  uint32_t Fold(const Node& node) {
    if (node.op == OpCode::kOr || node.op == OpCode::kAnd) {
      bool decisive = node.op == OpCode::kOr;
      if (Decides(node.arg0, decisive) || Decides(node.arg1, decisive)) {
        return Constant(Value::Bool(decisive));
      }
    }
    if (node.op == OpCode::kIf && IsConstant(node.arg0) && !p_->nodes[node.arg0].constant.missing()) {
      return p_->nodes[node.arg0].constant.as_bool() ? node.arg1 : node.arg2;
    }
    uint32_t index = Push(node);
    bool constant = true;
    switch (node.op) {
      case OpCode::kMinInt:
      case OpCode::kMaxInt:
      case OpCode::kMinDecimal:
      case OpCode::kMaxDecimal:
        for (uint32_t i = 0; i < node.args_count; ++i) {
          constant = constant && IsConstant(p_->args[node.args_begin + i]);
        }
        break;
      default: {
        int arity = Arity(node.op);
        const uint32_t args[3] = {node.arg0, node.arg1, node.arg2};
        for (int k = 0; k < arity; ++k) constant = constant && IsConstant(args[k]);
      }
    }
    if (!constant) return MarkInlineOperands(FuseFieldOperand(index));
    Value v = EvaluateNode(*p_, index, {});
    p_->nodes[index] = Node{};
    p_->nodes[index].op = OpCode::kConst;
    p_->nodes[index].type = node.type;
    p_->nodes[index].constant = v.missing() ? Value::MissingOf(node.type) : Intern(v, p_);
    return index;
  }

  // `not f`, `is_missing(f)`, `f in LIST` and `nik_valid(f)` over a field become one fused
  // node, and so do `f <op> c` (int payloads), `age(f, c)` with a constant c; `coalesce(f, c)`
  // becomes a read of f whose default is c (f's own default, when it has one, comes first).
  uint32_t FuseFieldOperand(uint32_t index) {
    Node& n = p_->nodes[index];
    const Node& child = p_->nodes[n.arg0];
    if (child.op != OpCode::kField) return index;
    const bool constant_second = IsConstant(n.arg1);
    OpCode fused = OpCode::kConst;
    switch (n.op) {
      case OpCode::kNot: fused = OpCode::kNotField; break;
      case OpCode::kIsMissing: fused = OpCode::kFieldIsMissing; break;
      case OpCode::kInCodeSet: fused = OpCode::kFieldInCodeSet; break;
      case OpCode::kNikValid: fused = OpCode::kFieldNikValid; break;
      case OpCode::kCompareInt: if (constant_second) fused = OpCode::kFieldCompareInt; break;
      case OpCode::kAge: if (constant_second) fused = OpCode::kFieldAge; break;
      case OpCode::kCoalesce: if (constant_second) fused = OpCode::kField; break;
      default: break;
    }
    if (fused == OpCode::kConst) return index;
    Value default_value = child.constant;
    if (n.op == OpCode::kCoalesce && default_value.missing()) default_value = p_->nodes[n.arg1].constant;
    n.op = fused;
    n.slot = child.slot;
    n.constant = default_value;
    return index;
  }

  // Sets inline_operands on an `and`, `or` or int `between` whose operands are all computed
  // without a call (constants, fields, fused field operations).
  uint32_t MarkInlineOperands(uint32_t index) {
    Node& n = p_->nodes[index];
    if (n.op != OpCode::kAnd && n.op != OpCode::kOr && n.op != OpCode::kBetweenInt) return index;
    const int arity = Arity(n.op);
    const uint32_t args[3] = {n.arg0, n.arg1, n.arg2};
    bool all_inline = true;
    for (int k = 0; k < arity; ++k) all_inline = all_inline && ComputedInPlace(p_->nodes[args[k]].op);
    n.inline_operands = all_inline;
    return index;
  }

  static bool ComputedInPlace(OpCode op) {
    switch (op) {
      case OpCode::kConst: case OpCode::kField: case OpCode::kNotField:
      case OpCode::kFieldIsMissing: case OpCode::kFieldInCodeSet: case OpCode::kFieldNikValid:
      case OpCode::kFieldCompareInt: case OpCode::kFieldAge:
        return true;
      default:
        return false;
    }
  }

  static int Arity(OpCode op) {
    switch (op) {
      case OpCode::kIf:
      case OpCode::kBetweenInt:
      case OpCode::kBetweenDecimal:
        return 3;
      case OpCode::kAnd: case OpCode::kOr: case OpCode::kCoalesce:
      case OpCode::kAddInt: case OpCode::kSubInt: case OpCode::kMulInt: case OpCode::kModInt:
      case OpCode::kAddDecimal: case OpCode::kSubDecimal: case OpCode::kMulDecimal:
      case OpCode::kDivDecimal: case OpCode::kCompareInt: case OpCode::kCompareDecimal:
      case OpCode::kCompareString: case OpCode::kCompareCodeString: case OpCode::kAge:
      case OpCode::kStartsWith: case OpCode::kContains:
        return 2;
      default:
        return 1;
    }
  }

  // The constant value of list item `item` (folded from literals and parameters).
  Value ItemValue(uint32_t item) {
    uint32_t node = Emit(item);
    return p_->nodes[node].constant;
  }

  uint32_t BuildSet(OpCode op, uint32_t set_index, const TypedNode& x) {
    const expr::Node& set = ast_.nodes[set_index];
    if (op == OpCode::kInCodeSet) {
      const CodeList& domain = p_->lists[x.list];
      std::vector<bool> members(domain.codes.size(), false);
      if (set.kind == expr::NodeKind::kName) {
        const CodeList& named = p_->lists[checked_.nodes[set_index].list];
        if (named.parent < 0) {
          std::fill(members.begin(), members.end(), true);
        } else {
          for (int32_t id : named.members) members[id] = true;
        }
      } else {
        for (uint32_t item : set.children) members[checked_.nodes[item].constant->as_code()] = true;
      }
      p_->code_sets.emplace_back(members.begin(), members.end());
      return static_cast<uint32_t>(p_->code_sets.size() - 1);
    }
    if (op == OpCode::kInStringSet) {
      absl::flat_hash_set<std::string> members;
      for (uint32_t item : set.children) members.insert(std::string(ItemValue(item).as_string()));
      p_->string_sets.push_back(std::move(members));
      return static_cast<uint32_t>(p_->string_sets.size() - 1);
    }
    if (op == OpCode::kInDecimalSet) {
      std::vector<double> members;
      for (uint32_t item : set.children) {
        Value v = ItemValue(item);
        members.push_back(v.type() == Type::kDecimal ? v.as_decimal() : static_cast<double>(v.as_int()));
      }
      std::sort(members.begin(), members.end());
      p_->decimal_sets.push_back(std::move(members));
      return static_cast<uint32_t>(p_->decimal_sets.size() - 1);
    }
    std::vector<int64_t> members;
    for (uint32_t item : set.children) members.push_back(ItemValue(item).as_int());
    std::sort(members.begin(), members.end());
    p_->int_sets.push_back(std::move(members));
    return static_cast<uint32_t>(p_->int_sets.size() - 1);
  }

  const expr::Ast& ast_;
  const CheckedExpr& checked_;
  Program* p_;
};

}  // namespace

Value Intern(const Value& v, Program* program) {
  if (v.missing() || v.type() != Type::kString) return v;
  program->string_pool.emplace_back(v.as_string());
  return Value::String(program->string_pool.back());
}

uint32_t Lower(const expr::Ast& ast, const CheckedExpr& checked, Program* program) {
  return Lowering(ast, checked, program).Emit(checked.root);
}

}  // namespace aturan::internal
