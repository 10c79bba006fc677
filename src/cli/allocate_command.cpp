// `aturan allocate RULES.yaml LIST -o allocation.csv`: decide every row of a candidate list,
// then give the quota's seats: who is selected (pool, area), who waits (rank), at what cost.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "allocate/allocation_summary.hpp"
#include "allocate/allocation_writer.hpp"
#include "aturan/allocation.hpp"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "batch/eval_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/list_flags.hpp"
#include "cli/list_run.hpp"
#include "cli/options.hpp"

namespace aturan::cli {
namespace {

struct AllocateOptions {
  std::string rules_file;
  std::string list_file;
  std::string output = "-";
  std::string rejects;
  std::string format;  // csv or jsonl; empty: from the output's name
  std::string areas;   // area table
  bool json = false;   // summary as JSON
  std::vector<std::string> explain;  // NIKs whose allocation to explain
  ListFlags list;
  RuleOptions rule_options;
};

// The --areas table for the first pool that shares its seats over areas, or nullopt (no
// table asked for) or an error printed (returns false).
bool ReadAreas(const RuleSet& rules, const std::string& path, std::optional<AreaTable>* out) {
  if (path.empty()) return true;
  int area_slot = -1;
  for (const PoolInfo& pool : rules.quota().pools) {
    if (pool.basis != AreaBasis::kNone) {
      area_slot = pool.area_slot;
      break;
    }
  }
  if (area_slot < 0) {
    std::cerr << "error: --areas " << path << ": the rule file's quota does not share seats over areas ('by:')\n";
    return false;
  }
  absl::StatusOr<AreaTable> table = ReadAreaTable(rules, area_slot, path);
  if (!table.ok()) {
    std::cerr << "error: " << table.status().message() << "\n";
    return false;
  }
  *out = *std::move(table);
  return true;
}

// What ExplainAllocation says about every row whose NIK is `nik`, one paragraph per row.
std::string ExplainNik(const RuleSet& rules, const Allocation& allocation, const internal::AllocationWriter& writer,
                       const std::string& nik) {
  std::string out;
  for (size_t row = 0; row < writer.size(); ++row) {
    if (writer.Id(row) != nik) continue;
    StrAppend(&out, "NIK ", nik, " (baris ", writer.source_row(row), "): ", AllocationStatusName(allocation.rows[row].status),
              "\n  ", ExplainAllocation(rules, allocation, row), "\n");
  }
  if (out.empty()) out = StrCat("NIK ", nik, ": tidak ada dalam daftar\n");
  return out;
}

int RunAllocate(const AllocateOptions& o) {
  std::optional<LoadOptions> load = o.rule_options.ToLoadOptions();
  if (!load) return kExitBadInput;
  std::optional<ListOptions> list_options = ToListOptions(o.list);
  if (!list_options) return kExitBadInput;
  const std::optional<InvalidLimit> limit = ParseInvalidLimit(o.list);
  if (!limit) return kExitBadInput;
  LoadResult loaded = RuleSet::LoadFile(o.rules_file, *load);
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) return kExitRuleErrors;
  const RuleSet& rules = *loaded.rules;
  if (!rules.quota().present()) {
    std::cerr << "error: " << o.rules_file << " has no quota section, so every eligible candidate is covered; "
              << "use 'aturan eval' to decide the list\n";
    return kExitBadInput;
  }
  std::optional<AreaTable> areas;
  if (!ReadAreas(rules, o.areas, &areas)) return kExitBadInput;
  const std::optional<int> group_slot = GroupSlot(rules, o.list);
  if (!group_slot) return kExitBadInput;

  File output = OpenOutput(o.output);
  if (output == nullptr) return kExitBadInput;
  const std::string rejects_path = !o.rejects.empty() ? o.rejects : o.output == "-" ? "" : DefaultRejectsPath(o.output);
  File rejects = rejects_path.empty() ? nullptr : OpenOutput(rejects_path);
  if (!rejects_path.empty() && rejects == nullptr) return kExitBadInput;

  const bool jsonl = o.format.empty() ? absl::EndsWithIgnoreCase(ToAbsl(o.output), ".jsonl") : o.format == "jsonl";
  internal::AllocationWriter writer(rules, jsonl ? internal::DecisionFormat::kJsonLines : internal::DecisionFormat::kCsv);
  Allocator allocator(rules, areas ? &*areas : nullptr, *group_slot);
  internal::EvalPipelineOptions pipeline;
  pipeline.threads = o.list.threads;
  pipeline.group_slot = *group_slot;
  pipeline.on_chunk = [&](const CandidateTable& table, std::span<const Decision> decisions) {
    allocator.Add(table, decisions);
    writer.Add(table, decisions);
  };
  const auto start = std::chrono::steady_clock::now();
  const std::optional<ListRun> run = RunList(rules, o.list_file, *list_options, pipeline, nullptr, rejects.get());
  if (!run) return kExitBadInput;
  absl::StatusOr<Allocation> allocation = allocator.Finish();
  if (!allocation.ok()) {
    std::cerr << "error: " << allocation.status().message() << "\n";
    return kExitBadInput;
  }
  if (absl::Status written = writer.Write(*allocation, output.get()); !written.ok()) {
    std::cerr << "error: " << o.output << ": " << written.message() << "\n";
    return kExitBadInput;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ostream& report = o.output == "-" ? std::cerr : std::cout;
  if (o.json) {
    report << internal::AllocationSummaryJson(rules, *allocation, *group_slot, run->summary.rows, seconds);
  } else {
    report << internal::FormatEvalSummary(rules, run->summary, run->seconds, run->bytes);
    report << internal::FormatAllocationSummary(rules, *allocation, *group_slot);
    report << absl::StrFormat("allocated in %.2f s in all\n", seconds);
    if (!rejects_path.empty()) report << "rejects and warnings written to " << rejects_path << "\n";
  }
  std::ostream& explained = o.json ? std::cerr : report;  // JSON output stays one object
  for (const std::string& nik : o.explain) explained << ExplainNik(rules, *allocation, writer, nik);
  const uint64_t invalid = run->summary.by_status[static_cast<size_t>(Status::kInvalid)];
  if (limit->Exceeded(invalid, run->summary.rows)) {
    std::cerr << "error: " << invalid << " of " << run->summary.rows << " rows are invalid, more than --max-invalid "
              << o.list.max_invalid << " allows\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

Command AddAllocateCommand(CLI::App& app) {
  auto o = std::make_shared<AllocateOptions>();
  CLI::App* command = app.add_subcommand(
      "allocate",
      "Decide every row of a candidate list and give the quota's seats: selected (pool, area), waitlisted (rank), "
      "ineligible or invalid, one output line per input row, in order; costs and per-area counts in the summary");
  command->add_option("rules", o->rules_file, "Rule file (YAML) with a quota section")->required();
  command->add_option("list", o->list_file, "Candidate list: CSV with a header row, or JSON Lines ('-' reads standard input)")
      ->required();
  command->add_option("-o,--output", o->output, "Allocation file ('-' for standard output, the default)");
  command->add_option("--format", o->format, "Allocation format: csv or jsonl (default: from the output's name, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command->add_option("--rejects", o->rejects,
                      "File listing every row problem (default: OUTPUT with .rejects.csv; none for standard output)");
  command->add_option("--areas", o->areas,
                      "Area table (CSV: area, population/penduduk, dtks, seats/kuota) replacing the rule file's numbers");
  command->add_flag("--json", o->json, "Print the summary as JSON");
  command->add_option("--explain", o->explain,
                      "After the summary, say why the candidate with this NIK got their status (repeatable)");
  AddListFlags(*command, &o->list);
  AddRuleOptions(*command, &o->rule_options);
  return [o] { return RunAllocate(*o); };
}

}  // namespace aturan::cli
