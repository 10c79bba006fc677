#include "cli/list_flags.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>

#include "base/direct_output.hpp"
#include "base/file_identity.hpp"
#include "base/strings.hpp"
#include "batch/list_defaults.hpp"
#include "batch/list_option_text.hpp"

namespace aturan::cli {

void AddListFlags(CLI::App& command, ListFlags* flags) {
  command.add_option("--input-format", flags->input_format, "auto (by the list's name), csv or jsonl")
      ->check(CLI::IsMember({"auto", "csv", "jsonl"}));
  command.add_option("--delimiter", flags->delimiter, "CSV delimiter: one character or 'tab' (default: detected)");
  command.add_option("--column", flags->columns, "Read list column COLUMN as schema field: 'COLUMN=field' (repeatable)");
  command.add_option("--value", flags->values, "Read text FROM as TO in a field: 'field:FROM=TO' (repeatable)");
  command.add_option("--max-invalid", flags->max_invalid,
                     "Fail (exit 2) when more rows than this are invalid: a count (100) or a share (0.5%)");
  command.add_option("--group-by", flags->group_by, "Code field the summary counts rows by (default pekerjaan; 'none')");
  command.add_option("--threads", flags->threads, "Worker threads (default: one per core)")->check(CLI::Range(0, 256));
}

std::optional<ListOptions> ToListOptions(const ListFlags& o) {
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
    absl::StatusOr<ColumnRename> rename = internal::ParseColumnRename(column);
    if (!rename.ok()) {
      std::cerr << "error: --column " << rename.status().message() << "\n";
      return std::nullopt;
    }
    options.columns.push_back(*std::move(rename));
  }
  for (const std::string& value : o.values) {
    absl::StatusOr<ValueRename> rename = internal::ParseValueRename(value);
    if (!rename.ok()) {
      std::cerr << "error: --value " << rename.status().message() << "\n";
      return std::nullopt;
    }
    options.values.push_back(*std::move(rename));
  }
  return options;
}

std::optional<int> GroupSlot(const RuleSet& rules, const ListFlags& flags) {
  const absl::StatusOr<int> slot = internal::SummaryGroupSlot(rules, flags.group_by);
  if (!slot.ok()) {
    std::cerr << "error: --group-by " << slot.status().message() << "\n";
    return std::nullopt;
  }
  return *slot;
}

std::optional<internal::InvalidLimit> ParseInvalidLimit(const ListFlags& flags) {
  absl::StatusOr<internal::InvalidLimit> limit = internal::ParseInvalidLimit(flags.max_invalid);
  if (!limit.ok()) {
    std::cerr << "error: --max-invalid " << limit.status().message() << "\n";
    return std::nullopt;
  }
  return *limit;
}

void FileCloser::operator()(std::FILE* file) const {
  if (file != stdout) std::fclose(file);
}

bool IsStandardOutput(const std::string& path) {
  if (path == "-") return true;
  const std::optional<internal::FileIdentity> named = internal::IdentityOf(path, STDOUT_FILENO);
  return named && named == internal::IdentityOf("-", STDOUT_FILENO);
}

bool OutputSparesInputs(const std::string& flag, const std::string& path, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    if (!internal::OverwritesInput(path, input)) continue;
    std::cerr << "error: " << flag << " " << path << " is " << (input == "-" ? "standard input" : input)
              << ", which is read too; writing it would destroy it. Give another output file\n";
    return false;
  }
  return true;
}

File OpenOutput(const std::string& path, OutputCache cache) {
  File file(IsStandardOutput(path)            ? stdout
            : cache == OutputCache::kBypass ? internal::OpenDirectOutput(path)
                                            : std::fopen(path.c_str(), "wb"));
  if (file == nullptr) std::cerr << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
  return file;
}

bool CloseOutput(File file, const std::string& path) {
  std::FILE* stream = file.release();
  if (stream == nullptr || (stream == stdout ? std::fflush(stream) : std::fclose(stream)) == 0) return true;
  std::cerr << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
  return false;
}

}  // namespace aturan::cli
