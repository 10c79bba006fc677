// python/memory_list.cpp — list runs over JSON Lines text, with outputs in memory streams.
#include "memory_list.hpp"

#include <stdio.h>  // open_memstream (POSIX)

#include <chrono>
#include <cstdlib>
#include <memory>

#include "allocate/allocation_summary.hpp"
#include "allocate/list_allocation.hpp"
#include "aturan/list_reader.hpp"
#include "batch/eval_pipeline.hpp"
#include "batch/eval_summary_json.hpp"
#include "batch/list_defaults.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::python {
namespace {

// A FILE* writing into memory; text() is what was written once the stream is closed.
class MemoryFile {
 public:
  MemoryFile() : file_(open_memstream(&buffer_, &size_)) {
    if (file_ == nullptr) throw std::bad_alloc();
  }
  ~MemoryFile() {
    if (file_ != nullptr) std::fclose(file_);
    std::free(buffer_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::FILE* get() const { return file_; }
  // Closes the stream and returns everything written to it.
  std::string text() {
    std::fclose(file_);
    file_ = nullptr;
    return std::string(buffer_, size_);
  }

 private:
  char* buffer_ = nullptr;
  size_t size_ = 0;
  std::FILE* file_;
};

// A reader over `jsonl` and the pipeline settings `aturan eval` would take for a .jsonl output.
struct Prepared {
  std::unique_ptr<internal::RawChunkReader> reader;
  internal::EvalPipelineOptions pipeline;
};

absl::StatusOr<Prepared> Prepare(const RuleSet& rules, std::string_view jsonl) {
  ListOptions list;
  list.format = ListFormat::kJsonLines;
  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> reader =
      internal::RawChunkReader::Open(rules, "", jsonl, list);
  if (!reader.ok()) return reader.status();
  const absl::StatusOr<int> group_slot = internal::SummaryGroupSlot(rules, "");
  if (!group_slot.ok()) return group_slot.status();
  Prepared prepared{*std::move(reader), {}};
  prepared.pipeline.format = internal::DecisionFormat::kJsonLines;
  prepared.pipeline.group_slot = *group_slot;
  return prepared;
}

}  // namespace

absl::StatusOr<MemoryRun> EvaluateJsonLines(const RuleSet& rules, std::string_view jsonl) {
  absl::StatusOr<Prepared> run = Prepare(rules, jsonl);
  if (!run.ok()) return run.status();
  MemoryFile decisions;
  MemoryFile rejects;
  const absl::StatusOr<internal::EvalSummary> summary =
      internal::RunEvalPipeline(*run->reader, run->pipeline, decisions.get(), rejects.get());
  if (!summary.ok()) return summary.status();
  return MemoryRun{decisions.text(), rejects.text(),
                   internal::EvalSummaryJson(rules, *summary, run->reader->warnings())};
}

absl::StatusOr<MemoryRun> AllocateJsonLines(const RuleSet& rules, std::string_view jsonl) {
  if (!rules.quota().present()) {
    return absl::FailedPreconditionError(rules.regulation_id() + " has no quota section; evaluate instead");
  }
  absl::StatusOr<Prepared> run = Prepare(rules, jsonl);
  if (!run.ok()) return run.status();
  const auto start = std::chrono::steady_clock::now();
  internal::ListAllocation list(rules, nullptr, run->pipeline.group_slot, run->pipeline.format);
  list.Attach(&run->pipeline);
  MemoryFile decisions;
  MemoryFile rejects;
  const absl::StatusOr<internal::EvalSummary> summary =
      internal::RunEvalPipeline(*run->reader, run->pipeline, nullptr, rejects.get());
  if (!summary.ok()) return summary.status();
  const absl::StatusOr<Allocation> allocation = list.Finish();
  if (!allocation.ok()) return allocation.status();
  if (const absl::Status written = list.writer().Write(*allocation, decisions.get()); !written.ok()) return written;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return MemoryRun{decisions.text(), rejects.text(),
                   internal::AllocationSummaryJson(rules, *allocation, run->pipeline.group_slot, summary->rows,
                                                   seconds)};
}

}  // namespace aturan::python
