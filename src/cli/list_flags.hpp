// cli/list_flags.hpp — the options of subcommands that read a candidate list (eval,
// allocate): input format, delimiter, column and value mapping, the invalid-row limit, threads,
// the summary's group field; and the output files they write.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "CLI/CLI.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "batch/list_option_text.hpp"

namespace aturan::cli {

struct ListFlags {
  std::string input_format = "auto";
  std::string delimiter;
  std::vector<std::string> columns;  // COLUMN=field
  std::vector<std::string> values;   // field:FROM=TO
  std::string max_invalid;           // N or P%
  std::string group_by;
  int threads = 0;
};

// Adds --input-format, --delimiter, --column, --value, --max-invalid, --group-by, --threads.
void AddListFlags(CLI::App& command, ListFlags* flags);

// The ListOptions the flags describe, or nullopt after saying what is wrong.
std::optional<ListOptions> ToListOptions(const ListFlags& flags);

// The code field rows are grouped by in summaries: --group-by, else pekerjaan when the schema
// has it; -1 for none ('none'). Nullopt after saying what is wrong.
std::optional<int> GroupSlot(const RuleSet& rules, const ListFlags& flags);

// --max-invalid as a limit (no limit when not given), or nullopt after saying what is wrong.
std::optional<internal::InvalidLimit> ParseInvalidLimit(const ListFlags& flags);

// Closes an output file unless it is standard output.
struct FileCloser {
  void operator()(std::FILE* file) const;
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// How an output file is written.
enum class OutputCache {
  kBypass,  // whole blocks go around the page cache (internal::OpenDirectOutput): results
  kKeep,    // through the page cache: files read again next, such as a generated list
};

// True when `path` is "-" or names the file standard output already writes to (such as
// /dev/stdout, or the file the shell redirected it to).
bool IsStandardOutput(const std::string& path);

// False after saying so when output `path` (given as `flag`, e.g. "-o") is an existing regular
// file that is also one of `inputs` ("-" is standard input): opening it for writing would
// empty it before it is read.
bool OutputSparesInputs(const std::string& flag, const std::string& path, const std::vector<std::string>& inputs);

// `path` opened for writing, or null after saying why not. Standard output (IsStandardOutput)
// is used as it is: never reopened, so a shell's `>>` still appends and nothing else printed
// there is overwritten.
File OpenOutput(const std::string& path, OutputCache cache = OutputCache::kBypass);

// Closes `file` (standard output is flushed, not closed). False after saying why when its
// last bytes could not be written; true for a null file.
bool CloseOutput(File file, const std::string& path);

}  // namespace aturan::cli
