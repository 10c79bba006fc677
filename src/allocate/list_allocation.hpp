// allocate/list_allocation.hpp — allocating a list while the evaluation pipeline decides it
// (`aturan allocate`, the C API's aturan_allocate_list): every decided chunk goes to the
// Allocator and to the AllocationWriter, then the seats are given out and the lines written.
#pragma once

#include <cstdint>
#include <cstdio>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "allocate/allocation_writer.hpp"
#include "aturan/allocation.hpp"
#include "aturan/rule_set.hpp"
#include "batch/eval_pipeline.hpp"

namespace aturan::internal {

// The area field of the first quota pool that shares its seats over areas (`by:`): the field
// whose codes an area table names. -1 when no pool does.
int QuotaAreaSlot(const RuleSet& rules);

// One list's allocation in the making. Not thread-safe; one per list.
class ListAllocation {
 public:
  // `areas` (may be null) overrides the rule file's area numbers and must outlive this;
  // `group_slot` as for Allocator; `format` is the lines' format.
  ListAllocation(const RuleSet& rules, const AreaTable* areas, int group_slot, DecisionFormat format);

  // Sets pipeline->on_start, on_decided and on_chunk so that room is made for the rows the
  // list is expected to have, and what the allocation and the writer keep of
  // each chunk is extracted on the worker that decided it, then added in input order on the
  // calling thread. This object must outlive the pipeline run.
  void Attach(EvalPipelineOptions* pipeline);
  // Gives out the seats over every row added (Allocator::Finish); call once, after the run.
  absl::StatusOr<Allocation> Finish();
  // The rows' lines: write them with writer().Write(allocation, file).
  const AllocationWriter& writer() const { return writer_; }

 private:
  // One chunk as extracted on a worker.
  struct Extracted {
    Allocator::Chunk allocation;
    AllocationWriter::Chunk lines;
  };

  AllocationWriter writer_;
  Allocator allocator_;
  std::mutex mutex_;
  absl::flat_hash_map<uint64_t, Extracted> extracted_;  // by chunk number, until added
  uint64_t next_chunk_ = 0;
};

}  // namespace aturan::internal
