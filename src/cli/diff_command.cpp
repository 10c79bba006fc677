// `aturan diff OLD.yaml NEW.yaml LIST`: a proposed revision against the rules in force over
// one candidate list — what changed in the rules, who gains or loses cover, at what cost —
// as a Markdown memo (default) or JSON, with the per-person change list as CSV.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "allocate/list_allocation.hpp"
#include "aturan/comparison.hpp"
#include "aturan/rule_set.hpp"
#include "base/file_identity.hpp"
#include "base/strings.hpp"
#include "cli/commands.hpp"
#include "cli/list_flags.hpp"
#include "cli/options.hpp"
#include "cli/progress_bar.hpp"
#include "report/html_report.hpp"

namespace aturan::cli {
namespace {

struct DiffOptions {
  std::string old_file;
  std::string new_file;
  std::string list_file;
  std::string output = "-";
  std::string old_areas;
  std::string new_areas;
  std::string changes;
  std::string html;
  bool json = false;
  ListFlags list;
  RuleOptions rule_options;
};

std::shared_ptr<const RuleSet> LoadRules(const std::string& path, const LoadOptions& options) {
  LoadResult loaded = RuleSet::LoadFile(path, options);
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  return loaded.rules;
}

// `base` with only the column and value renames whose field `rules` has.
ListOptions ListOptionsFor(const RuleSet& rules, const ListOptions& base) {
  ListOptions options = base;
  std::erase_if(options.columns, [&](const ColumnRename& r) { return rules.FieldSlot(r.field) < 0; });
  std::erase_if(options.values, [&](const ValueRename& r) { return rules.FieldSlot(r.field) < 0; });
  return options;
}

// Renames naming a field neither schema has are mistakes; say so. False after saying it.
bool RenamesKnown(const RuleSet& old_rules, const RuleSet& new_rules, const ListOptions& options) {
  const auto known = [&](const std::string& field) {
    return old_rules.FieldSlot(field) >= 0 || new_rules.FieldSlot(field) >= 0;
  };
  for (const ColumnRename& r : options.columns) {
    if (!known(r.field)) {
      std::cerr << "error: --column '" << r.column << "=" << r.field << "': neither rule file has a field '" << r.field
                << "'\n";
      return false;
    }
  }
  for (const ValueRename& r : options.values) {
    if (!known(r.field)) {
      std::cerr << "error: --value: neither rule file has a field '" << r.field << "'\n";
      return false;
    }
  }
  return true;
}

// The area table `path` for the first pool of `rules` that shares its seats over areas;
// nullopt with *ok when none was asked for, *ok false after saying what is wrong.
std::optional<AreaTable> ReadAreas(const RuleSet& rules, const std::string& flag, const std::string& path, bool* ok) {
  *ok = true;
  if (path.empty()) return std::nullopt;
  *ok = false;
  const int area_slot = internal::QuotaAreaSlot(rules);
  if (area_slot < 0) {
    std::cerr << "error: " << flag << " " << path << ": that rule file's quota does not share seats over areas ('by:')\n";
    return std::nullopt;
  }
  absl::StatusOr<AreaTable> table = ReadAreaTable(rules, area_slot, path);
  if (!table.ok()) {
    std::cerr << "error: " << table.status().message() << "\n";
    return std::nullopt;
  }
  *ok = true;
  return *std::move(table);
}

// Writes `text` to `file` (named `path`); false after saying why it failed.
bool WriteText(const std::string& text, std::FILE* file, const std::string& path) {
  if (std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0) return true;
  std::cerr << "error: cannot write " << path << "\n";
  return false;
}

int RunDiff(const DiffOptions& o) {
  if (o.list_file == "-") {
    std::cerr << "error: diff reads the list twice, so it cannot read standard input; give a file\n";
    return kExitBadInput;
  }
  const std::optional<LoadOptions> load = o.rule_options.ToLoadOptions();
  std::optional<ListOptions> list_options = ToListOptions(o.list);
  const std::optional<internal::InvalidLimit> limit = ParseInvalidLimit(o.list);
  if (!load || !list_options || !limit) return kExitBadInput;
  const std::shared_ptr<const RuleSet> old_rules = LoadRules(o.old_file, *load);
  const std::shared_ptr<const RuleSet> new_rules = LoadRules(o.new_file, *load);
  if (old_rules == nullptr || new_rules == nullptr) return kExitRuleErrors;
  if (!RenamesKnown(*old_rules, *new_rules, *list_options)) return kExitBadInput;
  if (!o.list.group_by.empty() && o.list.group_by != "none") {
    const auto is_code = [&](const RuleSet& rules) {
      const int slot = rules.FieldSlot(o.list.group_by);
      return slot >= 0 && rules.fields()[slot].type == Type::kCode;
    };
    if (!is_code(*old_rules) && !is_code(*new_rules)) {
      std::cerr << "error: --group-by '" << o.list.group_by << "': not a code field of either schema\n";
      return kExitBadInput;
    }
  }
  bool areas_ok = true;
  const std::optional<AreaTable> old_areas = ReadAreas(*old_rules, "--areas-old", o.old_areas, &areas_ok);
  if (!areas_ok) return kExitBadInput;
  const std::optional<AreaTable> new_areas = ReadAreas(*new_rules, "--areas-new", o.new_areas, &areas_ok);
  if (!areas_ok) return kExitBadInput;

  for (const auto& [flag, path] : {std::pair{"-o", o.output}, {"--html", o.html}, {"--changes", o.changes}}) {
    if (!OutputSparesInputs(flag, path, {o.list_file, o.old_file, o.new_file, o.old_areas, o.new_areas})) {
      return kExitBadInput;
    }
  }
  // Each output is opened, so that it exists, before the next is checked against it: two
  // streams over one file would write over each other.
  std::vector<std::pair<std::string, std::string>> opened;  // flag, path of the files opened
  const auto open = [&](const char* flag, const std::string& path, File* file) {
    for (const auto& [earlier_flag, earlier] : opened) {
      if (!internal::OverwritesInput(path, earlier)) continue;
      std::cerr << "error: " << flag << " " << path << " is the file of " << earlier_flag << " " << earlier
                << "; give each output a file of its own\n";
      return false;
    }
    *file = OpenOutput(path);
    if (*file == nullptr) return false;
    if (!IsStandardOutput(path)) opened.emplace_back(flag, path);
    return true;
  };
  File output;
  File html;
  File changes;
  if (!open("-o", o.output, &output) || (!o.html.empty() && !open("--html", o.html, &html)) ||
      (!o.changes.empty() && !open("--changes", o.changes, &changes))) {
    return kExitBadInput;
  }

  ListComparisonOptions options;
  options.old_list = ListOptionsFor(*old_rules, *list_options);
  options.new_list = ListOptionsFor(*new_rules, *list_options);
  options.old_areas = old_areas ? &*old_areas : nullptr;
  options.new_areas = new_areas ? &*new_areas : nullptr;
  options.group_field = o.list.group_by;
  options.threads = o.list.threads;
  options.changes = changes.get();
  std::error_code size_error;
  const uint64_t size = o.list_file == "-" ? 0 : std::filesystem::file_size(o.list_file, size_error);
  std::optional<ProgressBar> progress;
  bool progress_new_side = false;
  options.progress = [&](bool new_side, uint64_t rows, uint64_t bytes) {
    if (!progress || new_side != progress_new_side) {
      progress.reset();
      progress.emplace(size_error ? 0 : size);
      progress_new_side = new_side;
    }
    progress->Update(rows, bytes);
  };
  Comparison comparison;
  comparison.old_file = o.old_file;
  comparison.new_file = o.new_file;
  comparison.list_file = o.list_file;
  comparison.rules = CompareRules(*old_rules, *new_rules);
  absl::StatusOr<ListEffect> effect = CompareOnList(*old_rules, *new_rules, o.list_file, options);
  progress.reset();  // clears the bar before anything else is printed
  if (!effect.ok()) {
    std::cerr << "error: " << effect.status().message() << "\n";
    return kExitBadInput;
  }
  comparison.list = *std::move(effect);
  for (const std::string& warning : comparison.list.warnings) std::cerr << "warning: " << warning << "\n";

  const std::string json = ComparisonJson(comparison);
  if (!WriteText(o.json ? json : ComparisonMarkdown(comparison), output.get(), o.output)) return kExitBadInput;
  if (html != nullptr && !WriteText(RenderHtmlReport(json), html.get(), o.html)) return kExitBadInput;
  if (!CloseOutput(std::move(output), o.output) || !CloseOutput(std::move(html), o.html) ||
      !CloseOutput(std::move(changes), o.changes)) {
    return kExitBadInput;
  }
  const ListEffect& e = comparison.list;
  std::cerr << absl::StrFormat("diff: %d rows; covered %d -> %d (gained %d, lost %d); cost %d -> %d rupiah\n", e.rows,
                               e.old_side.covered, e.new_side.covered, e.gained, e.lost, e.old_side.cost,
                               e.new_side.cost);
  if (!o.changes.empty()) std::cerr << "change list written to " << o.changes << "\n";
  if (!o.html.empty()) std::cerr << "HTML report written to " << o.html << "\n";
  for (const auto& [label, side] : {std::pair{"old", &e.old_side}, std::pair{"new", &e.new_side}}) {
    if (limit->Exceeded(static_cast<uint64_t>(side->invalid), e.rows)) {
      std::cerr << "error: " << side->invalid << " of " << e.rows << " rows are invalid under the " << label
                << " rule file, more than --max-invalid " << o.list.max_invalid << " allows\n";
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

Command AddDiffCommand(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff",
      "Compare a proposed rule file with the one in force over a candidate list: rule changes, who gains or loses "
      "cover, cost, per target group, area and occupation (Markdown memo, or --json; --changes for every person)");
  command->add_option("old", o->old_file, "Rule file in force (YAML)")->required();
  command->add_option("new", o->new_file, "Proposed rule file (YAML)")->required();
  command->add_option("list", o->list_file, "Candidate list: CSV with a header row, or JSON Lines")->required();
  command->add_option("-o,--output", o->output, "Report file ('-' for standard output, the default)");
  command->add_flag("--json", o->json, "Write the comparison as JSON (format aturan-diff/1) instead of Markdown");
  command->add_option("--html", o->html, "Also write a self-contained HTML report (charts, no network needed) here");
  command->add_option("--changes", o->changes, "Write the per-person change list (CSV, one line per input row) here");
  command->add_option("--areas-old", o->old_areas, "Area table for the old rule file's quota (as allocate --areas)");
  command->add_option("--areas-new", o->new_areas, "Area table for the new rule file's quota (as allocate --areas)");
  AddListFlags(*command, &o->list);
  AddRuleOptions(*command, &o->rule_options);
  return [o] { return RunDiff(*o); };
}

}  // namespace aturan::cli
