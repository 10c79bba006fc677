// The aturan command line on the shipped rule files and sample candidates.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "run_cli.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCli;

TEST(CliCheck, ShippedRuleFilesAreValid) {
  testing::CliResult r = RunCli("check rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("rules/pekalongan-2022.yaml: ok"));
  EXPECT_THAT(r.output, HasSubstr("rules/pekalongan-2023-revisi.yaml: ok"));
  EXPECT_THAT(r.output, HasSubstr("revises pekalongan-2022"));
  EXPECT_THAT(r.output, HasSubstr("premium Rp16.800 per person per month (jkk Rp10.000 + jkm Rp6.800)"));
  EXPECT_THAT(r.output, HasSubstr("9 eligibility rules"));
}

TEST(CliCheck, ReadsTheAreaTablesTheQuotaNames) {
  testing::CliResult r = RunCli("check rules/pekalongan-2023-revisi.yaml");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("pekalongan-penduduk-sintetis.csv: 27 areas, population 318221 in all"));
  // The same rule file beside a broken table: reported, exit 1.
  const std::string dir = ::testing::TempDir();
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/rules/pekalongan-2023-revisi.yaml");
  std::ofstream(dir + "/kuota.yaml") << in.rdbuf();
  std::ofstream(dir + "/pekalongan-penduduk-sintetis.csv") << "kode_kelurahan,penduduk\nMedono,banyak\n";
  r = RunCli("check '" + dir + "/kuota.yaml'");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("error: quota pool 'pekalongan-2023-revisi': "));
  EXPECT_THAT(r.output, HasSubstr("pekalongan-penduduk-sintetis.csv:2: column 'penduduk': 'banyak' is not a whole number"));
  EXPECT_THAT(r.output, HasSubstr("kuota.yaml: area table errors"));
}

TEST(CliCheck, ErrorsAreReportedWithTheirPlaceAndExitCodeOne) {
  std::string path = ::testing::TempDir() + "/broken.yaml";
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/rules/pekalongan-2022.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t at = text.find("pekerjaan in pekerjaan_rentan");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("pekerjaan in pekerjaan_rentan").size(), "pekerjan in pekerjaan_rentan");
  std::ofstream(path) << text;
  size_t line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
  size_t column = at - text.rfind('\n', at);
  testing::CliResult r = RunCli("check rules/pekalongan-2023-revisi.yaml '" + path + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("rules/pekalongan-2023-revisi.yaml: ok"));
  EXPECT_THAT(r.output, HasSubstr(path + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                  ": error: unknown name 'pekerjan'"));
  EXPECT_THAT(r.output, HasSubstr("hint: did you mean 'pekerjaan'?"));
  EXPECT_THAT(r.output, HasSubstr(path + ": 1 error"));
}

TEST(CliCheck, SummarisesTheQuota) {
  const std::string path = ::testing::TempDir() + "/kutai-kuota.yaml";
  std::ofstream(path) << R"(aturan: 1
regulation: {id: kutai-2021, title: Uji kuota, region: "64.02", source: tests, effective: 2021-01-01}
schema:
  nik: {type: string, required: true, key: true}
  kategori: {type: code, list: kategori}
  kode_kelurahan: {type: code, list: kelurahan}
  miskin_ekstrem: {type: bool, default: false}
lists:
  kategori: {items: [{code: pekerja_rentan, name: Pekerja rentan}, {code: aparatur_desa, name: Aparatur desa}]}
  kelurahan: {items: [{code: "64.02.01.2001", name: Loa Ipuh}, {code: "64.02.01.2002", name: Timbau}]}
eligibility:
  - {id: kategori, when: not is_missing(kategori), reason: Kategori kosong.}
program:
  reference_date: 2021-01-01
  premiums: {jkk: 10000, jkm: 6800}
quota:
  budget: 3_000_000_000
  months: 5
  pools:
    - id: distransnaker
      name: Pekerja rentan
      funder: Distransnaker
      when: kategori == "pekerja_rentan"
      by: kode_kelurahan
      basis: fixed
      areas: {Loa Ipuh: 10, Timbau: 5}
    - id: dpmd
      when: kategori == "aparatur_desa"
      seats: 20000
      budget: 1_300_000_000
      reserved: [{id: miskin_ekstrem, when: miskin_ekstrem, share: 20%}]
)";
  testing::CliResult r = RunCli("check '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("quota: 2 pools, at most 35714 seats in all (budget Rp3.000.000.000)"));
  EXPECT_THAT(r.output, HasSubstr("pool distransnaker \"Pekerja rentan\", paid by Distransnaker: 15 "
                                  "seats, the sum of the areas' seats"));
  EXPECT_THAT(r.output, HasSubstr("    for: kategori == \"pekerja_rentan\""));
  EXPECT_THAT(r.output, HasSubstr("    areas: kode_kelurahan with fixed seats, numbers from the rule "
                                  "file (2 of 2 areas); unfilled seats: redistribute"));
  EXPECT_THAT(r.output, HasSubstr("pool dpmd: 15476 seats (the smaller of 20000 stated and budget "
                                  "Rp1.300.000.000 at Rp16.800 x 5 months)"));
  EXPECT_THAT(r.output, HasSubstr("    reserved: miskin_ekstrem 20%"));
  EXPECT_THAT(r.output, HasSubstr("warning: quota pool 'dpmd': the budget buys only 15476 of the "
                                  "20000 seats"));
}

TEST(CliCheck, WrongArgumentsExitTwo) {
  EXPECT_EQ(RunCli("check").exit_code, 2);
  EXPECT_EQ(RunCli("check no/such/file.yaml").exit_code, 2);
  EXPECT_EQ(RunCli("frobnicate").exit_code, 2);
  EXPECT_EQ(RunCli("").exit_code, 2);
  testing::CliResult help = RunCli("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.output, HasSubstr("check"));
  EXPECT_THAT(help.output, HasSubstr("explain"));
}

struct Expected {
  const char* candidate;
  const char* rules;
  const char* status;
  const char* failed_rules;  // JSON array text
  const char* score;
};

// examples/README.md, "Expected decisions".
const Expected kExpected[] = {
    {"becak-tulang-punggung", "pekalongan-2022", "eligible", "[]", "100"},
    {"becak-tulang-punggung", "pekalongan-2023-revisi", "eligible", "[]", "80"},
    {"buruh-batik-perempuan", "pekalongan-2022", "ineligible", "[\"pekerjaan_rentan\"]", nullptr},
    {"buruh-batik-perempuan", "pekalongan-2023-revisi", "eligible", "[]", "50"},
    {"ojek-usia-65", "pekalongan-2022", "eligible", "[]", "100"},
    {"ojek-usia-65", "pekalongan-2023-revisi", "ineligible", "[\"usia\"]", nullptr},
    {"kuli-panggul-17-tahun", "pekalongan-2022", "ineligible", "[\"usia\"]", nullptr},
    {"kuli-panggul-17-tahun", "pekalongan-2023-revisi", "ineligible", "[\"usia\"]", nullptr},
    {"luar-kota-jeruksari", "pekalongan-2022", "ineligible", "[\"domisili_kota_pekalongan\"]", nullptr},
    {"luar-kota-jeruksari", "pekalongan-2023-revisi", "ineligible", "[\"domisili_kota_pekalongan\"]", nullptr},
    {"sopir-penerima-upah", "pekalongan-2022", "ineligible", "[\"bukan_penerima_upah\"]", nullptr},
    {"sopir-penerima-upah", "pekalongan-2023-revisi", "ineligible", "[\"bukan_penerima_upah\"]", nullptr},
    {"serabutan-data-tidak-lengkap", "pekalongan-2022", "eligible", "[]", "0"},
    {"serabutan-data-tidak-lengkap", "pekalongan-2023-revisi", "ineligible", "[\"penghasilan_di_bawah_umk\"]", nullptr},
    {"pijat-tunanetra-pkh", "pekalongan-2022", "eligible", "[]", "100"},
    {"pijat-tunanetra-pkh", "pekalongan-2023-revisi", "ineligible", "[\"bukan_penerima_bansos\"]", nullptr},
};

TEST(CliExplain, SampleCandidatesGetTheirDocumentedDecisions) {
  for (const Expected& e : kExpected) {
    testing::CliResult r = RunCli(std::string("explain rules/") + e.rules + ".yaml --format json --record examples/candidates/" +
                                  e.candidate + ".json");
    SCOPED_TRACE(std::string(e.candidate) + " under " + e.rules);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_THAT(r.output, HasSubstr(std::string("\"status\":\"") + e.status + "\""));
    EXPECT_THAT(r.output, HasSubstr(std::string("\"failed_rules\":") + e.failed_rules));
    if (e.score != nullptr) {
      EXPECT_THAT(r.output, HasSubstr(std::string("\"score\":") + e.score + ","));
    }
  }
}

TEST(CliExplain, MissingIncomeIsUnknownNotFail) {
  testing::CliResult r = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format json --record examples/candidates/serabutan-data-tidak-lengkap.json");
  EXPECT_THAT(r.output, HasSubstr("{\"id\":\"penghasilan_di_bawah_umk\",\"outcome\":\"unknown\""));
  testing::CliResult text = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --record examples/candidates/serabutan-data-tidak-lengkap.json");
  EXPECT_THAT(text.output, HasSubstr("[?] tidak dapat dinilai (data kosong): penghasilan_di_bawah_umk"));
  EXPECT_THAT(text.output, HasSubstr("data penghasilan_bulanan = (kosong)"));
  EXPECT_THAT(text.output, HasSubstr("Keputusan: TIDAK MEMENUHI SYARAT (ineligible)"));
}

TEST(CliExplain, TextNamesReasonsAndInputs) {
  testing::CliResult r = RunCli("explain rules/pekalongan-2023-revisi.yaml --record examples/candidates/ojek-usia-65.json");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.output, HasSubstr("[x] tidak terpenuhi: usia"));
  EXPECT_THAT(r.output, HasSubstr("data tanggal_lahir = 1956-08-17"));
  EXPECT_THAT(r.output, HasSubstr("parameter usia_maksimum = 65"));
  EXPECT_THAT(r.output, HasSubstr("alasan: Usia Anda pada 1 Januari 2023"));
  EXPECT_THAT(r.output, HasSubstr("data pekerjaan = ojek_pangkalan (Ojek pangkalan)"));
}

TEST(CliExplain, SetOverridesAndReferenceDate) {
  // The same man is 65 on 2022-01-01: eligible when the 2023 rules are read for that day.
  testing::CliResult r = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format json --reference-date 2022-01-01 "
      "--record examples/candidates/ojek-usia-65.json");
  EXPECT_THAT(r.output, HasSubstr("has no value on the reference date 2022-01-01"));  // batas_penghasilan starts 2023
  EXPECT_EQ(r.exit_code, 1);
  testing::CliResult set = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format json --record examples/candidates/ojek-usia-65.json "
      "--set tanggal_lahir=17-08-1960");
  EXPECT_THAT(set.output, HasSubstr("\"status\":\"eligible\""));
}

TEST(CliExplain, CodeOutsideItsListMakesTheRecordInvalid) {
  testing::CliResult r = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --record examples/candidates/ojek-usia-65.json --set pekerjaan=astronot");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.output, HasSubstr("warning: --set pekerjaan=astronot: pekerjaan: 'astronot' is not a code of list 'pekerjaan'"));
  EXPECT_THAT(r.output, HasSubstr("Keputusan: DATA TIDAK SAH (invalid)"));
  EXPECT_THAT(r.output, HasSubstr("Kolom 'pekerjaan'"));
}

TEST(CliExplain, BadInputIsRefusedWithAReason) {
  testing::CliResult no_candidate = RunCli("explain rules/pekalongan-2023-revisi.yaml");
  EXPECT_EQ(no_candidate.exit_code, 2);
  EXPECT_THAT(no_candidate.output, HasSubstr("no candidate given"));
  testing::CliResult bad_date = RunCli("explain rules/pekalongan-2023-revisi.yaml --set tanggal_lahir=1990-02-30");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_THAT(bad_date.output, HasSubstr("1990-02-30"));
  testing::CliResult bad_field = RunCli("explain rules/pekalongan-2023-revisi.yaml --set pekerjan=becak");
  EXPECT_EQ(bad_field.exit_code, 2);
  EXPECT_THAT(bad_field.output, HasSubstr("did you mean 'pekerjaan'?"));
  testing::CliResult no_equals = RunCli("explain rules/pekalongan-2023-revisi.yaml --set pekerjaan");
  EXPECT_EQ(no_equals.exit_code, 2);
  testing::CliResult bad_json = RunCli("explain rules/pekalongan-2023-revisi.yaml --record -", "{\"nik\": ");
  EXPECT_EQ(bad_json.exit_code, 2);
  EXPECT_THAT(bad_json.output, HasSubstr("not valid JSON"));
}

TEST(CliExplain, RecordPipedToStandardInput) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/examples/candidates/buruh-batik-perempuan.json");
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  testing::CliResult r = RunCli("explain rules/pekalongan-2023-revisi.yaml --format json", json);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("\"status\":\"eligible\""));
}

TEST(CliExplain, JsonArrayAndStandardInput) {
  testing::CliResult r = RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format json --record -",
      "[{\"nik\": \"3375014507900001\", \"nama\": \"A\", \"jenis_kelamin\": \"P\", \"tanggal_lahir\": \"1990-07-05\", "
      "\"kode_kelurahan\": \"Medono\", \"pekerjaan\": \"marbot masjid\", \"penghasilan_bulanan\": 1000000, \"warna\": 1},"
      " {\"nik\": \"3375014507900001\"}]");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("warning: record 1: 'warna' is not a field of the rule file; ignored"));
  EXPECT_THAT(r.output, HasSubstr("\"status\":\"eligible\""));
  EXPECT_THAT(r.output, HasSubstr("\"status\":\"invalid\",\"invalid_field\":\"nama\""));
}

}  // namespace
}  // namespace aturan

namespace aturan {
namespace {

TEST(CliExplain, BriefFormatIsOneLinePerCandidate) {
  testing::CliResult r = testing::RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format brief --record "
      "examples/candidates/serabutan-data-tidak-lengkap.json");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, "ineligible, score 0: penghasilan_di_bawah_umk (unknown)\n");
  testing::CliResult eligible = testing::RunCli(
      "explain rules/pekalongan-2023-revisi.yaml --format brief --record examples/candidates/becak-tulang-punggung.json");
  EXPECT_EQ(eligible.output, "eligible, score 80\n");
}

}  // namespace
}  // namespace aturan
