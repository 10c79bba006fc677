#include "cli/list_run.hpp"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/progress_bar.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::cli {

std::optional<ListRun> RunList(const RuleSet& rules, const std::string& list_file, const ListOptions& list_options,
                               internal::EvalPipelineOptions pipeline, std::FILE* decisions, std::FILE* rejects) {
  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> reader =
      internal::RawChunkReader::Open(rules, list_file, {}, list_options);
  if (!reader.ok()) {
    std::cerr << "error: " << list_file << ": " << reader.status().message() << "\n";
    return std::nullopt;
  }
  for (const ListWarning& warning : (*reader)->warnings()) {
    std::cerr << "warning: " << list_file << ": " << warning.message << "\n";
  }
  const size_t warnings_before = (*reader)->warnings().size();

  std::error_code size_error;
  const uint64_t size = list_file == "-" ? 0 : std::filesystem::file_size(list_file, size_error);
  std::optional<ProgressBar> progress;
  progress.emplace(size_error ? 0 : size);
  pipeline.progress = [&progress](uint64_t rows, uint64_t bytes) { progress->Update(rows, bytes); };
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<internal::EvalSummary> summary = internal::RunEvalPipeline(**reader, pipeline, decisions, rejects);
  ListRun run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.reset();  // clears the bar before anything else is printed
  if (!summary.ok()) {
    std::cerr << "error: " << summary.status().message() << "\n";
    return std::nullopt;
  }
  for (size_t i = warnings_before; i < (*reader)->warnings().size(); ++i) {
    std::cerr << "warning: " << list_file << ": " << (*reader)->warnings()[i].message << "\n";
  }
  run.summary = *std::move(summary);
  run.bytes = (*reader)->bytes_read();
  return run;
}

}  // namespace aturan::cli
