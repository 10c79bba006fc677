#include "table/row_converter.hpp"

#include "absl/strings/ascii.h"
#include "base/dates.hpp"
#include "base/nik.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "base/value_text.hpp"

namespace aturan::internal {

namespace {

std::string TwoDigits(int n) { return StrCat(n < 10 ? "0" : "", n); }

}  // namespace

RowConverter::RowConverter(const RuleSet& rules, const ColumnMapping& mapping)
    : rules_(rules), mapping_(mapping), code_words_(rules.fields().size()) {
  for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
    if (rules.fields()[slot].key) key_slot_ = static_cast<int>(slot);
    code_words_[slot] = rules.CodeSpellings(static_cast<int>(slot));
  }
}

void RowConverter::Convert(const RawChunk& chunk, CandidateTable* table) const {
  const std::span<const FieldInfo> fields = rules_.fields();
  for (size_t i = 0; i < chunk.rows.size(); ++i) {
    const RawRow& raw = chunk.rows[i];
    const size_t row = table->AddRow(raw.record_number, raw.line);
    if (raw.problem != RawRow::kNoProblem) {
      const RawProblem& problem = chunk.problems[raw.problem];
      table->AddIssue(row, IssueKind::kMalformedRow, problem.column, problem.value, problem.reason, true);
      continue;
    }
    for (size_t slot = 0; slot < fields.size(); ++slot) {
      std::optional<std::string_view> text = chunk.Cell(i, static_cast<int>(slot));
      if (text) ConvertCell(row, static_cast<int>(slot), *text, table);
      if (fields[slot].required && table->Get(row, static_cast<int>(slot)).missing() &&
          !(text && !absl::StripAsciiWhitespace(ToAbsl(*text)).empty())) {
        table->AddIssue(row, IssueKind::kMissingRequired, fields[slot].name, "", "required value is missing", true);
      }
    }
    if (raw.duplicate_of != 0) {
      table->AddIssue(row, IssueKind::kDuplicateKey, fields[key_slot_].name, NormalizedKey(*chunk.Cell(i, key_slot_)),
                      StrCat("duplicate ", fields[key_slot_].name, ": first seen in row ", raw.duplicate_of), true);
    }
    CheckNik(row, table);
  }
}

void RowConverter::ConvertCell(size_t row, int slot, std::string_view text, CandidateTable* table) const {
  const FieldInfo& field = rules_.fields()[slot];
  if (mapping_.HasValueRenames(slot)) text = mapping_.MapValue(slot, text);
  if (field.type == Type::kCode) {
    std::string_view trimmed = FromAbsl(absl::StripAsciiWhitespace(ToAbsl(text)));
    if (trimmed.empty()) return;
    int32_t id = rules_.CodeId(slot, trimmed);
    if (id == kUnknownCode) {
      std::string hint = ClosestMatch(trimmed, code_words_[slot]);
      table->AddIssue(row, IssueKind::kNotInList, field.name, trimmed,
                      StrCat("not in list '", field.list, "'",
                             hint.empty() ? std::string() : StrCat(" (did you mean '", hint, "'?)")),
                      true);
      return;
    }
    table->Set(row, slot, Value::Code(id));
    return;
  }
  if (field.key || slot == rules_.input_checks().nik_slot) text = NormalizedKey(text);
  absl::StatusOr<Value> value = ParseValueText(field.type, text);
  if (!value.ok()) {
    table->AddIssue(row, IssueKind::kBadValue, field.name, FromAbsl(absl::StripAsciiWhitespace(ToAbsl(text))),
                    FromAbsl(value.status().message()), true);
    return;
  }
  table->Set(row, slot, *value);
}

void RowConverter::CheckNik(size_t row, CandidateTable* table) const {
  const InputChecks& checks = rules_.input_checks();
  if (checks.nik_slot < 0) return;
  const Value nik = table->Get(row, checks.nik_slot);
  if (nik.missing()) return;
  const std::string_view name = rules_.fields()[checks.nik_slot].name;
  std::optional<NikParts> parts = ParseNik(nik.as_string());
  if (!parts) {
    table->AddIssue(row, IssueKind::kInvalidNik, name, nik.as_string(), StrCat("NIK ", NikProblem(nik.as_string())), true);
    return;
  }
  const bool error = checks.nik_mismatch_is_error;
  if (checks.birth_date_slot >= 0) {
    const Value birth = table->Get(row, checks.birth_date_slot);
    if (!birth.missing()) {
      YearMonthDay ymd = CivilFields(birth.as_date());
      if (ymd.day != parts->day || ymd.month != parts->month || ymd.year % 100 != parts->year_in_century) {
        table->AddIssue(row, IssueKind::kNikMismatch, name, nik.as_string(),
                        StrCat("the NIK's birth date ", TwoDigits(parts->day), "-", TwoDigits(parts->month), "-",
                               TwoDigits(parts->year_in_century), " disagrees with ",
                               rules_.fields()[checks.birth_date_slot].name, " ", FormatValue(birth)),
                        error);
      }
    }
  }
  if (checks.sex_slot >= 0) {
    const Value sex = table->Get(row, checks.sex_slot);
    const int32_t nik_sex = parts->female ? checks.female_code : checks.male_code;
    if (!sex.missing() && sex.as_code() != nik_sex) {
      table->AddIssue(row, IssueKind::kNikMismatch, name, nik.as_string(),
                      StrCat("the NIK's sex ", parts->female ? "P" : "L", " disagrees with ",
                             rules_.fields()[checks.sex_slot].name, " ",
                             rules_.CodeText(checks.sex_slot, sex.as_code())),
                      error);
    }
  }
}

}  // namespace aturan::internal
