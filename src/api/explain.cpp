#include "base/strings.hpp"
#include "aturan/rule_set.hpp"
#include "base/dates.hpp"
#include "base/value_text.hpp"
#include "eval/evaluator.hpp"

namespace aturan {
namespace {

using internal::Program;

// A value as people read it; codes show their code and Indonesian name.
std::string Describe(const Program& program, int32_t list, const Value& v) {
  if (v.missing() || v.type() != Type::kCode || list < 0) return FormatValue(v);
  const internal::CodeList& codes = program.lists[list];
  int32_t id = v.as_code();
  if (id < 0 || static_cast<size_t>(id) >= codes.codes.size()) return "(tidak dikenal)";
  if (codes.names[id].empty() || codes.names[id] == codes.codes[id]) return codes.codes[id];
  return aturan::StrCat(codes.codes[id], " (", codes.names[id], ")");
}

std::string FieldValueText(const Program& program, int32_t slot, std::span<const Value> record) {
  Value raw = static_cast<size_t>(slot) < record.size() ? record[slot] : Value();
  if (raw.type() == Type::kCode && !raw.missing() && raw.as_code() == kUnknownCode) {
    return "(kode tidak dikenal)";
  }
  return Describe(program, program.field_list[slot], internal::ReadField(program, slot, record));
}

// An expression as written, its lines after the first indented under the first.
std::string IndentedExpression(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += "            ";
  }
  return out;
}

const char* OutcomeMark(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass: return "[v] terpenuhi";
    case Outcome::kFail: return "[x] tidak terpenuhi";
    case Outcome::kUnknown: return "[?] tidak dapat dinilai (data kosong)";
  }
  return "";
}

}  // namespace

Explanation RuleSet::Explain(std::span<const Value> record) const {
  const Program& p = *program_;
  Explanation e;
  e.regulation_id = p.regulation_id;
  e.regulation_title = p.regulation_title;
  e.reference_date = FormatIsoDate(Date::FromCivil(p.reference_date));
  internal::EvaluateRecord(p, record, &e.decision);
  if (e.decision.status == Status::kInvalid) {
    int32_t slot = e.decision.invalid_slot;
    e.invalid_field = p.fields[slot].name;
    e.invalid_reason = internal::ReadField(p, slot, record).missing()
                           ? "wajib diisi tetapi kosong"
                           : "nilainya tidak ada dalam daftar kode";
    return e;
  }
  for (size_t i = 0; i < p.rules.size(); ++i) {
    RuleTrace trace;
    trace.id = p.rules[i].id;
    trace.outcome = e.decision.outcome(static_cast<int>(i));
    trace.when = p.rules[i].when;
    trace.reason = p.rules[i].reason;
    trace.reference = p.rules[i].reference;
    for (int32_t slot : p.rule_inputs[i].slots) {
      trace.inputs.push_back({p.fields[slot].name, FieldValueText(p, slot, record), false});
    }
    for (const auto& [name, value] : p.rule_inputs[i].parameters) {
      trace.inputs.push_back({name, FormatValue(value), true});
    }
    e.rules.push_back(std::move(trace));
  }
  if (p.has_score_expression) {
    Value s = internal::EvaluateNode(p, p.score_root, record);
    double points = s.missing() ? 0 : s.type() == Type::kDecimal ? s.as_decimal()
                                                                  : static_cast<double>(s.as_int());
    e.score_terms.push_back({"score", points});
  }
  for (const internal::ScoreTerm& term : p.score_terms) {
    Value w = internal::EvaluateNode(p, term.when, record);
    e.score_terms.push_back({term.id, !w.missing() && w.as_bool() ? term.points : 0});
  }
  return e;
}

std::string Explanation::ToText() const {
  std::string out = aturan::StrCat("Aturan: ", regulation_id, " - ", regulation_title, "\n",
                                 "Tanggal acuan: ", reference_date, "\n");
  const char* verdict = decision.status == Status::kEligible     ? "MEMENUHI SYARAT"
                        : decision.status == Status::kIneligible ? "TIDAK MEMENUHI SYARAT"
                                                                 : "DATA TIDAK SAH";
  if (decision.status == Status::kInvalid) {
    aturan::StrAppend(&out, "\nKeputusan: ", verdict, " (", StatusName(decision.status), ")\n",
                    "  Kolom '", invalid_field, "': ", invalid_reason, "\n");
    return out;
  }
  for (const RuleTrace& rule : rules) {
    aturan::StrAppend(&out, "\n", OutcomeMark(rule.outcome), ": ", rule.id, "\n",
                    "    syarat: ", IndentedExpression(rule.when), "\n");
    for (const InputValue& input : rule.inputs) {
      aturan::StrAppend(&out, "    ", input.is_parameter ? "parameter " : "data ", input.name,
                      " = ", input.value, "\n");
    }
    if (rule.outcome != Outcome::kPass) aturan::StrAppend(&out, "    alasan: ", rule.reason, "\n");
    if (!rule.reference.empty()) aturan::StrAppend(&out, "    dasar: ", rule.reference, "\n");
  }
  aturan::StrAppend(&out, "\nKeputusan: ", verdict, " (", StatusName(decision.status), ")\n");
  if (!score_terms.empty()) {
    aturan::StrAppend(&out, "Skor prioritas: ", FormatValue(Value::Decimal(decision.score)));
    std::string parts;
    for (const ScoreTrace& term : score_terms) {
      if (term.points == 0) continue;
      aturan::StrAppend(&parts, parts.empty() ? "" : ", ", term.id, " +",
                      FormatValue(Value::Decimal(term.points)));
    }
    aturan::StrAppend(&out, parts.empty() ? "" : aturan::StrCat(" (", parts, ")"), "\n");
  }
  return out;
}

}  // namespace aturan
