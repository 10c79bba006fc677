#include <unistd.h>

#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "base/read_file.hpp"
#include "cli/commands.hpp"
#include "cli/explanation_json.hpp"
#include "cli/json_record.hpp"
#include "cli/options.hpp"

namespace aturan::cli {
namespace {

struct ExplainOptions {
  std::string rules_file;
  std::vector<std::string> assignments;  // field=value
  std::string record_file;               // JSON; "-" for standard input
  std::string format = "text";
  RuleOptions rule_options;
};

bool ReadAll(const std::string& path, std::string* out) {
  if (path == "-") {
    out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::optional<std::string> text = ReadFile(path);
  if (!text) return false;
  *out = std::move(*text);
  return true;
}

// The candidates to explain, or nullopt after printing why there are none.
std::optional<std::vector<Record>> ReadCandidates(const RuleSet& rules, const ExplainOptions& o) {
  std::vector<Record> records;
  if (!o.record_file.empty()) {
    std::string json;
    if (!ReadAll(o.record_file, &json)) {
      std::cerr << "error: cannot read " << o.record_file << "\n";
      return std::nullopt;
    }
    if (json.find_first_not_of(" \t\r\n") == std::string::npos && o.assignments.empty()) {
      std::cerr << "error: no candidate given\n  hint: use --set field=value ..., --record FILE.json, "
                   "or pipe a JSON object to standard input\n";
      return std::nullopt;
    }
    std::vector<std::string> warnings;
    absl::StatusOr<std::vector<Record>> parsed = RecordsFromJson(rules, json, &warnings);
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
    if (!parsed.ok()) {
      std::cerr << "error: " << o.record_file << ": " << parsed.status().message() << "\n";
      return std::nullopt;
    }
    records = std::move(*parsed);
  } else if (o.assignments.empty()) {
    std::cerr << "error: no candidate given\n  hint: use --set field=value ..., --record FILE.json, "
                 "or pipe a JSON object to standard input\n";
    return std::nullopt;
  } else {
    records.emplace_back(rules);
  }
  bool ok = true;
  for (const std::string& assignment : o.assignments) {
    size_t eq = assignment.find('=');
    if (eq == std::string::npos) {
      std::cerr << "error: --set '" << assignment << "': expected field=value\n";
      ok = false;
      continue;
    }
    for (Record& record : records) {
      absl::Status status = record.Set(assignment.substr(0, eq), assignment.substr(eq + 1));
      if (absl::IsOutOfRange(status)) {  // a code outside its list: the decision says invalid
        std::cerr << "warning: --set " << assignment << ": " << status.message() << "\n";
        continue;
      }
      if (!status.ok()) {
        std::cerr << "error: --set " << assignment << ": " << status.message() << "\n";
        ok = false;
        break;
      }
    }
  }
  if (!ok) return std::nullopt;
  return records;
}

// "eligible, score 80" or "ineligible, score 50: usia (fail), ..." or "invalid: nama (...)".
std::string BriefLine(const Explanation& e) {
  std::string line = StatusName(e.decision.status);
  if (e.decision.status == Status::kInvalid) return line + ": " + e.invalid_field + " (" + e.invalid_reason + ")";
  std::ostringstream score;
  score << e.decision.score;
  line += ", score " + score.str();
  const char* separator = ": ";
  for (const RuleTrace& rule : e.rules) {
    if (rule.outcome == Outcome::kPass) continue;
    line += separator + rule.id + (rule.outcome == Outcome::kUnknown ? " (unknown)" : " (fail)");
    separator = ", ";
  }
  return line;
}

}  // namespace

Command AddExplainCommand(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  auto* command = app.add_subcommand(
      "explain", "Decide candidates and show every rule's outcome, the values it read and why");
  command->add_option("rules", o->rules_file, "Rule file (YAML)")->required()->check(CLI::ExistingFile);
  command->add_option("--set", o->assignments,
                      "field=value, as a list would write it (repeatable), e.g. "
                      "--set pekerjaan=\"tukang becak\" --set tanggal_lahir=1975-03-12");
  command->add_option("--record", o->record_file,
                      "JSON file with one candidate object or an array of them ('-' reads standard input; "
                      "without --set or --record, a JSON record piped to standard input is read)");
  command->add_option("--format", o->format,
                      "text (for people), brief (one line per candidate: status, score, failed rules) "
                      "or json (one line per candidate)")
      ->check(CLI::IsMember({"text", "brief", "json"}));
  AddRuleOptions(*command, &o->rule_options);
  return [o] {
    std::optional<LoadOptions> load = o->rule_options.ToLoadOptions();
    if (!load) return kExitBadInput;
    LoadResult loaded = RuleSet::LoadFile(o->rules_file, *load);
    std::cerr << FormatDiagnostics(loaded.diagnostics);
    if (loaded.rules == nullptr) return kExitRuleErrors;
    ExplainOptions options = *o;
    if (options.assignments.empty() && options.record_file.empty() && !isatty(STDIN_FILENO)) {
      options.record_file = "-";  // a JSON record piped in
    }
    std::optional<std::vector<Record>> records = ReadCandidates(*loaded.rules, options);
    if (!records) return kExitBadInput;
    for (size_t i = 0; i < records->size(); ++i) {
      Explanation e = (*records)[i].Explain();
      if (o->format == "json") {
        std::cout << ExplanationToJson(e) << "\n";
      } else if (o->format == "brief") {
        std::cout << BriefLine(e) << "\n";
      } else {
        if (i > 0) std::cout << "\n" << std::string(60, '-') << "\n";
        std::cout << e.ToText();
      }
    }
    return kExitOk;
  };
}

}  // namespace aturan::cli
