#include "generate/list_generator.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "base/strings.hpp"
#include "generate/list_plan.hpp"
#include "generate/nik_space.hpp"
#include "generate/rng.hpp"
#include "generate/row_writer.hpp"

namespace aturan {
namespace {

// Rows per block: the unit of parallel work, and of seeding (so it must never change, or
// every list changes).
constexpr uint64_t kBlockRows = 8192;
// Mixed with the seed for the NIK enumeration, so that it is independent of the row draws.
constexpr uint64_t kNikStream = 0x4e494bull;

NikSpace MakeNikSpace(const RuleSet& rules, uint64_t seed) {
  return NikSpace(rules.reference_date(), kGeneratedMinAge, kGeneratedMaxAge, MixKey(seed, kNikStream));
}

absl::Status WriteAll(std::FILE* out, const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), out) == text.size()) return absl::OkStatus();
  return absl::UnavailableError(StrCat("cannot write the list: ", std::strerror(errno)));
}

}  // namespace

uint64_t GenerateStats::invalid_rows() const {
  uint64_t invalid = 0;
  for (int i = 0; i < kDefectCount; ++i) {
    if (!IsWarning(static_cast<Defect>(i))) invalid += defect_rows[i];
  }
  return invalid;
}

uint64_t MaxGeneratedRows(const RuleSet& rules) { return MakeNikSpace(rules, 0).capacity(); }

absl::StatusOr<GenerateStats> GenerateList(const RuleSet& rules, const GenerateOptions& options, std::FILE* out) {
  if (!(options.bad_share >= 0 && options.bad_share <= 1)) {
    return absl::InvalidArgumentError(StrCat("the share of bad rows must be between 0 and 1, not ", options.bad_share));
  }
  const NikSpace nik_space = MakeNikSpace(rules, options.seed);
  if (options.rows > nik_space.capacity()) {
    return absl::InvalidArgumentError(StrCat("at most ", nik_space.capacity(), " rows can have distinct NIKs (ages ",
                                             kGeneratedMinAge, "-", kGeneratedMaxAge, ", serials 0001-9999), not ",
                                             options.rows));
  }
  const RowWriter writer(PlanList(rules), nik_space, options.seed, options.bad_share);
  GenerateStats stats;
  std::string header;
  writer.WriteHeader(&header);
  if (absl::Status status = WriteAll(out, header); !status.ok()) return status;
  stats.bytes = header.size();

  // Workers write blocks into a ring of slots; this thread writes them out in order.
  const uint64_t rows = options.rows;
  const uint64_t blocks = (rows + kBlockRows - 1) / kBlockRows;
  const uint64_t wanted = options.threads > 0 ? static_cast<uint64_t>(options.threads)
                                              : std::max(1u, std::thread::hardware_concurrency());
  const uint64_t threads = std::min({wanted, blocks, uint64_t{256}});
  const uint64_t window = 2 * threads + 2;
  struct Slot {
    std::string text;
    RowCounts counts;
    bool ready = false;
  };
  std::vector<Slot> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  uint64_t next = 0;     // the next block to claim
  uint64_t written = 0;  // blocks written out
  bool stop = false;
  const auto work = [&] {
    for (;;) {
      uint64_t block = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next >= blocks || next < written + window; });
        if (stop || next >= blocks) return;
        block = next++;
      }
      Slot& slot = slots[block % window];
      slot.text.clear();
      slot.counts = RowCounts();
      const uint64_t first = block * kBlockRows;
      writer.WriteBlock(first, std::min(kBlockRows, rows - first), &slot.text, &slot.counts);
      {
        std::lock_guard lock(mutex);
        slot.ready = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (uint64_t i = 0; i < threads; ++i) workers.emplace_back(work);

  absl::Status status;
  RowCounts counts;
  for (uint64_t block = 0; block < blocks && status.ok(); ++block) {
    Slot& slot = slots[block % window];
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slot.ready; });
    }
    status = WriteAll(out, slot.text);
    stats.bytes += slot.text.size();
    counts.Add(slot.counts);
    {
      std::lock_guard lock(mutex);
      slot.ready = false;
      ++written;
    }
    changed.notify_all();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& worker : workers) worker.join();
  if (!status.ok()) return status;
  if (std::fflush(out) != 0) return absl::UnavailableError(StrCat("cannot write the list: ", std::strerror(errno)));

  stats.rows = rows;
  stats.good_rows = counts.good;
  stats.defect_rows = counts.defects;
  return stats;
}

}  // namespace aturan
