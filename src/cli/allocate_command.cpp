// `aturan allocate RULES.yaml LIST -o allocation.csv`: decide every row of a candidate list,
// then give the quota's seats: who is selected (pool, area), who waits (rank), at what cost.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "allocate/allocation_summary.hpp"
#include "allocate/allocation_writer.hpp"
#include "allocate/list_allocation.hpp"
#include "aturan/allocation.hpp"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "batch/eval_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/list_command.hpp"
#include "cli/list_run.hpp"
#include "cli/progress_bar.hpp"

namespace aturan::cli {
namespace {

struct AllocateOptions {
  ListCommandArgs args;
  std::string areas;   // area table
  bool json = false;   // summary as JSON
  std::vector<std::string> explain;  // NIKs whose allocation to explain
};

// The --areas table for the first pool that shares its seats over areas, or nullopt (no
// table asked for) or an error printed (returns false).
bool ReadAreas(const RuleSet& rules, const std::string& path, std::optional<AreaTable>* out) {
  if (path.empty()) return true;
  const int area_slot = internal::QuotaAreaSlot(rules);
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
  int exit_code = kExitOk;
  std::optional<ListCommand> command = PrepareListCommand(o.args, &exit_code, {o.areas});
  if (!command) return exit_code;
  const RuleSet& rules = *command->rules;
  if (!rules.quota().present()) {
    std::cerr << "error: " << o.args.rules_file << " has no quota section, so every eligible candidate is covered; "
              << "use 'aturan eval' to decide the list\n";
    return kExitBadInput;
  }
  std::optional<AreaTable> areas;
  if (!ReadAreas(rules, o.areas, &areas)) return kExitBadInput;
  internal::ListAllocation list(rules, areas ? &*areas : nullptr, command->group_slot, command->format);
  internal::EvalPipelineOptions pipeline;
  pipeline.threads = o.args.list.threads;
  pipeline.group_slot = command->group_slot;
  list.Attach(&pipeline);
  const auto start = std::chrono::steady_clock::now();
  const std::optional<ListRun> run =
      RunList(rules, o.args.list_file, command->list_options, pipeline, nullptr, command->rejects.get());
  if (!run) return kExitBadInput;
  std::optional<ProgressBar> status(std::in_place, 0);  // drawn only on a terminal
  status->Show(StrCat(run->summary.rows, " rows read; ranking the eligible, giving out the seats, writing ",
                      command->output_is_stdout ? "the allocation" : o.args.output));
  absl::StatusOr<Allocation> allocation = list.Finish();
  const absl::Status written =
      allocation.ok() ? list.writer().Write(*allocation, command->output.get()) : absl::OkStatus();
  status.reset();  // clears the line before anything else is printed
  if (!allocation.ok()) {
    std::cerr << "error: " << allocation.status().message() << "\n";
    return kExitBadInput;
  }
  if (!written.ok()) {
    std::cerr << "error: " << o.args.output << ": " << written.message() << "\n";
    return kExitBadInput;
  }
  if (!command->CloseOutputs(o.args)) return kExitBadInput;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ostream& report = command->report();
  if (o.json) {
    report << internal::AllocationSummaryJson(rules, *allocation, command->group_slot, run->summary.rows, seconds);
  } else {
    report << internal::FormatEvalSummary(rules, run->summary, run->seconds, run->bytes);
    report << internal::FormatAllocationSummary(rules, *allocation, command->group_slot);
    report << absl::StrFormat("allocated in %.2f s in all\n", seconds);
    if (!command->rejects_path.empty()) report << "rejects and warnings written to " << command->rejects_path << "\n";
  }
  std::ostream& explained = o.json ? std::cerr : report;  // JSON output stays one object
  for (const std::string& nik : o.explain) explained << ExplainNik(rules, *allocation, list.writer(), nik);
  return CheckInvalidLimit(o.args, *command, run->summary.by_status[static_cast<size_t>(Status::kInvalid)],
                           run->summary.rows);
}

}  // namespace

Command AddAllocateCommand(CLI::App& app) {
  auto o = std::make_shared<AllocateOptions>();
  CLI::App* command = app.add_subcommand(
      "allocate",
      "Decide every row of a candidate list and give the quota's seats: selected (pool, area), waitlisted (rank), "
      "ineligible or invalid, one output line per input row, in order; costs and per-area counts in the summary");
  AddListCommandArgs(*command, "Allocation", &o->args);
  command->add_option("--areas", o->areas,
                      "Area table (CSV: area, population/penduduk, dtks, seats/kuota) replacing the rule file's numbers");
  command->add_flag("--json", o->json, "Print the summary as JSON");
  command->add_option("--explain", o->explain,
                      "After the summary, say why the candidate with this NIK got their status (repeatable)");
  return [o] { return RunAllocate(*o); };
}

}  // namespace aturan::cli
