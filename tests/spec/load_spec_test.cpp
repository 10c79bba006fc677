#include "spec/load_spec.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/strings.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {

// Lets gMock print a diagnostic readably.
void PrintTo(const Diagnostic& d, std::ostream* os) { *os << d.ToString(); }

namespace spec {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::UnorderedElementsAre;

struct Loaded {
  std::optional<Spec> spec;
  std::vector<Diagnostic> diagnostics;
};

Loaded Load(std::string_view yaml, const LoadLimits& limits = {}) {
  Loaded out;
  out.spec = LoadSpec(yaml, "rules/test.yaml", &out.diagnostics, limits);
  return out;
}

// A diagnostic at line:column whose message contains `text`.
::testing::Matcher<Diagnostic> ErrorAt(uint32_t line, uint32_t column, std::string text) {
  return AllOf(Field("line", &Diagnostic::line, line), Field("column", &Diagnostic::column, column),
               Field("message", &Diagnostic::message, HasSubstr(text)),
               Field("severity", &Diagnostic::severity, Diagnostic::Severity::kError));
}

::testing::Matcher<Diagnostic> HintHas(std::string text) {
  return Field("hint", &Diagnostic::hint, HasSubstr(text));
}

// `text` with the first occurrence of `from` replaced by `to` (which must be there).
std::string Replace(std::string_view text, std::string_view from, std::string_view to) {
  std::string out(text);
  const size_t at = out.find(from);
  EXPECT_NE(at, std::string::npos) << "no '" << from << "' in the test file";
  if (at != std::string::npos) out.replace(at, from.size(), to);
  return out;
}

void ExpectPosition(SourceRef ref, uint32_t line, uint32_t column) {
  EXPECT_EQ(ref.line, line);
  EXPECT_EQ(ref.column, column);
}

// The example of docs/design-notes.md, made valid: the example shows both `score` and
// `terms` (only one is allowed) and orders by a field it does not declare.
constexpr std::string_view kExample =
    R"(aturan: 1                       # required: format version, integer 1
regulation:                     # required
  id: pekalongan-2023-revisi    # required; letters, digits, - _ .
  title: "Peraturan Wali Kota Pekalongan Nomor 19 Tahun 2023 ..."   # required
  region: "33.75"               # required: Kemendagri code PP or PP.KK (or PP.KK.CC)
  region_name: Kota Pekalongan  # optional
  legal_basis: ["Inpres 2/2021", "Perwal 19/2023"]   # optional: a string or a list of strings
  source: "shared/seeds/000_a1232c976e6cbc33.txt; DOMAIN.md"   # required
  effective: 2023-01-01         # required date (YYYY-MM-DD)
  revises: pekalongan-2022      # optional: id of the regulation this one amends
schema:                         # required mapping: field name -> field (order kept)
  nik:      {type: string, required: true, key: true, description: "Nomor Induk Kependudukan"}
  pekerjaan: {type: code, list: pekerjaan, required: true}
  tulang_punggung: {type: bool, default: false}
  tanggal_lahir: {type: date, required: true}
  # type: bool | int | money | decimal | string | date | code (code needs list:, others must not have it)
lists:                          # optional mapping: list name -> list
  pekerjaan:
    title: "Jenis pekerjaan"    # optional
    items:                      # required, non-empty
      - {code: pengayuh_becak, name: Pengayuh becak, aliases: [tukang becak, becak]}
  pekerjaan_rentan:
    subset_of: pekerjaan        # items are codes of that list (plain scalars)
    items: [pengayuh_becak]
parameters:                     # optional mapping: name -> parameter
  usia_minimum: {type: int, value: 18, reference: "DOMAIN.md [U]", description: "..."}
  batas_penghasilan:
    type: money
    values:                     # date -> value, or date -> {value, reference}
      2022-01-01: 2_000_000
      2023-01-01: {value: 2_500_000, reference: "Perwal 19/2023 Pasal 5"}
eligibility:                    # required, non-empty sequence; all must hold
  - id: pekerjaan_rentan        # required, unique
    when: pekerjaan in pekerjaan_rentan          # required expression (block scalars | and > allowed)
    reason: "Pekerjaan tidak termasuk jenis pekerjaan rentan dalam Perwal."   # required, Indonesian
    reference: "Perwal 19 B/2022 Pasal 3"       # optional
priority:                       # optional
  terms:                        # ... or weighted terms (not both)
    - {id: tulang_punggung, when: tulang_punggung, points: 100}
  order:                        # tie-breaks after score (higher score first); the key field last
    - {field: tanggal_lahir, direction: asc}   # or a plain scalar `nik` (= asc)
    - nik
program:                        # required
  name: Batik Berlian           # optional
  reference_date: 2023-01-01    # required: the date dated values and tanggal_acuan resolve to
  coverage_months: 12           # optional, default 12, 1..120
  premiums:                     # required: component -> per person per month (money)
    jkk: {value: 10000, reference: "PP 44/2015 ..."}
    jkm: 6800
)";

// A small valid file that the error tests change one line at a time. Line numbers:
constexpr std::string_view kBase =
    "aturan: 1\n"                                                    // 1
    "regulation:\n"                                                  // 2
    "  id: contoh-2023\n"                                            // 3
    "  title: Contoh\n"                                              // 4
    "  region: \"33.75\"\n"                                          // 5
    "  source: DOMAIN.md\n"                                          // 6
    "  effective: 2023-01-01\n"                                      // 7
    "schema:\n"                                                      // 8
    "  nik: {type: string, required: true, key: true}\n"             // 9
    "  pekerjaan: {type: code, list: pekerjaan}\n"                   // 10
    "lists:\n"                                                       // 11
    "  pekerjaan:\n"                                                 // 12
    "    items:\n"                                                   // 13
    "      - {code: becak, name: Becak, aliases: [tukang becak]}\n"  // 14
    "      - {code: batik, name: Buruh batik}\n"                     // 15
    "parameters:\n"                                                  // 16
    "  usia_minimum: {type: int, value: 18}\n"                       // 17
    "eligibility:\n"                                                 // 18
    "  - id: r1\n"                                                   // 19
    "    when: pekerjaan == \"becak\"\n"                             // 20
    "    reason: Bukan.\n"                                           // 21
    "priority:\n"                                                    // 22
    "  order: [nik]\n"                                               // 23
    "program:\n"                                                     // 24
    "  reference_date: 2023-01-01\n"                                 // 25
    "  premiums:\n"                                                  // 26
    "    jkm: 6800\n";                                               // 27

// ---------------------------------------------------------------------------------------
// A valid file, field by field.

TEST(LoadSpecValid, DesignNotesExampleLoadsCompletely) {
  const Loaded r = Load(kExample);
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ASSERT_TRUE(r.spec.has_value());
  const Spec& s = *r.spec;
  EXPECT_EQ(s.file, "rules/test.yaml");
  EXPECT_EQ(s.format_version, 1);

  const Regulation& reg = s.regulation;
  EXPECT_EQ(reg.id.text, "pekalongan-2023-revisi");
  ExpectPosition(reg.id.at, 3, 7);
  EXPECT_EQ(reg.title.text, "Peraturan Wali Kota Pekalongan Nomor 19 Tahun 2023 ...");
  ExpectPosition(reg.title.at, 4, 10);
  EXPECT_EQ(reg.region.text, "33.75");
  EXPECT_EQ(reg.region_name.text, "Kota Pekalongan");
  ASSERT_THAT(reg.legal_basis, SizeIs(2));
  EXPECT_EQ(reg.legal_basis[0].text, "Inpres 2/2021");
  ExpectPosition(reg.legal_basis[0].at, 7, 17);
  EXPECT_EQ(reg.legal_basis[1].text, "Perwal 19/2023");
  ExpectPosition(reg.legal_basis[1].at, 7, 34);
  EXPECT_EQ(reg.source.text, "shared/seeds/000_a1232c976e6cbc33.txt; DOMAIN.md");
  EXPECT_EQ(reg.effective, absl::CivilDay(2023, 1, 1));
  ExpectPosition(reg.effective_at, 9, 14);
  EXPECT_EQ(reg.revises.text, "pekalongan-2022");
  ExpectPosition(reg.at, 2, 1);

  ASSERT_THAT(s.schema, SizeIs(4));
  const spec::Field& nik = s.schema[0];
  EXPECT_EQ(nik.name.text, "nik");
  ExpectPosition(nik.name.at, 12, 3);
  EXPECT_EQ(nik.type, Type::kString);
  ExpectPosition(nik.type_at, 12, 20);
  EXPECT_TRUE(nik.required);
  EXPECT_TRUE(nik.key);
  EXPECT_EQ(nik.description, "Nomor Induk Kependudukan");
  EXPECT_FALSE(nik.default_value.has_value());
  EXPECT_TRUE(nik.list.text.empty());
  const spec::Field& pekerjaan = s.schema[1];
  EXPECT_EQ(pekerjaan.name.text, "pekerjaan");
  EXPECT_EQ(pekerjaan.type, Type::kCode);
  EXPECT_EQ(pekerjaan.list.text, "pekerjaan");
  ExpectPosition(pekerjaan.list.at, 13, 33);
  EXPECT_TRUE(pekerjaan.required);
  EXPECT_FALSE(pekerjaan.key);
  const spec::Field& tulang = s.schema[2];
  EXPECT_EQ(tulang.name.text, "tulang_punggung");
  EXPECT_EQ(tulang.type, Type::kBool);
  EXPECT_FALSE(tulang.required);
  ASSERT_TRUE(tulang.default_value.has_value());
  EXPECT_EQ(tulang.default_value->text, "false");
  ExpectPosition(tulang.default_value->at, 14, 42);
  ExpectPosition(tulang.default_value->At(4), 14, 46);
  EXPECT_EQ(s.schema[3].name.text, "tanggal_lahir");
  EXPECT_EQ(s.schema[3].type, Type::kDate);

  ASSERT_THAT(s.lists, SizeIs(2));
  const List& jobs = s.lists[0];
  EXPECT_EQ(jobs.name.text, "pekerjaan");
  ExpectPosition(jobs.at, 18, 3);
  EXPECT_EQ(jobs.title, "Jenis pekerjaan");
  EXPECT_TRUE(jobs.subset_of.text.empty());
  ASSERT_THAT(jobs.items, SizeIs(1));
  EXPECT_EQ(jobs.items[0].code.text, "pengayuh_becak");
  ExpectPosition(jobs.items[0].code.at, 21, 16);
  EXPECT_EQ(jobs.items[0].name, "Pengayuh becak");
  ASSERT_THAT(jobs.items[0].aliases, SizeIs(2));
  EXPECT_EQ(jobs.items[0].aliases[0].text, "tukang becak");
  ExpectPosition(jobs.items[0].aliases[0].at, 21, 64);
  EXPECT_EQ(jobs.items[0].aliases[1].text, "becak");
  const List& rentan = s.lists[1];
  EXPECT_EQ(rentan.name.text, "pekerjaan_rentan");
  EXPECT_EQ(rentan.subset_of.text, "pekerjaan");
  ExpectPosition(rentan.subset_of.at, 23, 16);
  ASSERT_THAT(rentan.items, SizeIs(1));
  EXPECT_EQ(rentan.items[0].code.text, "pengayuh_becak");
  ExpectPosition(rentan.items[0].code.at, 24, 13);
  EXPECT_TRUE(rentan.items[0].name.empty());

  ASSERT_THAT(s.parameters, SizeIs(2));
  const Parameter& usia = s.parameters[0];
  EXPECT_EQ(usia.name.text, "usia_minimum");
  EXPECT_EQ(usia.type, Type::kInt);
  EXPECT_EQ(usia.reference, "DOMAIN.md [U]");
  EXPECT_EQ(usia.description, "...");
  ASSERT_THAT(usia.values, SizeIs(1));
  EXPECT_FALSE(usia.values[0].from.has_value());
  EXPECT_EQ(usia.values[0].value.text, "18");
  ExpectPosition(usia.values[0].value.At(1), 26, 37);
  ExpectPosition(usia.values[0].at, 26, 36);
  const Parameter& batas = s.parameters[1];
  EXPECT_EQ(batas.type, Type::kMoney);
  ExpectPosition(batas.type_at, 28, 11);
  EXPECT_TRUE(batas.reference.empty());
  ASSERT_THAT(batas.values, SizeIs(2));
  EXPECT_EQ(batas.values[0].from, absl::CivilDay(2022, 1, 1));
  EXPECT_EQ(batas.values[0].value.text, "2_000_000");
  EXPECT_TRUE(batas.values[0].reference.empty());
  ExpectPosition(batas.values[0].at, 30, 7);
  EXPECT_EQ(batas.values[1].from, absl::CivilDay(2023, 1, 1));
  EXPECT_EQ(batas.values[1].value.text, "2_500_000");
  ExpectPosition(batas.values[1].value.at, 31, 27);
  EXPECT_EQ(batas.values[1].reference, "Perwal 19/2023 Pasal 5");

  ASSERT_THAT(s.eligibility, SizeIs(1));
  const Rule& rule = s.eligibility[0];
  EXPECT_EQ(rule.id.text, "pekerjaan_rentan");
  ExpectPosition(rule.id.at, 33, 9);
  ExpectPosition(rule.at, 33, 5);
  EXPECT_EQ(rule.when.text, "pekerjaan in pekerjaan_rentan");
  ExpectPosition(rule.when.at, 34, 11);
  ASSERT_THAT(rule.when.positions, SizeIs(rule.when.text.size() + 1));
  ExpectPosition(rule.when.At(13), 34, 24);  // "pekerjaan_rentan"
  ExpectPosition(rule.when.At(rule.when.text.size()), 34, 40);
  EXPECT_EQ(rule.reason, "Pekerjaan tidak termasuk jenis pekerjaan rentan dalam Perwal.");
  EXPECT_EQ(rule.reference, "Perwal 19 B/2022 Pasal 3");

  const Priority& p = s.priority;
  ExpectPosition(p.at, 37, 1);
  EXPECT_FALSE(p.score.has_value());
  ASSERT_THAT(p.terms, SizeIs(1));
  EXPECT_EQ(p.terms[0].id.text, "tulang_punggung");
  EXPECT_EQ(p.terms[0].when.text, "tulang_punggung");
  ExpectPosition(p.terms[0].when.at, 39, 35);
  EXPECT_EQ(p.terms[0].points.text, "100");
  ExpectPosition(p.terms[0].points.At(2), 39, 62);
  ExpectPosition(p.terms[0].at, 39, 7);
  ASSERT_THAT(p.order, SizeIs(2));
  EXPECT_EQ(p.order[0].field.text, "tanggal_lahir");
  EXPECT_FALSE(p.order[0].descending);
  ExpectPosition(p.order[0].at, 41, 7);
  EXPECT_EQ(p.order[1].field.text, "nik");
  EXPECT_FALSE(p.order[1].descending);
  ExpectPosition(p.order[1].field.at, 42, 7);

  const Program& prog = s.program;
  EXPECT_EQ(prog.name.text, "Batik Berlian");
  EXPECT_EQ(prog.reference_date, absl::CivilDay(2023, 1, 1));
  ExpectPosition(prog.reference_date_at, 45, 19);
  EXPECT_EQ(prog.coverage_months, 12);
  ExpectPosition(prog.coverage_months_at, 46, 20);
  ASSERT_THAT(prog.premiums, SizeIs(2));
  EXPECT_EQ(prog.premiums[0].name.text, "jkk");
  EXPECT_EQ(prog.premiums[0].reference, "PP 44/2015 ...");
  ASSERT_THAT(prog.premiums[0].values, SizeIs(1));
  EXPECT_FALSE(prog.premiums[0].values[0].from.has_value());
  EXPECT_EQ(prog.premiums[0].values[0].value.text, "10000");
  ExpectPosition(prog.premiums[0].values[0].value.at, 48, 18);
  EXPECT_EQ(prog.premiums[1].name.text, "jkm");
  ASSERT_THAT(prog.premiums[1].values, SizeIs(1));
  EXPECT_EQ(prog.premiums[1].values[0].value.text, "6800");
  ExpectPosition(prog.premiums[1].values[0].value.at, 49, 10);
}

TEST(LoadSpecValid, BaseFileHasNoErrors) {
  const Loaded r = Load(kBase);
  EXPECT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ASSERT_TRUE(r.spec.has_value());
  EXPECT_EQ(r.spec->program.coverage_months, 12);  // the default
}

TEST(LoadSpecValid, RealRuleFilesLoadWithoutErrors) {
  for (const char* name : {"rules/pekalongan-2022.yaml", "rules/pekalongan-2023-revisi.yaml"}) {
    const std::string path = std::string(ATURAN_SOURCE_DIR) + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    std::string text;
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
    std::fclose(f);
    const Loaded r = Load(text);
    EXPECT_THAT(r.diagnostics, IsEmpty()) << name << "\n" << FormatDiagnostics(r.diagnostics);
    ASSERT_TRUE(r.spec.has_value()) << name;
    EXPECT_GT(r.spec->eligibility.size(), 3u) << name;
  }
}

TEST(LoadSpecValid, DatedValuesAreSortedAndPremiumFormsAccepted) {
  const std::string yaml =
      Replace(Replace(kBase, "  usia_minimum: {type: int, value: 18}\n",
                      "  umk:\n"
                      "    values:\n"
                      "      2024-01-01: {value: 2_389_801, reference: SK 2023}\n"
                      "      2022-01-01: 2_000_000\n"
                      "      2023-01-01: 2_305_823\n"),
              "    jkm: 6800\n",
              "    jkm: {value: 6800, reference: PP 44/2015}\n"
              "    jkk:\n"
              "      reference: PP 44/2015 Lampiran II\n"
              "      values: {2026-01-01: 5000, 2015-07-01: 10000}\n");
  const Loaded r = Load(yaml);
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const Parameter& umk = r.spec->parameters[0];
  EXPECT_FALSE(umk.type.has_value());  // type is optional
  ASSERT_THAT(umk.values, SizeIs(3));
  EXPECT_EQ(umk.values[0].from, absl::CivilDay(2022, 1, 1));
  EXPECT_EQ(umk.values[0].value.text, "2_000_000");
  ExpectPosition(umk.values[0].at, 20, 7);
  EXPECT_EQ(umk.values[1].from, absl::CivilDay(2023, 1, 1));
  EXPECT_EQ(umk.values[2].from, absl::CivilDay(2024, 1, 1));
  EXPECT_EQ(umk.values[2].reference, "SK 2023");
  const std::vector<Premium>& premiums = r.spec->program.premiums;
  ASSERT_THAT(premiums, SizeIs(2));
  EXPECT_EQ(premiums[0].reference, "PP 44/2015");
  EXPECT_EQ(premiums[0].values[0].value.text, "6800");
  EXPECT_EQ(premiums[1].name.text, "jkk");
  EXPECT_EQ(premiums[1].reference, "PP 44/2015 Lampiran II");
  ASSERT_THAT(premiums[1].values, SizeIs(2));
  EXPECT_EQ(premiums[1].values[0].from, absl::CivilDay(2015, 7, 1));
  EXPECT_EQ(premiums[1].values[0].value.text, "10000");
  EXPECT_EQ(premiums[1].values[1].from, absl::CivilDay(2026, 1, 1));
}

TEST(LoadSpecValid, LegalBasisMayBeOneText) {
  const Loaded r = Load(Replace(kBase, "  source: DOMAIN.md\n",
                                "  source: DOMAIN.md\n  legal_basis: Perwal 19/2023\n"));
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ASSERT_THAT(r.spec->regulation.legal_basis, SizeIs(1));
  EXPECT_EQ(r.spec->regulation.legal_basis[0].text, "Perwal 19/2023");
  ExpectPosition(r.spec->regulation.legal_basis[0].at, 7, 16);
}

TEST(LoadSpecValid, OrderItemsPlainOrWithDirection) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n",
                                "  score: \"0\"\n"
                                "  order:\n"
                                "    - {field: pekerjaan, direction: desc}\n"
                                "    - {field: nik}\n"));
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const Priority& p = r.spec->priority;
  ASSERT_TRUE(p.score.has_value());
  EXPECT_EQ(p.score->text, "0");
  ASSERT_THAT(p.order, SizeIs(2));
  EXPECT_EQ(p.order[0].field.text, "pekerjaan");
  EXPECT_TRUE(p.order[0].descending);
  EXPECT_EQ(p.order[1].field.text, "nik");
  EXPECT_FALSE(p.order[1].descending);
}

TEST(LoadSpecValid, ListMayShareItsNameWithAFieldAndAliasMayRepeatOwnCode) {
  // kBase already has field and list `pekerjaan`; an alias may repeat its own code.
  const Loaded r =
      Load(Replace(kBase, "aliases: [tukang becak]", "aliases: [tukang becak, Becak]"));
  EXPECT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
}

TEST(LoadSpecValid, ByteOrderMarkIsSkippedWithoutShiftingColumns) {
  const Loaded r = Load("\xEF\xBB\xBF" + std::string(kBase));
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ExpectPosition(r.spec->regulation.id.at, 3, 7);
}

TEST(LoadSpecValid, WindowsLineEndings) {
  std::string crlf;
  for (char c : kBase) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const Loaded r = Load(crlf);
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  ExpectPosition(r.spec->eligibility[0].when.At(13), 20, 24);  // the opening quote of "becak"
}

// ---------------------------------------------------------------------------------------
// Structure: missing, unknown and duplicate keys, kinds of value.

TEST(LoadSpecStructure, MissingRequiredKeyAtParent) {
  const Loaded r = Load(Replace(kBase, "  effective: 2023-01-01\n", ""));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(2, 1, "regulation: missing required key 'effective'"),
                                HintHas("add 'effective:'"))));
  EXPECT_TRUE(r.spec.has_value());
}

TEST(LoadSpecStructure, MissingRequiredTopLevelKey) {
  const std::string yaml(kBase.substr(0, kBase.find("program:")));
  const Loaded r = Load(yaml);
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(1, 1, "missing required top-level key 'program'")));
}

TEST(LoadSpecStructure, MissingKeyInSequenceItem) {
  const Loaded r = Load(Replace(kBase, "    reason: Bukan.\n", ""));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(19, 5, "eligibility[1]: missing required key 'reason'")));
}

TEST(LoadSpecStructure, UnknownKeyWithDidYouMean) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  tittle: Contoh\n"));
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(
                  AllOf(ErrorAt(4, 3, "unknown key 'tittle' in regulation"),
                        HintHas("did you mean 'title'?"),
                        HintHas("allowed keys: id, title, region, region_name, legal_basis")),
                  ErrorAt(2, 1, "regulation: missing required key 'title'")));
}

TEST(LoadSpecStructure, UnknownKeyDeepInside) {
  const Loaded r =
      Load(Replace(kBase, "{type: int, value: 18}", "{type: int, value: 18, refrence: x}"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(17, 40, "unknown key 'refrence' in parameters.usia_minimum"),
                        HintHas("did you mean 'reference'?"))));
}

TEST(LoadSpecStructure, MisspeltQuotaSuggestsQuota) {
  for (std::string_view key : {"quotas", "kuota"}) {
    const Loaded r = Load(StrCat(kBase, key, ": {seats: 100}\n"));
    EXPECT_THAT(r.diagnostics,
                ElementsAre(AllOf(ErrorAt(28, 1, StrCat("unknown top-level key '", key, "'")),
                                  HintHas("did you mean 'quota'?"),
                                  HintHas("allowed top-level keys: aturan, regulation, schema"))));
  }
}

TEST(LoadSpecStructure, UnknownTopLevelKeyMisspelt) {
  const Loaded r = Load(Replace(kBase, "eligibility:", "eligibilty:"));
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(AllOf(ErrorAt(18, 1, "unknown top-level key 'eligibilty'"),
                                         HintHas("did you mean 'eligibility'?")),
                                   ErrorAt(1, 1, "missing required top-level key 'eligibility'")));
}

TEST(LoadSpecStructure, MergeKeyGetsAHint) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title: Contoh\n  <<: {a: 1}\n"));
  EXPECT_THAT(r.diagnostics, ElementsAre(AllOf(ErrorAt(5, 3, "unknown key '<<' in regulation"),
                                               HintHas("merge keys"))));
}

TEST(LoadSpecStructure, MappingWhereTextExpected) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title: {a: 1}\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(4, 10, "regulation.title: expected text, got a mapping")));
}

TEST(LoadSpecStructure, EmptyValueReportedAtItsKey) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title:\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(4, 3, "regulation.title: expected text, got nothing")));
}

TEST(LoadSpecStructure, EmptyTextIsAnError) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title: \"\"\n"));
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(4, 10, "regulation.title is empty")));
}

TEST(LoadSpecStructure, TextWhereMappingExpected) {
  std::string yaml = Replace(kBase, "regulation:\n", "regulation: pekalongan\n");
  for (const char* line : {"  id: contoh-2023\n", "  title: Contoh\n", "  region: \"33.75\"\n",
                           "  source: DOMAIN.md\n", "  effective: 2023-01-01\n"}) {
    yaml = Replace(yaml, line, "");
  }
  const Loaded r = Load(yaml);
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(2, 13, "regulation: expected a mapping, got text 'pekalongan'"),
                        HintHas("allowed keys: id, title"))));
}

TEST(LoadSpecStructure, ListWhereMappingExpected) {
  const Loaded r = Load(
      Replace(kBase, "  nik: {type: string, required: true, key: true}\n", "  nik: [string]\n"));
  EXPECT_THAT(r.diagnostics, Contains(ErrorAt(9, 8, "schema.nik: expected a mapping, got a list")));
}

TEST(LoadSpecStructure, MappingWhereListExpected) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n", "  order: {nik: asc}\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(23, 10, "priority.order: expected a list of fields, got a mapping")));
}

TEST(LoadSpecStructure, ExpressionWrittenAsFlowCollection) {
  const Loaded r = Load(Replace(kBase, "    when: pekerjaan == \"becak\"\n", "    when: [a, b]\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(20, 11, "eligibility[1].when: expected an expression, got a list"),
                        HintHas("quote it"))));
}

TEST(LoadSpecStructure, BlankExpression) {
  const Loaded r = Load(Replace(kBase, "    when: pekerjaan == \"becak\"\n", "    when: \"  \"\n"));
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(20, 11, "eligibility[1].when is empty")));
}

TEST(LoadSpecStructure, KeyThatIsNotText) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title: Contoh\n  [a, b]: c\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(5, 3, "regulation: expected text as a key, got a list")));
}

TEST(LoadSpecStructure, DuplicateKeyNamesFirstLine) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh\n", "  title: Contoh\n  title: Lagi\n"));
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(5, 3, "duplicate key 'title' (first on line 4)")));
  EXPECT_EQ(r.spec->regulation.title.text, "Contoh");  // the first one is kept
}

TEST(LoadSpecStructure, DuplicateKeyInFlowMapping) {
  const Loaded r =
      Load(Replace(kBase, "{type: int, value: 18}", "{type: int, value: 18, type: int}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(17, 40, "duplicate key 'type' (first on line 17)")));
}

TEST(LoadSpecStructure, DuplicateTopLevelSection) {
  const Loaded r = Load(std::string(kBase) + "lists:\n  x: {items: [a]}\n");
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(28, 1, "duplicate key 'lists' (first on line 11)")));
}

TEST(LoadSpecStructure, DuplicateKeyInsideUnknownKeyIsStillFound) {
  const Loaded r = Load(std::string(kBase) + "x-notes:\n  a: 1\n  a: 2\n");
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(ErrorAt(30, 3, "duplicate key 'a' (first on line 29)"),
                                   ErrorAt(28, 1, "unknown top-level key 'x-notes'")));
}

TEST(LoadSpecStructure, DuplicateDateInValues) {
  const Loaded r = Load(Replace(kBase, "  usia_minimum: {type: int, value: 18}\n",
                                "  umk:\n"
                                "    values:\n"
                                "      2023-01-01: 1\n"
                                "      '2023-01-01': 2\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(20, 7, "duplicate key '2023-01-01' (first on line 19)")));
  ASSERT_THAT(r.spec->parameters[0].values, SizeIs(1));
}

// ---------------------------------------------------------------------------------------
// Scalars of the wrong form.

TEST(LoadSpecScalars, UnknownTypeWithSuggestion) {
  const Loaded r = Load(Replace(kBase, "{type: string, required", "{type: strnig, required"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(9, 15, "schema.nik.type: unknown type 'strnig'"),
                                HintHas("did you mean 'string'?"),
                                HintHas("types: bool, int, money, decimal, string, date, code"))));
}

TEST(LoadSpecScalars, BoolMustBeTrueOrFalse) {
  const Loaded r = Load(Replace(kBase, "required: true, key", "required: maybe, key"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(9, 33, "schema.nik.required: expected true or false, got text 'maybe'")));
}

TEST(LoadSpecScalars, ImpossibleDate) {
  const Loaded r = Load(Replace(kBase, "  effective: 2023-01-01", "  effective: 2023-02-30"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(7, 14, "regulation.effective: '2023-02-30' is not a valid date"),
                        HintHas("does not exist"))));
  EXPECT_FALSE(r.spec->regulation.effective.has_value());
}

TEST(LoadSpecScalars, DateInAnotherFormat) {
  const Loaded r =
      Load(Replace(kBase, "  reference_date: 2023-01-01", "  reference_date: 01/01/2023"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(25, 19, "program.reference_date: '01/01/2023' is not a valid date"),
                        HintHas("YYYY-MM-DD"))));
}

TEST(LoadSpecScalars, BadDateAsValuesKey) {
  const Loaded r =
      Load(Replace(kBase, "{type: int, value: 18}", "{type: int, values: {2023-13-01: 18}}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  17, 38, "parameters.usia_minimum.values: '2023-13-01' is not a valid date")));
}

TEST(LoadSpecScalars, UnsupportedFormatVersionStops) {
  const Loaded r = Load(Replace(kBase, "aturan: 1", "aturan: 2"));
  EXPECT_THAT(r.diagnostics, ElementsAre(AllOf(ErrorAt(1, 9, "unsupported format version '2'"),
                                               HintHas("reads format 1"))));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecScalars, FormatVersionNotANumber) {
  const Loaded r = Load(Replace(kBase, "aturan: 1", "aturan: satu"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(1, 9, "aturan: expected the format version 1, got text 'satu'"),
                        HintHas("aturan: 1"))));
}

TEST(LoadSpecScalars, CoverageMonthsOutOfRange) {
  const Loaded r = Load(Replace(kBase, "  premiums:\n", "  coverage_months: 121\n  premiums:\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(26, 20, "program.coverage_months: 121 is out of range"),
                                HintHas("from 1 to 120"))));
}

TEST(LoadSpecScalars, CoverageMonthsNotANumber) {
  const Loaded r =
      Load(Replace(kBase, "  premiums:\n", "  coverage_months: setahun\n  premiums:\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  26, 20, "program.coverage_months: expected a whole number, got text 'setahun'")));
}

TEST(LoadSpecScalars, UnknownDirection) {
  const Loaded r =
      Load(Replace(kBase, "  order: [nik]\n", "  order: [{field: nik, direction: dsc}]\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(23, 35, "priority.order[1].direction: unknown direction 'dsc'"),
                        HintHas("did you mean 'desc'?"))));
}

TEST(LoadSpecScalars, InvalidRegulationIdAndRegion) {
  const Loaded r = Load(Replace(Replace(kBase, "  id: contoh-2023", "  id: contoh 2023"),
                                "  region: \"33.75\"", "  region: 3375"));
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(
                  ErrorAt(3, 7, "regulation.id 'contoh 2023' may use only letters, digits"),
                  AllOf(ErrorAt(5, 11, "regulation.region: '3375' is not a Kemendagri region code"),
                        HintHas("PP.KK"))));
}

// ---------------------------------------------------------------------------------------
// Rules between keys and across sections.

TEST(LoadSpecRules, ValueAndValuesBoth) {
  const Loaded r = Load(
      Replace(kBase, "{type: int, value: 18}", "{type: int, value: 18, values: {2023-01-01: 1}}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  17, 40, "parameters.usia_minimum: give either 'value' or 'values', not both")));
}

TEST(LoadSpecRules, NeitherValueNorValues) {
  const Loaded r = Load(Replace(kBase, "{type: int, value: 18}", "{type: int}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(17, 3, "parameters.usia_minimum: missing 'value' or 'values'")));
}

TEST(LoadSpecRules, ParameterCannotBeCode) {
  const Loaded r = Load(Replace(kBase, "{type: int, value: 18}", "{type: code, value: becak}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  17, 24, "parameters.usia_minimum.type: a parameter cannot be of type code")));
}

TEST(LoadSpecRules, ScoreAndTermsBoth) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n",
                                "  score: \"1\"\n  terms: [{id: a, when: \"true\", points: 1}]\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(24, 3, "priority: give either 'score' or 'terms', not both")));
}

TEST(LoadSpecRules, CodeFieldNamingNoList) {
  const Loaded r = Load(Replace(kBase, "list: pekerjaan}", "list: pekerjan}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(10, 33, "schema.pekerjaan.list: no list named 'pekerjan'"),
                                HintHas("did you mean 'pekerjaan'?"))));
}

TEST(LoadSpecRules, CodeFieldWithoutList) {
  const Loaded r = Load(Replace(kBase, "{type: code, list: pekerjaan}", "{type: code}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(10, 3, "schema.pekerjaan: a code field needs 'list:'"),
                                HintHas("list: pekerjaan"))));
}

TEST(LoadSpecRules, ListOnNonCodeField) {
  const Loaded r = Load(Replace(kBase, "{type: string, required: true, key: true}",
                                "{type: string, list: pekerjaan, required: true, key: true}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(9, 23, "schema.nik.list: only a code field has a list")));
}

TEST(LoadSpecRules, DefaultWithRequired) {
  const Loaded r = Load(
      Replace(kBase, "required: true, key: true}", "required: true, key: true, default: \"x\"}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(
                  ErrorAt(9, 50, "schema.nik.default: a required field cannot have a default"),
                  HintHas("remove"))));
}

TEST(LoadSpecRules, MoreThanOneKeyField) {
  const Loaded r = Load(
      Replace(kBase, "{type: code, list: pekerjaan}", "{type: code, list: pekerjaan, key: true}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  10, 49, "schema.pekerjaan.key: 'nik' (line 9) is already the key field")));
}

TEST(LoadSpecRules, OrderMustEndWithKeyField) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n", "  order: [nik, pekerjaan]\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(23, 16, "priority.order must end with the key field 'nik'"),
                                HintHas("move 'nik' to the end"))));
}

TEST(LoadSpecRules, OrderWithoutKeyField) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n", "  order: [pekerjaan]\n"));
  EXPECT_THAT(r.diagnostics, ElementsAre(AllOf(ErrorAt(23, 11, "must end with the key field 'nik'"),
                                               HintHas("add '- nik' as the last item"))));
}

TEST(LoadSpecRules, OrderNamingNoField) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n", "  order: [{field: pekerjan}, nik]\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(23, 19, "priority.order: no schema field named 'pekerjan'"),
                                HintHas("did you mean 'pekerjaan'?"))));
}

TEST(LoadSpecRules, OrderFieldTwice) {
  const Loaded r =
      Load(Replace(kBase, "  order: [nik]\n", "  order: [pekerjaan, pekerjaan, nik]\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  23, 22, "priority.order: 'pekerjaan' is listed twice (first on line 23)")));
}

TEST(LoadSpecRules, DuplicateRuleIdIgnoringCase) {
  const Loaded r = Load(
      Replace(kBase, "priority:\n", "  - {id: R1, when: \"true\", reason: Lagi.}\npriority:\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(22, 10, "eligibility: duplicate rule id 'R1' (first on line 19)")));
}

TEST(LoadSpecRules, DuplicateTermId) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n",
                                "  terms:\n"
                                "    - {id: t, when: \"true\", points: 1}\n"
                                "    - {id: T, when: \"false\", points: 2}\n"
                                "  order: [nik]\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(25, 12, "priority.terms: duplicate term id 'T' (first on line 24)")));
}

TEST(LoadSpecRules, InvalidRuleId) {
  const Loaded r = Load(Replace(kBase, "  - id: r1\n", "  - id: r 1\n"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(19, 9, "eligibility: rule id 'r 1' may use only letters, digits")));
}

TEST(LoadSpecRules, DuplicateCodeIgnoringCase) {
  const Loaded r = Load(Replace(kBase, "{code: batik,", "{code: Becak,"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(
                  15, 16, "code 'Becak' repeats code 'becak' (line 14) of list 'pekerjaan'")));
}

TEST(LoadSpecRules, AliasEqualToAnotherItemsCode) {
  const Loaded r =
      Load(Replace(kBase, "name: Buruh batik}", "name: Buruh batik, aliases: [pembatik, BECAK]}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(15, 62, "alias 'BECAK' repeats code 'becak' (line 14)"),
                                HintHas("ignoring letter case"))));
}

TEST(LoadSpecRules, DuplicateAliasAcrossItems) {
  const Loaded r =
      Load(Replace(kBase, "name: Buruh batik}", "name: Buruh batik, aliases: [Tukang Becak]}"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(15, 52, "alias 'Tukang Becak' repeats alias 'tukang becak' (line 14)")));
}

TEST(LoadSpecRules, ListItemNeedsCodeAndName) {
  const Loaded r = Load(Replace(kBase, "      - {code: batik, name: Buruh batik}\n",
                                "      - {code: batik}\n      - batik2\n"));
  EXPECT_THAT(
      r.diagnostics,
      UnorderedElementsAre(
          ErrorAt(15, 9, "lists.pekerjaan.items[2]: missing required key 'name'"),
          AllOf(ErrorAt(16, 9, "lists.pekerjaan.items[3]: expected an item {code: ..., name: ...}"),
                HintHas("subset_of"))));
}

TEST(LoadSpecRules, EmptyItemsAndEligibility) {
  std::string yaml = Replace(kBase, "  pekerjaan:\n    items:\n", "  pekerjaan:\n    items: []\n");
  yaml = Replace(yaml, "      - {code: becak, name: Becak, aliases: [tukang becak]}\n", "");
  yaml = Replace(yaml, "      - {code: batik, name: Buruh batik}\n", "");
  yaml = Replace(yaml,
                 "eligibility:\n  - id: r1\n    when: pekerjaan == \"becak\"\n    reason: Bukan.\n",
                 "eligibility: []\n");
  const Loaded r = Load(yaml);
  EXPECT_THAT(r.diagnostics, UnorderedElementsAre(ErrorAt(13, 12, "lists.pekerjaan.items is empty"),
                                                  ErrorAt(16, 14, "eligibility is empty")));
}

TEST(LoadSpecRules, SubsetItemsMustBeCodesOfTheParent) {
  const Loaded r = Load(Replace(kBase, "parameters:\n",
                                "  rentan:\n"
                                "    subset_of: pekerjaan\n"
                                "    items: [becak, tukang becak, btik, {code: batik}]\n"
                                "parameters:\n"));
  EXPECT_THAT(
      r.diagnostics,
      UnorderedElementsAre(
          AllOf(ErrorAt(18, 20, "lists.rentan: 'tukang becak' is not a code of list 'pekerjaan'"),
                HintHas("stands for code 'becak'; write the code")),
          AllOf(ErrorAt(18, 34, "lists.rentan: 'btik' is not a code of list 'pekerjaan'"),
                HintHas("did you mean 'batik'?")),
          AllOf(
              ErrorAt(18, 40,
                      "lists.rentan.items[4]: expected a code of list 'pekerjaan', got a mapping"),
              HintHas("codes only"))));
}

TEST(LoadSpecRules, SubsetOfUnknownSelfOrSubsetList) {
  const Loaded r = Load(Replace(kBase, "parameters:\n",
                                "  a: {subset_of: pekrjaan, items: [x]}\n"
                                "  b: {subset_of: b, items: [x]}\n"
                                "  c: {subset_of: pekerjaan, items: [becak]}\n"
                                "  d: {subset_of: c, items: [becak]}\n"
                                "parameters:\n"));
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(
                  AllOf(ErrorAt(16, 18, "lists.a.subset_of: no list named 'pekrjaan'"),
                        HintHas("did you mean 'pekerjaan'?")),
                  ErrorAt(17, 18, "lists.b.subset_of: a list cannot be a subset of itself"),
                  AllOf(ErrorAt(19, 18, "lists.d.subset_of: 'c' is itself a subset list"),
                        HintHas("'pekerjaan'"))));
}

TEST(LoadSpecRules, FieldAndParameterShareNames) {
  const Loaded r = Load(Replace(kBase, "  usia_minimum:", "  nik:"));
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(17, 3, "'nik' is both a parameter and a schema field (line 9)"),
                        HintHas("rename one"))));
}

TEST(LoadSpecRules, ReservedAndInvalidNames) {
  std::string yaml = Replace(kBase, "  usia_minimum:", "  tanggal_acuan:");
  yaml = Replace(yaml, "  pekerjaan: {type: code",
                 "  Pekerjaan Utama: {type: string}\n  if: {type: code");
  const Loaded r = Load(yaml);
  EXPECT_THAT(
      r.diagnostics,
      UnorderedElementsAre(
          ErrorAt(10, 3, "schema: 'Pekerjaan Utama' is not a valid name"),
          ErrorAt(11, 3, "schema: 'if' is a reserved word"),
          ErrorAt(18, 3, "parameters: 'tanggal_acuan' is reserved for program.reference_date")));
}

TEST(LoadSpecRules, ManyErrorsAreAllReported) {
  std::string yaml = Replace(kBase, "  title: Contoh\n", "  tittle: Contoh\n");         // 2 errors
  yaml = Replace(yaml, "{type: string, required", "{type: strnig, required");           // line 9
  yaml = Replace(yaml, "list: pekerjaan}", "list: pekerjan}");                          // line 10
  yaml = Replace(yaml, "{type: int, value: 18}", "{type: int, value: 18, value: 19}");  // line 17
  yaml = Replace(yaml, "    reason: Bukan.\n", "    reason: Bukan.\n    refrence: x\n");  // line 22
  yaml = Replace(yaml, "  reference_date: 2023-01-01", "  reference_date: 2023-02-29");   // line 26
  yaml += "quotas: 5\n";                                                                  // line 29
  const Loaded r = Load(yaml);
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(ErrorAt(4, 3, "unknown key 'tittle'"),
                                   ErrorAt(2, 1, "missing required key 'title'"),
                                   ErrorAt(9, 15, "unknown type 'strnig'"),
                                   ErrorAt(10, 33, "no list named 'pekerjan'"),
                                   ErrorAt(17, 40, "duplicate key 'value' (first on line 17)"),
                                   ErrorAt(22, 5, "unknown key 'refrence' in eligibility[1]"),
                                   ErrorAt(26, 19, "'2023-02-29' is not a valid date"),
                                   ErrorAt(29, 1, "unknown top-level key 'quotas'")));
  for (const Diagnostic& d : r.diagnostics) EXPECT_EQ(d.file, "rules/test.yaml");
  EXPECT_TRUE(r.spec.has_value());
}

// ---------------------------------------------------------------------------------------
// schema headers: other column names of a field.

constexpr std::string_view kPekerjaanLine = "  pekerjaan: {type: code, list: pekerjaan}\n";

// kBase with `headers` (a YAML value) on the pekerjaan field, line 10, from column 53.
Loaded LoadWithJobHeaders(std::string_view headers) {
  return Load(Replace(kBase, kPekerjaanLine,
                      StrCat("  pekerjaan: {type: code, list: pekerjaan, headers: ", headers,
                             "}\n")));
}

TEST(LoadSpecHeaders, KeptInFileOrderAsWritten) {
  // Spellings that normalize alike, and the field's own name, are accepted.
  const Loaded r =
      LoadWithJobHeaders("[jenis_pekerjaan, \"Jenis Pekerjaan\", PEKERJAAN, pekerjaan utama]");
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const std::vector<LocatedText>& headers = r.spec->schema[1].headers;
  ASSERT_THAT(headers, SizeIs(4));
  EXPECT_EQ(headers[0].text, "jenis_pekerjaan");
  ExpectPosition(headers[0].at, 10, 54);
  EXPECT_EQ(headers[1].text, "Jenis Pekerjaan");
  ExpectPosition(headers[1].at, 10, 71);
  EXPECT_EQ(headers[2].text, "PEKERJAAN");
  EXPECT_EQ(headers[3].text, "pekerjaan utama");
  EXPECT_THAT(r.spec->schema[0].headers, IsEmpty());
}

TEST(LoadSpecHeaders, MustBeAList) {
  const Loaded r = LoadWithJobHeaders("jenis_pekerjaan");
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(10, 53,
                                        "schema.pekerjaan.headers: expected a list of column "
                                        "names, got text 'jenis_pekerjaan'"),
                                HintHas("[jenis_pekerjaan]"))));
  const Loaded mapping = LoadWithJobHeaders("{a: b}");
  EXPECT_THAT(mapping.diagnostics,
              ElementsAre(ErrorAt(10, 53, "schema.pekerjaan.headers: expected a list of column "
                                          "names, e.g. [tgl_lahir, \"tanggal lahir\"], got a "
                                          "mapping")));
}

TEST(LoadSpecHeaders, ItemsMustBeText) {
  const Loaded r = LoadWithJobHeaders("[kerja, {a: b}, [c], ~]");
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(
          ErrorAt(10, 61, "schema.pekerjaan.headers[2]: expected a column name (text), got a mapping"),
          ErrorAt(10, 69, "schema.pekerjaan.headers[3]: expected a column name (text), got a list"),
          ErrorAt(10, 74, "schema.pekerjaan.headers[4]: expected a column name (text), got nothing")));
}

TEST(LoadSpecHeaders, EmptyColumnNames) {
  const Loaded r = LoadWithJobHeaders("[\"\", kerja, \" - \"]");
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(10, 54, "schema.pekerjaan.headers[1] is empty"),
                                HintHas("letters or digits")),
                          ErrorAt(10, 65, "schema.pekerjaan.headers[3]: ' - ' is empty as a "
                                          "column name")));
  // Only the valid header is kept, and the field counts as broken (reported once).
  ASSERT_THAT(r.spec->schema[1].headers, SizeIs(1));
  EXPECT_EQ(r.spec->schema[1].headers[0].text, "kerja");
  EXPECT_THAT(r.spec->broken_names, ElementsAre("pekerjaan"));
}

TEST(LoadSpecHeaders, ListedTwice) {
  const Loaded r = LoadWithJobHeaders("[kerja, Kerja, kerja]");
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(10, 68, "schema.pekerjaan.headers[3]: 'kerja' is listed "
                                                "twice (first on line 10)"),
                                HintHas("remove one"))));
}

TEST(LoadSpecHeaders, ColumnThatIsAnotherFieldsName) {
  const Loaded r = Load(Replace(kBase, "key: true}", "key: true, headers: [no_nik, Pekerjaan]}"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(9, 68,
                                        "schema.nik.headers: ambiguous column 'Pekerjaan': field "
                                        "'pekerjaan' already claims it (its name, line 10)"),
                                HintHas("remove the header from one of them"))));
}

TEST(LoadSpecHeaders, ColumnThatIsAnotherFieldsHeader) {
  std::string yaml = Replace(kBase, "key: true}", "key: true, headers: [no_nik]}");
  const Loaded r = Load(Replace(yaml, kPekerjaanLine,
                                "  pekerjaan: {type: code, list: pekerjaan, headers: [kerja, "
                                "\"No. NIK\"]}\n"));
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(10, 61,
                                  "schema.pekerjaan.headers: ambiguous column 'No. NIK': field "
                                  "'nik' already claims it (header 'no_nik', line 9)")));
}

// ---------------------------------------------------------------------------------------
// input: the fields that get identity checks.

// kBase with a date field `lahir` (line 11), a code field `jk` (line 12) whose list jk has
// codes l and P (lines 14-15), and `input` (from line 32) appended.
Loaded LoadWithInput(std::string_view input) {
  std::string yaml = Replace(kBase, "lists:\n",
                             "  lahir: {type: date}\n"
                             "  jk: {type: code, list: jk}\n"
                             "lists:\n"
                             "  jk:\n"
                             "    items: [{code: l, name: Laki-laki}, {code: P, name: Perempuan}]\n");
  return Load(StrCat(yaml, input));
}

TEST(LoadSpecInput, AllKeysRead) {
  const Loaded r = LoadWithInput(
      "input:\n"                     // 32
      "  nik: nik\n"                 // 33
      "  birth_date: lahir\n"        // 34
      "  sex: jk\n"                  // 35
      "  nik_mismatch: error\n");    // 36
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const Input& input = r.spec->input;
  ExpectPosition(input.at, 32, 1);
  EXPECT_EQ(input.nik.text, "nik");
  ExpectPosition(input.nik.at, 33, 8);
  EXPECT_EQ(input.birth_date.text, "lahir");
  ExpectPosition(input.birth_date.at, 34, 15);
  EXPECT_EQ(input.sex.text, "jk");
  ExpectPosition(input.sex.at, 35, 8);
  EXPECT_TRUE(input.nik_mismatch_is_error);
  EXPECT_FALSE(LoadWithInput("input: {nik_mismatch: warning}\n").spec->input.nik_mismatch_is_error);
}

TEST(LoadSpecInput, AbsentOrEmptyNamesNothing) {
  const Loaded none = LoadWithInput("");
  ASSERT_THAT(none.diagnostics, IsEmpty()) << FormatDiagnostics(none.diagnostics);
  EXPECT_TRUE(none.spec->input.nik.text.empty());
  EXPECT_FALSE(none.spec->input.nik_mismatch_is_error);
  const Loaded partial = LoadWithInput("input: {sex: jk}\n");
  ASSERT_THAT(partial.diagnostics, IsEmpty()) << FormatDiagnostics(partial.diagnostics);
  EXPECT_TRUE(partial.spec->input.birth_date.text.empty());
  EXPECT_EQ(partial.spec->input.sex.text, "jk");
}

TEST(LoadSpecInput, NotAMappingOrUnknownKey) {
  EXPECT_THAT(LoadWithInput("input: [nik]\n").diagnostics,
              ElementsAre(AllOf(ErrorAt(32, 8, "input: expected a mapping, got a list"),
                                HintHas("allowed keys: nik, birth_date, sex, nik_mismatch"))));
  EXPECT_THAT(LoadWithInput("input:\n  nik: nik\n  birthdate: lahir\n").diagnostics,
              ElementsAre(AllOf(ErrorAt(34, 3, "unknown key 'birthdate' in input"),
                                HintHas("did you mean 'birth_date'?"))));
}

TEST(LoadSpecInput, NikMismatchIsWarningOrError) {
  EXPECT_THAT(LoadWithInput("input:\n  nik_mismatch: warnig\n").diagnostics,
              ElementsAre(AllOf(ErrorAt(33, 17, "input.nik_mismatch: unknown value 'warnig'"),
                                HintHas("did you mean 'warning'?"), HintHas("warning, error"))));
  EXPECT_THAT(LoadWithInput("input:\n  nik_mismatch: Error\n").diagnostics,
              ElementsAre(AllOf(ErrorAt(33, 17, "unknown value 'Error'"),
                                HintHas("did you mean 'error'?"))));
  EXPECT_THAT(LoadWithInput("input:\n  nik_mismatch: true\n").diagnostics,
              ElementsAre(ErrorAt(33, 17, "input.nik_mismatch: unknown value 'true'")));
}

TEST(LoadSpecInput, NamedFieldMustExist) {
  const Loaded r = LoadWithInput(
      "input:\n"
      "  nik: nk\n"                         // 33
      "  birth_date: tanggal_lahir\n"       // 34
      "  sex: \"\"\n");                     // 35
  EXPECT_THAT(r.diagnostics,
              UnorderedElementsAre(AllOf(ErrorAt(33, 8, "input.nik: no schema field named 'nk'"),
                                HintHas("did you mean 'nik'?")),
                          ErrorAt(35, 8, "input.sex is empty"),
                          AllOf(ErrorAt(34, 15,
                                        "input.birth_date: no schema field named 'tanggal_lahir'"),
                                HintHas("fields: nik, pekerjaan, lahir, jk"))));
}

TEST(LoadSpecInput, NamedFieldMustHaveItsType) {
  const Loaded r = LoadWithInput(
      "input:\n"
      "  nik: lahir\n"             // 33
      "  birth_date: nik\n"        // 34
      "  sex: lahir\n");           // 35
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(AllOf(ErrorAt(33, 8, "input.nik: 'lahir' is a date field; expected a string field"),
                        HintHas("16-digit NIK")),
                  ErrorAt(34, 15, "input.birth_date: 'nik' is a string field; expected a date field"),
                  AllOf(ErrorAt(35, 8, "input.sex: 'lahir' is a date field; expected a code field"),
                        HintHas("codes L and P"))));
}

TEST(LoadSpecInput, SexListNeedsCodesLAndP) {
  EXPECT_THAT(
      LoadWithInput("input:\n  sex: pekerjaan\n").diagnostics,
      ElementsAre(AllOf(ErrorAt(33, 8, "input.sex: list 'pekerjaan' of field 'pekerjaan' has "
                                       "neither code L nor code P"),
                        HintHas("code L and code P"))));
  // An alias P does not count: the code itself must be P (in any letter case).
  std::string yaml = Replace(kBase, "lists:\n",
                             "  jk: {type: code, list: jk}\n"
                             "lists:\n"
                             "  jk:\n"
                             "    items: [{code: l, name: L}, {code: W, name: P, aliases: [P]}]\n");
  EXPECT_THAT(Load(StrCat(yaml, "input: {sex: jk}\n")).diagnostics,
              ElementsAre(AllOf(ErrorAt(31, 14, "input.sex: list 'jk' of field 'jk' has no code P"),
                                HintHas("aliases"))));
}

TEST(LoadSpecInput, BrokenFieldIsReportedOnce) {
  // The field's own error stands alone: its type or list is unknown, so its role is not judged.
  std::string yaml = Replace(kBase, "lists:\n",
                             "  lahir: {type: datum}\n"
                             "  jk: {type: code, list: jenis}\n"
                             "lists:\n");
  EXPECT_THAT(Load(StrCat(yaml, "input: {birth_date: lahir, sex: jk}\n")).diagnostics,
              UnorderedElementsAre(ErrorAt(11, 17, "schema.lahir.type: unknown type 'datum'"),
                                   ErrorAt(12, 26, "schema.jk.list: no list named 'jenis'")));
}

// ---------------------------------------------------------------------------------------
// Positions of every byte of expression text.

// The rule of a file whose only difference from kBase is its `when`.
Rule LoadWhen(std::string_view when_lines) {
  const Loaded r = Load(Replace(kBase, "    when: pekerjaan == \"becak\"\n", when_lines));
  EXPECT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  if (!r.spec || r.spec->eligibility.empty()) return Rule{};
  const Rule& rule = r.spec->eligibility[0];
  EXPECT_THAT(rule.when.positions, SizeIs(rule.when.text.size() + 1));
  return rule;
}

TEST(LoadSpecPositions, LiteralBlockScalar) {
  const Rule rule = LoadWhen(
      "    when: |\n"                              // 20
      "      age(tanggal_lahir, tanggal_acuan)\n"  // 21
      "        between usia_minimum\n"             // 22
      "        and   pekerjaan == \"becak\"\n");   // 23
  ASSERT_EQ(rule.when.text,
            "age(tanggal_lahir, tanggal_acuan)\n  between usia_minimum\n  and   pekerjaan == "
            "\"becak\"\n");
  ExpectPosition(rule.when.at, 20, 11);
  ExpectPosition(rule.when.At(0), 21, 7);
  ExpectPosition(rule.when.At(rule.when.text.find("usia_minimum")), 22, 17);
  ExpectPosition(rule.when.At(rule.when.text.find("pekerjaan")), 23, 15);
  ExpectPosition(rule.when.At(rule.when.text.find("\"becak\"") + 1), 23, 29);
  ExpectPosition(rule.when.At(rule.when.text.size()), 23, 35);  // just after the last character
}

TEST(LoadSpecPositions, FoldedBlockScalarWithIndicatorsAndComment) {
  const Rule rule = LoadWhen(
      "    when: >-   # folded\n"
      "      age(tanggal_lahir, tanggal_acuan)\n"
      "      between usia_minimum\n"
      "      and pekerjaan\n");
  ASSERT_EQ(rule.when.text, "age(tanggal_lahir, tanggal_acuan) between usia_minimum and pekerjaan");
  ExpectPosition(rule.when.At(rule.when.text.find("pekerjaan")), 23, 11);
  ExpectPosition(rule.when.At(rule.when.text.find("between")), 22, 7);
  // The folded line break becomes a space: it stands just after the line's last character.
  ExpectPosition(rule.when.At(rule.when.text.find("between") - 1), 21, 40);
}

TEST(LoadSpecPositions, PlainMultiLineScalar) {
  const Rule rule = LoadWhen(
      "    when: pekerjaan ==\n"
      "      \"becak\" or\n"
      "         usia_minimum > 3\n");
  ASSERT_EQ(rule.when.text, "pekerjaan == \"becak\" or usia_minimum > 3");
  ExpectPosition(rule.when.At(0), 20, 11);
  ExpectPosition(rule.when.At(rule.when.text.find("or")), 21, 15);
  ExpectPosition(rule.when.At(rule.when.text.find("usia_minimum")), 22, 10);
  ExpectPosition(rule.when.At(rule.when.text.find(" 3") + 1), 22, 25);
}

TEST(LoadSpecPositions, SingleQuotedMultiLineWithEscapedQuote) {
  const Rule rule = LoadWhen(
      "    when: 'pekerjaan == ''becak''\n"
      "      or usia_minimum > 3'\n");
  ASSERT_EQ(rule.when.text, "pekerjaan == 'becak' or usia_minimum > 3");
  ExpectPosition(rule.when.at, 20, 11);
  ExpectPosition(rule.when.At(0), 20, 12);
  ExpectPosition(rule.when.At(rule.when.text.find("'becak'")), 20, 25);
  ExpectPosition(rule.when.At(rule.when.text.find("becak")), 20, 27);
  ExpectPosition(rule.when.At(rule.when.text.find("usia_minimum")), 21, 10);
}

TEST(LoadSpecPositions, DoubleQuotedWithEscapesAndLineContinuation) {
  const Rule rule = LoadWhen(
      "    when: \"pekerjaan == \\\"b\\u00e9cak\\\" \\\n"
      "      or usia_minimum\n"
      "      > 3\"\n");
  ASSERT_EQ(rule.when.text,
            "pekerjaan == \"b\xC3\xA9"
            "cak\" or usia_minimum > 3");
  ExpectPosition(rule.when.At(rule.when.text.find("\"b")), 20, 25);  // the backslash of \"
  ExpectPosition(rule.when.At(rule.when.text.find("b")), 20, 27);
  ExpectPosition(rule.when.At(rule.when.text.find("\xC3")), 20, 28);  // the backslash of \u00e9
  ExpectPosition(rule.when.At(rule.when.text.find("\xA9")), 20, 28);
  ExpectPosition(rule.when.At(rule.when.text.find("cak")), 20, 34);
  ExpectPosition(rule.when.At(rule.when.text.find("or")), 21, 7);
  ExpectPosition(rule.when.At(rule.when.text.find("> 3")), 22, 7);
  ExpectPosition(rule.when.At(rule.when.text.size() - 1), 22, 9);
}

TEST(LoadSpecPositions, AnchoredAndTaggedScalar) {
  const Rule rule = LoadWhen("    when: &w !!str pekerjaan == \"becak\"\n");
  ASSERT_EQ(rule.when.text, "pekerjaan == \"becak\"");
  ExpectPosition(rule.when.at, 20, 20);
  ExpectPosition(rule.when.At(13), 20, 33);
}

TEST(LoadSpecPositions, AliasedScalarMapsToItsAnchor) {
  const Loaded r = Load(Replace(
      Replace(kBase, "    when: pekerjaan == \"becak\"\n", "    when: &w pekerjaan == \"becak\"\n"),
      "  order: [nik]\n", "  terms: [{id: t, when: *w, points: 1}]\n  order: [nik]\n"));
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const ExprText& when = r.spec->priority.terms[0].when;
  EXPECT_EQ(when.text, "pekerjaan == \"becak\"");
  ExpectPosition(when.At(0), 20, 14);
}

TEST(LoadSpecPositions, ValuesDefaultsAndPoints) {
  std::string yaml = Replace(kBase, "  pekerjaan: {type: code, list: pekerjaan}\n",
                             "  pekerjaan: {type: code, list: pekerjaan}\n"
                             "  umur:\n"
                             "    type: int\n"
                             "    default: |\n"
                             "      4_2\n");
  yaml = Replace(yaml, "  order: [nik]\n",
                 "  terms:\n    - id: t\n      when: \"true\"\n      points: >\n        1_0\n  "
                 "order: [nik]\n");
  const Loaded r = Load(yaml);
  ASSERT_THAT(r.diagnostics, IsEmpty()) << FormatDiagnostics(r.diagnostics);
  const ExprText& def = *r.spec->schema[2].default_value;
  EXPECT_EQ(def.text, "4_2\n");
  ExpectPosition(def.At(2), 14, 9);
  const ExprText& points = r.spec->priority.terms[0].points;
  EXPECT_EQ(points.text, "1_0\n");
  ExpectPosition(points.At(1), 31, 10);
}

// ---------------------------------------------------------------------------------------
// YAML errors and hostile input.

TEST(LoadSpecYaml, SyntaxErrorAtItsPlace) {
  const Loaded r = Load(Replace(kBase, "  order: [nik]\n", "  order: [nik\n"));
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("invalid YAML"));
  EXPECT_EQ(r.diagnostics[0].line, 24u);
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecYaml, BadIndentation) {
  const Loaded r =
      Load(Replace(kBase, "  title: Contoh\n", "  title: Contoh\n   region_name: X\n"));
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("invalid YAML"));
  EXPECT_EQ(r.diagnostics[0].line, 5u);
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecYaml, EmptyOrCommentOnlyFile) {
  for (std::string_view text : {std::string_view(""), std::string_view("# nothing\n")}) {
    const Loaded r = Load(text);
    EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(1, 1, "the file holds no YAML document")));
    EXPECT_FALSE(r.spec.has_value());
  }
}

TEST(LoadSpecYaml, TopLevelNotAMapping) {
  const Loaded r = Load("- aturan: 1\n");
  EXPECT_THAT(
      r.diagnostics,
      ElementsAre(ErrorAt(1, 1, "top level: expected a mapping of top-level keys, got a list")));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecYaml, SecondDocumentIsAnErrorButTheFirstIsRead) {
  const Loaded r = Load(std::string(kBase) + "---\naturan: 1\n");
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(28, 1, "a rule file holds one YAML document")));
  ASSERT_TRUE(r.spec.has_value());
  EXPECT_EQ(r.spec->regulation.id.text, "contoh-2023");
}

TEST(LoadSpecYaml, UndefinedAlias) {
  const Loaded r = Load(Replace(kBase, "  title: Contoh", "  title: *judul"));
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message,
              HasSubstr("invalid YAML: the referenced anchor is not defined"));
  EXPECT_EQ(r.diagnostics[0].line, 4u);
}

TEST(LoadSpecYaml, AliasInsideItsOwnAnchor) {
  const Loaded r = Load(std::string(kBase) + "x: &a [1, *a]\n");
  EXPECT_THAT(r.diagnostics,
              ElementsAre(ErrorAt(28, 11, "an alias is used inside the node it names")));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecYaml, NulByte) {
  const Loaded r = Load(std::string(kBase) + std::string("x: a\0b\n", 7));
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(28, 5, "the file contains a NUL byte")));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecLimits, FileTooLarge) {
  LoadLimits limits;
  limits.max_file_bytes = 100;
  const Loaded r = Load(kBase, limits);
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(0, 0, "the file is too large")));
  EXPECT_FALSE(r.spec.has_value());

  const std::string huge = std::string(kBase) + "# " + std::string(9u << 20, 'x') + "\n";
  const Loaded big = Load(huge);
  EXPECT_THAT(big.diagnostics, ElementsAre(ErrorAt(0, 0, "the file is too large: 9437")));
}

TEST(LoadSpecLimits, NestingDeeperThanTheLimit) {
  std::string yaml = std::string(kBase) + "x: ";
  for (int i = 0; i < 64; ++i) yaml += "[";
  for (int i = 0; i < 64; ++i) yaml += "]";
  const Loaded r = Load(yaml + "\n");
  // The root mapping is level 1, so the 64th '[' (column 67) opens level 65.
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(28, 67, "YAML nesting is deeper than 64 levels")));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecLimits, NestingAtTheLimitIsAllowed) {
  std::string yaml = std::string(kBase) + "x: ";
  for (int i = 0; i < 63; ++i) yaml += "[";
  for (int i = 0; i < 63; ++i) yaml += "]";
  const Loaded r = Load(yaml + "\n");
  EXPECT_THAT(r.diagnostics, ElementsAre(ErrorAt(28, 1, "unknown top-level key 'x'")));
}

TEST(LoadSpecLimits, HundredThousandBracketsDoNotOverflowTheStack) {
  const std::string yaml = "x: " + std::string(100000, '[');
  const Loaded r = Load(yaml);
  // (yaml-cpp reads an unclosed "[[" as a sequence holding a mapping: two levels per '['.)
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("YAML nesting is deeper than 64 levels"));
  EXPECT_EQ(r.diagnostics[0].line, 1u);
  EXPECT_FALSE(r.spec.has_value());
  // With our limit lifted, yaml-cpp's own depth guard (DeepRecursion) stops it.
  LoadLimits lifted;
  lifted.max_depth = 1 << 30;
  const Loaded deep = Load(yaml, lifted);
  ASSERT_THAT(deep.diagnostics, SizeIs(1));
  EXPECT_THAT(deep.diagnostics[0].message, HasSubstr("YAML nesting is too deep for the parser"));
  EXPECT_FALSE(deep.spec.has_value());
}

// The classic "billion laughs": nine levels of ten aliases each stand for 10^9 nodes.
std::string BillionLaughs() {
  std::string yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", " : "") + prev;
    yaml += "]\n";
  }
  return yaml;
}

TEST(LoadSpecLimits, BillionLaughsIsRefusedQuickly) {
  const Loaded r = Load(std::string(kBase) + BillionLaughs());
  // a5 is the first to stand for more than 500,000 nodes (10^6 lols plus the lists).
  EXPECT_THAT(r.diagnostics,
              ElementsAre(AllOf(ErrorAt(33, 9, "the file has more than 500000 YAML nodes"),
                                HintHas("aliases"))));
  EXPECT_FALSE(r.spec.has_value());
}

TEST(LoadSpecLimits, AliasesWhereTheLoaderWalksAreBoundedToo) {
  // Every rule is the same aliased mapping, whose `when` is fine: only the expansion is big.
  std::string yaml =
      Replace(kBase, "eligibility:\n  - id: r1\n", "eligibility:\n  - &rule\n    id: r1\n");
  yaml = Replace(yaml, "priority:\n", "  - *rule\n  - *rule\npriority:\n");
  LoadLimits limits;
  limits.max_nodes = 40;
  const Loaded r = Load(yaml, limits);
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("more than 40 YAML nodes"));
  // Without the limit the three rules load (and their ids clash). An alias has no text of
  // its own: what it repeats is reported where the anchored node stands.
  const Loaded ok = Load(yaml);
  EXPECT_THAT(ok.diagnostics,
              ElementsAre(ErrorAt(20, 9, "duplicate rule id 'r1' (first on line 20)"),
                          ErrorAt(20, 9, "duplicate rule id 'r1' (first on line 20)")));
  ASSERT_TRUE(ok.spec.has_value());
  EXPECT_THAT(ok.spec->eligibility, SizeIs(3));
}

TEST(LoadSpecLimits, TooManyPlainNodes) {
  LoadLimits limits;
  limits.max_nodes = 1000;
  std::string yaml = std::string(kBase) + "x: [";
  for (int i = 0; i < 2000; ++i) yaml += "1, ";
  const Loaded r = Load(yaml + "1]\n", limits);
  ASSERT_THAT(r.diagnostics, SizeIs(1));
  EXPECT_THAT(r.diagnostics[0].message, HasSubstr("more than 1000 YAML nodes"));
  EXPECT_EQ(r.diagnostics[0].line, 28u);
}

// Every prefix of a valid file is a broken file: none may crash or throw, and each must
// either load or say why not, at a place inside the file.
TEST(LoadSpecYaml, EveryPrefixOfAFileIsHandled) {
  const std::string text(kExample);
  const uint32_t lines = static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (size_t n = 0; n <= text.size(); ++n) {
    const Loaded r = Load(std::string_view(text).substr(0, n));
    if (!r.spec) {
      EXPECT_TRUE(HasErrors(r.diagnostics)) << "prefix " << n;
    }
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_LE(d.line, lines) << "prefix " << n << ": " << d.ToString();
      EXPECT_FALSE(d.message.empty()) << "prefix " << n;
    }
  }
}

// Random damage with YAML's special characters, from a fixed seed: no crash, no exception,
// and no Spec only together with an error.
TEST(LoadSpecYaml, DamagedFilesAreHandled) {
  const std::string_view specials = "[]{}:,-|>&*!'\"#%@`?\n\t \\";
  std::mt19937 random(20230101);
  for (int round = 0; round < 3000; ++round) {
    std::string text(kExample);
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      text[random() % text.size()] = specials[random() % specials.size()];
    }
    const Loaded r = Load(text);
    if (!r.spec) {
      EXPECT_TRUE(HasErrors(r.diagnostics)) << text;
    }
    for (const Diagnostic& d : r.diagnostics) EXPECT_FALSE(d.message.empty()) << text;
  }
}

// Loads share nothing: several threads may load at once and get the same result.
TEST(LoadSpecYaml, ConcurrentLoadsAgree) {
  const std::string broken = Replace(kExample, "type: money", "type: mony");
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        const Loaded r = Load(t % 2 == 0 ? std::string_view(kExample) : std::string_view(broken));
        results[t] = FormatDiagnostics(r.diagnostics) +
                     (r.spec ? r.spec->eligibility[0].when.text : std::string("none"));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 0; t < results.size(); ++t) EXPECT_EQ(results[t], results[t % 2]) << t;
  EXPECT_EQ(results[0], "pekerjaan in pekerjaan_rentan");
  EXPECT_THAT(results[1],
              HasSubstr("28:11: error: parameters.batas_penghasilan.type: unknown type 'mony'"));
}

}  // namespace
}  // namespace spec
}  // namespace aturan
