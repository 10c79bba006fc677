// Synthetic candidate lists: reproducible, readable, realistic, and with exactly the defects
// their statistics claim, checked by reading the CSV back independently of the generator.
#include "generate/list_generator.hpp"

#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "aturan/record.hpp"
#include "base/dates.hpp"
#include "base/nik.hpp"
#include "base/strings.hpp"
#include "generate/kelurahan_population.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

RuleSet LoadRules(const std::string& name) {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(std::string(ATURAN_SOURCE_DIR) + "/rules/" + name);
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *rules;
}

const RuleSet& Pekalongan() {
  static const RuleSet* rules = new RuleSet(LoadRules("pekalongan-2023-revisi.yaml"));
  return *rules;
}

struct Generated {
  std::string text;
  GenerateStats stats;
};

Generated Generate(const RuleSet& rules, const GenerateOptions& options) {
  std::FILE* file = std::tmpfile();
  absl::StatusOr<GenerateStats> stats = GenerateList(rules, options, file);
  EXPECT_TRUE(stats.ok()) << stats.status();
  Generated out;
  std::rewind(file);
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) out.text.append(buffer, n);
  std::fclose(file);
  if (stats.ok()) out.stats = *stats;
  return out;
}

GenerateOptions Options(uint64_t rows, uint64_t seed, double bad_share, int threads) {
  GenerateOptions options;
  options.rows = rows;
  options.seed = seed;
  options.bad_share = bad_share;
  options.threads = threads;
  return options;
}

TEST(GenerateList, SameArgumentsGiveTheSameBytesWithAnyNumberOfThreads) {
  const Generated one = Generate(Pekalongan(), Options(20000, 5, 0.1, 1));
  EXPECT_EQ(one.stats.bytes, one.text.size());
  for (int threads : {2, 3, 0}) {
    const Generated other = Generate(Pekalongan(), Options(20000, 5, 0.1, threads));
    EXPECT_TRUE(other.text == one.text) << threads << " threads";
    EXPECT_EQ(other.stats.defect_rows, one.stats.defect_rows);
  }
  const Generated again = Generate(Pekalongan(), Options(20000, 5, 0.1, 2));
  EXPECT_TRUE(again.text == one.text);
}

TEST(GenerateList, AnotherSeedGivesAnotherList) {
  const Generated a = Generate(Pekalongan(), Options(1000, 1, 0.02, 2));
  const Generated b = Generate(Pekalongan(), Options(1000, 2, 0.02, 2));
  EXPECT_NE(a.text, b.text);
  // Same header, different rows.
  EXPECT_EQ(a.text.substr(0, a.text.find('\n')), b.text.substr(0, b.text.find('\n')));
}

TEST(GenerateList, FewerRowsGiveAPrefix) {
  const Generated many = Generate(Pekalongan(), Options(10000, 3, 0.05, 2));
  const Generated few = Generate(Pekalongan(), Options(100, 3, 0.05, 2));
  EXPECT_TRUE(many.text.starts_with(few.text));
}

TEST(GenerateList, RefusesBadOptions) {
  std::FILE* file = std::tmpfile();
  EXPECT_EQ(GenerateList(Pekalongan(), Options(10, 1, 1.5, 1), file).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(GenerateList(Pekalongan(), Options(10, 1, -0.1, 1), file).status().code(),
            absl::StatusCode::kInvalidArgument);
  absl::StatusOr<GenerateStats> too_many =
      GenerateList(Pekalongan(), Options(MaxGeneratedRows(Pekalongan()) + 1, 1, 0, 1), file);
  EXPECT_EQ(too_many.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(too_many.status().message()), ::testing::HasSubstr("distinct NIKs"));
  std::fclose(file);
}

TEST(GenerateList, ZeroRowsIsJustTheHeader) {
  const Generated empty = Generate(Pekalongan(), Options(0, 1, 0.5, 0));
  EXPECT_EQ(empty.text,
            "nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,pekerjaan,penghasilan_bulanan,"
            "penerima_upah,tulang_punggung,miskin_ekstrem,terdaftar_dtks,disabilitas,penerima_pkh,"
            "penerima_bpnt,status_bpjstk\n");
  EXPECT_EQ(empty.stats.rows, 0u);
}

// Reads a generated list back on its own terms and says what is wrong with each row, the way
// a list validator would: CSV problems, field count, each value against its field, the NIK's
// structure, duplicates and agreement with birth date and sex.
class Checker {
 public:
  explicit Checker(const RuleSet& rules) : rules_(rules) {
    for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
      const FieldInfo& field = rules.fields()[slot];
      if (field.key) key_ = static_cast<int>(slot);
      if (field.type == Type::kDate && field.name.find("lahir") != std::string::npos) birth_ = static_cast<int>(slot);
      if (field.type == Type::kCode && rules.CodeCount(static_cast<int>(slot)) == 2 &&
          rules.CodeId(static_cast<int>(slot), "L") >= 0 && rules.CodeId(static_cast<int>(slot), "P") >= 0) {
        sex_ = static_cast<int>(slot);
      }
    }
    if (key_ >= 0 && rules.fields()[key_].type == Type::kString) nik_ = key_;
  }

  struct Row {
    std::vector<Defect> defects;
    std::optional<Record> record;  // when every field could be set
  };

  Row Check(const CsvRecord& csv, size_t header_size) {
    Row row;
    if (!csv.problem().empty()) {
      EXPECT_EQ(csv.problem(), "quote inside an unquoted field");
      row.defects.push_back(Defect::kStrayQuote);
      return row;
    }
    const auto fields = csv.fields();
    if (fields.size() != header_size) {
      row.defects.push_back(Defect::kFieldCount);
      return row;
    }
    Record record(rules_);
    for (size_t slot = 0; slot < fields.size(); ++slot) {
      const FieldInfo& field = rules_.fields()[slot];
      const std::string_view text = fields[slot];
      if (field.required && absl::StripAsciiWhitespace(ToAbsl(text)).empty()) {
        row.defects.push_back(Defect::kMissingRequired);
        continue;
      }
      const absl::Status status = record.Set(field.name, text);
      if (absl::IsOutOfRange(status)) {
        row.defects.push_back(Defect::kNotInList);
      } else if (!status.ok()) {
        switch (field.type) {
          case Type::kBool: row.defects.push_back(Defect::kBadBool); break;
          case Type::kDate:
            row.defects.push_back(status.message().find("impossible date") != std::string_view::npos
                                      ? Defect::kImpossibleDate
                                      : Defect::kBadDate);
            break;
          case Type::kString: ADD_FAILURE() << "a string that cannot be set: " << status; break;
          default: row.defects.push_back(Defect::kBadNumber); break;
        }
      }
    }
    if (key_ >= 0) {
      const std::string key(absl::StripAsciiWhitespace(ToAbsl(fields[key_])));
      if (!key.empty() && !keys_.insert(key).second) row.defects.push_back(Defect::kDuplicateKey);
    }
    if (nik_ >= 0 && !absl::StripAsciiWhitespace(ToAbsl(fields[nik_])).empty()) {
      const std::string nik(absl::StripAsciiWhitespace(ToAbsl(fields[nik_])));
      const std::string problem = NikProblem(nik);
      if (problem == "not 16 digits") {
        row.defects.push_back(Defect::kNikNot16Digits);
      } else if (!problem.empty()) {
        row.defects.push_back(Defect::kNikImpossible);
      } else {
        const Value birth = birth_ >= 0 ? record.values()[birth_] : Value();
        const Value sex = sex_ >= 0 ? record.values()[sex_] : Value();
        const Date reference = Date::FromCivil(rules_.reference_date());
        const bool birth_differs = !birth.missing() && NikBirthDate(nik, reference) != birth.as_date();
        const bool sex_differs =
            !sex.missing() && sex.as_code() >= 0 && rules_.CodeText(sex_, sex.as_code())[0] != *NikSex(nik);
        if (birth_differs || sex_differs) row.defects.push_back(Defect::kNikMismatch);
      }
    }
    if (row.defects.empty() || row.defects == std::vector<Defect>{Defect::kNikMismatch}) row.record = std::move(record);
    return row;
  }

  int birth() const { return birth_; }

 private:
  RuleSet rules_;
  int key_ = -1, nik_ = -1, birth_ = -1, sex_ = -1;
  std::set<std::string> keys_;
};

// Checks every row of `text` for `rules` and that the defects found are those `stats` counts.
// Returns the records of the rows without any error (good rows and NIK-mismatch rows).
std::vector<Record> CheckList(const RuleSet& rules, const std::string& text, const GenerateStats& stats) {
  CsvReader reader = CsvReader::FromString(text);
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  std::vector<std::string> names;
  for (const FieldInfo& field : rules.fields()) names.push_back(field.name);
  EXPECT_EQ(reader.header(), names);
  Checker checker(rules);
  CsvRecord csv;
  std::array<uint64_t, kDefectCount> found{};
  uint64_t rows = 0;
  uint64_t good = 0;
  std::vector<Record> records;
  while (reader.Next(&csv)) {
    ++rows;
    Checker::Row row = checker.Check(csv, names.size());
    EXPECT_LE(row.defects.size(), 1u) << "row " << rows << " has " << row.defects.size() << " defects, the first "
                                      << DefectName(row.defects[0]);
    if (row.defects.empty()) ++good;
    if (!row.defects.empty()) ++found[static_cast<size_t>(row.defects[0])];
    if (row.record) records.push_back(std::move(*row.record));
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  EXPECT_EQ(rows, stats.rows);
  EXPECT_EQ(good, stats.good_rows);
  for (int i = 0; i < kDefectCount; ++i) {
    EXPECT_EQ(found[i], stats.defect_rows[i]) << DefectName(static_cast<Defect>(i));
  }
  return records;
}

TEST(GenerateList, EveryDefectKindIsThereAndCountedExactly) {
  const Generated list = Generate(Pekalongan(), Options(20000, 11, 0.5, 2));
  for (int i = 0; i < kDefectCount; ++i) {
    EXPECT_GT(list.stats.defect_rows[i], 500u) << DefectName(static_cast<Defect>(i));
  }
  uint64_t sum = list.stats.good_rows;
  for (uint64_t n : list.stats.defect_rows) sum += n;
  EXPECT_EQ(sum, list.stats.rows);
  EXPECT_EQ(list.stats.invalid_rows(), list.stats.rows - list.stats.good_rows - list.stats.count(Defect::kNikMismatch));
  CheckList(Pekalongan(), list.text, list.stats);
}

TEST(GenerateList, TheOtherShippedRuleFileToo) {
  const RuleSet rules = LoadRules("pekalongan-2022.yaml");
  const Generated list = Generate(rules, Options(10000, 12, 0.5, 2));
  for (int i = 0; i < kDefectCount; ++i) {
    EXPECT_GT(list.stats.defect_rows[i], 200u) << DefectName(static_cast<Defect>(i));
  }
  CheckList(rules, list.text, list.stats);
}

TEST(GenerateList, GoodRowsAreValidAndAgreeWithTheirNik) {
  const RuleSet& rules = Pekalongan();
  const Generated list = Generate(rules, Options(30000, 4, 0.02, 2));
  const std::vector<Record> records = CheckList(rules, list.text, list.stats);
  ASSERT_EQ(records.size(), list.stats.good_rows + list.stats.count(Defect::kNikMismatch));
  const Date reference = Date::FromCivil(rules.reference_date());
  const int nik = rules.FieldSlot("nik");
  const int birth = rules.FieldSlot("tanggal_lahir");
  const int sex = rules.FieldSlot("jenis_kelamin");
  const int rentan = [&] {
    for (size_t i = 0; i < rules.rules().size(); ++i) {
      if (rules.rules()[i].id == "pekerjaan_rentan") return static_cast<int>(i);
    }
    return -1;
  }();
  ASSERT_GE(rentan, 0);
  std::map<int64_t, int> ages;
  int mismatches = 0;
  int covered = 0;
  int eligible = 0;
  for (const Record& record : records) {
    const std::string_view text = record.values()[nik].as_string();
    ASSERT_TRUE(NikValid(text)) << text;
    const int64_t age = AgeInYears(record.values()[birth].as_date(), reference);
    EXPECT_GE(age, 14) << text;
    EXPECT_LE(age, 75) << text;
    ++ages[age];
    const bool agrees = NikBirthDate(text, reference) == record.values()[birth].as_date() &&
                        rules.CodeText(sex, record.values()[sex].as_code())[0] == *NikSex(text);
    mismatches += !agrees;
    const Decision decision = record.Evaluate();
    EXPECT_NE(decision.status, Status::kInvalid);
    covered += decision.outcome(rentan) == Outcome::kPass;
    eligible += decision.eligible();
  }
  EXPECT_EQ(mismatches, static_cast<int>(list.stats.count(Defect::kNikMismatch)));
  EXPECT_EQ(ages.size(), 62u);  // every age from 14 to 75
  // Most candidates work in a covered occupation (85% by construction), and a fair share is
  // eligible under every rule.
  const double covered_share = static_cast<double>(covered) / static_cast<double>(records.size());
  EXPECT_GT(covered_share, 0.80);
  EXPECT_LT(covered_share, 0.90);
  EXPECT_GT(eligible, static_cast<int>(records.size() / 20));
}

TEST(GenerateList, KelurahanFollowPopulation) {
  const RuleSet& rules = Pekalongan();
  const Generated list = Generate(rules, Options(100000, 7, 0, 2));
  const int slot = rules.FieldSlot("kode_kelurahan");
  CsvReader reader = CsvReader::FromString(list.text);
  CsvRecord csv;
  std::map<int32_t, int> counts;
  int rows = 0;
  while (reader.Next(&csv)) {
    ++rows;
    const int32_t id = rules.CodeId(slot, csv.fields()[slot]);
    if (id >= 0) ++counts[id];  // empty when the optional value was left out (never: required)
  }
  ASSERT_EQ(rows, 100000);
  double population_total = 0;
  int city_rows = 0;
  int outside_rows = 0;
  for (int32_t id = 0; id < rules.CodeCount(slot); ++id) {
    std::optional<int> population = SyntheticKelurahanPopulation(rules.CodeText(slot, id));
    if (population) {
      population_total += *population;
      city_rows += counts[id];
    } else {
      outside_rows += counts[id];
      EXPECT_GT(counts[id], 0) << rules.CodeText(slot, id);
    }
  }
  EXPECT_EQ(city_rows + outside_rows, rows);
  EXPECT_GT(outside_rows, 2000);  // 3%
  EXPECT_LT(outside_rows, 4000);
  for (int32_t id = 0; id < rules.CodeCount(slot); ++id) {
    std::optional<int> population = SyntheticKelurahanPopulation(rules.CodeText(slot, id));
    if (!population) continue;
    const double expected = *population / population_total * city_rows;
    EXPECT_NEAR(counts[id], expected, 0.1 * expected) << rules.CodeText(slot, id);
  }
}

TEST(GenerateList, QuotesFieldsThatNeedIt) {
  const Generated list = Generate(Pekalongan(), Options(30000, 8, 0, 2));
  // Titles after a comma, money with ",00", names with a line break or a quoted nickname.
  EXPECT_THAT(list.text, ::testing::HasSubstr(", S.Pd.\""));
  EXPECT_THAT(list.text, ::testing::HasSubstr(",00\""));
  EXPECT_THAT(list.text, ::testing::ContainsRegex("\"[A-Za-z.' ]+\n[A-Za-z.' ]+\""));
  EXPECT_THAT(list.text, ::testing::HasSubstr("\"\""));
  EXPECT_THAT(list.text, ::testing::HasSubstr("\xE2\x80\x99"));  // Nur’aini
  EXPECT_EQ(list.text.find('\r'), std::string::npos);
  CheckList(Pekalongan(), list.text, list.stats);
}

// A schema the generator knows nothing about: an int key, other types, codes that are not
// area codes, no NIK.
constexpr char kOtherRules[] = R"(aturan: 1
regulation:
  id: lain
  title: Aturan lain
  region: "64.02"
  source: tests/generate
  effective: 2024-01-01
schema:
  nomor: {type: int, required: true, key: true}
  nama_lengkap: {type: string, required: true}
  alamat: {type: string}
  lahir: {type: date, required: true}
  skor: {type: decimal}
  tanggungan: {type: int}
  kelompok: {type: code, list: kelompok, required: true}
  nelayan: {type: bool, default: false}
  daftar: {type: date}
  catatan: {type: string}
lists:
  kelompok:
    items:
      - {code: a, name: Kelompok A, aliases: [satu]}
      - {code: b, name: Kelompok B}
      - {code: c_d, name: Kelompok C dan D}
eligibility:
  - id: kelompok_a
    when: kelompok == "a"
    reason: "Hanya kelompok A."
program:
  reference_date: 2024-01-01
  premiums:
    jkm: 6800
)";

TEST(GenerateList, AnySchemaGetsAList) {
  absl::StatusOr<RuleSet> rules = RuleSet::FromString(kOtherRules, "lain.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status();
  const Generated list = Generate(*rules, Options(20000, 3, 0.5, 2));
  for (Defect defect : {Defect::kFieldCount, Defect::kStrayQuote, Defect::kBadNumber, Defect::kBadBool,
                        Defect::kBadDate, Defect::kImpossibleDate, Defect::kNotInList, Defect::kMissingRequired,
                        Defect::kDuplicateKey}) {
    EXPECT_GT(list.stats.count(defect), 500u) << DefectName(defect);
  }
  for (Defect defect : {Defect::kNikNot16Digits, Defect::kNikImpossible, Defect::kNikMismatch}) {
    EXPECT_EQ(list.stats.count(defect), 0u) << DefectName(defect);
  }
  const std::vector<Record> records = CheckList(*rules, list.text, list.stats);
  EXPECT_EQ(records.size(), list.stats.good_rows);
  // The code passing the field's own rule is the common one.
  const int slot = rules->FieldSlot("kelompok");
  int a = 0;
  for (const Record& record : records) a += record.values()[slot].as_code() == 0;
  EXPECT_GT(a, static_cast<int>(records.size() * 8 / 10));
}

}  // namespace
}  // namespace aturan
