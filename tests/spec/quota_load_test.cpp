// The quota section as the loader reads and checks it: every key into the Spec with its
// position, and every loader error at its line and column with its hint.
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "spec/load_spec.hpp"
#include "spec/quota_settings.hpp"

namespace aturan {

// Lets gMock print a diagnostic readably.
void PrintTo(const Diagnostic& d, std::ostream* os) { *os << d.ToString(); }

namespace spec {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

// A valid file without a quota; the tests append one from line 29 on.
constexpr std::string_view kBase =
    "aturan: 1\n"                                                            // 1
    "regulation:\n"                                                          // 2
    "  id: kutai-uji\n"                                                      // 3
    "  title: Uji kuota\n"                                                   // 4
    "  region: \"64.02\"\n"                                                  // 5
    "  source: tests\n"                                                      // 6
    "  effective: 2021-01-01\n"                                              // 7
    "schema:\n"                                                              // 8
    "  nik: {type: string, required: true, key: true}\n"                     // 9
    "  kategori: {type: code, list: kategori, required: true}\n"             // 10
    "  kode_kelurahan: {type: code, list: kelurahan, required: true}\n"      // 11
    "  miskin_ekstrem: {type: bool, default: false}\n"                       // 12
    "  usia: {type: int}\n"                                                  // 13
    "lists:\n"                                                               // 14
    "  kategori:\n"                                                          // 15
    "    items:\n"                                                           // 16
    "      - {code: pekerja_rentan, name: Pekerja rentan}\n"                 // 17
    "      - {code: aparatur_desa, name: Aparatur desa}\n"                   // 18
    "  kelurahan:\n"                                                         // 19
    "    items:\n"                                                           // 20
    "      - {code: \"33.75.02.1004\", name: Kauman}\n"                      // 21
    "eligibility:\n"                                                         // 22
    "  - id: usia\n"                                                         // 23
    "    when: usia >= 18\n"                                                 // 24
    "    reason: Terlalu muda.\n"                                            // 25
    "program:\n"                                                             // 26
    "  reference_date: 2021-01-01\n"                                         // 27
    "  premiums: {jkk: 10000, jkm: 6800}\n";                                 // 28

struct Loaded {
  std::optional<Spec> spec;
  std::vector<Diagnostic> diagnostics;
};

Loaded LoadWithQuota(std::string_view quota) {
  Loaded out;
  out.spec = LoadSpec(StrCat(kBase, quota), "kutai.yaml", &out.diagnostics);
  return out;
}

::testing::Matcher<Diagnostic> ErrorAt(uint32_t line, uint32_t column, std::string text) {
  return AllOf(Field("line", &Diagnostic::line, line), Field("column", &Diagnostic::column, column),
               Field("message", &Diagnostic::message, HasSubstr(text)),
               Field("severity", &Diagnostic::severity, Diagnostic::Severity::kError));
}

::testing::Matcher<Diagnostic> HintHas(std::string text) {
  return Field("hint", &Diagnostic::hint, HasSubstr(text));
}

void ExpectAt(SourceRef ref, uint32_t line, uint32_t column) {
  EXPECT_EQ(ref.line, line);
  EXPECT_EQ(ref.column, column);
}

// The errors of a quota section (appended at line 29).
std::vector<Diagnostic> ErrorsOf(std::string_view quota) {
  return LoadWithQuota(quota).diagnostics;
}

TEST(QuotaLoad, NoQuotaSection) {
  const Loaded r = LoadWithQuota("");
  ASSERT_THAT(r.diagnostics, IsEmpty());
  EXPECT_FALSE(r.spec->quota.has_value());
}

TEST(QuotaLoad, EveryTopLevelKey) {
  const Loaded r = LoadWithQuota(
      "quota:\n"                                                          // 29
      "  seats: 1_000\n"                                                  // 30
      "  budget: 3_000_000_000\n"                                         // 31
      "  months: 5\n"                                                     // 32
      "  premiums: [jkm]\n"                                               // 33
      "  by: kode_kelurahan\n"                                            // 34
      "  basis: population\n"                                             // 35
      "  method: sainte_lague\n"                                          // 36
      "  areas: {\"33.75.02.1004\": 12_500, Kauman: 0}\n"                 // 37
      "  areas_file: penduduk.csv\n"                                      // 38
      "  dtks_field: miskin_ekstrem\n"                                    // 39
      "  unfilled: leave_unused\n"                                        // 40
      "  reserved:\n"                                                     // 41
      "    - {id: miskin_ekstrem, name: Miskin ekstrem, when: miskin_ekstrem, share: 0.2}\n"  // 42
      "    - {id: lansia, when: usia >= 60, share: 5%}\n");               // 43
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ASSERT_TRUE(r.spec->quota.has_value());
  const Quota& q = *r.spec->quota;
  ExpectAt(q.at, 29, 1);
  EXPECT_EQ(q.pools_at.line, 0u);
  EXPECT_THAT(q.pools, IsEmpty());
  const QuotaSettings& s = q.settings;
  EXPECT_EQ(s.seats.value, 1000);
  ExpectAt(s.seats.at, 30, 10);
  EXPECT_EQ(s.budget.value, 3'000'000'000);
  ExpectAt(s.budget.at, 31, 11);
  EXPECT_EQ(s.months.value, 5);
  ASSERT_TRUE(s.premiums.value.has_value());
  ASSERT_THAT(*s.premiums.value, SizeIs(1));
  EXPECT_EQ((*s.premiums.value)[0].text, "jkm");
  ExpectAt((*s.premiums.value)[0].at, 33, 14);
  EXPECT_EQ(s.by.value->text, "kode_kelurahan");
  EXPECT_EQ(s.basis.value, AreaBasis::kPopulation);
  EXPECT_EQ(s.method.value, ApportionMethod::kSainteLague);
  ASSERT_THAT(*s.areas.value, SizeIs(2));
  EXPECT_EQ((*s.areas.value)[0].area.text, "33.75.02.1004");
  EXPECT_EQ((*s.areas.value)[0].number, 12500);
  ExpectAt((*s.areas.value)[0].area.at, 37, 11);
  EXPECT_EQ((*s.areas.value)[1].area.text, "Kauman");
  EXPECT_EQ((*s.areas.value)[1].number, 0);
  EXPECT_EQ(s.areas_file.value->text, "penduduk.csv");
  EXPECT_EQ(s.dtks_field.value->text, "miskin_ekstrem");
  EXPECT_EQ(s.unfilled.value, Unfilled::kLeaveUnused);
  ASSERT_THAT(*s.reserved.value, SizeIs(2));
  const QuotaReserved& miskin = (*s.reserved.value)[0];
  EXPECT_EQ(miskin.id.text, "miskin_ekstrem");
  EXPECT_EQ(miskin.name, "Miskin ekstrem");
  EXPECT_EQ(miskin.when.text, "miskin_ekstrem");
  EXPECT_DOUBLE_EQ(*miskin.share.value, 0.2);
  EXPECT_DOUBLE_EQ(*(*s.reserved.value)[1].share.value, 0.05);
}

TEST(QuotaLoad, PoolsAndInheritance) {
  const Loaded r = LoadWithQuota(
      "quota:\n"                                                          // 29
      "  budget: 3_000_000_000\n"                                         // 30
      "  months: 5\n"                                                     // 31
      "  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.1}]\n"    // 32
      "  pools:\n"                                                        // 33
      "    - id: distransnaker\n"                                         // 34
      "      name: Pekerja rentan\n"                                      // 35
      "      funder: Distransnaker\n"                                     // 36
      "      when: kategori == \"pekerja_rentan\"\n"                      // 37
      "      budget: 1_700_000_000\n"                                     // 38
      "    - id: dpmd\n"                                                  // 39
      "      budget: 1_300_000_000\n"                                     // 40
      "      months: 6\n"                                                 // 41
      "      premiums: jkm\n"                                             // 42
      "      reserved: []\n");                                            // 43
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const Quota& q = *r.spec->quota;
  ExpectAt(q.pools_at, 33, 3);
  ASSERT_THAT(q.pools, SizeIs(2));
  EXPECT_EQ(q.pools[0].id.text, "distransnaker");
  EXPECT_EQ(q.pools[0].name, "Pekerja rentan");
  EXPECT_EQ(q.pools[0].funder, "Distransnaker");
  EXPECT_EQ(q.pools[0].when->text, "kategori == \"pekerja_rentan\"");
  ExpectAt(q.pools[0].at, 34, 7);
  EXPECT_FALSE(q.pools[1].when.has_value());

  const std::vector<PoolSpec> pools = EffectivePools(q);
  ASSERT_THAT(pools, SizeIs(2));
  EXPECT_EQ(pools[0].pool, &q.pools[0]);
  EXPECT_EQ(pools[0].settings.budget.value, 1'700'000'000);
  EXPECT_EQ(pools[0].settings.months.value, 5);  // the top level's
  EXPECT_THAT(*pools[0].settings.reserved.value, SizeIs(1));
  EXPECT_FALSE(pools[0].settings.seats.given());
  EXPECT_EQ(pools[1].settings.months.value, 6);  // its own
  EXPECT_EQ((*pools[1].settings.premiums.value)[0].text, "jkm");
  EXPECT_THAT(*pools[1].settings.reserved.value, IsEmpty());  // replaces the top level's
}

TEST(QuotaLoad, WithoutPoolsTheTopLevelIsThePool) {
  const Loaded r = LoadWithQuota("quota: {seats: 1000}\n");
  ASSERT_THAT(r.diagnostics, IsEmpty());
  const std::vector<PoolSpec> pools = EffectivePools(*r.spec->quota);
  ASSERT_THAT(pools, SizeIs(1));
  EXPECT_EQ(pools[0].pool, nullptr);
  EXPECT_EQ(pools[0].settings.seats.value, 1000);
}

// ---------------------------------------------------------------------------------------
// Reading errors.

TEST(QuotaLoadErrors, NotAMapping) {
  EXPECT_THAT(ErrorsOf("quota: 1000\n"),
              ElementsAre(AllOf(ErrorAt(29, 8, "quota: expected a mapping, got text '1000'"),
                                HintHas("allowed keys: seats, budget, months"))));
}

TEST(QuotaLoadErrors, UnknownKeys) {
  EXPECT_THAT(ErrorsOf("quota:\n  seat: 10\n"),
              UnorderedElementsAre(AllOf(ErrorAt(30, 3, "unknown key 'seat' in quota"),
                                         HintHas("did you mean 'seats'?")),
                                   ErrorAt(29, 1, "quota offers no seats")));
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {id: a, seats: 1, fundr: x}\n"),
              ElementsAre(AllOf(ErrorAt(31, 25, "unknown key 'fundr' in quota.pools[1]"),
                                HintHas("did you mean 'funder'?"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 1\n  reserved: [{id: a, when: miskin_ekstrem, shar: 1}]\n"),
              UnorderedElementsAre(
                  AllOf(ErrorAt(31, 44, "unknown key 'shar' in quota.reserved[1]"),
                        HintHas("did you mean 'share'?")),
                  ErrorAt(31, 14, "quota.reserved[1]: missing required key 'share'")));
}

TEST(QuotaLoadErrors, PoolNeedsAnId) {
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {seats: 10}\n"),
              ElementsAre(ErrorAt(31, 7, "quota.pools[1]: missing required key 'id'")));
}

TEST(QuotaLoadErrors, Numbers) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: -5\n"),
              ElementsAre(AllOf(ErrorAt(30, 10, "quota.seats: -5 is negative"),
                                HintHas("0 or more"))));
  EXPECT_THAT(ErrorsOf("quota:\n  budget: Rp3.000.000\n"),
              ElementsAre(ErrorAt(30, 11, "quota.budget: expected a whole number, got text "
                                          "'Rp3.000.000'")));
  EXPECT_THAT(ErrorsOf("quota:\n  budget: 3__000\n"),
              ElementsAre(ErrorAt(30, 11, "quota.budget: expected a whole number")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  months: 0\n"),
              ElementsAre(AllOf(ErrorAt(31, 11, "quota.months: 0 is out of range"),
                                HintHas("from 1 to 120"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  months: 121\n"),
              ElementsAre(ErrorAt(31, 11, "quota.months: 121 is out of range")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: fixed\n"
                       "  areas: {Kauman: -1}\n"),
              UnorderedElementsAre(ErrorAt(33, 19, "quota.areas.Kauman: -1 is negative"),
                                   ErrorAt(30, 10, "'seats' together with 'basis: fixed'")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: population\n"
                       "  areas: {}\n"),
              ElementsAre(ErrorAt(33, 10, "quota.areas is empty")));
}

TEST(QuotaLoadErrors, Words) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: popluation\n"),
              ElementsAre(AllOf(ErrorAt(32, 10, "quota.basis: unknown value 'popluation'"),
                                HintHas("did you mean 'population'?"),
                                HintHas("population, dtks, fixed"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  method: dhont\n"),
              ElementsAre(AllOf(ErrorAt(31, 11, "quota.method: unknown value 'dhont'"),
                                HintHas("did you mean 'dhondt'?"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  unfilled: leave\n"),
              ElementsAre(AllOf(ErrorAt(31, 13, "quota.unfilled: unknown value 'leave'"),
                                HintHas("redistribute, leave_unused"))));
}

TEST(QuotaLoadErrors, Shares) {
  const std::string head = "quota:\n  seats: 10\n  reserved:\n    - {id: a, when: miskin_ekstrem, share: ";
  EXPECT_THAT(ErrorsOf(head + "0}\n"),
              ElementsAre(AllOf(ErrorAt(32, 44, "quota.reserved[1].share: '0' is out of range"),
                                HintHas("more than 0 and at most 1"))));
  EXPECT_THAT(ErrorsOf(head + "1.5}\n"),
              ElementsAre(ErrorAt(32, 44, "'1.5' is out of range")));
  EXPECT_THAT(ErrorsOf(head + "120%}\n"),
              ElementsAre(ErrorAt(32, 44, "'120%' is out of range")));
  EXPECT_THAT(ErrorsOf(head + "seperlima}\n"),
              ElementsAre(ErrorAt(32, 44, "expected a share such as 0.2 or 20%, got text "
                                          "'seperlima'")));
  EXPECT_THAT(ErrorsOf(head + "1}\n"), IsEmpty());
  EXPECT_THAT(ErrorsOf(head + "100%}\n"), IsEmpty());
}

TEST(QuotaLoadErrors, Premiums) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  premiums: [jkm, jkm]\n"),
              ElementsAre(AllOf(ErrorAt(31, 19, "quota.premiums: 'jkm' is listed twice"),
                                HintHas("remove one"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  premiums: []\n"),
              ElementsAre(ErrorAt(31, 13, "quota.premiums is empty")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  premiums: [jkm, jht]\n"),
              ElementsAre(AllOf(ErrorAt(31, 19, "quota.premiums: no premium named 'jht' in "
                                                "program.premiums"),
                                HintHas("premiums: jkk, jkm"))));
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {id: a, seats: 1, premiums: [jkmm]}\n"),
              ElementsAre(AllOf(ErrorAt(31, 36, "quota.pools[1].premiums: no premium named 'jkmm'"),
                                HintHas("did you mean 'jkm'?"))));
}

// ---------------------------------------------------------------------------------------
// Checks across sections and settings.

TEST(QuotaChecks, ByNamesACodeField) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahn\n  basis: population\n"),
              ElementsAre(AllOf(ErrorAt(31, 7, "quota.by: no schema field named 'kode_kelurahn'"),
                                HintHas("did you mean 'kode_kelurahan'?"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: usia\n  basis: population\n"),
              ElementsAre(AllOf(ErrorAt(31, 7, "quota.by: 'usia' is a int field; expected a code "
                                               "field"),
                                HintHas("whose codes are the areas"))));
}

TEST(QuotaChecks, DtksFieldNamesABoolField) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: dtks\n"
                       "  dtks_field: kategori\n"),
              ElementsAre(ErrorAt(33, 15, "quota.dtks_field: 'kategori' is a code field; "
                                          "expected a bool field")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n  basis: dtks\n"
                       "  dtks_field: miskin\n"),
              ElementsAre(AllOf(ErrorAt(33, 15, "no schema field named 'miskin'"),
                                HintHas("fields: nik, kategori"))));
}

TEST(QuotaChecks, UniqueIds) {
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {id: dpmd, seats: 1}\n    - {id: DPMD, seats: 2}\n"),
              ElementsAre(AllOf(ErrorAt(32, 12, "quota.pools: duplicate pool id 'DPMD' (first on "
                                                "line 31)"),
                                HintHas("letter case does not count"))));
  EXPECT_THAT(ErrorsOf("quota:\n  pools:\n    - {id: \"a b\", seats: 1}\n"),
              ElementsAre(ErrorAt(31, 12, "pool id 'a b' may use only letters")));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  reserved:\n"
                       "    - {id: miskin, when: miskin_ekstrem, share: 0.1}\n"
                       "    - {id: miskin, when: usia > 60, share: 0.1}\n"),
              ElementsAre(ErrorAt(33, 12, "quota.reserved: duplicate group id 'miskin' (first on "
                                          "line 32)")));
}

TEST(QuotaChecks, AGroupHasOneCondition) {
  // The same group in the top level and a pool: fine with the same condition ...
  EXPECT_THAT(ErrorsOf("quota:\n  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.1}]\n"
                       "  pools:\n    - {id: a, seats: 1, reserved: [{id: Miskin, when: \" miskin_ekstrem\", share: 0.3}]}\n"),
              IsEmpty());
  // ... an error with another.
  EXPECT_THAT(
      ErrorsOf("quota:\n  reserved: [{id: miskin, when: miskin_ekstrem, share: 0.1}]\n"
               "  pools:\n    - {id: a, seats: 1, reserved: [{id: miskin, when: usia > 60, share: 0.3}]}\n"),
      ElementsAre(AllOf(ErrorAt(32, 55, "reserved group 'miskin' has another 'when' than on line 30"),
                        HintHas("another id"))));
}

TEST(QuotaChecks, ByAndBasisNeedEachOther) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  by: kode_kelurahan\n"),
              ElementsAre(AllOf(ErrorAt(31, 7, "quota: 'by' needs 'basis'"),
                                HintHas("basis: population"))));
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  basis: population\n  areas_file: a.csv\n"),
              UnorderedElementsAre(AllOf(ErrorAt(31, 10, "quota: 'basis' needs 'by'"),
                                         HintHas("by: kode_kelurahan")),
                                   ErrorAt(32, 15, "quota: 'areas_file' needs 'by'")));
  // Inherited by two pools: reported once.
  EXPECT_THAT(ErrorsOf("quota:\n  by: kode_kelurahan\n  pools:\n    - {id: a, seats: 1}\n"
                       "    - {id: b, seats: 1}\n"),
              ElementsAre(ErrorAt(30, 7, "quota pool 'a': 'by' needs 'basis'")));
  // Given in two places: fine.
  EXPECT_THAT(ErrorsOf("quota:\n  by: kode_kelurahan\n  pools:\n"
                       "    - {id: a, seats: 1, basis: population}\n"),
              IsEmpty());
}

TEST(QuotaChecks, FixedBasisTakesNoSeatsOrBudget) {
  EXPECT_THAT(ErrorsOf("quota:\n  budget: 10\n  by: kode_kelurahan\n  basis: fixed\n"),
              ElementsAre(AllOf(ErrorAt(30, 11, "quota: 'budget' together with 'basis: fixed'"),
                                HintHas("the area numbers are the seats"))));
  // Fixed without numbers: they may come with --areas.
  EXPECT_THAT(ErrorsOf("quota:\n  by: kode_kelurahan\n  basis: fixed\n"), IsEmpty());
  // With pools, the top level's seats are the overall limit.
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 100\n  by: kode_kelurahan\n  basis: fixed\n"
                       "  pools: [{id: a}, {id: b}]\n"),
              IsEmpty());
}

TEST(QuotaChecks, APoolNeedsSeats) {
  EXPECT_THAT(ErrorsOf("quota:\n  months: 5\n"),
              ElementsAre(AllOf(ErrorAt(29, 1, "quota offers no seats: give 'seats' or 'budget'"),
                                HintHas("basis: fixed"))));
  // With pools the top level's budget is a limit, not a pool's.
  EXPECT_THAT(ErrorsOf("quota:\n  budget: 1000000\n  pools:\n    - id: a\n"),
              ElementsAre(ErrorAt(32, 7, "quota pool 'a' offers no seats")));
  // A refused value is not reported again.
  EXPECT_THAT(ErrorsOf("quota:\n  seats: banyak\n"),
              ElementsAre(ErrorAt(30, 10, "quota.seats: expected a whole number")));
}

TEST(QuotaChecks, EmptyPools) {
  EXPECT_THAT(ErrorsOf("quota:\n  seats: 10\n  pools: []\n"),
              ElementsAre(ErrorAt(31, 10, "quota.pools is empty")));
}

TEST(QuotaChecks, AtMost32PoolsAndGroups) {
  std::string pools = "quota:\n  pools:\n";
  for (int i = 1; i <= 33; ++i) pools += StrCat("    - {id: p", i, ", seats: 1}\n");
  EXPECT_THAT(ErrorsOf(pools),
              ElementsAre(AllOf(ErrorAt(63, 7, "quota.pools: 33 pools; at most 32 are allowed"))));
  std::string groups = "quota:\n  seats: 10\n  reserved:\n";
  for (int i = 1; i <= 33; ++i) {
    groups += StrCat("    - {id: g", i, ", when: miskin_ekstrem, share: 0.01}\n");
  }
  EXPECT_THAT(ErrorsOf(groups),
              ElementsAre(ErrorAt(64, 12, "quota: more than 32 reserved groups")));
}

}  // namespace
}  // namespace spec
}  // namespace aturan
