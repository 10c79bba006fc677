// cli/json_record.hpp — candidates given as JSON: one object (field -> value) or an array
// of such objects. Strings are read like form input (Record::Set), numbers and booleans as
// typed values, null as missing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "aturan/record.hpp"

namespace aturan::cli {

// One Record per JSON object. Keys that are not schema fields are skipped and named in
// *warnings, and so are codes outside their list (kept: such a record decides as invalid);
// a value that does not fit its field is an error naming the object and field.
absl::StatusOr<std::vector<Record>> RecordsFromJson(const RuleSet& rules, std::string_view json,
                                                    std::vector<std::string>* warnings);

}  // namespace aturan::cli
