#include "cli/list_flags.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "base/strings.hpp"
#include "batch/list_defaults.hpp"

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

std::optional<int> GroupSlot(const RuleSet& rules, const ListFlags& flags) {
  const absl::StatusOr<int> slot = internal::SummaryGroupSlot(rules, flags.group_by);
  if (!slot.ok()) {
    std::cerr << "error: --group-by " << slot.status().message() << "\n";
    return std::nullopt;
  }
  return *slot;
}

bool InvalidLimit::Exceeded(uint64_t invalid, uint64_t rows) const {
  if (share >= 0) return static_cast<double>(invalid) > share * static_cast<double>(rows);
  return invalid > count;
}

std::optional<InvalidLimit> ParseInvalidLimit(const ListFlags& flags) {
  InvalidLimit limit;
  const std::string_view text = flags.max_invalid;
  if (text.empty()) return limit;
  if (absl::EndsWith(ToAbsl(text), "%")) {
    double percent = 0;
    if (absl::SimpleAtod(ToAbsl(text.substr(0, text.size() - 1)), &percent) && percent >= 0 && percent <= 100) {
      limit.share = percent / 100;
      return limit;
    }
  } else if (absl::SimpleAtoi(ToAbsl(text), &limit.count)) {
    return limit;
  }
  std::cerr << "error: --max-invalid '" << text << "': expected a count (100) or a share (0.5%)\n";
  return std::nullopt;
}

void FileCloser::operator()(std::FILE* file) const {
  if (file != stdout) std::fclose(file);
}

File OpenOutput(const std::string& path) {
  File file(path == "-" ? stdout : std::fopen(path.c_str(), "wb"));
  if (file == nullptr) std::cerr << "error: cannot write " << path << ": " << std::strerror(errno) << "\n";
  return file;
}

}  // namespace aturan::cli
