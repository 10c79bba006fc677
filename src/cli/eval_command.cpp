// `aturan eval RULES.yaml LIST -o decisions.csv`: decide every row of a candidate list.
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "batch/eval_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress_bar.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::cli {
namespace {

struct EvalOptions {
  std::string rules_file;
  std::string list_file;
  std::string output = "-";
  std::string rejects;
  std::string format;        // csv or jsonl; empty: from the output's name
  std::string input_format = "auto";
  std::string delimiter;
  std::vector<std::string> columns;  // COLUMN=field
  std::vector<std::string> values;   // field:FROM=TO
  std::string max_invalid;           // N or P%
  std::string group_by;
  int threads = 0;
  RuleOptions rule_options;
};

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != stdout) std::fclose(file);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// The limit on invalid rows: a count, or a share of the rows read.
struct InvalidLimit {
  uint64_t count = 0;
  double share = -1;  // in [0, 1] when given as P%
  bool Exceeded(uint64_t invalid, uint64_t rows) const {
    if (share >= 0) return static_cast<double>(invalid) > share * static_cast<double>(rows);
    return invalid > count;
  }
};

std::optional<InvalidLimit> ParseInvalidLimit(std::string_view text) {
  InvalidLimit limit;
  if (absl::EndsWith(ToAbsl(text), "%")) {
    double percent = 0;
    if (!absl::SimpleAtod(ToAbsl(text.substr(0, text.size() - 1)), &percent) || percent < 0 || percent > 100) {
      return std::nullopt;
    }
    limit.share = percent / 100;
    return limit;
  }
  if (!absl::SimpleAtoi(ToAbsl(text), &limit.count)) return std::nullopt;
  return limit;
}

// The ListOptions the flags describe, or nullopt after saying what is wrong.
std::optional<ListOptions> ToListOptions(const EvalOptions& o) {
  ListOptions options;
  options.format = o.input_format == "csv"     ? ListFormat::kCsv
                   : o.input_format == "jsonl" ? ListFormat::kJsonLines
                                               : ListFormat::kAuto;
  if (o.delimiter == "tab" || o.delimiter == "\\t") {
    options.delimiter = '\t';
  } else if (o.delimiter.size() == 1) {
    options.delimiter = o.delimiter[0];
  } else if (!o.delimiter.empty()) {
    std::cerr << "error: --delimiter '" << o.delimiter << "': expected one character or 'tab'\n";
    return std::nullopt;
  }
  for (const std::string& column : o.columns) {
    size_t eq = column.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == column.size()) {
      std::cerr << "error: --column '" << column << "': expected COLUMN=field, e.g. 'Tgl Lahir=tanggal_lahir'\n";
      return std::nullopt;
    }
    options.columns.push_back(ColumnRename{column.substr(0, eq), column.substr(eq + 1)});
  }
  for (const std::string& value : o.values) {
    size_t colon = value.find(':');
    size_t eq = value.find('=', colon == std::string::npos ? 0 : colon);
    if (colon == std::string::npos || colon == 0 || eq == std::string::npos) {
      std::cerr << "error: --value '" << value << "': expected field:FROM=TO, e.g. 'jenis_kelamin:1=L'\n";
      return std::nullopt;
    }
    options.values.push_back(
        ValueRename{value.substr(0, colon), value.substr(colon + 1, eq - colon - 1), value.substr(eq + 1)});
  }
  return options;
}

// The rejects file next to `output`: decisions.csv -> decisions.rejects.csv.
std::string DefaultRejectsPath(const std::string& output) {
  std::filesystem::path path(output);
  return (path.parent_path() / (path.stem().string() + ".rejects.csv")).string();
}

int RunEval(const EvalOptions& o) {
  std::optional<LoadOptions> load = o.rule_options.ToLoadOptions();
  if (!load) return kExitBadInput;
  std::optional<ListOptions> list_options = ToListOptions(o);
  if (!list_options) return kExitBadInput;
  std::optional<InvalidLimit> limit;
  if (!o.max_invalid.empty()) {
    limit = ParseInvalidLimit(o.max_invalid);
    if (!limit) {
      std::cerr << "error: --max-invalid '" << o.max_invalid << "': expected a count (100) or a share (0.5%)\n";
      return kExitBadInput;
    }
  }
  LoadResult loaded = RuleSet::LoadFile(o.rules_file, *load);
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) return kExitRuleErrors;
  const RuleSet& rules = *loaded.rules;

  internal::EvalPipelineOptions pipeline;
  pipeline.threads = o.threads;
  const bool jsonl = o.format.empty() ? absl::EndsWithIgnoreCase(ToAbsl(o.output), ".jsonl") : o.format == "jsonl";
  pipeline.format = jsonl ? internal::DecisionFormat::kJsonLines : internal::DecisionFormat::kCsv;
  const std::string group = o.group_by.empty() && rules.FieldSlot("pekerjaan") >= 0 ? "pekerjaan" : o.group_by;
  if (!group.empty() && group != "none") {
    pipeline.group_slot = rules.FieldSlot(group);
    if (pipeline.group_slot < 0 || rules.fields()[pipeline.group_slot].type != Type::kCode) {
      std::cerr << "error: --group-by '" << group << "': not a code field of the schema\n";
      return kExitBadInput;
    }
  }

  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> reader =
      internal::RawChunkReader::Open(rules, o.list_file, {}, *list_options);
  if (!reader.ok()) {
    std::cerr << "error: " << o.list_file << ": " << reader.status().message() << "\n";
    return kExitBadInput;
  }
  for (const ListWarning& warning : (*reader)->warnings()) {
    std::cerr << "warning: " << o.list_file << ": " << warning.message << "\n";
  }
  const size_t warnings_before = (*reader)->warnings().size();

  File decisions(o.output == "-" ? stdout : std::fopen(o.output.c_str(), "wb"));
  if (decisions == nullptr) {
    std::cerr << "error: cannot write " << o.output << ": " << std::strerror(errno) << "\n";
    return kExitBadInput;
  }
  const std::string rejects_path = !o.rejects.empty() ? o.rejects : o.output == "-" ? "" : DefaultRejectsPath(o.output);
  File rejects(rejects_path.empty() ? nullptr : std::fopen(rejects_path.c_str(), "wb"));
  if (!rejects_path.empty() && rejects == nullptr) {
    std::cerr << "error: cannot write " << rejects_path << ": " << std::strerror(errno) << "\n";
    return kExitBadInput;
  }

  std::error_code size_error;
  const uint64_t size = o.list_file == "-" ? 0 : std::filesystem::file_size(o.list_file, size_error);
  std::optional<ProgressBar> progress;
  progress.emplace(size_error ? 0 : size);
  pipeline.progress = [&progress](uint64_t rows, uint64_t bytes) { progress->Update(rows, bytes); };
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<internal::EvalSummary> summary =
      internal::RunEvalPipeline(**reader, pipeline, decisions.get(), rejects.get());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.reset();  // clears the bar before the summary
  if (!summary.ok()) {
    std::cerr << "error: " << summary.status().message() << "\n";
    return kExitBadInput;
  }
  for (size_t i = warnings_before; i < (*reader)->warnings().size(); ++i) {
    std::cerr << "warning: " << o.list_file << ": " << (*reader)->warnings()[i].message << "\n";
  }
  std::ostream& report = o.output == "-" ? std::cerr : std::cout;
  report << internal::FormatEvalSummary(rules, *summary, seconds, (*reader)->bytes_read());
  if (!rejects_path.empty()) report << "rejects and warnings written to " << rejects_path << "\n";
  const uint64_t invalid = summary->by_status[static_cast<size_t>(Status::kInvalid)];
  if (limit && limit->Exceeded(invalid, summary->rows)) {
    std::cerr << "error: " << invalid << " of " << summary->rows << " rows are invalid, more than --max-invalid "
              << o.max_invalid << " allows\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval", "Decide every row of a candidate list (CSV or JSON Lines): one output line per input row, in order");
  command->add_option("rules", o->rules_file, "Rule file (YAML)")->required();
  command->add_option("list", o->list_file, "Candidate list: CSV with a header row, or JSON Lines ('-' reads standard input)")
      ->required();
  command->add_option("-o,--output", o->output, "Decisions file ('-' for standard output, the default)");
  command->add_option("--format", o->format, "Decisions format: csv or jsonl (default: from the output's name, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command->add_option("--rejects", o->rejects,
                      "File listing every row problem (default: OUTPUT with .rejects.csv; none for standard output)");
  command->add_option("--input-format", o->input_format, "auto (by the list's name), csv or jsonl")
      ->check(CLI::IsMember({"auto", "csv", "jsonl"}));
  command->add_option("--delimiter", o->delimiter, "CSV delimiter: one character or 'tab' (default: detected)");
  command->add_option("--column", o->columns, "Read list column COLUMN as schema field: 'COLUMN=field' (repeatable)");
  command->add_option("--value", o->values, "Read text FROM as TO in a field: 'field:FROM=TO' (repeatable)");
  command->add_option("--max-invalid", o->max_invalid,
                      "Fail (exit 2) when more rows than this are invalid: a count (100) or a share (0.5%)");
  command->add_option("--group-by", o->group_by, "Code field the summary counts rows by (default pekerjaan; 'none')");
  command->add_option("--threads", o->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 256));
  AddRuleOptions(*command, &o->rule_options);
  return [o] { return RunEval(*o); };
}

}  // namespace aturan::cli
