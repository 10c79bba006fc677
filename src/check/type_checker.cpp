#include "check/type_checker.hpp"

#include <algorithm>
#include <utility>

#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "check/functions.hpp"
#include "eval/code_lookup.hpp"

namespace aturan::internal {

using expr::NodeKind;
using expr::Op;

bool IsNumeric(Type t) { return t == Type::kInt || t == Type::kMoney || t == Type::kDecimal; }

std::optional<Type> UnifyNumeric(Type a, Type b) {
  if (!IsNumeric(a) || !IsNumeric(b)) return std::nullopt;
  if (a == Type::kDecimal || b == Type::kDecimal) return Type::kDecimal;
  if (a == Type::kMoney || b == Type::kMoney) return Type::kMoney;
  return Type::kInt;
}

namespace {

std::string Suggestion(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best = ClosestMatch(word, candidates);
  return best.empty() ? "" : aturan::StrCat("did you mean '", best, "'?");
}

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view name : names) aturan::StrAppend(&out, out.empty() ? "" : ", ", name);
  return out;
}

std::string TypeText(const TypedNode& t) {
  return t.is_list ? "a list" : std::string(TypeName(t.type));
}

Compare CompareOf(Op op) {
  switch (op) {
    case Op::kNe: return Compare::kNe;
    case Op::kLt: return Compare::kLt;
    case Op::kLe: return Compare::kLe;
    case Op::kGt: return Compare::kGt;
    case Op::kGe: return Compare::kGe;
    default: return Compare::kEq;
  }
}

// int-payload types that must become decimal to meet a decimal.
bool NeedsDecimal(Type from, Type to) { return to == Type::kDecimal && from != Type::kDecimal; }

}  // namespace

struct TypeChecker::Context {
  const expr::Ast& ast;
  const spec::ExprText& source;
  std::vector<TypedNode> nodes;
  std::vector<int32_t> slots;
  std::vector<std::string> parameters;
  std::vector<int32_t> lists;
  bool ok = true;

  const expr::Node& node(uint32_t i) const { return ast.nodes[i]; }
  TypedNode& typed(uint32_t i) { return nodes[i]; }
  TypedNode& child(uint32_t i, size_t k) { return nodes[ast.nodes[i].children[k]]; }
};

TypeChecker::TypeChecker(const Scope& scope, const std::vector<CodeList>& lists, std::string file,
                         std::vector<Diagnostic>* diagnostics)
    : scope_(scope), lists_(lists), file_(std::move(file)), diagnostics_(diagnostics) {}

std::optional<CheckedExpr> TypeChecker::Check(const expr::Ast& ast,
                                              const spec::ExprText& source) {
  Context c{ast, source, std::vector<TypedNode>(ast.nodes.size()), {}, {}, {}, true};
  if (!CheckNode(c, ast.root) || !c.ok) return std::nullopt;
  CheckedExpr result;
  result.nodes = std::move(c.nodes);
  result.slots = std::move(c.slots);
  result.parameters = std::move(c.parameters);
  result.lists = std::move(c.lists);
  result.root = ast.root;
  return result;
}

void TypeChecker::Report(Context& c, uint32_t index, std::string message, std::string hint) {
  spec::SourceRef at = c.source.At(c.node(index).begin);
  diagnostics_->push_back(Diagnostic{Diagnostic::Severity::kError, file_, at.line, at.column,
                                     std::move(message), std::move(hint)});
  c.ok = false;
}

bool TypeChecker::CheckNode(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  switch (n.kind) {
    case NodeKind::kBool:
      t.type = Type::kBool;
      t.constant = Value::Bool(n.bool_value);
      return true;
    case NodeKind::kInt:
      t.type = Type::kInt;
      t.constant = Value::Int(n.int_value);
      return true;
    case NodeKind::kDecimal:
      t.type = Type::kDecimal;
      t.constant = Value::Decimal(n.decimal_value);
      return true;
    case NodeKind::kString:
      t.type = Type::kString;
      t.constant = Value::String(n.text);
      return true;
    case NodeKind::kDate:
      t.type = Type::kDate;
      t.constant = Value::FromDate(Date{n.date_days});
      return true;
    case NodeKind::kList: return CheckList(c, index);
    case NodeKind::kName: return CheckName(c, index);
    case NodeKind::kUnary: return CheckUnary(c, index);
    case NodeKind::kBinary: return CheckBinary(c, index);
    case NodeKind::kBetween: return CheckBetween(c, index);
    case NodeKind::kIf: return CheckIf(c, index);
    case NodeKind::kCall: return CheckCall(c, index);
  }
  return false;
}

bool TypeChecker::CheckName(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  const Symbol* symbol = scope_.Find(n.text);
  if (symbol == nullptr) {
    if (FindFunction(n.text) != nullptr) {
      Report(c, index, aturan::StrCat("'", n.text, "' is a function, not a value"),
             aturan::StrCat("call it: ", FindFunction(n.text)->signature));
      return false;
    }
    std::vector<std::string_view> names(scope_.names().begin(), scope_.names().end());
    Report(c, index, aturan::StrCat("unknown name '", n.text, "'"),
           Suggestion(n.text, names).empty()
               ? "names are schema fields, parameters, lists and tanggal_acuan"
               : Suggestion(n.text, names));
    return false;
  }
  if (symbol->kind == Symbol::Kind::kBroken) {
    c.ok = false;  // its declaration's error was reported; do not add follow-on errors
    return false;
  }
  t.type = symbol->type;
  t.list = symbol->list;
  switch (symbol->kind) {
    case Symbol::Kind::kBroken:
      return false;
    case Symbol::Kind::kField:
      t.op = OpCode::kField;
      t.slot = symbol->slot;
      if (std::find(c.slots.begin(), c.slots.end(), symbol->slot) == c.slots.end()) {
        c.slots.push_back(symbol->slot);
      }
      return true;
    case Symbol::Kind::kParameter:
      t.constant = symbol->value;
      if (std::find(c.parameters.begin(), c.parameters.end(), n.text) == c.parameters.end()) {
        c.parameters.push_back(n.text);
      }
      return true;
    case Symbol::Kind::kReferenceDate:
      t.constant = symbol->value;
      return true;
    case Symbol::Kind::kList:
      t.is_list = true;
      t.type = Type::kCode;
      if (std::find(c.lists.begin(), c.lists.end(), symbol->list) == c.lists.end()) {
        c.lists.push_back(symbol->list);
      }
      return true;
  }
  return false;
}

bool TypeChecker::CheckList(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  t.is_list = true;
  bool ok = true;
  std::optional<Type> type;
  for (uint32_t child : n.children) {
    if (!CheckNode(c, child)) {
      ok = false;
      continue;
    }
    const TypedNode& e = c.typed(child);
    bool constant = e.constant.has_value() ||
                    (c.node(child).kind == NodeKind::kUnary && c.node(child).op == Op::kNeg &&
                     c.typed(c.node(child).children[0]).constant.has_value());
    if (e.is_list || !constant) {
      Report(c, child, "a list literal may hold only constant values",
             "write literals or parameters, e.g. [1, 2, 3] or [\"becak\", \"ojek\"]");
      ok = false;
      continue;
    }
    if (!type) {
      type = e.type;
    } else if (*type != e.type) {
      std::optional<Type> unified = UnifyNumeric(*type, e.type);
      if (!unified) {
        Report(c, child,
               aturan::StrCat("list items must have one type: ", TypeName(*type), " and ",
                            TypeName(e.type), " are mixed"));
        ok = false;
        continue;
      }
      type = unified;
    }
  }
  t.type = type.value_or(Type::kBool);
  return ok;
}

bool TypeChecker::CheckUnary(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  if (!CheckNode(c, n.children[0])) return false;
  TypedNode& operand = c.child(index, 0);
  TypedNode& t = c.typed(index);
  if (n.op == Op::kNot) {
    if (operand.is_list || operand.type != Type::kBool) {
      Report(c, index, aturan::StrCat("'not' needs a bool, got ", TypeText(operand)));
      return false;
    }
    t.type = Type::kBool;
    t.op = OpCode::kNot;
    return true;
  }
  if (operand.is_list || !IsNumeric(operand.type)) {
    Report(c, index, aturan::StrCat("unary '-' needs a number, got ", TypeText(operand)));
    return false;
  }
  t.type = operand.type;
  t.op = operand.type == Type::kDecimal ? OpCode::kNegDecimal : OpCode::kNegInt;
  return true;
}

bool TypeChecker::CheckBinary(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  bool left_ok = CheckNode(c, n.children[0]);
  bool right_ok = CheckNode(c, n.children[1]);
  if (!left_ok || !right_ok) return false;
  if (n.op == Op::kIn || n.op == Op::kNotIn) return CheckIn(c, index);
  for (size_t k = 0; k < 2; ++k) {
    if (c.child(index, k).is_list) {
      Report(c, n.children[k], "a list can only be used after 'in' or 'not in'");
      return false;
    }
  }
  TypedNode& t = c.typed(index);
  switch (n.op) {
    case Op::kAnd:
    case Op::kOr:
      for (size_t k = 0; k < 2; ++k) {
        if (c.child(index, k).type != Type::kBool) {
          Report(c, n.children[k],
                 aturan::StrCat("'", expr::OpSpelling(n.op), "' needs bool operands, got ",
                              TypeName(c.child(index, k).type)));
          return false;
        }
      }
      t.type = Type::kBool;
      t.op = n.op == Op::kAnd ? OpCode::kAnd : OpCode::kOr;
      return true;
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      return CheckComparison(c, index);
    default:
      return CheckArithmetic(c, index);
  }
}

bool TypeChecker::CheckArithmetic(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  Type a = c.child(index, 0).type, b = c.child(index, 1).type;
  auto fail = [&] {
    Report(c, index,
           aturan::StrCat("cannot apply '", expr::OpSpelling(n.op), "' to ", TypeName(a), " and ",
                        TypeName(b)),
           "arithmetic works on int, money and decimal; dates take + and - with int days");
    return false;
  };
  // Dates: date +- int -> date, date - date -> int days.
  if (a == Type::kDate || b == Type::kDate) {
    if (n.op == Op::kAdd && ((a == Type::kDate && b == Type::kInt) ||
                             (a == Type::kInt && b == Type::kDate))) {
      t.type = Type::kDate;
    } else if (n.op == Op::kSub && a == Type::kDate && b == Type::kInt) {
      t.type = Type::kDate;
    } else if (n.op == Op::kSub && a == Type::kDate && b == Type::kDate) {
      t.type = Type::kInt;
    } else {
      return fail();
    }
    t.op = n.op == Op::kAdd ? OpCode::kAddInt : OpCode::kSubInt;
    return true;
  }
  std::optional<Type> unified = UnifyNumeric(a, b);
  if (!unified) return fail();
  switch (n.op) {
    case Op::kDiv:
      t.type = Type::kDecimal;
      t.op = OpCode::kDivDecimal;
      t.to_decimal[0] = a != Type::kDecimal;
      t.to_decimal[1] = b != Type::kDecimal;
      return true;
    case Op::kMod:
      if (*unified == Type::kDecimal || (b == Type::kMoney && a == Type::kInt)) return fail();
      t.type = *unified;
      t.op = OpCode::kModInt;
      return true;
    case Op::kMul:
      if (a == Type::kMoney && b == Type::kMoney) {
        Report(c, index, "cannot multiply money by money",
               "multiply money by an int or a decimal rate");
        return false;
      }
      if ((a == Type::kMoney && b == Type::kDecimal) || (a == Type::kDecimal && b == Type::kMoney)) {
        t.type = Type::kMoney;
        t.op = OpCode::kMulDecimal;
        t.to_decimal[0] = a == Type::kMoney;
        t.to_decimal[1] = b == Type::kMoney;
        t.round_to_money = true;
        return true;
      }
      break;
    default:
      break;
  }
  t.type = *unified;
  if (*unified == Type::kDecimal) {
    t.op = n.op == Op::kAdd ? OpCode::kAddDecimal
           : n.op == Op::kSub ? OpCode::kSubDecimal
                              : OpCode::kMulDecimal;
    t.to_decimal[0] = NeedsDecimal(a, *unified);
    t.to_decimal[1] = NeedsDecimal(b, *unified);
  } else {
    t.op = n.op == Op::kAdd ? OpCode::kAddInt : n.op == Op::kSub ? OpCode::kSubInt : OpCode::kMulInt;
  }
  return true;
}

bool TypeChecker::ToCode(Context& c, uint32_t index, int32_t list) {
  const expr::Node& n = c.node(index);
  const CodeList& codes = lists_[list];
  int32_t id = LookupCode(codes, n.text);
  if (id == kUnknownCode) {
    std::vector<std::string_view> names(codes.codes.begin(), codes.codes.end());
    std::string hint = Suggestion(n.text, names);
    Report(c, index, aturan::StrCat("\"", n.text, "\" is not a code of list '", codes.name, "'"),
           hint.empty() ? aturan::StrCat("codes of '", codes.name, "' are listed under lists: in the rule file")
                        : hint);
    return false;
  }
  TypedNode& t = c.typed(index);
  t.type = Type::kCode;
  t.list = list;
  t.constant = Value::Code(id);
  return true;
}

bool TypeChecker::CheckComparison(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  t.type = Type::kBool;
  t.compare = CompareOf(n.op);
  bool equality = n.op == Op::kEq || n.op == Op::kNe;
  TypedNode& l = c.child(index, 0);
  TypedNode& r = c.child(index, 1);
  Type a = l.type, b = r.type;
  if (std::optional<Type> unified = UnifyNumeric(a, b)) {
    t.op = *unified == Type::kDecimal ? OpCode::kCompareDecimal : OpCode::kCompareInt;
    t.to_decimal[0] = NeedsDecimal(a, *unified);
    t.to_decimal[1] = NeedsDecimal(b, *unified);
    return true;
  }
  if (a == b && (a == Type::kDate || a == Type::kString)) {
    t.op = a == Type::kDate ? OpCode::kCompareInt : OpCode::kCompareString;
    return true;
  }
  if (a == b && (a == Type::kBool || a == Type::kCode)) {
    if (!equality) {
      Report(c, index, aturan::StrCat("'", expr::OpSpelling(n.op), "' cannot order ", TypeName(a),
                                    " values"),
             "use == or !=");
      return false;
    }
    if (a == Type::kCode && l.list != r.list) {
      Report(c, index,
             aturan::StrCat("cannot compare codes of list '", lists_[l.list].name,
                          "' with codes of list '", lists_[r.list].name, "'"));
      return false;
    }
    t.op = OpCode::kCompareInt;
    return true;
  }
  if ((a == Type::kCode && b == Type::kString) || (a == Type::kString && b == Type::kCode)) {
    if (!equality) {
      Report(c, index, aturan::StrCat("'", expr::OpSpelling(n.op), "' cannot order codes"),
             "use == or !=");
      return false;
    }
    size_t string_side = a == Type::kString ? 0 : 1;
    int32_t list = string_side == 0 ? r.list : l.list;
    uint32_t string_node = n.children[string_side];
    if (c.node(string_node).kind == NodeKind::kString) {
      if (!ToCode(c, string_node, list)) return false;
      t.op = OpCode::kCompareInt;
      return true;
    }
    t.op = OpCode::kCompareCodeString;
    t.list = list;
    return true;
  }
  Report(c, index,
         aturan::StrCat("cannot compare ", TypeName(a), " with ", TypeName(b)),
         "both sides of a comparison need the same kind of value");
  return false;
}

bool TypeChecker::CheckIn(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  TypedNode& t = c.typed(index);
  t.type = Type::kBool;
  t.compare = n.op == Op::kNotIn ? Compare::kNe : Compare::kEq;
  TypedNode& x = c.child(index, 0);
  TypedNode& set = c.child(index, 1);
  uint32_t set_node = n.children[1];
  if (x.is_list) {
    Report(c, n.children[0], "the left side of 'in' must be a single value, not a list");
    return false;
  }
  if (!set.is_list) {
    Report(c, set_node,
           aturan::StrCat("the right side of '", expr::OpSpelling(n.op), "' must be a list, got ",
                        TypeName(set.type)),
           "write a list name from lists: or a list literal like [\"a\", \"b\"]");
    return false;
  }
  if (c.node(set_node).kind == NodeKind::kName) {
    const CodeList& named = lists_[set.list];
    if (x.type != Type::kCode || (x.list != set.list && named.parent != x.list)) {
      std::string want = named.parent >= 0 ? lists_[named.parent].name : named.name;
      Report(c, n.children[0],
             aturan::StrCat("'in ", named.name, "' needs a code of list '", want, "', got ",
                          x.type == Type::kCode ? aturan::StrCat("a code of list '", lists_[x.list].name, "'")
                                                : std::string(TypeName(x.type))),
             aturan::StrCat("declare the field as type: code with list: ", want));
      return false;
    }
    t.op = OpCode::kInCodeSet;
    return true;
  }
  const expr::Node& literal = c.node(set_node);
  if (x.type == Type::kCode) {
    bool ok = true;
    for (uint32_t item : literal.children) {
      if (c.node(item).kind != NodeKind::kString) {
        Report(c, item, "a code can only be looked up in a list of code strings",
               aturan::StrCat("write codes of list '", lists_[x.list].name, "' in quotes"));
        ok = false;
      } else {
        ok = ToCode(c, item, x.list) && ok;
      }
    }
    t.op = OpCode::kInCodeSet;
    return ok;
  }
  if (!literal.children.empty()) {
    bool compatible = set.type == x.type || UnifyNumeric(set.type, x.type).has_value();
    if (!compatible) {
      Report(c, set_node,
             aturan::StrCat("cannot look up ", TypeName(x.type), " in a list of ", TypeName(set.type)));
      return false;
    }
  }
  if (IsNumeric(x.type) && (x.type == Type::kDecimal || set.type == Type::kDecimal)) {
    t.op = OpCode::kInDecimalSet;
    t.to_decimal[0] = x.type != Type::kDecimal;
  } else if (x.type == Type::kString) {
    t.op = OpCode::kInStringSet;
  } else {
    t.op = OpCode::kInIntSet;
  }
  return true;
}

bool TypeChecker::CheckBetween(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  bool ok = true;
  for (uint32_t child : n.children) ok = CheckNode(c, child) && ok;
  if (!ok) return false;
  TypedNode& t = c.typed(index);
  t.type = Type::kBool;
  Type x = c.child(index, 0).type, lo = c.child(index, 1).type, hi = c.child(index, 2).type;
  bool any_list = c.child(index, 0).is_list || c.child(index, 1).is_list || c.child(index, 2).is_list;
  if (!any_list && x == Type::kDate && lo == Type::kDate && hi == Type::kDate) {
    t.op = OpCode::kBetweenInt;
    return true;
  }
  std::optional<Type> unified = UnifyNumeric(x, lo);
  if (unified) unified = UnifyNumeric(*unified, hi);
  if (any_list || !unified) {
    Report(c, index,
           aturan::StrCat("'between' needs three numbers or three dates, got ", TypeName(x), ", ",
                        TypeName(lo), " and ", TypeName(hi)));
    return false;
  }
  t.op = *unified == Type::kDecimal ? OpCode::kBetweenDecimal : OpCode::kBetweenInt;
  t.to_decimal[0] = NeedsDecimal(x, *unified);
  t.to_decimal[1] = NeedsDecimal(lo, *unified);
  t.to_decimal[2] = NeedsDecimal(hi, *unified);
  return true;
}

bool TypeChecker::CheckIf(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  bool ok = true;
  for (uint32_t child : n.children) ok = CheckNode(c, child) && ok;
  if (!ok) return false;
  TypedNode& t = c.typed(index);
  const TypedNode& cond = c.child(index, 0);
  if (cond.is_list || cond.type != Type::kBool) {
    Report(c, n.children[0], aturan::StrCat("the condition after 'if' must be bool, got ", TypeText(cond)));
    return false;
  }
  t.op = OpCode::kIf;
  const TypedNode& a = c.child(index, 1);
  const TypedNode& b = c.child(index, 2);
  if (a.is_list || b.is_list) {
    Report(c, index, "'if' cannot choose between lists");
    return false;
  }
  if (a.type == b.type && (a.type != Type::kCode || a.list == b.list)) {
    t.type = a.type;
    t.list = a.list;
    return true;
  }
  std::optional<Type> unified = UnifyNumeric(a.type, b.type);
  if (!unified) {
    Report(c, index,
           aturan::StrCat("'then' and 'else' must give the same type, got ", TypeName(a.type),
                        " and ", TypeName(b.type)));
    return false;
  }
  t.type = *unified;
  t.to_decimal[1] = NeedsDecimal(a.type, *unified);
  t.to_decimal[2] = NeedsDecimal(b.type, *unified);
  return true;
}

bool TypeChecker::CheckCall(Context& c, uint32_t index) {
  const expr::Node& n = c.node(index);
  const FunctionInfo* f = FindFunction(n.text);
  if (f == nullptr) {
    std::string hint = Suggestion(n.text, FunctionNames());
    Report(c, index, aturan::StrCat("unknown function '", n.text, "'"),
           hint.empty() ? aturan::StrCat("functions: ", JoinNames(FunctionNames())) : hint);
    return false;
  }
  int count = static_cast<int>(n.children.size());
  if (count < f->min_args || (f->max_args >= 0 && count > f->max_args)) {
    std::string expected = f->max_args < 0 ? aturan::StrCat("at least ", f->min_args)
                           : f->min_args == f->max_args ? aturan::StrCat(f->min_args)
                                                        : aturan::StrCat(f->min_args, " to ", f->max_args);
    Report(c, index,
           aturan::StrCat(f->name, "() takes ", expected, " argument", expected == "1" ? "" : "s",
                        ", got ", count),
           std::string(f->signature));
    return false;
  }
  bool ok = true;
  for (uint32_t child : n.children) ok = CheckNode(c, child) && ok;
  if (!ok) return false;
  for (int k = 0; k < count; ++k) {
    if (c.child(index, k).is_list) {
      Report(c, n.children[k], aturan::StrCat(f->name, "() does not take a list"), std::string(f->signature));
      return false;
    }
  }
  TypedNode& t = c.typed(index);
  auto arg = [&](int k) -> const TypedNode& { return c.child(index, k); };
  auto want = [&](int k, bool good, std::string_view what) {
    if (good) return true;
    Report(c, n.children[k],
           aturan::StrCat(f->name, "() argument ", k + 1, " must be ", what, ", got ",
                        TypeName(arg(k).type)),
           std::string(f->signature));
    return false;
  };
  switch (f->id) {
    case Builtin::kAge:
      t.type = Type::kInt;
      t.op = OpCode::kAge;
      return want(0, arg(0).type == Type::kDate, "a date") && want(1, arg(1).type == Type::kDate, "a date");
    case Builtin::kMin:
    case Builtin::kMax: {
      bool is_min = f->id == Builtin::kMin;
      if (arg(0).type == Type::kDate) {
        for (int k = 1; k < count; ++k) {
          if (!want(k, arg(k).type == Type::kDate, "a date, like the first")) return false;
        }
        t.type = Type::kDate;
        t.op = is_min ? OpCode::kMinInt : OpCode::kMaxInt;
        return true;
      }
      Type unified = arg(0).type;
      if (!want(0, IsNumeric(unified), "a number or a date")) return false;
      for (int k = 1; k < count; ++k) {
        std::optional<Type> u = UnifyNumeric(unified, arg(k).type);
        if (!want(k, u.has_value(), "a number")) return false;
        unified = *u;
      }
      t.type = unified;
      t.op = unified == Type::kDecimal ? (is_min ? OpCode::kMinDecimal : OpCode::kMaxDecimal)
                                       : (is_min ? OpCode::kMinInt : OpCode::kMaxInt);
      return true;
    }
    case Builtin::kAbs:
      t.type = arg(0).type;
      t.op = arg(0).type == Type::kDecimal ? OpCode::kAbsDecimal : OpCode::kAbsInt;
      return want(0, IsNumeric(arg(0).type), "a number");
    case Builtin::kFloor:
    case Builtin::kCeil:
    case Builtin::kRound:
      t.type = Type::kInt;
      t.op = f->id == Builtin::kFloor ? OpCode::kFloor
             : f->id == Builtin::kCeil ? OpCode::kCeil
                                       : OpCode::kRound;
      return want(0, IsNumeric(arg(0).type), "a number");
    case Builtin::kStartsWith:
    case Builtin::kContains:
      t.type = Type::kBool;
      t.op = f->id == Builtin::kStartsWith ? OpCode::kStartsWith : OpCode::kContains;
      t.list = arg(0).type == Type::kCode ? arg(0).list : -1;
      return want(0, arg(0).type == Type::kString || arg(0).type == Type::kCode, "a string or a code") &&
             want(1, arg(1).type == Type::kString, "a string");
    case Builtin::kLen:
      t.type = Type::kInt;
      t.op = OpCode::kLen;
      return want(0, arg(0).type == Type::kString, "a string");
    case Builtin::kIsMissing:
      t.type = Type::kBool;
      t.op = OpCode::kIsMissing;
      return true;
    case Builtin::kCoalesce: {
      t.op = OpCode::kCoalesce;
      const TypedNode& a = arg(0);
      const TypedNode& b = arg(1);
      if (a.type == b.type && (a.type != Type::kCode || a.list == b.list)) {
        t.type = a.type;
        t.list = a.list;
        return true;
      }
      std::optional<Type> u = UnifyNumeric(a.type, b.type);
      if (!want(1, u.has_value(), aturan::StrCat("of the same type as argument 1 (", TypeName(a.type), ")")))
        return false;
      t.type = *u;
      t.to_decimal[0] = NeedsDecimal(a.type, *u);
      t.to_decimal[1] = NeedsDecimal(b.type, *u);
      return true;
    }
    case Builtin::kYear:
    case Builtin::kMonth:
    case Builtin::kDay:
      t.type = Type::kInt;
      t.op = f->id == Builtin::kYear ? OpCode::kYear : f->id == Builtin::kMonth ? OpCode::kMonth : OpCode::kDay;
      return want(0, arg(0).type == Type::kDate, "a date");
    case Builtin::kNikValid:
    case Builtin::kNikSex:
    case Builtin::kNikBirthDate:
      t.type = f->id == Builtin::kNikValid ? Type::kBool
               : f->id == Builtin::kNikSex ? Type::kString
                                           : Type::kDate;
      t.op = f->id == Builtin::kNikValid ? OpCode::kNikValid
             : f->id == Builtin::kNikSex ? OpCode::kNikSex
                                         : OpCode::kNikBirthDate;
      return want(0, arg(0).type == Type::kString, "a string");
  }
  return false;
}

}  // namespace aturan::internal
