// pendaftaran_rentan — how a kelurahan's registration system embeds aturan: load the Perwal's
// rule file once at start-up, bind the system's own record type to the rule file's schema, and
// decide each applicant at the counter, with the reasons to tell them.
//
// Usage: pendaftaran_rentan RULES.yaml   (e.g. rules/pekalongan-2023-revisi.yaml)
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "aturan/aturan.hpp"

namespace {

// An applicant as the registration system stores it (its own names, its own types).
struct Pendaftar {
  std::string nik;
  std::string nama;
  std::string jenis_kelamin;    // "L" / "P", or how the clerk typed it
  absl::CivilDay tanggal_lahir;
  std::string kelurahan;        // code or name
  std::string pekerjaan;        // code or a common spelling
  std::optional<int64_t> penghasilan;  // unknown when the applicant did not say
  bool tulang_punggung = false;
  bool miskin_ekstrem = false;
};

// Binds Pendaftar to the rule file's schema; the rule file's field names are checked here,
// once, so a renamed field fails at start-up rather than at the counter.
absl::StatusOr<aturan::Binding<Pendaftar>> Bind(const aturan::RuleSet& rules) {
  return aturan::Binding<Pendaftar>::Builder(rules)
      .Field("nik", &Pendaftar::nik)
      .Field("nama", &Pendaftar::nama)
      .Field("jenis_kelamin", &Pendaftar::jenis_kelamin)
      .Field("tanggal_lahir", &Pendaftar::tanggal_lahir)
      .Field("kode_kelurahan", &Pendaftar::kelurahan)
      .Field("pekerjaan", &Pendaftar::pekerjaan)
      .Field("penghasilan_bulanan", &Pendaftar::penghasilan)
      .Field("tulang_punggung", &Pendaftar::tulang_punggung)
      .Field("miskin_ekstrem", &Pendaftar::miskin_ekstrem)
      .Build();
}

// One line per applicant: the decision, the score, and the reason of every rule not met.
void PrintDecision(const aturan::RuleSet& rules, const Pendaftar& pendaftar, const aturan::Decision& decision) {
  const char* status = decision.status == aturan::Status::kEligible     ? "layak"
                       : decision.status == aturan::Status::kIneligible ? "tidak layak"
                                                                        : "data tidak sah";
  std::printf("%s (%s): %s, skor %g\n", pendaftar.nama.c_str(), pendaftar.nik.c_str(), status, decision.score);
  if (decision.status == aturan::Status::kInvalid) {
    std::printf("  - isian '%s' kosong atau tidak ada dalam daftarnya\n", rules.fields()[decision.invalid_slot].name.c_str());
  }
  for (size_t i = 0; i < rules.rules().size(); ++i) {
    if (decision.failed[i]) std::printf("  - %s: %s\n", rules.rules()[i].id.c_str(), rules.rules()[i].reason.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s RULES.yaml\n", argv[0]);
    return 2;
  }
  aturan::LoadResult loaded = aturan::RuleSet::LoadFile(argv[1]);
  if (!loaded.rules) {
    for (const aturan::Diagnostic& diagnostic : loaded.diagnostics) std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
    return 1;
  }
  absl::StatusOr<aturan::Binding<Pendaftar>> binding = Bind(*loaded.rules);
  if (!binding.ok()) {
    std::fprintf(stderr, "%s: %s\n", argv[1], std::string(binding.status().message()).c_str());
    return 1;
  }
  std::printf("%s (tanggal acuan %s)\n", loaded.rules->regulation_title().c_str(),
              absl::FormatCivilTime(loaded.rules->reference_date()).c_str());
  const std::vector<Pendaftar> counter = {
      {"3375021203750001", "Slamet Riyadi", "L", absl::CivilDay(1975, 3, 12), "Banyurip", "Tukang Becak",
       1200000, true, true},
      {"3375014508900002", "Siti Aminah", "P", absl::CivilDay(1990, 8, 5), "Medono", "buruh_batik",
       std::nullopt, false, false},
      {"3375030101600003", "Darto", "L", absl::CivilDay(1960, 1, 1), "Klego", "pegawai kantor", 4000000, false,
       false},
  };
  for (const Pendaftar& pendaftar : counter) PrintDecision(*loaded.rules, pendaftar, binding->Evaluate(pendaftar));
  return 0;
}
