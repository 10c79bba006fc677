// cli/list_run.hpp — reading and deciding a whole candidate list for a subcommand: open it,
// run the pipeline with a progress bar, and pass on the reader's warnings.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "batch/eval_pipeline.hpp"

namespace aturan::cli {

// What a finished run gives.
struct ListRun {
  internal::EvalSummary summary;
  double seconds = 0;   // elapsed
  uint64_t bytes = 0;   // input bytes read
};

// Decides every row of `list_file` (see RunEvalPipeline; `pipeline.progress` is set here),
// printing the list's warnings to stderr. Nullopt after printing why it failed.
std::optional<ListRun> RunList(const RuleSet& rules, const std::string& list_file, const ListOptions& list_options,
                               internal::EvalPipelineOptions pipeline, std::FILE* decisions, std::FILE* rejects);

}  // namespace aturan::cli
