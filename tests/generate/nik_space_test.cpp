// The pieces that give every generated row its own valid NIK: the keyed permutation, the
// enumeration of (birth date, sex, serial), and the NIK text with and without defects.
#include <set>
#include <string>
#include <vector>

#include "base/dates.hpp"
#include "base/nik.hpp"
#include "generate/nik_space.hpp"
#include "generate/nik_text.hpp"
#include "generate/permutation.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;

TEST(Permutation, IsABijectionForEverySize) {
  for (uint64_t size : {1u, 2u, 3u, 7u, 64u, 65u, 1000u, 45291u}) {
    const Permutation permutation(size, size * 7919);
    std::vector<bool> seen(size);
    for (uint64_t x = 0; x < size; ++x) {
      const uint64_t y = permutation(x);
      ASSERT_LT(y, size);
      ASSERT_FALSE(seen[y]) << "size " << size << ": " << y << " twice";
      seen[y] = true;
    }
  }
}

TEST(Permutation, DependsOnTheKey) {
  const Permutation a(1000, 1);
  const Permutation b(1000, 2);
  int same = 0;
  for (uint64_t x = 0; x < 1000; ++x) same += a(x) == b(x);
  EXPECT_LT(same, 20);
}

TEST(NikSpace, BirthDatesSpanTheAgesExactly) {
  const absl::CivilDay reference(2023, 1, 1);
  const NikSpace space(reference, 14, 75, 1);
  const Date on = Date::FromCivil(reference);
  EXPECT_EQ(AgeInYears(space.latest(), on), 14);
  EXPECT_EQ(AgeInYears(Date{space.latest().days + 1}, on), 13);
  EXPECT_EQ(AgeInYears(space.earliest(), on), 75);
  EXPECT_EQ(AgeInYears(Date{space.earliest().days - 1}, on), 76);
  EXPECT_EQ(space.capacity(), 2 * space.days() * 9999);
  EXPECT_GT(space.capacity(), 450'000'000u);
}

TEST(NikSpace, LeapDayReference) {
  const absl::CivilDay reference(2024, 2, 29);
  const NikSpace space(reference, 14, 75, 1);
  const Date on = Date::FromCivil(reference);
  EXPECT_EQ(AgeInYears(space.latest(), on), 14);
  EXPECT_EQ(AgeInYears(Date{space.latest().days + 1}, on), 13);
  EXPECT_EQ(AgeInYears(space.earliest(), on), 75);
  EXPECT_EQ(AgeInYears(Date{space.earliest().days - 1}, on), 76);
}

TEST(NikSpace, IdentitiesAreDistinctAcrossRounds) {
  const NikSpace space(absl::CivilDay(2023, 1, 1), 14, 75, 42);
  const uint64_t per_round = 2 * space.days();
  std::set<std::tuple<int32_t, bool, int>> seen;
  for (uint64_t n = 0; n < 2 * per_round + 100; ++n) {
    const NikIdentity id = space.Identity(n);
    ASSERT_GE(id.birth, space.earliest());
    ASSERT_LE(id.birth, space.latest());
    ASSERT_EQ(id.serial, static_cast<int>(n / per_round) + 1);
    ASSERT_TRUE(seen.emplace(id.birth.days, id.female, id.serial).second) << "row " << n;
  }
}

NikFields Sample(int serial = 7) {
  return NikFields{NikArea{33, 75, 1}, Date::FromCivil(absl::CivilDay(1975, 3, 12)), true, serial};
}

TEST(NikText, WritesTheStructure) {
  std::string nik;
  AppendNik(Sample(), &nik);
  EXPECT_EQ(nik, "3375015203750007");
  EXPECT_TRUE(NikValid(nik));
  EXPECT_EQ(NikSex(nik), 'P');
  EXPECT_EQ(NikBirthDate(nik, Date::FromCivil(absl::CivilDay(2023, 1, 1))),
            Date::FromCivil(absl::CivilDay(1975, 3, 12)));
}

TEST(NikText, LengthDefectsAreNot16Digits) {
  std::string nik;
  AppendNik(Sample(), &nik);
  const std::vector<std::string> expected = {"375015203750007", "33750152037500007", "3375 0152 0375 0007",
                                             "3375O152O375OOO7"};
  for (int i = 0; i < kNikLengthDefects; ++i) {
    std::string text;
    AppendNikWithLengthDefect(nik, static_cast<NikLengthDefect>(i), &text);
    EXPECT_EQ(text, expected[i]);
    EXPECT_EQ(NikProblem(text), "not 16 digits");
  }
  std::string spaced;
  AppendNikWithLengthDefect("3375115213751117", NikLengthDefect::kLetterO, &spaced);
  EXPECT_EQ(spaced, "3375 1152 1375 1117");
}

TEST(NikText, StructureDefectsAreNamedByNikProblem) {
  const std::vector<std::string> problems = {"unknown province code", "regency code 00", "kecamatan code 00",
                                             "impossible birth date", "serial 0000"};
  for (int i = 0; i < kNikStructureDefects; ++i) {
    std::string text;
    AppendNikWithStructureDefect(Sample(), static_cast<NikStructureDefect>(i), 3, &text);
    EXPECT_EQ(text.size(), 16u);
    EXPECT_THAT(NikProblem(text), HasSubstr(problems[i])) << text;
  }
}

TEST(NikText, DefectsKeepDistinctNiksDistinct) {
  const NikSpace space(absl::CivilDay(2023, 1, 1), 14, 75, 9);
  for (int defect = 0; defect < kNikStructureDefects; ++defect) {
    std::set<std::string> seen;
    for (uint64_t n = 0; n < 200'000; n += 7) {  // spans several serial rounds
      const NikIdentity id = space.Identity(n);
      std::string text;
      const NikFields nik{NikArea{33, 75, 1 + static_cast<int>(n % 2)}, id.birth, id.female, id.serial};
      AppendNikWithStructureDefect(nik, static_cast<NikStructureDefect>(defect), 0, &text);
      ASSERT_TRUE(seen.insert(text).second) << text;
    }
  }
}

}  // namespace
}  // namespace aturan
