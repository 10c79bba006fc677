// batch/eval_pipeline.hpp — `aturan eval`'s engine: read a list chunk by chunk on one
// thread, convert, check and decide chunks on worker threads, and write every row's line in
// input order on the calling thread. Memory stays bounded by the chunks in flight (a few
// per worker), whatever the size of the list; the output does not depend on the number of
// threads.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <span>

#include "absl/status/statusor.h"
#include "batch/decision_format.hpp"
#include "batch/eval_summary.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::internal {

// How to run the pipeline.
struct EvalPipelineOptions {
  int threads = 0;  // worker threads; 0 = one per core
  DecisionFormat format = DecisionFormat::kCsv;
  int group_slot = -1;  // the code field the summary groups rows by, or -1
  // Called on the calling thread after each chunk is written, with the rows and input bytes
  // done so far.
  std::function<void(uint64_t rows, uint64_t bytes)> progress;
  // Called on the calling thread before the first chunk is read, with about how many rows
  // the list has (RawChunkReader::expected_rows; 0 when unknown). May be empty.
  std::function<void(uint64_t expected_rows)> on_start;
  // Called on a worker thread with each chunk's number (0, 1, ... in input order), rows and
  // decisions, once the chunk is decided: chunks of several workers at once, in any order
  // (e.g. to extract what an allocation keeps of them). May be empty.
  std::function<void(uint64_t chunk, const CandidateTable& table, std::span<const Decision> decisions)> on_decided;
  // Called on the calling thread with each chunk's rows and decisions, in input order
  // (e.g. to allocate the list once every row is decided). May be empty.
  std::function<void(const CandidateTable& table, std::span<const Decision> decisions)> on_chunk;
};

// Decides every row `reader` gives, writing one line per row to `decisions` and every row
// problem to `rejects` (each when not null), both in input order and with their header. Returns
// the counts, or the first read or write error (the output then stops where it failed).
absl::StatusOr<EvalSummary> RunEvalPipeline(RawChunkReader& reader, const EvalPipelineOptions& options,
                                            std::FILE* decisions, std::FILE* rejects);

}  // namespace aturan::internal
