// aturan/explanation.hpp — why a candidate got its decision, for people.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aturan/decision.hpp"

namespace aturan {

// A named input an expression read, formatted for people ("tanggal_lahir", "1975-03-12").
struct InputValue {
  std::string name;
  std::string value;
  bool is_parameter = false;  // a parameter (resolved for the reference date), else a field
};

// One eligibility rule as applied to the candidate.
struct RuleTrace {
  std::string id;
  Outcome outcome = Outcome::kPass;
  std::string when;       // the rule's expression as written
  std::string reason;     // Indonesian text shown when the rule does not pass
  std::string reference;  // legal reference, may be empty
  std::vector<InputValue> inputs;  // every field and parameter the rule reads
};

// One priority score term (or the whole score expression) as applied to the candidate.
struct ScoreTrace {
  std::string id;     // term id, or "score" for a score expression
  double points = 0;  // what it added
};

// Every rule's outcome and inputs, the score and how it was made up.
struct Explanation {
  std::string regulation_id;
  std::string regulation_title;
  std::string reference_date;  // YYYY-MM-DD
  Decision decision;
  std::string invalid_field;   // status kInvalid: the field at fault
  std::string invalid_reason;
  std::vector<RuleTrace> rules;
  std::vector<ScoreTrace> score_terms;

  // A readable Indonesian report, one rule per block, ending with the decision and score.
  std::string ToText() const;
};

}  // namespace aturan
