#include "batch/decision_format.hpp"

#include "absl/strings/str_cat.h"
#include "base/csv_field.hpp"
#include "base/decimal_text.hpp"
#include "base/strings.hpp"
#include "base/value_text.hpp"

namespace aturan::internal {

namespace {

constexpr const char* kUnknownMark = " [data kurang]";

// The first error of an invalid row (every invalid row has one).
const RowIssue* FirstError(const CandidateTable& table, size_t row) {
  for (const RowIssue& issue : table.issues(row)) {
    if (issue.error) return &issue;
  }
  return nullptr;
}

std::string IssueText(const RowIssue& issue) {
  if (issue.column.empty()) return issue.reason;
  if (issue.value.empty()) return StrCat(issue.column, ": ", issue.reason);
  return StrCat(issue.column, " '", issue.value, "': ", issue.reason);
}

}  // namespace

void AppendScore(double score, std::string* out) {
  if (score == static_cast<double>(static_cast<int64_t>(score))) {
    AppendSignedDecimal(static_cast<int64_t>(score), out);  // the usual whole-point score, without allocating
  } else {
    out->append(FormatValue(Value::Decimal(score)));
  }
}

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[(c >> 4) & 0xf]);
          out->push_back(kHex[c & 0xf]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

DecisionFormatter::DecisionFormatter(const RuleSet& rules, DecisionFormat format) : rules_(rules), format_(format) {
  for (const RuleInfo& rule : rules.rules()) {
    std::string& escaped = csv_reasons_.emplace_back();
    for (char c : rule.reason) {
      if (c == '"') escaped.push_back('"');
      escaped.push_back(c);
    }
  }
  id_slot_ = rules.input_checks().nik_slot;
  for (size_t slot = 0; id_slot_ < 0 && slot < rules.fields().size(); ++slot) {
    if (rules.fields()[slot].key) id_slot_ = static_cast<int>(slot);
  }
}

void DecisionFormatter::AppendHeader(std::string* out) const {
  if (format_ == DecisionFormat::kCsv) out->append("row,nik,status,failed,reasons,score\n");
}

std::string_view DecisionFormatter::Id(const CandidateTable& table, size_t row) const {
  if (id_slot_ < 0) return {};
  const Value value = table.Get(row, id_slot_);
  return value.missing() ? std::string_view() : value.as_string();
}

void DecisionFormatter::AppendRow(const CandidateTable& table, size_t row, const Decision& decision,
                                  std::string* out) const {
  if (format_ == DecisionFormat::kCsv) {
    AppendDecimal(table.source_row(row), out);
    out->push_back(',');
    AppendCsvField(Id(table, row), out);
    out->push_back(',');
    out->append(StatusName(decision.status));
    out->push_back(',');
    AppendCsvOutcome(table, row, decision, out);
    out->push_back(',');
    AppendScore(decision.score, out);
    out->push_back('\n');
    return;
  }
  out->append("{\"row\":");
  AppendDecimal(table.source_row(row), out);
  out->append(",\"nik\":");
  AppendJsonString(Id(table, row), out);
  absl::StrAppend(out, ",\"status\":\"", StatusName(decision.status), "\",");
  AppendJsonOutcome(decision, out);
  out->append(",\"score\":");
  AppendScore(decision.score, out);
  AppendJsonIssues(table, row, /*warnings=*/true, out);
  out->append("}\n");
}

void DecisionFormatter::AppendCsvOutcome(const CandidateTable& table, size_t row, const Decision& decision,
                                         std::string* out) const {
  if (decision.status == Status::kInvalid) {
    const RowIssue* error = FirstError(table, row);
    std::string reasons;
    for (const RowIssue& issue : table.issues(row)) {
      if (!issue.error) continue;
      if (!reasons.empty()) reasons.append(" | ");
      reasons.append(IssueText(issue));
    }
    std::string failed = error != nullptr && !error->column.empty() ? StrCat("input:", error->column) : "input";
    if (error == nullptr && decision.invalid_slot >= 0) {
      failed = StrCat("input:", rules_.fields()[decision.invalid_slot].name);
      reasons = "required value is missing or code not in its list";
    }
    AppendCsvField(failed, out);
    out->push_back(',');
    AppendCsvField(reasons, out);
    return;
  }
  // Rule ids are names (no commas or quotes); reasons always go in one quoted field.
  const std::span<const RuleInfo> rules = rules_.rules();
  bool first = true;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!decision.failed[i]) continue;
    if (!first) out->push_back(';');
    first = false;
    out->append(rules[i].id);
  }
  out->push_back(',');
  if (first) return;
  out->push_back('"');
  first = true;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!decision.failed[i]) continue;
    if (!first) out->append(" | ");
    first = false;
    out->append(csv_reasons_[i]);
    if (decision.unknown[i]) out->append(kUnknownMark);
  }
  out->push_back('"');
}

void DecisionFormatter::AppendJsonOutcome(const Decision& decision, std::string* out) const {
  const bool invalid = decision.status == Status::kInvalid;
  out->append("\"failed\":[");
  bool first = true;
  for (size_t i = 0; !invalid && i < rules_.rules().size(); ++i) {
    if (!decision.failed[i]) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(rules_.rules()[i].id, out);
  }
  out->append("],\"reasons\":[");
  first = true;
  for (size_t i = 0; !invalid && i < rules_.rules().size(); ++i) {
    if (!decision.failed[i]) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(decision.unknown[i] ? StrCat(rules_.rules()[i].reason, kUnknownMark) : rules_.rules()[i].reason,
                     out);
  }
  out->push_back(']');
}

void DecisionFormatter::AppendJsonIssues(const CandidateTable& table, size_t row, bool warnings, std::string* out) {
  for (bool errors : {true, false}) {
    if (!errors && !warnings) break;
    bool any = false;
    for (const RowIssue& issue : table.issues(row)) {
      if (issue.error != errors) continue;
      out->append(any ? "," : errors ? ",\"errors\":[" : ",\"warnings\":[");
      any = true;
      out->append("{\"column\":");
      AppendJsonString(issue.column, out);
      out->append(",\"value\":");
      AppendJsonString(issue.value, out);
      out->append(",\"reason\":");
      AppendJsonString(issue.reason, out);
      out->push_back('}');
    }
    if (any) out->push_back(']');
  }
}

void DecisionFormatter::AppendRejectsHeader(std::string* out) {
  out->append("row,line,column,value,severity,kind,reason\n");
}

void DecisionFormatter::AppendRejects(const CandidateTable& table, size_t row, std::string* out) {
  for (const RowIssue& issue : table.issues(row)) {
    absl::StrAppend(out, issue.row, ",", issue.line, ",");
    AppendCsvField(issue.column, out);
    out->push_back(',');
    AppendCsvField(issue.value, out);
    absl::StrAppend(out, ",", issue.error ? "error" : "warning", ",", IssueKindName(issue.kind), ",");
    AppendCsvField(issue.reason, out);
    out->push_back('\n');
  }
}

std::string RuleOutcomeKey(const Decision& decision, size_t rules) {
  std::string key(rules, '0');
  for (size_t i = 0; i < rules; ++i) {
    key[i] = static_cast<char>('0' + (decision.failed[i] ? 1 : 0) + (decision.unknown[i] ? 2 : 0));
  }
  return key;
}

}  // namespace aturan::internal
