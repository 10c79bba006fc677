// The rule files of the other seed regions (issue 5 §1): Kutai Kartanegara 2021, Cilegon 2024 and
// 2025, Kudus 2025. Each file checks (Cilegon 2024 with its one intended warning), its quota gives
// the seed's figures, and its sample list gets the expected status for every row.
//
// Figures (shared/seeds, shared/DOMAIN.md):
//   Kutai Kartanegara: Rp1.7e9 / (16,800 x 5) = 20,238 and Rp1.3e9 / ((6,800 + 20,000) x 5) = 9,701
//     seats; Rp3e9 / (16,800 x 5) = 35,714 if everything were JKK + JKM.
//   Cilegon 2024: categories 19,185 against 17,000 seats; 2025: 6,164 of "about 6,207".
//   Kudus 2025: 26,000 x 16,800 x 12 = Rp5,241,600,000.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "cli/cli_files.hpp"
#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::CliResult;
using testing::RunCli;
using testing::ReadAll;
using testing::TempPath;
using testing::JsonNumber;
using testing::ReadAllocation;
using testing::AllocationRow;

static_assert(1'700'000'000 / (16'800 * 5) == 20'238);
static_assert(1'300'000'000 / ((6'800 + 20'000) * 5) == 9'701);
static_assert(3'000'000'000LL / (16'800 * 5) == 35'714);
static_assert(1'528 + 2'650 + 11'658 + 1'363 + 332 + 61 + 1'593 == 19'185);
static_assert(1'528 + 2'650 + 332 + 61 + 1'593 == 6'164);
static_assert(26'000LL * 16'800 * 12 == 5'241'600'000LL);

// Per pool of an `allocate --json` summary: capacity, selected and cost.
struct PoolFigures {
  long long capacity = -1, selected = -1, cost = -1;
};
std::map<std::string, PoolFigures> Pools(const std::string& json) {
  std::map<std::string, PoolFigures> pools;
  const std::regex pool(
      "\"id\":\"([a-z_0-9.-]+)\",\"name\":\"[^\"]*\",\"funder\":\"[^\"]*\",\"capacity\":([0-9]+),"
      "\"candidates\":[0-9]+,\"selected\":([0-9]+),\"reserved_selected\":[0-9]+,\"unused\":[0-9]+,"
      "\"cost\":([0-9]+)");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), pool); it != std::sregex_iterator(); ++it) {
    pools[(*it)[1]] = {std::stoll((*it)[2]), std::stoll((*it)[3]), std::stoll((*it)[4])};
  }
  return pools;
}

// What a sample row should get: status, pool (selected) and failing rules (';'-separated, or
// input:FIELD for an invalid row).
struct Expected {
  const char* status;
  const char* pool;
  const char* failed;
};

// Allocates `list` under `rules` and compares every row with `expected`; returns the JSON summary.
std::string ExpectStatuses(const std::string& rules, const std::string& list, const std::vector<Expected>& expected,
                           const std::string& name) {
  const std::string out = TempPath(name + ".csv");
  const CliResult r = RunCli("allocate " + rules + " " + list + " -o '" + out + "' --json");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const std::vector<AllocationRow> rows = ReadAllocation(out);
  EXPECT_EQ(rows.size(), expected.size());
  for (size_t i = 0; i < rows.size() && i < expected.size(); ++i) {
    SCOPED_TRACE(name + " row " + rows[i].row);
    EXPECT_EQ(rows[i].row, std::to_string(i + 1));
    EXPECT_EQ(rows[i].status, expected[i].status);
    EXPECT_EQ(rows[i].pool, expected[i].pool);
    EXPECT_EQ(rows[i].failed, expected[i].failed);
    if (rows[i].status == "ineligible") {
      EXPECT_FALSE(rows[i].reasons.empty());
    }
  }
  return r.output;
}

long long Count(const std::string& text, const std::string& part) {
  long long n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A NIK issued in `prefix` (PPRRKK) to a man born on `birth`, with `serial`.
std::string Nik(const std::string& prefix, absl::CivilDay birth, int serial) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%02d%02d%02d%04d", prefix.c_str(), birth.day(), birth.month(),
                static_cast<int>(birth.year() % 100), serial);
  return text;
}

std::string IsoDate(absl::CivilDay day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(day.year()), day.month(), day.day());
  return text;
}

// The k-th synthetic person: born 1960-01-01 plus k mod 9000 days (aged 36 to 65 on every
// reference date used here), NIK serial k / 9000 + 1, so that NIKs never repeat.
absl::CivilDay BirthOf(int k) { return absl::CivilDay(1960, 1, 1) + k % 9000; }
int SerialOf(int k) { return k / 9000 + 1; }

// ---------------------------------------------------------------------------------------------
// aturan check

TEST(SeedRegions, EveryFileChecksWithOnlyTheIntendedWarning) {
  for (const char* file : {"rules/kutai-kartanegara-2021.yaml", "rules/cilegon-2024.yaml", "rules/cilegon-2025.yaml",
                           "rules/kudus-2025.yaml"}) {
    SCOPED_TRACE(file);
    const CliResult r = RunCli(std::string("check ") + file);
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr(std::string(file) + ": ok"));
    const bool cilegon_2024 = std::string(file) == "rules/cilegon-2024.yaml";
    EXPECT_EQ(Count(r.output, "warning:"), cilegon_2024 ? 1 : 0) << r.output;
    if (cilegon_2024) {
      // DOMAIN.md: the categories sum to 19,185, not 17,000 -- a checker should notice.
      EXPECT_THAT(r.output, HasSubstr("warning: pools offer 19185 seats but the quota has 17000; "
                                      "later pools get fewer"));
    }
  }
}

TEST(SeedRegions, KutaiKartanegaraBudgetsBuyTheSeedSeats) {
  const CliResult r = RunCli("check rules/kutai-kartanegara-2021.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("region 64.02, reference date 2021-08-01"));
  EXPECT_THAT(r.output, HasSubstr("quota: 2 pools, at most 35714 seats in all (budget Rp3.000.000.000)"));
  EXPECT_THAT(r.output, HasSubstr("pool distransnaker \"Pekerja rentan (Distransnaker)\", paid by Distransnaker "
                                  "Kabupaten Kutai Kartanegara: 20238 seats (budget Rp1.700.000.000 at Rp16.800 x "
                                  "5 months)"));
  EXPECT_THAT(r.output, HasSubstr("pool dpmd \"Perangkat desa dan ketua RT (DPMD)\", paid by DPMD Kabupaten Kutai "
                                  "Kartanegara: 9701 seats (budget Rp1.300.000.000 at Rp26.800 x 5 months)"));
}

TEST(SeedRegions, KutaiKartanegaraAsOnePoolBuysThirtyFiveThousand) {
  // The figure: the whole Rp3 miliar at JKK + JKM for 5 payments. The file's top level
  // already counts its overall limit that way; without the pools it is the only pool.
  std::string rules = ReadAll(std::string(ATURAN_SOURCE_DIR) + "/rules/kutai-kartanegara-2021.yaml");
  const size_t pools = rules.find("\n  pools:\n");
  const size_t input = rules.find("\ninput:\n");
  ASSERT_NE(pools, std::string::npos);
  ASSERT_NE(input, std::string::npos);
  rules.erase(pools + 1, input - pools);
  const std::string path = TempPath("kukar-satu-pos.yaml");
  std::ofstream(path) << rules;
  const CliResult r = RunCli("check '" + path + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("quota: 1 pool (budget Rp3.000.000.000)\n"));
  EXPECT_THAT(r.output, HasSubstr(": 35714 seats (budget Rp3.000.000.000 at Rp16.800 x 5 months)"));
  EXPECT_EQ(Count(r.output, "warning:"), 0) << r.output;
}

TEST(SeedRegions, CilegonAndKudusQuotas) {
  const CliResult c2025 = RunCli("check rules/cilegon-2025.yaml");
  ASSERT_EQ(c2025.exit_code, 0) << c2025.output;
  EXPECT_THAT(c2025.output, HasSubstr("revises cilegon-2024, reference date 2025-01-01"));
  EXPECT_THAT(c2025.output, HasSubstr("quota: 5 pools, at most 6207 seats in all"));
  EXPECT_THAT(c2025.output, Not(HasSubstr("pool adhoc")));
  const CliResult kudus = RunCli("check rules/kudus-2025.yaml");
  ASSERT_EQ(kudus.exit_code, 0) << kudus.output;
  EXPECT_THAT(kudus.output, HasSubstr("premium Rp16.800 per person per month (jkk Rp10.000 + jkm Rp6.800), 12 months"));
  EXPECT_THAT(kudus.output, HasSubstr("pool kudus-2025 \"Jamsostek Pekerja Rentan Kudus 2025\": 26000 seats"));
}

// ---------------------------------------------------------------------------------------------
// The sample lists, row by row

TEST(SeedRegions, KutaiKartanegaraSampleList) {
  const std::vector<Expected> expected = {
      {"selected", "distransnaker", ""},  // 1: Hasanuddin
      {"selected", "distransnaker", ""},  // 2: Siti Rahmah, aliases: Jahab, Pekerja Rentan, pedagang keliling
      {"selected", "distransnaker", ""},  // 3: Muhammad Arsyad, village as 10 digits
      {"selected", "distransnaker", ""},  // 4: Jumansyah, kategori alias distransnaker, opang
      {"selected", "distransnaker", ""},  // 5: Rusmini, pengrajin = pekerja mandiri lain
      {"selected", "distransnaker", ""},  // 6: Abdul Gani, 64 on 2021-08-01
      {"selected", "distransnaker", ""},  // 7: Nurhayati, 18 on 2021-08-01
      {"selected", "distransnaker", ""},  // 8: Yusran
      {"selected", "distransnaker", ""},  // 9: Dahlia
      {"selected", "distransnaker", ""},  // 10: Syahrani
      {"selected", "dpmd", ""},  // 11: Rudiansyah
      {"selected", "dpmd", ""},  // 12: Masitah, wage earner, but the wage rule is for pekerja rentan only
      {"selected", "dpmd", ""},  // 13: Ahmad Fauzi, not prasejahtera: not asked of aparatur
      {"selected", "dpmd", ""},  // 14: Samsul Bahri
      {"selected", "dpmd", ""},  // 15: Hj. Kamariah
      {"ineligible", "", "pekerjaan_rentan"},  // 16: Bambang Sutrisno, buruh tani counts as a wage earner (A3)
      {"ineligible", "", "bukan_penerima_upah"},  // 17: Agus Salim
      {"ineligible", "", "prasejahtera"},  // 18: Ratna Sari, prasejahtera false
      {"ineligible", "", "prasejahtera"},  // 19: Hendra Gunawan, prasejahtera empty: unknown
      {"ineligible", "", "jabatan_aparatur_desa"},  // 20: Supriadi, BPD member
      {"ineligible", "", "jabatan_aparatur_desa"},  // 21: Marlina, listed by DPMD but a farmer
      {"ineligible", "", "pekerjaan_rentan"},  // 22: Ismail Marzuki, RT head listed by Distransnaker
      {"ineligible", "", "domisili_kukar"},  // 23: Rahmadi, lives in Kutai Timur
      {"ineligible", "", "usia"},  // 24: Rizky Pratama, 16 years old
      {"ineligible", "", "usia"},  // 25: Sabran, 66 years old
      {"ineligible", "", "belum_ditanggung_pihak_lain"},  // 26: Fitriani, already a wage-earner participant
      {"ineligible", "", "jabatan_aparatur_desa"},  // 27: Junaidi, RW head
      {"ineligible", "", "pekerjaan_rentan;bukan_penerima_upah;prasejahtera"},  // 28: Sri Wahyuni
      {"selected", "distransnaker", ""},  // 29: Aminah, NIK issued in Samarinda: domicile from the KK
      {"selected", "distransnaker", ""},  // 30: Darmawan, NIK date disagrees: a warning, still decided
      {"invalid", "", "input:kategori"},  // 31: Tanpa Kategori, kategori missing
      {"invalid", "", "input:pekerjaan"},  // 32: Salah Pekerjaan, astronot
      {"invalid", "", "input:tanggal_lahir"},  // 33: Tanggal Mustahil, 31 February
      {"invalid", "", "input:kode_kelurahan"},  // 34: Kode Desa Salah, no such village
      {"invalid", "", "input:nik"},  // 35: NIK Pendek, 15-digit NIK
      {"invalid", "", "input:nik"},  // 36: Hasanuddin (ganda), repeats row 1's NIK
  };
  const std::string json = ExpectStatuses("rules/kutai-kartanegara-2021.yaml",
                                          "examples/lists/kutai-kartanegara-sample.csv", expected, "kukar");
  // 12 workers at JKK + JKM and 5 village officials at JKM + JHT, 5 payments each.
  std::map<std::string, PoolFigures> pools = Pools(json);
  EXPECT_EQ(pools["distransnaker"].capacity, 20238);
  EXPECT_EQ(pools["distransnaker"].cost, 12 * 16800 * 5);
  EXPECT_EQ(pools["dpmd"].capacity, 9701);
  EXPECT_EQ(pools["dpmd"].cost, 5 * 26800 * 5);
  EXPECT_EQ(JsonNumber(json, "total_cost"), 1678000);
  EXPECT_EQ(JsonNumber(json, "total_budget"), 3000000000);
  // Row 19 has no prasejahtera value: its rule is unknown, not false.
  const CliResult summary = RunCli("eval rules/kutai-kartanegara-2021.yaml examples/lists/kutai-kartanegara-sample.csv"
                                   " -o '" + TempPath("kukar-eval.csv") + "'");
  EXPECT_THAT(summary.output, HasSubstr("(1 undecided: data kurang)"));
  EXPECT_THAT(summary.output, HasSubstr("rows with warnings 1 (still decided)"));
}

TEST(SeedRegions, CilegonSampleListIn2024) {
  const std::vector<Expected> expected = {
      {"selected", "rt_rw", ""},  // 1: Ahmad Suhendi
      {"selected", "rt_rw", ""},  // 2: Haji Mulyadi, 65 on 2024-01-01
      {"selected", "rt_rw", ""},  // 3: Rohmah
      {"ineligible", "", "usia"},  // 4: Sukarta, 71 years old
      {"selected", "kader", ""},  // 5: Iis Aisyah
      {"selected", "kader", ""},  // 6: Nurlela
      {"selected", "kader", ""},  // 7: Euis Komalasari
      {"selected", "nelayan", ""},  // 8: Tatang Sutisna
      {"selected", "nelayan", ""},  // 9: Wahyudin
      {"selected", "kebersihan_dlh", ""},  // 10: Mamat Rahmat
      {"selected", "kebersihan_dlh", ""},  // 11: Yayah Rokayah
      {"selected", "linmas", ""},  // 12: Jaenudin
      {"selected", "linmas", ""},  // 13: Asep Saepudin
      {"selected", "adhoc_kpu", ""},  // 14: Dede Kurniawan
      {"selected", "adhoc_kpu", ""},  // 15: Siti Nurjanah
      {"selected", "adhoc_kpu", ""},  // 16: Ujang Hermawan
      {"ineligible", "", "usia"},  // 17: Rizal Fahmi, KPPS aged 17
      {"ineligible", "", "belum_ditanggung_pihak_lain"},  // 18: Lia Amalia, KPU pays its own premium
      {"selected", "adhoc_bawaslu", ""},  // 19: Fauzan Hakim
      {"selected", "adhoc_bawaslu", ""},  // 20: Neneng Hasanah
      {"ineligible", "", "kategori_dibiayai"},  // 21: Ade Supriatna, Raperwal target, not funded
      {"ineligible", "", "kategori_dibiayai"},  // 22: Jajang Nurjaman
      {"ineligible", "", "kategori_dibiayai"},  // 23: Cucu Sumiati
      {"ineligible", "", "kategori_dibiayai"},  // 24: Endang Suherman
      {"ineligible", "", "kategori_dibiayai"},  // 25: Oman Abdurahman
      {"ineligible", "", "domisili_kota_cilegon"},  // 26: Hendi Firmansyah, lives in Kota Serang
      {"ineligible", "", "belum_ditanggung_pihak_lain"},  // 27: Sopiah, wage-earner participant
      {"selected", "nelayan", ""},  // 28: Karim, NIK issued in Kab. Serang
      {"selected", "rt_rw", ""},  // 29: Rosid, NIK date disagrees: a warning
      {"invalid", "", "input:kategori"},  // 30: Kategori Asing, satpam
      {"invalid", "", "input:nama"},  // 31: -, name missing
      {"invalid", "", "input:kode_kelurahan"},  // 32: Kelurahan Salah, 'Cilegon' is no kelurahan
      {"invalid", "", "input:status_bpjstk"},  // 33: Status Aneh, status 'entah'
  };
  const std::string json =
      ExpectStatuses("rules/cilegon-2024.yaml", "examples/lists/cilegon-sample.csv", expected, "cilegon-2024");
  EXPECT_EQ(JsonNumber(json, "selected"), 19);
  EXPECT_EQ(JsonNumber(json, "total_cost"), 19 * 16800 * 12);
}

TEST(SeedRegions, CilegonSampleListIn2025) {
  // The same list a year later: adhoc KPU/Bawaslu are no longer paid, everyone is a year older.
  const std::vector<Expected> expected = {
      {"selected", "rt_rw", ""},  // 1: Ahmad Suhendi
      {"ineligible", "", "usia"},  // 2: Haji Mulyadi, 66 on 2025-01-01
      {"selected", "rt_rw", ""},  // 3: Rohmah
      {"ineligible", "", "usia"},  // 4: Sukarta
      {"selected", "kader", ""},  // 5: Iis Aisyah
      {"selected", "kader", ""},  // 6: Nurlela
      {"selected", "kader", ""},  // 7: Euis Komalasari
      {"selected", "nelayan", ""},  // 8: Tatang Sutisna
      {"selected", "nelayan", ""},  // 9: Wahyudin
      {"selected", "kebersihan_dlh", ""},  // 10: Mamat Rahmat
      {"selected", "kebersihan_dlh", ""},  // 11: Yayah Rokayah
      {"selected", "linmas", ""},  // 12: Jaenudin
      {"selected", "linmas", ""},  // 13: Asep Saepudin
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 14: Dede Kurniawan, adhoc KPU no longer paid
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 15: Siti Nurjanah
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 16: Ujang Hermawan
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 17: Rizal Fahmi, 18 now, but adhoc
      {"ineligible", "", "bukan_adhoc_pemilu;belum_ditanggung_pihak_lain"},  // 18: Lia Amalia, adhoc and paid by KPU
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 19: Fauzan Hakim
      {"ineligible", "", "bukan_adhoc_pemilu"},  // 20: Neneng Hasanah
      {"ineligible", "", "kategori_dibiayai"},  // 21: Ade Supriatna
      {"ineligible", "", "kategori_dibiayai"},  // 22: Jajang Nurjaman
      {"ineligible", "", "kategori_dibiayai"},  // 23: Cucu Sumiati
      {"ineligible", "", "kategori_dibiayai"},  // 24: Endang Suherman
      {"ineligible", "", "kategori_dibiayai"},  // 25: Oman Abdurahman
      {"ineligible", "", "domisili_kota_cilegon"},  // 26: Hendi Firmansyah
      {"ineligible", "", "belum_ditanggung_pihak_lain"},  // 27: Sopiah
      {"selected", "nelayan", ""},  // 28: Karim
      {"selected", "rt_rw", ""},  // 29: Rosid
      {"invalid", "", "input:kategori"},  // 30: Kategori Asing
      {"invalid", "", "input:nama"},  // 31: -
      {"invalid", "", "input:kode_kelurahan"},  // 32: Kelurahan Salah
      {"invalid", "", "input:status_bpjstk"},  // 33: Status Aneh
  };
  const std::string json =
      ExpectStatuses("rules/cilegon-2025.yaml", "examples/lists/cilegon-sample.csv", expected, "cilegon-2025");
  EXPECT_EQ(JsonNumber(json, "selected"), 13);
  EXPECT_EQ(JsonNumber(json, "total_cost"), 13 * 16800 * 12);
}

TEST(SeedRegions, KudusSampleList) {
  const std::vector<Expected> expected = {
      {"selected", "kudus-2025", ""},  // 1: Sutrisno, DTKS via Dinsos
      {"selected", "kudus-2025", ""},  // 2: Sulastri
      {"selected", "kudus-2025", ""},  // 3: Ngatemi
      {"selected", "kudus-2025", ""},  // 4: Kasmani
      {"selected", "kudus-2025", ""},  // 5: Muntiah, outside DTKS via the trade office
      {"selected", "kudus-2025", ""},  // 6: Parmin
      {"selected", "kudus-2025", ""},  // 7: Suwarni
      {"selected", "kudus-2025", ""},  // 8: Rohmat
      {"selected", "kudus-2025", ""},  // 9: Slamet Widodo, ojek via Dishub
      {"selected", "kudus-2025", ""},  // 10: Arif Budiman
      {"selected", "kudus-2025", ""},  // 11: Sukarji
      {"selected", "kudus-2025", ""},  // 12: Teguh Santoso
      {"selected", "kudus-2025", ""},  // 13: Fajar Nugroho, disaster volunteer via BPBD
      {"selected", "kudus-2025", ""},  // 14: Dewi Lestari
      {"selected", "kudus-2025", ""},  // 15: Jumadi
      {"selected", "kudus-2025", ""},  // 16: Sumiyati
      {"selected", "kudus-2025", ""},  // 17: Hartono, any OPD lain
      {"ineligible", "", "jalur_dtks"},  // 18: Sarmini, Dinsos but not in DTKS
      {"ineligible", "", "pekerjaan_sesuai_opd"},  // 19: Bambang Irawan, trader sent by Dishub
      {"ineligible", "", "pekerjaan_sesuai_opd"},  // 20: Wartini, ojek sent by the trade office
      // 21: Siti Maemunah, cigarette-factory worker
      {"ineligible", "", "pekerjaan_rentan;pekerjaan_sesuai_opd;bukan_penerima_upah;belum_ditanggung_pihak_lain"},
      {"ineligible", "", "bukan_penerima_upah"},  // 22: Yuli Astuti, wage earner
      {"ineligible", "", "pekerjaan_rentan"},  // 23: Mulyono, not a vulnerable job
      {"ineligible", "", "usia"},  // 24: Kusnan, 67 years old
      {"ineligible", "", "usia"},  // 25: Andika Saputra, 17 years old
      {"ineligible", "", "domisili_kudus"},  // 26: Suparno, lives in Kab. Jepara
      {"ineligible", "", "belum_ditanggung_pihak_lain"},  // 27: Ngadimin, premium paid by others
      {"ineligible", "", "jalur_dtks"},  // 28: Rini Handayani, volunteer via Dinsos, not DTKS
      {"ineligible", "", "pekerjaan_sesuai_opd"},  // 29: Subandi, farm worker sent by BPBD
      {"selected", "kudus-2025", ""},  // 30: Puji Rahayu, NIK says man: a warning
      {"selected", "kudus-2025", ""},  // 31: Warsito, NIK issued in Kab. Pati
      {"invalid", "", "input:opd_pengusul"},  // 32: OPD Asing, OPD 'kecamatan'
      {"invalid", "", "input:pekerjaan"},  // 33: Tanpa Pekerjaan, pekerjaan missing
      {"invalid", "", "input:nik"},  // 34: NIK Huruf, letter O in the NIK
      {"invalid", "", "input:penerima_upah"},  // 35: Upah Aneh, 'mungkin' is no bool
  };
  const std::string json =
      ExpectStatuses("rules/kudus-2025.yaml", "examples/lists/kudus-sample.csv", expected, "kudus");
  EXPECT_EQ(JsonNumber(json, "selected"), 19);
  EXPECT_EQ(JsonNumber(json, "total_cost"), 19 * 16800 * 12);
}

// ---------------------------------------------------------------------------------------------
// The seed figures on full-size lists

TEST(SeedRegions, KutaiKartanegaraTwentyOneThousandWorkers) {
  // Seed 003: about 21,000 workers listed by Distransnaker; here also 10,000 village officials.
  // One worker in three is in DTKS (score 10): they all fit, and the youngest others wait.
  const std::string list = TempPath("kukar-21000.csv");
  std::map<std::string, absl::CivilDay> birth;  // by NIK
  std::set<std::string> dtks;
  {
    std::ofstream out(list);
    out << "nik,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,kategori,pekerjaan,prasejahtera,terdaftar_dtks\n";
    const char* workers[] = {"petani", "pedagang", "nelayan", "ojek"};
    const char* officials[] = {"kepala_desa", "perangkat_desa", "ketua_rt"};
    const char* villages[] = {"64.02.06.1001", "64.02.13.1010", "64.02.11.2001", "64.02.16.2006"};
    for (int k = 0; k < 31000; ++k) {
      const bool worker = k < 21000;
      const std::string nik = Nik("640206", BirthOf(k), SerialOf(k));
      birth[nik] = BirthOf(k);
      if (worker && k % 3 == 0) dtks.insert(nik);
      out << nik << ",Warga " << k << ",L," << IsoDate(BirthOf(k)) << "," << villages[k % 4] << ","
          << (worker ? "pekerja_rentan," : "aparatur_desa,") << (worker ? workers[k % 4] : officials[k % 3])
          << ",ya," << (worker && k % 3 == 0 ? "ya" : "tidak") << "\n";
    }
  }
  const std::string out = TempPath("kukar-21000-alokasi.csv");
  const CliResult r = RunCli("allocate rules/kutai-kartanegara-2021.yaml '" + list + "' -o '" + out + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, PoolFigures> pools = Pools(r.output);
  EXPECT_EQ(pools["distransnaker"].selected, 20238);
  EXPECT_EQ(pools["distransnaker"].cost, 1699992000);  // 20,238 x 16,800 x 5
  EXPECT_EQ(pools["dpmd"].selected, 9701);
  EXPECT_EQ(pools["dpmd"].cost, 1299934000);  // 9,701 x 26,800 x 5
  EXPECT_EQ(JsonNumber(r.output, "waitlisted"), 762 + 299);
  EXPECT_EQ(JsonNumber(r.output, "total_cost"), 2999926000);
  EXPECT_EQ(JsonNumber(r.output, "total_budget"), 3000000000);

  // Priority: DTKS first, then older first; each pool's line is numbered 1, 2, 3, ...
  std::map<std::string, absl::CivilDay> youngest_selected, oldest_waiting;
  std::map<std::string, std::vector<long long>> ranks;
  for (const AllocationRow& row : ReadAllocation(out)) {
    ASSERT_NE(row.status, "invalid") << row.row;
    const absl::CivilDay born = birth.at(row.nik);
    if (row.status == "waitlisted") {
      EXPECT_EQ(dtks.count(row.nik), 0u) << row.row;
      ranks[row.pool].push_back(std::stoll(row.rank));
      if (!oldest_waiting.count(row.pool) || born < oldest_waiting[row.pool]) oldest_waiting[row.pool] = born;
    } else if (row.status == "selected" && !dtks.count(row.nik)) {
      if (!youngest_selected.count(row.pool) || born > youngest_selected[row.pool]) youngest_selected[row.pool] = born;
    }
  }
  EXPECT_EQ(ranks["distransnaker"].size(), 762u);
  EXPECT_EQ(ranks["dpmd"].size(), 299u);
  for (auto& [pool, line] : ranks) {
    std::sort(line.begin(), line.end());
    for (size_t i = 0; i < line.size(); ++i) ASSERT_EQ(line[i], static_cast<long long>(i + 1)) << pool;
    EXPECT_LE(youngest_selected.at(pool), oldest_waiting.at(pool)) << pool;
  }
}

// A Cilegon list with more people in every category than the 2024 counts.
std::string CilegonCategoriesList() {
  const std::string list = TempPath("cilegon-kategori.csv");
  const std::vector<std::pair<const char*, int>> categories = {
      {"rt_rw", 1600}, {"kader", 2700}, {"nelayan", 400}, {"kebersihan_dlh", 100},
      {"linmas", 1700}, {"adhoc_kpu", 11700}, {"adhoc_bawaslu", 1400}};
  std::ofstream out(list);
  out << "nik,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,kategori\n";
  int k = 0;
  for (const auto& [category, count] : categories) {
    for (int i = 0; i < count; ++i, ++k) {
      out << Nik("367201", BirthOf(k), SerialOf(k)) << ",Warga " << k << ",L," << IsoDate(BirthOf(k))
          << ",36.72.0" << (k % 8 + 1) << ".1001," << category << "\n";
    }
  }
  return list;
}

TEST(SeedRegions, CilegonCategoriesOverTheLimit) {
  // 2024: the pools are filled in order until 17,000 people are covered; the first five take
  // their 6,164, adhoc KPU gets the 10,836 left and adhoc Bawaslu nothing.
  const std::string list = CilegonCategoriesList();
  const CliResult r = RunCli("allocate rules/cilegon-2024.yaml '" + list + "' -o '" + TempPath("c24.csv") + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, PoolFigures> pools = Pools(r.output);
  EXPECT_EQ(pools["rt_rw"].selected, 1528);
  EXPECT_EQ(pools["kader"].selected, 2650);
  EXPECT_EQ(pools["nelayan"].selected, 332);
  EXPECT_EQ(pools["kebersihan_dlh"].selected, 61);
  EXPECT_EQ(pools["linmas"].selected, 1593);
  EXPECT_EQ(pools["adhoc_kpu"].selected, 10836);
  EXPECT_EQ(pools["adhoc_bawaslu"].selected, 0);
  EXPECT_EQ(JsonNumber(r.output, "selected"), 17000);
  EXPECT_EQ(JsonNumber(r.output, "waitlisted"), 19600 - 17000);
  EXPECT_EQ(JsonNumber(r.output, "total_cost"), 3427200000);  // 17,000 x 16,800 x 12

  // 2025: adhoc members are ineligible; the five remaining categories fill their 6,164 seats and
  // the 43 seats between 6,164 and "about 6,207" stay unused.
  const CliResult r2025 =
      RunCli("allocate rules/cilegon-2025.yaml '" + list + "' -o '" + TempPath("c25.csv") + "' --json");
  ASSERT_EQ(r2025.exit_code, 0) << r2025.output;
  EXPECT_EQ(JsonNumber(r2025.output, "selected"), 6164);
  EXPECT_EQ(JsonNumber(r2025.output, "waitlisted"), 72 + 50 + 68 + 39 + 107);
  EXPECT_EQ(JsonNumber(r2025.output, "ineligible"), 11700 + 1400);
  EXPECT_EQ(JsonNumber(r2025.output, "total_cost"), 1242662400);  // 6,164 x 16,800 x 12
}

TEST(SeedRegions, KudusGeneratedListsAndTheTwentySixThousandTarget) {
  // The generator writes the schema (OPD, DTKS and occupation drawn independently, so only about
  // one row in six is eligible). 40,000 rows do not fill 26,000 seats; 160,000 do.
  const std::string small = TempPath("kudus-40000.csv");
  const CliResult generated = RunCli("generate rules/kudus-2025.yaml --rows 40000 --seed 1 -o '" + small + "'");
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  const CliResult r = RunCli("allocate rules/kudus-2025.yaml '" + small + "' -o '" + TempPath("k40.csv") + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const long long selected = JsonNumber(r.output, "selected");
  EXPECT_GT(selected, 1000);
  EXPECT_LT(selected, 26000);
  EXPECT_EQ(JsonNumber(r.output, "waitlisted"), 0);
  EXPECT_EQ(JsonNumber(r.output, "rows"), 40000);
  EXPECT_EQ(JsonNumber(r.output, "total_cost"), selected * 16800 * 12);

  const std::string large = TempPath("kudus-160000.csv");
  ASSERT_EQ(RunCli("generate rules/kudus-2025.yaml --rows 160000 --seed 1 -o '" + large + "'").exit_code, 0);
  const std::string out = TempPath("k160.csv");
  const CliResult full = RunCli("allocate rules/kudus-2025.yaml '" + large + "' -o '" + out + "' --json");
  ASSERT_EQ(full.exit_code, 0) << full.output;
  EXPECT_EQ(JsonNumber(full.output, "selected"), 26000);
  EXPECT_GT(JsonNumber(full.output, "waitlisted"), 0);
  EXPECT_EQ(JsonNumber(full.output, "total_cost"), 5241600000);
  // DTKS first: the DTKS members all fit, so everyone waiting scores 0.
  long long selected_dtks = 0;
  for (const AllocationRow& row : ReadAllocation(out)) {
    if (row.status == "waitlisted") {
      ASSERT_EQ(row.score, "0") << row.row;
    }
    if (row.status == "selected" && row.score == "100") ++selected_dtks;
  }
  EXPECT_GT(selected_dtks, 5000);
}

}  // namespace
}  // namespace aturan
