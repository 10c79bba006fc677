// The quota section compiled: settings resolved into QuotaInfo, seats counted, area codes
// interned, the compiler's errors, the static warnings, and RuleSet::QuotaGroups.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "aturan/quota.hpp"
#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {

// Lets gMock print a diagnostic readably.
void PrintTo(const Diagnostic& d, std::ostream* os) { *os << d.ToString(); }

namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// A valid file without a quota; the tests append one from line 40 on.
constexpr std::string_view kBase =
    "aturan: 1\n"                                                                  // 1
    "regulation:\n"                                                                // 2
    "  id: kutai-uji\n"                                                            // 3
    "  title: Uji kuota\n"                                                         // 4
    "  region: \"64.02\"\n"                                                        // 5
    "  source: tests\n"                                                            // 6
    "  effective: 2021-01-01\n"                                                    // 7
    "schema:\n"                                                                    // 8
    "  nik: {type: string, required: true, key: true}\n"                           // 9
    "  kategori: {type: code, list: kategori}\n"                                   // 10
    "  kode_kelurahan: {type: code, list: kelurahan}\n"                            // 11
    "  miskin_ekstrem: {type: bool, default: false}\n"                             // 12
    "  usia: {type: int}\n"                                                        // 13
    "lists:\n"                                                                     // 14
    "  kategori:\n"                                                                // 15
    "    items:\n"                                                                 // 16
    "      - {code: pekerja_rentan, name: Pekerja rentan}\n"                       // 17
    "      - {code: aparatur_desa, name: Aparatur desa}\n"                         // 18
    "      - {code: pengusaha, name: Pengusaha}\n"                                 // 19
    "  kelurahan:\n"                                                               // 20
    "    items:\n"                                                                 // 21
    "      - {code: \"33.75.02.1004\", name: Kauman, aliases: [\"3375021004\"]}\n"  // 22
    "      - {code: \"33.75.04.1002\", name: Banyurip}\n"                          // 23
    "      - {code: \"33.26.15.2015\", name: Jeruksari}\n"                         // 24
    "  kelurahan_kota:\n"                                                          // 25
    "    subset_of: kelurahan\n"                                                   // 26
    "    items: [\"33.75.02.1004\", \"33.75.04.1002\"]\n"                          // 27
    "eligibility:\n"                                                               // 28
    "  - id: kategori_sasaran\n"                                                   // 29
    "    when: kategori != \"pengusaha\"\n"                                        // 30
    "    reason: Bukan sasaran.\n"                                                 // 31
    "  - id: domisili\n"                                                           // 32
    "    when: kode_kelurahan in kelurahan_kota and usia >= 18\n"                  // 33
    "    reason: Di luar kota.\n"                                                  // 34
    "program:\n"                                                                   // 35
    "  name: Program Uji\n"                                                        // 36
    "  reference_date: 2021-01-01\n"                                               // 37
    "  coverage_months: 12\n"                                                      // 38
    "  premiums: {jkk: 10000, jkm: 6800, jht: 0}\n";                               // 39

// Kutai Kartanegara 2021: two budget lines under one overall budget.
constexpr std::string_view kKutai =
    "quota:\n"                                                 // 40
    "  budget: 3_000_000_000\n"                                // 41
    "  months: 5\n"                                            // 42
    "  pools:\n"                                               // 43
    "    - id: distransnaker\n"                                // 44
    "      name: \"Pekerja rentan (Distransnaker)\"\n"         // 45
    "      funder: Distransnaker\n"                            // 46
    "      when: kategori == \"pekerja_rentan\"\n"             // 47
    "      budget: 1_700_000_000\n"                            // 48
    "    - id: dpmd\n"                                         // 49
    "      name: \"Aparatur desa dan ketua RT (DPMD)\"\n"      // 50
    "      funder: DPMD\n"                                     // 51
    "      when: kategori == \"aparatur_desa\"\n"              // 52
    "      budget: 1_300_000_000\n";                           // 53

LoadResult LoadWithQuota(std::string_view quota) {
  return RuleSet::Load(StrCat(kBase, quota), "uji.yaml");
}

// The rules of a file with `quota`; fails the test when they do not load.
RuleSet RulesWithQuota(std::string_view quota) {
  LoadResult loaded = LoadWithQuota(quota);
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) std::abort();
  return *loaded.rules;
}

std::vector<Diagnostic> OfSeverity(const std::vector<Diagnostic>& all, Diagnostic::Severity s) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.severity == s) out.push_back(d);
  }
  return out;
}

std::vector<Diagnostic> ErrorsOf(std::string_view quota) {
  return OfSeverity(LoadWithQuota(quota).diagnostics, Diagnostic::Severity::kError);
}

std::vector<Diagnostic> WarningsOf(std::string_view quota) {
  const LoadResult loaded = LoadWithQuota(quota);
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  return OfSeverity(loaded.diagnostics, Diagnostic::Severity::kWarning);
}

::testing::Matcher<Diagnostic> At(uint32_t line, uint32_t column, std::string text) {
  return AllOf(Field("line", &Diagnostic::line, line), Field("column", &Diagnostic::column, column),
               Field("message", &Diagnostic::message, HasSubstr(text)));
}

::testing::Matcher<Diagnostic> HintHas(std::string text) {
  return Field("hint", &Diagnostic::hint, HasSubstr(text));
}

// ---------------------------------------------------------------------------------------
// QuotaInfo.

TEST(Quota, NoneWithoutTheSection) {
  const RuleSet rules = RulesWithQuota("");
  EXPECT_FALSE(rules.quota().present());
  uint32_t pools = 7, reserved = 7;
  rules.QuotaGroups({}, &pools, &reserved);
  EXPECT_EQ(pools, 0u);
  EXPECT_EQ(reserved, 0u);
}

TEST(Quota, PekalonganOneQuota) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n"
      "  seats: 1000\n"
      "  by: kode_kelurahan\n"
      "  basis: population\n"
      "  areas_file: pekalongan-penduduk.csv\n"
      "  reserved:\n"
      "    - {id: miskin_ekstrem, name: Miskin ekstrem, when: miskin_ekstrem, share: 0.2}\n");
  const QuotaInfo& q = rules.quota();
  ASSERT_TRUE(q.present());
  EXPECT_EQ(q.total_capacity, -1);
  EXPECT_EQ(q.total_budget, -1);
  ASSERT_THAT(q.reserved_groups, SizeIs(1));
  EXPECT_EQ(q.reserved_groups[0].id, "miskin_ekstrem");
  EXPECT_EQ(q.reserved_groups[0].name, "Miskin ekstrem");
  EXPECT_EQ(q.reserved_groups[0].when, "miskin_ekstrem");
  ASSERT_THAT(q.pools, SizeIs(1));
  const PoolInfo& p = q.pools[0];
  EXPECT_EQ(p.id, "kutai-uji");       // the regulation's id ...
  EXPECT_EQ(p.name, "Program Uji");   // ... and program.name
  EXPECT_EQ(p.when, "");
  EXPECT_EQ(p.funder, "");
  EXPECT_EQ(p.seats, 1000);
  EXPECT_EQ(p.budget, -1);
  EXPECT_EQ(p.months, 12);            // program.coverage_months
  EXPECT_THAT(p.premiums, ElementsAre(0, 1, 2));
  EXPECT_EQ(p.monthly_premium, 16800);
  EXPECT_EQ(p.capacity, 1000);
  EXPECT_EQ(p.area_slot, rules.FieldSlot("kode_kelurahan"));
  EXPECT_EQ(p.basis, AreaBasis::kPopulation);
  EXPECT_EQ(p.method, ApportionMethod::kLargestRemainder);
  EXPECT_THAT(p.area_numbers, IsEmpty());
  EXPECT_EQ(p.areas_file, "pekalongan-penduduk.csv");  // loaded from text: as written
  EXPECT_EQ(p.dtks_slot, -1);
  EXPECT_EQ(p.unfilled, Unfilled::kRedistribute);
  ASSERT_THAT(p.reserved, SizeIs(1));
  EXPECT_EQ(p.reserved[0].group, 0);
  EXPECT_DOUBLE_EQ(p.reserved[0].share, 0.2);
}

TEST(Quota, KutaiBudgetPools) {
  const LoadResult loaded = LoadWithQuota(kKutai);
  ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_THAT(loaded.diagnostics, IsEmpty()) << FormatDiagnostics(loaded.diagnostics);
  const QuotaInfo& q = loaded.rules->quota();
  EXPECT_EQ(q.total_budget, 3'000'000'000);
  EXPECT_EQ(q.total_capacity, 35714);  // 3e9 / (16,800 x 5)
  ASSERT_THAT(q.pools, SizeIs(2));
  EXPECT_EQ(q.pools[0].id, "distransnaker");
  EXPECT_EQ(q.pools[0].name, "Pekerja rentan (Distransnaker)");
  EXPECT_EQ(q.pools[0].funder, "Distransnaker");
  EXPECT_EQ(q.pools[0].when, "kategori == \"pekerja_rentan\"");
  EXPECT_EQ(q.pools[0].budget, 1'700'000'000);
  EXPECT_EQ(q.pools[0].seats, -1);
  EXPECT_EQ(q.pools[0].months, 5);  // the top level's
  EXPECT_EQ(q.pools[0].monthly_premium, 16800);
  EXPECT_EQ(q.pools[0].capacity, 20238);
  EXPECT_EQ(q.pools[0].basis, AreaBasis::kNone);
  EXPECT_EQ(q.pools[0].area_slot, -1);
  EXPECT_EQ(q.pools[1].capacity, 15476);
  EXPECT_THAT(q.reserved_groups, IsEmpty());
}

TEST(Quota, SeatsAndBudgetTheSmallerHolds) {
  EXPECT_EQ(RulesWithQuota("quota: {seats: 100, budget: 10_000_000, months: 5}\n")
                .quota().pools[0].capacity,
            100);
  const LoadResult loaded = LoadWithQuota("quota: {seats: 1000, budget: 10_000_000, months: 5}\n");
  ASSERT_NE(loaded.rules, nullptr);
  EXPECT_EQ(loaded.rules->quota().pools[0].capacity, 119);  // 10,000,000 / 84,000
  EXPECT_EQ(loaded.rules->quota().pools[0].seats, 1000);
  EXPECT_EQ(loaded.rules->quota().pools[0].budget, 10'000'000);
  EXPECT_EQ(loaded.rules->quota().total_budget, 10'000'000);  // the top level's
  EXPECT_EQ(loaded.rules->quota().total_capacity, -1);        // a limit only over pools
}

TEST(Quota, PremiumsChooseTheMonthlyPremium) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n  budget: 1_300_000_000\n  months: 5\n  premiums: [jkm, jht]\n");
  const PoolInfo& p = rules.quota().pools[0];
  EXPECT_THAT(p.premiums, ElementsAre(1, 2));
  EXPECT_EQ(p.monthly_premium, 6800);
  EXPECT_EQ(p.capacity, 38235);  // 1.3e9 / (6,800 x 5)
}

TEST(Quota, PoolsInheritTheTopLevel) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n"
      "  months: 6\n"
      "  premiums: [jkm]\n"
      "  by: kode_kelurahan\n"
      "  basis: dtks\n"
      "  dtks_field: miskin_ekstrem\n"
      "  method: dhondt\n"
      "  unfilled: leave_unused\n"
      "  reserved: [{id: miskin, when: miskin_ekstrem, share: 10%}]\n"
      "  pools:\n"
      "    - {id: a, seats: 10}\n"
      "    - id: b\n"
      "      budget: 1_000_000\n"
      "      months: 3\n"
      "      premiums: [jkk, jkm]\n"
      "      basis: population\n"
      "      method: sainte_lague\n"
      "      unfilled: redistribute\n"
      "      reserved: [{id: lansia, when: usia >= 60, share: 0.5}]\n");
  const QuotaInfo& q = rules.quota();
  EXPECT_EQ(q.total_capacity, -1);
  EXPECT_EQ(q.total_budget, -1);
  ASSERT_THAT(q.pools, SizeIs(2));
  const PoolInfo& a = q.pools[0];
  EXPECT_EQ(a.months, 6);
  EXPECT_THAT(a.premiums, ElementsAre(1));
  EXPECT_EQ(a.monthly_premium, 6800);
  EXPECT_EQ(a.capacity, 10);
  EXPECT_EQ(a.area_slot, rules.FieldSlot("kode_kelurahan"));
  EXPECT_EQ(a.basis, AreaBasis::kDtks);
  EXPECT_EQ(a.dtks_slot, rules.FieldSlot("miskin_ekstrem"));
  EXPECT_EQ(a.method, ApportionMethod::kDHondt);
  EXPECT_EQ(a.unfilled, Unfilled::kLeaveUnused);
  ASSERT_THAT(a.reserved, SizeIs(1));
  EXPECT_DOUBLE_EQ(a.reserved[0].share, 0.1);
  const PoolInfo& b = q.pools[1];
  EXPECT_EQ(b.months, 3);
  EXPECT_EQ(b.monthly_premium, 16800);
  EXPECT_EQ(b.capacity, 19);  // 1,000,000 / 50,400
  EXPECT_EQ(b.basis, AreaBasis::kPopulation);
  EXPECT_EQ(b.method, ApportionMethod::kSainteLague);
  EXPECT_EQ(b.unfilled, Unfilled::kRedistribute);
  ASSERT_THAT(b.reserved, SizeIs(1));  // its own replace the top level's
  ASSERT_THAT(q.reserved_groups, SizeIs(2));
  EXPECT_EQ(q.reserved_groups[b.reserved[0].group].id, "lansia");
  EXPECT_EQ(q.reserved_groups[a.reserved[0].group].id, "miskin");
}

TEST(Quota, OneGroupInSeveralPools) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n"
      "  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.1}]\n"
      "  pools:\n"
      "    - {id: a, seats: 10}\n"
      "    - {id: b, seats: 10, reserved: [{id: lansia, when: usia >= 60, share: 0.2},\n"
      "                                    {id: MISKIN, name: Miskin, when: miskin_ekstrem, share: 0.3}]}\n");
  const QuotaInfo& q = rules.quota();
  ASSERT_THAT(q.reserved_groups, SizeIs(2));
  EXPECT_EQ(q.reserved_groups[0].id, "miskin");
  EXPECT_EQ(q.reserved_groups[0].name, "Miskin");
  EXPECT_EQ(q.pools[1].reserved[1].group, 0);
  EXPECT_DOUBLE_EQ(q.pools[1].reserved[1].share, 0.3);
}

TEST(Quota, AreaNumbersByCodeAliasOrName) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n"
      "  by: kode_kelurahan\n"
      "  basis: fixed\n"
      "  areas: {\"3375021004\": 500, banyurip: 300, \"33.26.15.2015\": 0}\n");
  const PoolInfo& p = rules.quota().pools[0];
  EXPECT_THAT(p.area_numbers, ElementsAre(500, 300, 0));
  EXPECT_EQ(p.capacity, 800);  // fixed: the sum of the areas' seats
  EXPECT_EQ(p.seats, -1);
}

TEST(Quota, FixedSeatsFromAnAreaTableAreCountedLater) {
  const RuleSet rules = RulesWithQuota("quota: {by: kode_kelurahan, basis: fixed, areas_file: kursi.csv}\n");
  const PoolInfo& p = rules.quota().pools[0];
  EXPECT_THAT(p.area_numbers, IsEmpty());
  EXPECT_EQ(p.capacity, 0);
}

TEST(Quota, AreasFileIsTakenAgainstTheRuleFilesDirectory) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / StrCat("aturan_quota_test_", ::getpid());
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "aturan.yaml").string();
  {
    std::ofstream out(file);
    out << kBase << "quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: population\n"
        << "  pools:\n    - {id: a, seats: 5, areas_file: penduduk.csv}\n"
        << "    - {id: b, seats: 5, areas_file: /data/penduduk.csv}\n";
  }
  const LoadResult loaded = RuleSet::LoadFile(file);
  ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.rules->quota().pools[0].areas_file, (dir / "penduduk.csv").string());
  EXPECT_EQ(loaded.rules->quota().pools[1].areas_file, "/data/penduduk.csv");
  absl::StatusOr<RuleSet> from_file = RuleSet::FromFile(file);
  ASSERT_TRUE(from_file.ok()) << from_file.status();
  EXPECT_EQ(from_file->quota().pools[0].areas_file, (dir / "penduduk.csv").string());
  std::filesystem::remove_all(dir);
}

TEST(Quota, NamesOfTheWords) {
  EXPECT_STREQ(AreaBasisName(AreaBasis::kNone), "none");
  EXPECT_STREQ(AreaBasisName(AreaBasis::kPopulation), "population");
  EXPECT_STREQ(AreaBasisName(AreaBasis::kDtks), "dtks");
  EXPECT_STREQ(AreaBasisName(AreaBasis::kFixed), "fixed");
  EXPECT_STREQ(ApportionMethodName(ApportionMethod::kLargestRemainder), "largest_remainder");
  EXPECT_STREQ(ApportionMethodName(ApportionMethod::kDHondt), "dhondt");
  EXPECT_STREQ(ApportionMethodName(ApportionMethod::kSainteLague), "sainte_lague");
  EXPECT_STREQ(UnfilledName(Unfilled::kRedistribute), "redistribute");
  EXPECT_STREQ(UnfilledName(Unfilled::kLeaveUnused), "leave_unused");
}

// ---------------------------------------------------------------------------------------
// The compiler's errors.

TEST(QuotaErrors, UnknownArea) {
  EXPECT_THAT(ErrorsOf("quota:\n  by: kode_kelurahan\n  basis: fixed\n"
                       "  areas: {Kauman: 1, Banyurp: 2}\n"),
              ElementsAre(AllOf(At(43, 22, "quota.areas: 'Banyurp' is not an area of field "
                                           "'kode_kelurahan' (list 'kelurahan')"),
                                HintHas("did you mean 'Banyurip'?"))));
}

TEST(QuotaErrors, AreaGivenTwice) {
  EXPECT_THAT(ErrorsOf("quota:\n  by: kode_kelurahan\n  basis: fixed\n"
                       "  areas: {Kauman: 1, \"33.75.02.1004\": 2}\n"),
              ElementsAre(AllOf(At(43, 22, "quota.areas: '33.75.02.1004' is area '33.75.02.1004' "
                                           "again (first as 'Kauman' on line 43)"),
                                HintHas("give each area once"))));
}

TEST(QuotaErrors, BudgetWithoutPremium) {
  EXPECT_THAT(ErrorsOf("quota:\n  budget: 1_000_000\n  premiums: [jht]\n"),
              ElementsAre(AllOf(At(41, 11, "quota: a budget cannot buy seats with no premium"),
                                HintHas("sum to Rp0"))));
}

TEST(QuotaErrors, ConditionsMustBeBool) {
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {id: a, seats: 1, when: usia}\n"),
              ElementsAre(At(42, 31, "quota pool 'a': 'when' must be a condition (bool), got int")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 1\n  reserved: [{id: m, when: miskin_ekstem, share: 0.1}]\n"),
              ElementsAre(AllOf(At(42, 28, "unknown name 'miskin_ekstem'"),
                                HintHas("did you mean 'miskin_ekstrem'?"))));
}

// ---------------------------------------------------------------------------------------
// Warnings.

TEST(QuotaWarnings, NoneForACleanFile) {
  EXPECT_THAT(WarningsOf(kKutai), IsEmpty());
  EXPECT_THAT(WarningsOf("quota:\n  seats: 1000\n  by: kode_kelurahan\n  basis: population\n"
                         "  areas: {Kauman: 12000, Banyurip: 9000}\n"
                         "  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.2}]\n"),
              IsEmpty());
}

TEST(QuotaWarnings, PoolsOfferMoreThanTheLimit) {
  EXPECT_THAT(WarningsOf("quota:\n  seats: 17000\n  pools:\n    - {id: a, seats: 15000}\n"
                         "    - {id: b, seats: 4185}\n"),
              ElementsAre(AllOf(At(41, 10, "pools offer 19185 seats but the quota has 17000; "
                                           "later pools get fewer"),
                                HintHas("filled in the order listed"))));
  EXPECT_THAT(WarningsOf("quota:\n  seats: 19185\n  pools:\n    - {id: a, seats: 15000}\n"
                         "    - {id: b, seats: 4185}\n"),
              IsEmpty());
}

TEST(QuotaWarnings, BudgetBuysFewerSeats) {
  EXPECT_THAT(WarningsOf("quota: {seats: 1000, budget: 10_000_000, months: 5}\n"),
              ElementsAre(AllOf(At(40, 30, "quota: the budget buys only 119 of the 1000 seats"),
                                HintHas("raise the budget"))));
  EXPECT_THAT(WarningsOf("quota:\n  seats: 100\n  budget: 10_000_000\n  pools: [{id: a, seats: 40}]\n"),
              ElementsAre(At(42, 11, "quota: the budget buys only 49 of the 100 seats")));
  EXPECT_THAT(WarningsOf("quota: {seats: 100, budget: 10_000_000, months: 5}\n"), IsEmpty());
}

TEST(QuotaWarnings, PoolThatNobodyEligibleCanEnter) {
  EXPECT_THAT(
      WarningsOf("quota:\n  pools:\n    - {id: a, seats: 1, when: kategori == \"pengusaha\"}\n"),
      ElementsAre(AllOf(At(42, 31, "quota pool 'a' can select nobody: rule 'kategori_sasaran' "
                                   "allows only kategori 'pekerja_rentan', 'aparatur_desa'"),
                        HintHas("its filter asks for kategori 'pengusaha'"))));
  // The rule restricts the field inside a conjunction; the filter too.
  EXPECT_THAT(WarningsOf("quota:\n  pools:\n    - id: a\n      seats: 1\n"
                         "      when: miskin_ekstrem and kode_kelurahan == \"33.26.15.2015\"\n"),
              ElementsAre(At(44, 13, "quota pool 'a' can select nobody: rule 'domisili' allows "
                                     "only kode_kelurahan '33.75.02.1004', '33.75.04.1002'")));
  EXPECT_THAT(WarningsOf("quota:\n  pools:\n    - id: a\n      seats: 1\n      when: 'not (kategori in "
                         "[\"pekerja_rentan\", \"aparatur_desa\"])'\n"),
              ElementsAre(At(44, 13, "quota pool 'a' can select nobody")));
  // Filters that eligible candidates can meet.
  for (std::string_view when :
       {"kategori == \"pekerja_rentan\"", "kategori != \"pengusaha\"", "miskin_ekstrem",
        "kode_kelurahan in kelurahan_kota", "kategori == \"pengusaha\" or miskin_ekstrem",
        "not (kategori == \"pengusaha\" and miskin_ekstrem)"}) {
    EXPECT_THAT(WarningsOf(StrCat("quota:\n  pools:\n    - id: a\n      seats: 1\n      when: '",
                                  when, "'\n")),
                IsEmpty())
        << when;
  }
}

TEST(QuotaWarnings, AreasTheNumbersLack) {
  EXPECT_THAT(WarningsOf("quota:\n  seats: 1000\n  by: kode_kelurahan\n  basis: population\n"
                         "  areas: {Kauman: 12000}\n"),
              ElementsAre(AllOf(At(44, 10, "quota: the areas lack '33.75.04.1002' (Banyurip), "
                                           "where eligible candidates can live"),
                                HintHas("0 when they get no seats on purpose"))));
  // Jeruksari is outside the city: eligibility rules it out, so it needs no number.
  EXPECT_THAT(WarningsOf("quota:\n  seats: 1000\n  by: kode_kelurahan\n  basis: population\n"
                         "  areas: {Kauman: 12000, Banyurip: 0}\n"),
              IsEmpty());
  // Nothing restricts kategori: every code needs a number.
  EXPECT_THAT(WarningsOf("quota:\n  by: kategori\n  basis: fixed\n  areas: {pekerja_rentan: 10}\n"),
              ElementsAre(At(43, 10, "quota: the areas lack 'aparatur_desa' (Aparatur desa)")));
  // A pool's filter narrows the areas it needs.
  EXPECT_THAT(WarningsOf("quota:\n  by: kategori\n  basis: fixed\n  areas: {pekerja_rentan: 10}\n"
                         "  pools: [{id: a, when: kategori == \"pekerja_rentan\"}]\n"),
              IsEmpty());
}

// ---------------------------------------------------------------------------------------
// QuotaGroups.

TEST(QuotaGroups, PoolAndGroupBits) {
  const RuleSet rules = RulesWithQuota(
      "quota:\n"
      "  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.2}]\n"
      "  pools:\n"
      "    - {id: rentan, seats: 10, when: kategori == \"pekerja_rentan\"}\n"
      "    - {id: desa, seats: 10, when: kategori == \"aparatur_desa\",\n"
      "       reserved: [{id: lansia, when: usia >= 60, share: 0.1}]}\n"
      "    - {id: semua, seats: 10}\n");
  Record record(rules);
  uint32_t pools = 0, reserved = 0;
  rules.QuotaGroups(record.values(), &pools, &reserved);
  EXPECT_EQ(pools, 0b100u);      // kategori missing: only the pool without a filter
  EXPECT_EQ(reserved, 0b00u);    // miskin_ekstrem defaults to false; usia missing
  ASSERT_TRUE(record.Set("kategori", "pekerja_rentan").ok());
  ASSERT_TRUE(record.Set("miskin_ekstrem", "ya").ok());
  rules.QuotaGroups(record.values(), &pools, &reserved);
  EXPECT_EQ(pools, 0b101u);
  EXPECT_EQ(reserved, 0b01u);
  ASSERT_TRUE(record.Set("kategori", "aparatur_desa").ok());
  ASSERT_TRUE(record.Set("usia", "61").ok());
  rules.QuotaGroups(record.values(), &pools, &reserved);
  EXPECT_EQ(pools, 0b110u);
  EXPECT_EQ(reserved, 0b11u);
}

// ---------------------------------------------------------------------------------------
// The examples of docs/rule-format.md section 13 load.

TEST(Quota, DocsExamplesLoad) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/docs/rule-format.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const size_t section = doc.find("## 13 quota");
  ASSERT_NE(section, std::string::npos);
  const size_t next = doc.find("\n## ", section + 1);
  const std::string base(kBase);  // has every field and premium the examples name
  int examples = 0;
  for (size_t at = doc.find("```yaml\n", section); at < next; at = doc.find("```yaml\n", at)) {
    at += 8;
    const size_t end = doc.find("```", at);
    ASSERT_NE(end, std::string::npos);
    const std::string quota = doc.substr(at, end - at);
    const LoadResult loaded = RuleSet::Load(StrCat(base, quota), "rule-format.md quota example");
    EXPECT_NE(loaded.rules, nullptr) << quota << FormatDiagnostics(loaded.diagnostics);
    ++examples;
  }
  EXPECT_EQ(examples, 2);
}

}  // namespace
}  // namespace aturan
