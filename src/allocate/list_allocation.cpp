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
  pipeline->on_chunk = [this](const CandidateTable& table, std::span<const Decision> decisions) {
    allocator_.Add(table, decisions);
    writer_.Add(table, decisions);
  };
}

absl::StatusOr<Allocation> ListAllocation::Finish() { return allocator_.Finish(); }

}  // namespace aturan::internal
