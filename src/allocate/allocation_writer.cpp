#include "allocate/allocation_writer.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/csv_field.hpp"
#include "base/decimal_text.hpp"
#include "base/nik.hpp"
#include "base/strings.hpp"

namespace aturan::internal {

namespace {

constexpr size_t kMaxIdBytes = 0xFFFF;
// An id of 16 digits (a NIK) is kept as its number, marked by this bit, not as text.
constexpr uint64_t kDigitsId = uint64_t{1} << 63;

// Rows formatted at a time by one thread when writing.
constexpr size_t kBlockRows = 16384;

// The failed and reasons columns of a row the quota decided, as `format` writes them:
// `kuota` and the reason.
std::string QuotaOutcomeText(DecisionFormat format, std::string_view reason) {
  std::string text;
  if (format == DecisionFormat::kCsv) {
    text.append("kuota,");
    AppendCsvField(reason, &text);
  } else {
    text.append("\"failed\":[\"kuota\"],\"reasons\":[");
    AppendJsonString(reason, &text);
    text.push_back(']');
  }
  return text;
}

}  // namespace

AllocationWriter::AllocationWriter(const RuleSet& rules, DecisionFormat format)
    : rules_(rules), format_(format), formatter_(rules, format) {
  outcome_begin_.push_back(0);
  PrepareQuotaOutcomes();
}

void AllocationWriter::Reserve(size_t rows) {
  ids_.reserve(rows);
  outcome_of_row_.reserve(rows);
}

AllocationWriter::Chunk AllocationWriter::Extract(const CandidateTable& table,
                                                  std::span<const Decision> decisions) const {
  Chunk out;
  out.first_source_row = table.size() > 0 ? table.source_row(0) : 0;
  for (size_t r = 0; r < table.size(); ++r) {
    if (table.source_row(r) == out.first_source_row + r) continue;
    for (size_t each = 0; each < table.size(); ++each) out.source_rows.push_back(table.source_row(each));
    break;
  }
  out.ids.reserve(table.size());
  out.outcome_of_row.reserve(table.size());
  absl::flat_hash_map<std::string, uint32_t> rule_outcomes;  // this chunk's, by key
  for (size_t r = 0; r < table.size(); ++r) {
    const Decision& decision = decisions[r];
    const std::string_view id = formatter_.Id(table, r).substr(0, kMaxIdBytes);
    if (const std::optional<uint64_t> value = SixteenDigits(id)) {
      out.ids.push_back(kDigitsId | *value);
    } else {
      out.ids.push_back(static_cast<uint64_t>(out.id_text.size()) << 16 | id.size());
      out.id_text.append(id);
    }
    const bool invalid = decision.status == Status::kInvalid;
    if (!invalid && decision.failed.none()) {
      out.outcome_of_row.push_back(0);
      continue;
    }
    std::string key;
    if (!invalid) {
      key = RuleOutcomeKey(decision, rules_.rules().size());
      if (auto it = rule_outcomes.find(key); it != rule_outcomes.end()) {
        out.outcome_of_row.push_back(it->second);
        continue;
      }
    }
    if (format_ == DecisionFormat::kCsv) {
      formatter_.AppendCsvOutcome(table, r, decision, &out.outcome_text);
    } else {
      formatter_.AppendJsonOutcome(decision, &out.outcome_text);
      if (invalid) DecisionFormatter::AppendJsonIssues(table, r, /*warnings=*/false, &out.outcome_text);
    }
    out.outcome_begin.push_back(out.outcome_text.size());
    const auto outcome = static_cast<uint32_t>(out.outcome_begin.size() - 1);
    if (!invalid) rule_outcomes.emplace(key, outcome);
    out.outcome_keys.push_back(std::move(key));
    out.outcome_of_row.push_back(outcome);
  }
  return out;
}

void AllocationWriter::Add(const Chunk& chunk) {
  const size_t rows = size();
  const size_t chunk_rows = chunk.ids.size();
  const bool numbered_in_order = chunk.source_rows.empty() && chunk.first_source_row == rows + 1;
  if (!source_rows_.empty() || (chunk_rows > 0 && !numbered_in_order)) {
    // The first rows numbered otherwise: every row's number is kept from here on.
    for (size_t row = source_rows_.size(); row < rows; ++row) source_rows_.push_back(row + 1);
    for (size_t r = 0; r < chunk_rows; ++r) {
      source_rows_.push_back(chunk.source_rows.empty() ? chunk.first_source_row + r : chunk.source_rows[r]);
    }
  }
  const uint64_t id_base = static_cast<uint64_t>(id_text_.size()) << 16;
  for (const uint64_t id : chunk.ids) ids_.push_back((id & kDigitsId) != 0 ? id : id + id_base);
  id_text_.append(chunk.id_text);
  // The chunk's outcomes as this writer's: rule outcomes shared with earlier chunks are kept once.
  std::vector<uint32_t> outcome_of(chunk.outcome_keys.size() + 1, 0);
  for (size_t o = 0; o < chunk.outcome_keys.size(); ++o) {
    const std::string& key = chunk.outcome_keys[o];
    if (!key.empty()) {
      if (auto it = rule_outcomes_.find(key); it != rule_outcomes_.end()) {
        outcome_of[o + 1] = it->second;
        continue;
      }
    }
    outcome_text_.append(std::string_view(chunk.outcome_text)
                             .substr(chunk.outcome_begin[o], chunk.outcome_begin[o + 1] - chunk.outcome_begin[o]));
    outcome_begin_.push_back(outcome_text_.size());
    outcome_of[o + 1] = static_cast<uint32_t>(outcome_begin_.size() - 1);
    if (!key.empty()) rule_outcomes_.emplace(key, outcome_of[o + 1]);
  }
  for (const uint32_t outcome : chunk.outcome_of_row) outcome_of_row_.push_back(outcome_of[outcome]);
}

std::string_view AllocationWriter::Outcome(size_t row) const {
  const uint32_t outcome = outcome_of_row_[row];
  if (outcome == 0) return {};
  return std::string_view(outcome_text_).substr(outcome_begin_[outcome - 1],
                                                outcome_begin_[outcome] - outcome_begin_[outcome - 1]);
}

void AllocationWriter::PrepareQuotaOutcomes() {
  no_pool_outcome_ =
      QuotaOutcomeText(format_, "Anda memenuhi syarat, tetapi tidak termasuk satu pun kelompok kuota program ini.");
  // A waitlisted row's reason ends "... urutan tunggu ke-RANK.": rendered with the rank left
  // out, then cut before the final '.', which neither format escapes, and what closes the
  // field (CSV quotes the reason, which always has a comma: `"`; JSON: `"]`).
  const size_t after_rank = format_ == DecisionFormat::kCsv ? 2 : 3;
  for (const PoolInfo& pool : rules_.quota().pools) {
    const std::string pool_name = pool.name.empty() ? pool.id : pool.name;
    std::vector<std::string>& before_rank = waiting_before_rank_.emplace_back();
    const int32_t areas = pool.area_slot >= 0 ? rules_.CodeCount(pool.area_slot) : 0;
    for (int32_t area = -1; area < areas; ++area) {
      const std::string where = area >= 0 ? StrCat(" untuk ", rules_.CodeName(pool.area_slot, area)) : "";
      std::string text = QuotaOutcomeText(
          format_, StrCat("Anda memenuhi syarat, tetapi kuota ", pool_name, where,
                          " sudah terisi. Anda berada di urutan tunggu ke-."));
      waiting_after_rank_ = text.substr(text.size() - after_rank);
      text.resize(text.size() - after_rank);
      before_rank.push_back(std::move(text));
    }
  }
}

// failed/reasons of a row the quota decided: waiting in line, or taken by no pool.
void AllocationWriter::AppendQuotaOutcome(const RowAllocation& row, std::string* out) const {
  if (row.no_pool) {
    out->append(no_pool_outcome_);
    return;
  }
  out->append(waiting_before_rank_[static_cast<size_t>(row.pool)][static_cast<size_t>(row.area + 1)]);
  AppendDecimal(row.rank, out);
  out->append(waiting_after_rank_);
}

std::string_view AllocationWriter::IdText(size_t row, std::array<char, 16>* digits) const {
  const uint64_t id = ids_[row];
  if ((id & kDigitsId) == 0) {
    return std::string_view(id_text_).substr(static_cast<size_t>(id >> 16), static_cast<size_t>(id & 0xFFFF));
  }
  WriteDigitPairs(id & ~kDigitsId, digits->data(), digits->size());
  return std::string_view(digits->data(), digits->size());
}

std::string AllocationWriter::Id(size_t row) const {
  std::array<char, 16> digits;
  return std::string(IdText(row, &digits));
}

void AllocationWriter::AppendRow(const Allocation& allocation, size_t row, std::string* out) const {
  const RowAllocation& a = allocation.rows[row];
  std::array<char, 16> digits;
  const std::string_view id = IdText(row, &digits);
  const QuotaInfo& quota = rules_.quota();
  const bool placed = a.status == AllocationStatus::kSelected || a.status == AllocationStatus::kWaitlisted;
  const std::string_view pool = placed && a.pool >= 0 ? std::string_view(quota.pools[a.pool].id) : std::string_view();
  const std::string_view area =
      placed && a.pool >= 0 && a.area >= 0 ? rules_.CodeText(quota.pools[a.pool].area_slot, a.area) : std::string_view();
  const bool quota_outcome = a.status == AllocationStatus::kWaitlisted || a.no_pool;
  if (format_ == DecisionFormat::kCsv) {
    AppendDecimal(source_row(row), out);
    out->push_back(',');
    if ((ids_[row] & kDigitsId) != 0) {
      out->append(id);  // digits need no quoting
    } else {
      AppendCsvField(id, out);
    }
    out->push_back(',');
    out->append(AllocationStatusName(a.status));
    out->push_back(',');
    out->append(pool);
    out->push_back(',');
    AppendCsvField(area, out);
    out->push_back(',');
    if (a.status == AllocationStatus::kWaitlisted) AppendDecimal(a.rank, out);
    out->push_back(',');
    AppendScore(a.score, out);
    out->push_back(',');
    if (quota_outcome) {
      AppendQuotaOutcome(a, out);
    } else if (const std::string_view outcome = Outcome(row); !outcome.empty()) {
      out->append(outcome);
    } else {
      out->push_back(',');
    }
    out->push_back('\n');
    return;
  }
  out->append("{\"row\":");
  AppendDecimal(source_row(row), out);
  out->append(",\"nik\":");
  AppendJsonString(id, out);
  absl::StrAppend(out, ",\"status\":\"", AllocationStatusName(a.status), "\",\"pool\":");
  if (pool.empty()) {
    out->append("null");
  } else {
    AppendJsonString(pool, out);
  }
  out->append(",\"area\":");
  if (area.empty()) {
    out->append("null");
  } else {
    AppendJsonString(area, out);
  }
  out->append(",\"rank\":");
  AppendDecimal(a.rank, out);
  out->append(",\"score\":");
  AppendScore(a.score, out);
  out->push_back(',');
  if (quota_outcome) {
    AppendQuotaOutcome(a, out);
  } else if (const std::string_view outcome = Outcome(row); !outcome.empty()) {
    out->append(outcome);
  } else {
    out->append("\"failed\":[],\"reasons\":[]");
  }
  out->append("}\n");
}

absl::Status AllocationWriter::Write(const Allocation& allocation, std::FILE* file) const {
  const auto write = [file](const std::string& text) {
    return text.empty() || std::fwrite(text.data(), 1, text.size(), file) == text.size();
  };
  if (format_ == DecisionFormat::kCsv && !write("row,nik,status,pool,area,rank,score,failed,reasons\n")) {
    return absl::ErrnoToStatus(errno, "cannot write the allocation");
  }
  // Blocks of rows are formatted on one thread per core into a ring of buffers while this
  // thread writes the finished ones in order (formatting and writing every row on one thread
  // made the output the slowest part of a long list's allocation). A formatter waits only for
  // its buffer to be written, never for the other formatters, so the writer is seldom idle;
  // the bytes do not depend on the threads.
  const size_t rows = std::min(size(), allocation.rows.size());
  const size_t threads = std::max(1u, std::thread::hardware_concurrency());
  const size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
  struct Ring {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::string> buffers;
    std::vector<int64_t> holds;  // per buffer: the block formatted in it, -1 while being formatted or free
    size_t written = 0;          // blocks written so far
    size_t next = 0;             // the next block to format
    bool stop = false;           // writing failed
  } ring;
  ring.buffers.resize(2 * threads);
  ring.holds.assign(ring.buffers.size(), -1);
  bool ok = true;
  {
    std::vector<std::jthread> formatters;
    for (size_t t = 0; t < std::min(threads, blocks); ++t) {
      formatters.emplace_back([&] {
        for (;;) {
          size_t block = 0;
          {
            std::unique_lock lock(ring.mutex);
            if (ring.stop || ring.next == blocks) return;
            block = ring.next++;
            // Block b uses buffer b % size, free once block b - size is written.
            ring.changed.wait(lock, [&] { return ring.stop || ring.written + ring.buffers.size() > block; });
            if (ring.stop) return;
          }
          std::string& out = ring.buffers[block % ring.buffers.size()];
          out.clear();
          for (size_t row = block * kBlockRows; row < std::min(rows, (block + 1) * kBlockRows); ++row) {
            AppendRow(allocation, row, &out);
          }
          std::lock_guard lock(ring.mutex);
          ring.holds[block % ring.buffers.size()] = static_cast<int64_t>(block);
          ring.changed.notify_all();
        }
      });
    }
    for (size_t block = 0; ok && block < blocks; ++block) {
      const size_t slot = block % ring.buffers.size();
      {
        std::unique_lock lock(ring.mutex);
        ring.changed.wait(lock, [&] { return ring.holds[slot] == static_cast<int64_t>(block); });
      }
      ok = write(ring.buffers[slot]);
      std::lock_guard lock(ring.mutex);
      ring.holds[slot] = -1;
      ++ring.written;
      ring.stop = !ok;
      ring.changed.notify_all();
    }
  }  // joins the formatters
  if (!ok || std::fflush(file) != 0) return absl::ErrnoToStatus(errno, "cannot write the allocation");
  return absl::OkStatus();
}

}  // namespace aturan::internal
