// The C API's decisions: evaluating and explaining one candidate.
#include "aturan/aturan.h"
#include "aturan/decision.hpp"
#include "aturan/explanation.hpp"
#include "capi/errors.hpp"
#include "capi/handles.hpp"

namespace aturan::capi {
namespace {

static_assert(kMaxRules == 256, "aturan_decision's arrays hold kMaxRules rules");
static_assert(ATURAN_ELIGIBLE == static_cast<int>(Status::kEligible) &&
                  ATURAN_INELIGIBLE == static_cast<int>(Status::kIneligible) &&
                  ATURAN_INVALID == static_cast<int>(Status::kInvalid),
              "aturan_decision_status mirrors aturan::Status");

// `decision` for the C caller, rule ids and field names pointing into `rules`.
void ToC(const RuleSet& rules, const Decision& decision, aturan_decision* out) {
  out->status = static_cast<int32_t>(decision.status);
  out->score = decision.score;
  out->failed_count = 0;
  out->unknown_count = 0;
  for (size_t i = 0; i < rules.rules().size(); ++i) {
    if (!decision.failed[i]) continue;
    const int32_t n = out->failed_count++;
    out->failed_rules[n] = static_cast<int32_t>(i);
    out->failed_outcomes[n] = decision.unknown[i] ? ATURAN_RULE_UNKNOWN : ATURAN_RULE_FAILED;
    out->failed_rule_ids[n] = rules.rules()[i].id.c_str();
    if (decision.unknown[i]) ++out->unknown_count;
  }
  const bool has_field = decision.invalid_slot >= 0 && static_cast<size_t>(decision.invalid_slot) < rules.fields().size();
  out->invalid_slot = has_field ? decision.invalid_slot : -1;
  out->invalid_field = has_field ? rules.fields()[static_cast<size_t>(decision.invalid_slot)].name.c_str() : nullptr;
}

}  // namespace
}  // namespace aturan::capi

using aturan::capi::Guarded;
using aturan::capi::NullArgument;

extern "C" {

aturan_status aturan_evaluate(const aturan_candidate* candidate, aturan_decision* decision, char** error) {
  return Guarded(error, [&] {
    if (candidate == nullptr) return NullArgument("candidate", error);
    if (decision == nullptr) return NullArgument("decision", error);
    aturan::Decision result;
    candidate->rules.Evaluate(candidate->values, &result);
    aturan::capi::ToC(candidate->rules, result, decision);
    return ATURAN_OK;
  });
}

aturan_status aturan_explain(const aturan_candidate* candidate, char** text, char** error) {
  return Guarded(error, [&] {
    if (text == nullptr) return NullArgument("text", error);
    *text = nullptr;
    if (candidate == nullptr) return NullArgument("candidate", error);
    const std::string explained = candidate->rules.Explain(candidate->values).ToText();
    *text = aturan::capi::CopyString(explained);
    if (*text == nullptr) throw std::bad_alloc();
    return ATURAN_OK;
  });
}

}  // extern "C"
