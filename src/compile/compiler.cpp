#include "compile/compiler.hpp"

#include <optional>
#include <string>
#include <utility>

#include "base/strings.hpp"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "base/dates.hpp"
#include "base/readable_expression.hpp"
#include "base/value_text.hpp"
#include "check/scope.hpp"
#include "check/type_checker.hpp"
#include "compile/lower.hpp"
#include "compile/quota_compiler.hpp"
#include "compile/quota_warnings.hpp"
#include "eval/code_lookup.hpp"
#include "expr/parse.hpp"

namespace aturan::internal {
namespace {

class Compiler {
 public:
  Compiler(const spec::Spec& spec, const LoadOptions& options, std::string_view rule_dir,
           std::vector<Diagnostic>* diagnostics)
      : spec_(spec), options_(options), rule_dir_(rule_dir), diagnostics_(diagnostics),
        p_(std::make_shared<Program>()),
        broken_(spec.broken_names.begin(), spec.broken_names.end()) {}

  std::shared_ptr<const Program> Run() {
    CompileMetadata();
    CompileLists();
    CompileFields();
    CompileInputChecks();
    BuildScope();
    CompileFieldDefaults();
    CompilePremiums();
    CompileRules();
    CompilePriority();
    CompileQuota(spec_, rule_dir_,
                 [this](const spec::ExprText& text, std::string_view what) {
                   return CompileCondition(text, what);
                 },
                 p_.get(), diagnostics_);
    WarnAboutUnused();
    if (HasErrors(*diagnostics_)) return nullptr;
    WarnAboutQuota(spec_, *p_, diagnostics_);
    return p_;
  }

 private:
  void Error(spec::SourceRef at, std::string message, std::string hint = "") {
    diagnostics_->push_back(Diagnostic{Diagnostic::Severity::kError, spec_.file, at.line,
                                       at.column, std::move(message), std::move(hint)});
  }

  void Warning(spec::SourceRef at, std::string message, std::string hint = "") {
    diagnostics_->push_back(Diagnostic{Diagnostic::Severity::kWarning, spec_.file, at.line,
                                       at.column, std::move(message), std::move(hint)});
  }

  // Notes what an expression uses, for the warnings about unused declarations.
  void NoteUses(const CheckedExpr& checked) {
    for (const std::string& name : checked.parameters) used_parameters_.insert(name);
    for (int32_t list : checked.lists) used_lists_.insert(list);
  }

  // A parameter or list that no expression and no field uses is probably a mistake (a rule
  // dropped in a revision, a misspelt reference that found another name).
  void WarnAboutUnused() {
    if (HasErrors(*diagnostics_)) return;
    for (const spec::Parameter& parameter : spec_.parameters) {
      if (!used_parameters_.contains(parameter.name.text)) {
        Warning(parameter.name.at, aturan::StrCat("parameter '", parameter.name.text, "' is never used"),
                "use it in a rule, or remove it");
      }
    }
    for (int32_t list : p_->field_list) used_lists_.insert(list);
    for (size_t i = 0; i < spec_.lists.size(); ++i) {
      if (!used_lists_.contains(static_cast<int32_t>(i))) {
        Warning(spec_.lists[i].name.at, aturan::StrCat("list '", spec_.lists[i].name.text, "' is never used"),
                "use it as a field's list or after 'in', or remove it");
      }
    }
  }

  // A rule or score term whose condition folded to a constant decides nothing per candidate.
  void WarnIfConstant(uint32_t root, spec::SourceRef at, std::string_view what) {
    const Node& node = p_->nodes[root];
    if (node.op != OpCode::kConst) return;
    std::string value = node.constant.missing() ? "missing" : node.constant.as_bool() ? "true" : "false";
    Warning(at, aturan::StrCat(what, " is always ", value, " whatever the candidate"),
            "it reads no field; check the expression");
  }

  void CompileMetadata() {
    const spec::Regulation& r = spec_.regulation;
    p_->file = spec_.file;
    p_->regulation_id = r.id.text;
    p_->regulation_title = r.title.text;
    p_->region = r.region.text;
    p_->revises = r.revises.text;
    p_->coverage_months = spec_.program.coverage_months;
    if (options_.reference_date) {
      p_->reference_date = *options_.reference_date;
    } else if (spec_.program.reference_date) {
      p_->reference_date = *spec_.program.reference_date;
    } else {
      Error(spec_.program.at, "program: missing reference_date",
            "add reference_date: YYYY-MM-DD, the day dated values are resolved for");
    }
  }

  void CompileLists() {
    for (const spec::List& list : spec_.lists) {
      CodeList codes;
      codes.name = list.name.text;
      list_index_.emplace(list.name.text, static_cast<int32_t>(p_->lists.size()));
      p_->lists.push_back(std::move(codes));
    }
    for (size_t i = 0; i < spec_.lists.size(); ++i) {
      const spec::List& list = spec_.lists[i];
      CodeList& codes = p_->lists[i];
      if (list.subset_of.text.empty()) {
        for (const spec::ListItem& item : list.items) {
          int32_t id = static_cast<int32_t>(codes.codes.size());
          codes.codes.push_back(item.code.text);
          codes.names.push_back(item.name);
          codes.lookup.emplace(CodeKey(item.code.text), id);
          for (const spec::LocatedText& alias : item.aliases) codes.lookup.emplace(CodeKey(alias.text), id);
        }
        continue;
      }
      // The loader has reported a subset_of naming no full list, and items outside it.
      auto parent = list_index_.find(list.subset_of.text);
      if (parent == list_index_.end() || !spec_.lists[parent->second].subset_of.text.empty()) {
        broken_.insert(list.name.text);
        continue;
      }
      codes.parent = parent->second;
      const CodeList& domain = p_->lists[parent->second];
      for (const spec::ListItem& item : list.items) {
        int32_t id = LookupCode(domain, item.code.text);
        if (id == kUnknownCode) {
          broken_.insert(list.name.text);
          continue;
        }
        codes.members.push_back(id);
        codes.codes.push_back(domain.codes[id]);
        codes.names.push_back(domain.names[id]);
      }
    }
  }

  void CompileFields() {
    if (spec_.schema.size() > static_cast<size_t>(kMaxFields)) {
      Error({}, aturan::StrCat("the schema has ", spec_.schema.size(), " fields; at most ",
                             kMaxFields, " are allowed"));
      return;
    }
    for (const spec::Field& f : spec_.schema) {
      int32_t slot = static_cast<int32_t>(p_->fields.size());
      FieldInfo info{f.name.text, f.type, f.list.text, f.description, f.required, f.key, {}};
      for (const spec::LocatedText& header : f.headers) info.headers.push_back(header.text);
      int32_t list = -1;
      if (f.type == Type::kCode) {
        auto it = list_index_.find(f.list.text);
        if (it == list_index_.end()) {
          broken_.insert(f.name.text);  // the loader has reported the missing list
        } else {
          list = it->second;
          if (p_->lists[list].parent >= 0) {
            Error(f.list.at, "a code field's list must be a full list, not a subset",
                  aturan::StrCat("use list: ", p_->lists[p_->lists[list].parent].name,
                               " and check membership with 'in ", f.list.text, "'"));
            broken_.insert(f.name.text);
          }
        }
      }
      p_->fields.push_back(std::move(info));
      p_->field_list.push_back(list);
      p_->field_defaults.push_back(Value::MissingOf(f.type));
      p_->slot_by_name.emplace(f.name.text, slot);
      if (f.required || f.type == Type::kCode) {
        int32_t count = list >= 0 ? static_cast<int32_t>(p_->lists[list].codes.size()) : -1;
        p_->checked_fields.push_back(CheckedField{slot, f.required, count});
      }
    }
  }

  // input: the fields named there, else the conventional ones when they fit. A named field
  // that does not fit has been reported by the loader and is left out.
  void CompileInputChecks() {
    const spec::Input& input = spec_.input;
    InputChecks& checks = p_->input_checks;
    checks.nik_mismatch_is_error = input.nik_mismatch_is_error;
    checks.nik_slot = InputSlot(input.nik, "nik", Type::kString);
    checks.birth_date_slot = InputSlot(input.birth_date, "tanggal_lahir", Type::kDate);
    const int32_t sex = InputSlot(input.sex, "jenis_kelamin", Type::kCode);
    if (sex < 0 || p_->field_list[sex] < 0) return;
    const CodeList& list = p_->lists[p_->field_list[sex]];
    const int32_t male = CodeIgnoringCase(list, "L");
    const int32_t female = CodeIgnoringCase(list, "P");
    if (male == kUnknownCode || female == kUnknownCode) return;
    checks.sex_slot = sex;
    checks.male_code = male;
    checks.female_code = female;
  }

  // The slot of the field `named` (or `conventional` when nothing is named) if it has `type`.
  int32_t InputSlot(const spec::LocatedText& named, std::string_view conventional,
                    Type type) const {
    const std::string name = named.text.empty() ? std::string(conventional) : named.text;
    const auto it = p_->slot_by_name.find(name);
    if (it == p_->slot_by_name.end() || p_->fields[it->second].type != type) return -1;
    return it->second;
  }

  // The id of canonical code `code` in `list`, ignoring case (aliases do not count).
  static int32_t CodeIgnoringCase(const CodeList& list, std::string_view code) {
    for (size_t id = 0; id < list.codes.size(); ++id) {
      if (absl::EqualsIgnoreCase(list.codes[id], ToAbsl(code))) return static_cast<int32_t>(id);
    }
    return kUnknownCode;
  }

  // Names whose declaration had an error: expressions naming them fail without new messages.
  bool AddIfBroken(const std::string& name) {
    if (!broken_.contains(name)) return false;
    Symbol s;
    s.kind = Symbol::Kind::kBroken;
    scope_.Add(name, s);
    return true;
  }

  void BuildScope() {
    for (size_t slot = 0; slot < p_->fields.size(); ++slot) {
      if (AddIfBroken(p_->fields[slot].name)) continue;
      Symbol s;
      s.kind = Symbol::Kind::kField;
      s.type = p_->fields[slot].type;
      s.slot = static_cast<int32_t>(slot);
      s.list = p_->field_list[slot];
      scope_.Add(p_->fields[slot].name, s);
    }
    for (size_t i = 0; i < p_->lists.size(); ++i) {
      if (AddIfBroken(p_->lists[i].name)) continue;
      Symbol s;
      s.kind = Symbol::Kind::kList;
      s.type = Type::kCode;
      s.list = static_cast<int32_t>(i);
      scope_.Add(p_->lists[i].name, s);
    }
    Symbol reference;
    reference.kind = Symbol::Kind::kReferenceDate;
    reference.type = Type::kDate;
    reference.value = Value::FromDate(Date::FromCivil(p_->reference_date));
    scope_.Add("tanggal_acuan", reference);
    for (const spec::Parameter& parameter : spec_.parameters) {
      if (AddIfBroken(parameter.name.text)) continue;
      const spec::DatedValue* dated = Resolve(parameter.values, parameter.name);
      std::optional<Value> value;
      if (dated != nullptr) value = ConstantOf(dated->value, parameter.type, -1);
      if (!value) {
        broken_.insert(parameter.name.text);
        AddIfBroken(parameter.name.text);
        continue;
      }
      Symbol s;
      s.kind = Symbol::Kind::kParameter;
      s.type = value->type();
      s.value = *value;
      scope_.Add(parameter.name.text, s);
      p_->parameter_names.push_back(parameter.name.text);
      const bool as_written = value->type() == Type::kCode || value->type() == Type::kString;
      p_->parameters.push_back(ParameterInfo{parameter.name.text, value->type(),
                                             as_written ? ReadableExpression(dated->value.text) : FormatValue(*value),
                                             dated->reference.empty() ? parameter.reference : dated->reference});
    }
  }

  // The value in force on the reference date, or nullptr (reported).
  const spec::DatedValue* Resolve(const std::vector<spec::DatedValue>& values,
                                  const spec::LocatedText& name) {
    const spec::DatedValue* chosen = nullptr;
    for (const spec::DatedValue& v : values) {
      if (!v.from || *v.from <= p_->reference_date) chosen = &v;
    }
    if (chosen == nullptr) {
      std::string first = values.empty() || !values.front().from
                              ? std::string("none")
                              : FormatIsoDate(Date::FromCivil(*values.front().from));
      Error(name.at,
            aturan::StrCat("'", name.text, "' has no value on the reference date ",
                         FormatIsoDate(Date::FromCivil(p_->reference_date)),
                         " (its first value holds from ", first, ")"),
            "add a value dated on or before the reference date");
    }
    return chosen;
  }

  // A literal value: text taken as is for strings and codes, else parsed and folded.
  std::optional<Value> ConstantOf(const spec::ExprText& text, std::optional<Type> declared,
                                  int32_t list) {
    if (declared == Type::kString) return Intern(Value::String(text.text), p_.get());
    if (declared == Type::kCode) {
      if (list < 0) {
        Error(text.at, "a parameter cannot have type code", "use a list under lists: instead");
        return std::nullopt;
      }
      int32_t id = LookupCode(p_->lists[list], text.text);
      if (id == kUnknownCode) {
        Error(text.at, aturan::StrCat("'", text.text, "' is not a code of list '", p_->lists[list].name, "'"));
        return std::nullopt;
      }
      return Value::Code(id);
    }
    Scope empty;
    std::optional<uint32_t> root = CompileExpression(text, empty);
    if (!root) return std::nullopt;
    const Node& node = p_->nodes[*root];
    if (node.op != OpCode::kConst || node.constant.missing()) {
      Error(text.at, aturan::StrCat("'", text.text, "' is not a constant value"),
            "write a literal such as 18, 2_500_000, 0.5, 2023-01-01 or true");
      return std::nullopt;
    }
    Value v = node.constant;
    if (!declared || *declared == v.type()) return v;
    if (*declared == Type::kMoney && v.type() == Type::kInt) return Value::Money(v.as_int());
    if (*declared == Type::kDecimal && (v.type() == Type::kInt || v.type() == Type::kMoney)) {
      return Value::Decimal(static_cast<double>(v.as_int()));
    }
    Error(text.at, aturan::StrCat("expected a value of type ", TypeName(*declared), ", got ", TypeName(v.type()),
                                " '", text.text, "'"));
    return std::nullopt;
  }

  // Parses, checks and lowers an expression; nullopt after reporting errors.
  std::optional<uint32_t> CompileExpression(const spec::ExprText& text, const Scope& scope,
                                            CheckedExpr* checked_out = nullptr) {
    expr::ParseResult parsed = expr::ParseExpression(text.text);
    if (parsed.error) {
      Error(text.At(parsed.error->offset), parsed.error->message, parsed.error->hint);
      return std::nullopt;
    }
    TypeChecker checker(scope, p_->lists, spec_.file, diagnostics_);
    std::optional<CheckedExpr> checked = checker.Check(*parsed.ast, text);
    if (!checked) return std::nullopt;
    if (checked->is_list()) {
      Error(text.at, "a list can only be used after 'in' or 'not in'");
      return std::nullopt;
    }
    uint32_t root = Lower(*parsed.ast, *checked, p_.get());
    NoteUses(*checked);
    if (checked_out != nullptr) *checked_out = std::move(*checked);
    return root;
  }

  void CompileFieldDefaults() {
    for (size_t slot = 0; slot < spec_.schema.size() && slot < p_->fields.size(); ++slot) {
      const spec::Field& f = spec_.schema[slot];
      if (!f.default_value || broken_.contains(f.name.text)) continue;
      std::optional<Value> v = ConstantOf(*f.default_value, f.type, p_->field_list[slot]);
      if (v) p_->field_defaults[slot] = *v;
    }
  }

  void CompilePremiums() {
    for (const spec::Premium& premium : spec_.program.premiums) {
      const spec::DatedValue* dated = Resolve(premium.values, premium.name);
      if (dated == nullptr) continue;
      std::optional<Value> v = ConstantOf(dated->value, Type::kMoney, -1);
      if (!v) continue;
      if (v->as_int() < 0) {
        Error(dated->value.at, "a premium cannot be negative");
        continue;
      }
      std::string reference = dated->reference.empty() ? premium.reference : dated->reference;
      std::optional<uint32_t> per_person;
      if (premium.per_person) {
        CheckedExpr checked;
        per_person = CompileExpression(*premium.per_person, scope_, &checked);
        if (per_person && !IsNumeric(checked.type())) {
          Error(premium.per_person->at, aturan::StrCat("premium '", premium.name.text,
                                                       "': per_person must be an amount (a number), got ",
                                                       TypeName(checked.type())));
          continue;
        }
        if (!per_person) continue;
      }
      p_->premiums.push_back(PremiumInfo{premium.name.text, v->as_int(), reference,
                                         premium.per_person ? premium.per_person->text : ""});
      p_->premium_roots.push_back(per_person.value_or(kNoFilter));
      p_->monthly_premium += v->as_int();
    }
  }

  void CompileRules() {
    if (spec_.eligibility.size() > static_cast<size_t>(kMaxRules)) {
      Error({}, aturan::StrCat("there are ", spec_.eligibility.size(), " eligibility rules; at most ",
                             kMaxRules, " are allowed"));
      return;
    }
    for (const spec::Rule& rule : spec_.eligibility) {
      CheckedExpr checked;
      std::optional<uint32_t> root = CompileExpression(rule.when, scope_, &checked);
      if (!root) continue;
      if (checked.type() != Type::kBool) {
        Error(rule.when.at, aturan::StrCat("rule '", rule.id.text, "': 'when' must be a condition (bool), got ",
                                         TypeName(checked.type())));
        continue;
      }
      WarnIfConstant(*root, rule.when.at, aturan::StrCat("rule '", rule.id.text, "'"));
      p_->rules.push_back(RuleInfo{rule.id.text, rule.when.text, rule.reason, rule.reference});
      p_->rule_roots.push_back(*root);
      RuleInputs inputs;
      inputs.slots = checked.slots;
      for (const std::string& name : checked.parameters) {
        inputs.parameters.emplace_back(name, scope_.Find(name)->value);
      }
      p_->rule_inputs.push_back(std::move(inputs));
    }
  }

  // A bool condition outside the eligibility rules (a quota pool's filter, a reserved
  // group); `what` names it in messages.
  std::optional<uint32_t> CompileCondition(const spec::ExprText& text, std::string_view what) {
    CheckedExpr checked;
    std::optional<uint32_t> root = CompileExpression(text, scope_, &checked);
    if (!root) return std::nullopt;
    if (checked.type() != Type::kBool) {
      Error(text.at, aturan::StrCat(what, ": 'when' must be a condition (bool), got ",
                                    TypeName(checked.type())));
      return std::nullopt;
    }
    WarnIfConstant(*root, text.at, aturan::StrCat(what, ": 'when'"));
    return root;
  }

  void CompilePriority() {
    const spec::Priority& priority = spec_.priority;
    if (priority.score) p_->score_text = ReadableExpression(priority.score->text);
    for (const spec::ScoreTerm& term : priority.terms) {
      if (!p_->score_text.empty()) p_->score_text.append("; ");
      const std::string points = ReadableExpression(term.points.text);
      aturan::StrAppend(&p_->score_text, term.id.text, points.starts_with('-') ? " " : " +", points, ": ",
                        ReadableExpression(term.when.text));
    }
    if (priority.score) {
      CheckedExpr checked;
      std::optional<uint32_t> root = CompileExpression(*priority.score, scope_, &checked);
      if (root && !IsNumeric(checked.type())) {
        Error(priority.score->at, aturan::StrCat("priority score must be a number, got ",
                                               TypeName(checked.type())));
      } else if (root) {
        p_->has_score_expression = true;
        p_->score_root = *root;
      }
    }
    for (const spec::ScoreTerm& term : priority.terms) {
      CheckedExpr checked;
      std::optional<uint32_t> when = CompileExpression(term.when, scope_, &checked);
      if (when && checked.type() != Type::kBool) {
        Error(term.when.at, aturan::StrCat("score term '", term.id.text, "': 'when' must be a condition (bool)"));
        continue;
      }
      std::optional<Value> points = ConstantOf(term.points, std::nullopt, -1);
      if (points && !IsNumeric(points->type())) {
        Error(term.points.at, "points must be a number");
        continue;
      }
      if (!when || !points) continue;
      WarnIfConstant(*when, term.when.at, aturan::StrCat("score term '", term.id.text, "'"));
      double p = points->type() == Type::kDecimal ? points->as_decimal()
                                                  : static_cast<double>(points->as_int());
      p_->score_terms.push_back(ScoreTerm{term.id.text, *when, p});
    }
    if (priority.order.size() > static_cast<size_t>(kMaxOrderKeys)) {
      Error(priority.at, aturan::StrCat("priority.order has ", priority.order.size(),
                                      " keys; at most ", kMaxOrderKeys, " are allowed"));
      return;
    }
    for (const spec::OrderKey& key : priority.order) {
      auto it = p_->slot_by_name.find(key.field.text);
      if (it == p_->slot_by_name.end()) continue;  // reported by the loader
      p_->order.push_back(OrderKey{it->second, key.descending});
    }
  }

  const spec::Spec& spec_;
  const LoadOptions& options_;
  std::string_view rule_dir_;
  std::vector<Diagnostic>* diagnostics_;
  std::shared_ptr<Program> p_;
  absl::flat_hash_map<std::string, int32_t> list_index_;
  absl::flat_hash_set<std::string> broken_;
  absl::flat_hash_set<std::string> used_parameters_;
  absl::flat_hash_set<int32_t> used_lists_;
  Scope scope_;
};

}  // namespace

std::shared_ptr<const Program> Compile(const spec::Spec& spec, const LoadOptions& options,
                                       std::string_view rule_dir,
                                       std::vector<Diagnostic>* diagnostics) {
  return Compiler(spec, options, rule_dir, diagnostics).Run();
}

}  // namespace aturan::internal
