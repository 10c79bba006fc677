// ExplainAllocation: one row's allocation in words, for the candidate and the lurah.

#include <string>

#include "aturan/allocation.hpp"
#include "base/strings.hpp"
#include "batch/decision_format.hpp"

namespace aturan {

namespace {

std::string Score(double score) {
  std::string text;
  internal::AppendScore(score, &text);
  return text;
}

std::string PoolName(const PoolInfo& pool) { return pool.name.empty() ? pool.id : pool.name; }

// " di <area name> (<code>)", or nothing for a row without an area.
std::string AreaText(const RuleSet& rules, const PoolInfo& pool, int32_t area) {
  if (area < 0 || pool.area_slot < 0) return "";
  const std::string_view name = rules.CodeName(pool.area_slot, area);
  const std::string_view code = rules.CodeText(pool.area_slot, area);
  return name.empty() ? StrCat(" di ", code) : StrCat(" di ", name, " (", code, ")");
}

const AreaOutcome* FindArea(const PoolOutcome& pool, int32_t area) {
  for (const AreaOutcome& a : pool.areas) {
    if (a.area == area) return &a;
  }
  return nullptr;
}

}  // namespace

std::string ExplainAllocation(const RuleSet& rules, const Allocation& allocation, size_t row) {
  if (row >= allocation.rows.size()) return StrCat("Baris ", row + 1, " tidak ada dalam daftar.");
  const RowAllocation& a = allocation.rows[row];
  const QuotaInfo& quota = rules.quota();
  switch (a.status) {
    case AllocationStatus::kInvalid:
      return "Data calon ini tidak sah (isian wajib kosong, kode tidak dikenal, atau NIK bermasalah), "
             "sehingga belum dapat dinilai. Perbaiki datanya lalu daftarkan kembali.";
    case AllocationStatus::kIneligible:
      if (!a.no_pool) return "Calon ini tidak memenuhi satu atau lebih syarat kepesertaan.";
      return "Calon ini memenuhi syarat, tetapi tidak termasuk satu pun kelompok kuota program ini.";
    case AllocationStatus::kSelected: {
      const PoolInfo& pool = quota.pools[a.pool];
      std::string text = StrCat("Terpilih dalam kuota ", PoolName(pool), AreaText(rules, pool, a.area),
                                " dengan skor prioritas ", Score(a.score), ".");
      if (a.redistributed) {
        text += " Kursinya berasal dari sisa kuota wilayah lain yang tidak terisi.";
      }
      return text;
    }
    case AllocationStatus::kWaitlisted: {
      const PoolInfo& pool = quota.pools[a.pool];
      const PoolOutcome& outcome = allocation.pools[a.pool];
      std::string text = StrCat("Memenuhi syarat, tetapi kuota ", PoolName(pool), AreaText(rules, pool, a.area));
      const AreaOutcome* area = FindArea(outcome, pool.basis == AreaBasis::kNone ? -1 : a.area);
      if (area != nullptr) StrAppend(&text, " (", area->quota, " kursi)");
      StrAppend(&text, " sudah terisi oleh calon dengan prioritas lebih tinggi. Urutan tunggu ke-", a.rank,
                "; skor prioritas ", Score(a.score), ".");
      if (area != nullptr && area->last_selected >= 0) {
        const RowAllocation& last = allocation.rows[static_cast<size_t>(area->last_selected)];
        StrAppend(&text, " Calon terakhir yang terpilih di sana (baris ", area->last_selected + 1,
                  ") berskor ", Score(last.score),
                  last.score == a.score ? "; skor sama, urutan ditentukan oleh kunci urutan prioritas." : ".");
      } else if (area != nullptr && area->quota == 0) {
        text += " Wilayah ini tidak mendapat kursi sendiri.";
      }
      return text;
    }
  }
  return "";
}

}  // namespace aturan
