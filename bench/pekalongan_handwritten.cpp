#include "pekalongan_handwritten.hpp"

#include "base/dates.hpp"
#include "base/nik.hpp"

namespace aturan::bench {
namespace {

constexpr int64_t kBatasPenghasilan = 2'305'823;
const Date kTanggalAcuan = Date::FromCivil(absl::CivilDay(2023, 1, 1));

}  // namespace

HandwrittenPekalongan2023::HandwrittenPekalongan2023(RuleSet rules)
    : rules_(std::move(rules)),
      kelurahan_slot_(rules_.FieldSlot("kode_kelurahan")),
      pekerjaan_slot_(rules_.FieldSlot("pekerjaan")),
      jenis_kelamin_slot_(rules_.FieldSlot("jenis_kelamin")),
      status_slot_(rules_.FieldSlot("status_bpjstk")) {
  kota_ = Members(kelurahan_slot_,
                  {"33.75.01.1002", "33.75.01.1003", "33.75.01.1004", "33.75.01.1006", "33.75.01.1008",
                   "33.75.01.1009", "33.75.01.1012", "33.75.02.1002", "33.75.02.1004", "33.75.02.1007",
                   "33.75.02.1008", "33.75.02.1009", "33.75.02.1010", "33.75.02.1012", "33.75.03.1002",
                   "33.75.03.1003", "33.75.03.1004", "33.75.03.1006", "33.75.03.1007", "33.75.03.1009",
                   "33.75.03.1010", "33.75.04.1002", "33.75.04.1003", "33.75.04.1004", "33.75.04.1006",
                   "33.75.04.1008", "33.75.04.1010"});
  rentan_ = Members(pekerjaan_slot_,
                    {"pengayuh_becak", "sopir_angkot", "tukang_pijat_tunanetra", "lebe",
                     "pengatur_lalu_lintas_tunarungu", "penggali_kubur", "buruh_harian_lepas",
                     "kuli_bangunan", "pedagang_keliling", "kuli_panggul", "ojek_pangkalan", "buruh_batik",
                     "marbot", "tukang_parkir", "tukang_sampah", "tukang_bengkel", "pekerja_disabilitas",
                     "pemulung", "tukang_tambal_ban", "ojek_online", "nelayan_kecil"});
  khusus_disabilitas_ = Members(pekerjaan_slot_, {"tukang_pijat_tunanetra", "pengatur_lalu_lintas_tunarungu",
                                                  "pekerja_disabilitas"});
  ditanggung_ = Members(status_slot_, {"pu", "ditanggung_pihak_lain"});
}

std::vector<bool> HandwrittenPekalongan2023::Members(int slot, const std::vector<const char*>& codes) const {
  std::vector<bool> members(64, false);
  for (const char* code : codes) members[rules_.CodeId(slot, code)] = true;
  return members;
}

HandDecision HandwrittenPekalongan2023::Decide(const Worker& w) const {
  HandDecision d;
  int32_t kelurahan = rules_.CodeId(kelurahan_slot_, w.kode_kelurahan);
  int32_t pekerjaan = rules_.CodeId(pekerjaan_slot_, w.pekerjaan);
  int32_t jenis_kelamin = rules_.CodeId(jenis_kelamin_slot_, w.jenis_kelamin);
  bool has_status = !w.status_bpjstk.empty();
  int32_t status = has_status ? rules_.CodeId(status_slot_, w.status_bpjstk) : 0;
  if (w.nik.empty() || w.nama.empty() || kelurahan < 0 || pekerjaan < 0 || jenis_kelamin < 0 ||
      status < 0) {
    return d;
  }
  int64_t age = AgeInYears(Date::FromCivil(w.tanggal_lahir), kTanggalAcuan);
  bool khusus = khusus_disabilitas_[pekerjaan];
  const bool pass[] = {
      NikValid(w.nik),
      kota_[kelurahan],
      age >= 18 && age <= 65,
      rentan_[pekerjaan],
      !khusus || w.disabilitas.value_or(false),
      !w.penerima_upah,
      !has_status || !ditanggung_[status],
      w.penghasilan_bulanan <= kBatasPenghasilan,
      !w.penerima_pkh && !w.penerima_bpnt,
  };
  for (uint32_t i = 0; i < 9; ++i) d.failed |= pass[i] ? 0u : 1u << i;
  d.status = d.failed == 0 ? Status::kEligible : Status::kIneligible;
  d.score = (w.tulang_punggung ? 50 : 0) + (w.miskin_ekstrem ? 30 : 0) + (w.disabilitas.value_or(false) ? 10 : 0);
  return d;
}

}  // namespace aturan::bench
