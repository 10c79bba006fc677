#include "batch/list_defaults.hpp"

#include <filesystem>

#include "absl/strings/match.h"
#include "base/strings.hpp"

namespace aturan::internal {

DecisionFormat DecisionFormatFor(std::string_view output_path) {
  return absl::EndsWithIgnoreCase(ToAbsl(output_path), ".jsonl") ? DecisionFormat::kJsonLines : DecisionFormat::kCsv;
}

std::string DefaultRejectsPath(const std::string& output_path) {
  std::filesystem::path path(output_path);
  return (path.parent_path() / (path.stem().string() + ".rejects.csv")).string();
}

absl::StatusOr<int> SummaryGroupSlot(const RuleSet& rules, std::string_view group_by) {
  const std::string_view group = group_by.empty() && rules.FieldSlot("pekerjaan") >= 0 ? "pekerjaan" : group_by;
  if (group.empty() || group == "none") return -1;
  const int slot = rules.FieldSlot(group);
  if (slot < 0 || rules.fields()[slot].type != Type::kCode) {
    return absl::InvalidArgumentError(StrCat("'", group, "': not a code field of the schema"));
  }
  return slot;
}

}  // namespace aturan::internal
