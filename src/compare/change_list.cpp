#include "compare/change_list.hpp"

#include <cerrno>
#include <string>

#include "base/csv_field.hpp"
#include "base/strings.hpp"
#include "batch/decision_format.hpp"

namespace aturan::internal {

namespace {

constexpr size_t kFlushBytes = 1 << 20;

std::string_view PoolId(const RuleSet& rules, const RowOutcome& outcome) {
  if (outcome.pool < 0 || static_cast<size_t>(outcome.pool) >= rules.quota().pools.size()) return {};
  return rules.quota().pools[static_cast<size_t>(outcome.pool)].id;
}

// failed,reasons of a row: as the rules decided it, or `kuota` when the quota left out a row
// the rules found eligible.
void AppendOutcome(const RuleSet& rules, const RowOutcome& outcome, const std::string& decided, std::string* out) {
  if (outcome.status == CoverStatus::kWaitlisted) {
    const PoolInfo& pool = rules.quota().pools[static_cast<size_t>(outcome.pool)];
    out->append("kuota,");
    AppendCsvField(StrCat("Memenuhi syarat, tetapi kuota ", pool.name.empty() ? pool.id : pool.name,
                          " sudah terisi: masuk daftar tunggu."),
                   out);
    return;
  }
  if (outcome.status == CoverStatus::kIneligible && decided == ",") {
    out->append("kuota,");
    AppendCsvField("Memenuhi syarat, tetapi tidak termasuk satu pun kelompok kuota.", out);
    return;
  }
  out->append(decided);
}

}  // namespace

absl::Status WriteChangeList(const ChangeListSides& sides, std::span<const RowChange> rows, const CodeColumn& area,
                             const CodeDictionary& areas, std::FILE* out) {
  std::string text =
      "row,nik,old_status,new_status,change,old_pool,new_pool,area,old_failed,old_reasons,new_failed,new_reasons\n";
  const auto flush = [&]() {
    const bool ok = text.empty() || std::fwrite(text.data(), 1, text.size(), out) == text.size();
    text.clear();
    return ok;
  };
  RowSpill::Entry old_entry, new_entry;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (!sides.old_spill->Next(&old_entry) || !sides.new_spill->Next(&new_entry)) {
      const absl::Status& failed = !sides.old_spill->status().ok() ? sides.old_spill->status() : sides.new_spill->status();
      return failed.ok() ? absl::InternalError("the change list's temporary files end early") : failed;
    }
    const RowChange& row = rows[i];
    absl::StrAppend(&text, new_entry.source_row, ",");
    AppendCsvField(new_entry.nik.empty() ? old_entry.nik : new_entry.nik, &text);
    StrAppend(&text, ",", CoverStatusName(row.old_outcome.status), ",", CoverStatusName(row.new_outcome.status), ",",
              CoverChangeName(ChangeOf(row)), ",", PoolId(*sides.old_rules, row.old_outcome), ",",
              PoolId(*sides.new_rules, row.new_outcome), ",");
    if (const int32_t a = area.Get(i); a >= 0) AppendCsvField(areas.code(static_cast<size_t>(a)), &text);
    text.push_back(',');
    AppendOutcome(*sides.old_rules, row.old_outcome, old_entry.outcome, &text);
    text.push_back(',');
    AppendOutcome(*sides.new_rules, row.new_outcome, new_entry.outcome, &text);
    text.push_back('\n');
    if (text.size() >= kFlushBytes && !flush()) return absl::ErrnoToStatus(errno, "cannot write the change list");
  }
  if (!flush() || std::fflush(out) != 0) return absl::ErrnoToStatus(errno, "cannot write the change list");
  return absl::OkStatus();
}

}  // namespace aturan::internal
