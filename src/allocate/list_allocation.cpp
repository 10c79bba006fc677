#include "allocate/list_allocation.hpp"

namespace aturan::internal {

int QuotaAreaSlot(const RuleSet& rules) {
  for (const PoolInfo& pool : rules.quota().pools) {
    if (pool.basis != AreaBasis::kNone) return pool.area_slot;
  }
  return -1;
}

ListAllocation::ListAllocation(const RuleSet& rules, const AreaTable* areas, int group_slot, DecisionFormat format)
    : writer_(rules, format), allocator_(rules, areas, group_slot) {}

void ListAllocation::Attach(EvalPipelineOptions* pipeline) {
  pipeline->on_start = [this](uint64_t expected_rows) {
    allocator_.Reserve(expected_rows);
    writer_.Reserve(expected_rows);
  };
  pipeline->on_decided = [this](uint64_t chunk, const CandidateTable& table, std::span<const Decision> decisions) {
    Extracted extracted{allocator_.Extract(table, decisions), writer_.Extract(table, decisions)};
    std::lock_guard lock(mutex_);
    extracted_.emplace(chunk, std::move(extracted));
  };
  pipeline->on_chunk = [this](const CandidateTable&, std::span<const Decision>) {
    Extracted extracted;
    {
      std::lock_guard lock(mutex_);
      auto it = extracted_.find(next_chunk_++);
      extracted = std::move(it->second);
      extracted_.erase(it);
    }
    allocator_.Add(std::move(extracted.allocation));
    writer_.Add(extracted.lines);
  };
}

absl::StatusOr<Allocation> ListAllocation::Finish() { return allocator_.Finish(); }

}  // namespace aturan::internal
