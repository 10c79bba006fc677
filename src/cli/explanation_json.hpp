// cli/explanation_json.hpp — an Explanation as one line of JSON, for machines.
#pragma once

#include <string>

#include "aturan/explanation.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::cli {

// {"regulation":..., "status":..., "failed_rules":[...], "score":..., "rules":[...]}.
std::string ExplanationToJson(const Explanation& explanation);

// `text` as a JSON string literal, quotes included.
std::string JsonString(std::string_view text);

}  // namespace aturan::cli
