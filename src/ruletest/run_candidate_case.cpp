#include "ruletest/run_candidate_case.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "aturan/record.hpp"
#include "base/strings.hpp"
#include "base/value_text.hpp"

namespace aturan::ruletest {
namespace {

std::string IdList(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return StrCat("[", absl::StrJoin(ids, ", "), "]");
}

// Compares two sets of rule ids; a mismatch line when they differ.
void CompareIds(const char* what, const std::optional<std::vector<std::string>>& expected,
                const std::vector<std::string>& actual, std::vector<std::string>* mismatches) {
  if (!expected) return;
  if (IdList(*expected) != IdList(actual)) {
    mismatches->push_back(StrCat(what, ": diharapkan ", IdList(*expected), ", didapat ", IdList(actual)));
  }
}

}  // namespace

CaseResult RunCandidateCase(const RuleSet& rules, const CandidateCase& c) {
  CaseResult result;
  result.name = c.name;
  result.at = c.at;

  Record record(rules);
  std::vector<std::string> input_errors;
  for (const FieldText& field : c.fields) {
    if (field.missing) continue;
    const absl::Status status = record.Set(field.field, field.text);
    // A code outside its list is kept: the decision itself says invalid.
    if (!status.ok() && !absl::IsOutOfRange(status)) input_errors.emplace_back(status.message());
  }
  const Explanation explanation = record.Explain();
  const Decision& decision = explanation.decision;

  const Status status = input_errors.empty() ? decision.status : Status::kInvalid;
  std::vector<std::string> failing, unknown, reasons;
  if (status == Status::kIneligible) {
    for (size_t i = 0; i < rules.rules().size(); ++i) {
      if (!decision.failed[i]) continue;
      failing.push_back(rules.rules()[i].id);
      reasons.push_back(rules.rules()[i].reason);
      if (decision.unknown[i]) unknown.push_back(rules.rules()[i].id);
    }
  } else if (status == Status::kInvalid) {
    reasons = input_errors;
    if (input_errors.empty()) {
      reasons.push_back(StrCat(explanation.invalid_field, ": ", explanation.invalid_reason));
    }
  }

  const CandidateExpectation& expect = c.expect;
  if (status != expect.status) {
    result.mismatches.push_back(StrCat("status: diharapkan ", StatusName(expect.status), ", didapat ",
                                       StatusName(status)));
  }
  CompareIds("failing", expect.failing, failing, &result.mismatches);
  CompareIds("unknown", expect.unknown, unknown, &result.mismatches);
  if (expect.score && std::fabs(*expect.score - decision.score) > 1e-9) {
    result.mismatches.push_back(StrCat("score: diharapkan ", FormatValue(Value::Decimal(*expect.score)),
                                       ", didapat ", FormatValue(Value::Decimal(decision.score))));
  }
  if (expect.reason &&
      std::none_of(reasons.begin(), reasons.end(),
                   [&](const std::string& r) { return r.find(*expect.reason) != std::string::npos; })) {
    result.mismatches.push_back(StrCat("reason: tidak ada alasan yang memuat \"", *expect.reason,
                                       "\"", reasons.empty() ? " (tidak ada alasan)" : ""));
  }

  if (!result.mismatches.empty()) {
    result.outcome = CaseOutcome::kFailed;
    for (const std::string& error : input_errors) StrAppend(&result.details, "Data tidak terbaca: ", error, "\n");
    StrAppend(&result.details, explanation.ToText());
  }
  return result;
}

}  // namespace aturan::ruletest
