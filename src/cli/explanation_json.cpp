#include "cli/explanation_json.hpp"

#include "absl/strings/str_format.h"
#include "base/strings.hpp"

namespace aturan::cli {
namespace {

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kUnknown: return "unknown";
  }
  return "";
}

std::string Number(double d) { return absl::StrFormat("%.17g", d); }

}  // namespace

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string ExplanationToJson(const Explanation& e) {
  std::string out = StrCat("{\"regulation\":", JsonString(e.regulation_id),
                           ",\"reference_date\":", JsonString(e.reference_date),
                           ",\"status\":", JsonString(StatusName(e.decision.status)));
  if (e.decision.status == Status::kInvalid) {
    StrAppend(&out, ",\"invalid_field\":", JsonString(e.invalid_field),
              ",\"invalid_reason\":", JsonString(e.invalid_reason), "}");
    return out;
  }
  std::string failed;
  for (const RuleTrace& rule : e.rules) {
    if (rule.outcome != Outcome::kPass) StrAppend(&failed, failed.empty() ? "" : ",", JsonString(rule.id));
  }
  StrAppend(&out, ",\"failed_rules\":[", failed, "],\"score\":", Number(e.decision.score), ",\"rules\":[");
  for (size_t i = 0; i < e.rules.size(); ++i) {
    const RuleTrace& rule = e.rules[i];
    StrAppend(&out, i == 0 ? "" : ",", "{\"id\":", JsonString(rule.id), ",\"outcome\":",
              JsonString(OutcomeName(rule.outcome)), ",\"reason\":", JsonString(rule.reason),
              ",\"inputs\":{");
    for (size_t k = 0; k < rule.inputs.size(); ++k) {
      StrAppend(&out, k == 0 ? "" : ",", JsonString(rule.inputs[k].name), ":",
                JsonString(rule.inputs[k].value));
    }
    out += "}}";
  }
  out += "],\"score_terms\":{";
  for (size_t i = 0; i < e.score_terms.size(); ++i) {
    StrAppend(&out, i == 0 ? "" : ",", JsonString(e.score_terms[i].id), ":", Number(e.score_terms[i].points));
  }
  out += "}}";
  return out;
}

}  // namespace aturan::cli
