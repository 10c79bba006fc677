#include "batch/list_option_text.hpp"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

using ::testing::HasSubstr;

TEST(ParseColumnRename, SplitsAtTheLastEqualsSign) {
  absl::StatusOr<ColumnRename> rename = ParseColumnRename("Tgl Lahir=tanggal_lahir");
  ASSERT_TRUE(rename.ok()) << rename.status();
  EXPECT_EQ(rename->column, "Tgl Lahir");
  EXPECT_EQ(rename->field, "tanggal_lahir");
  rename = ParseColumnRename("a=b=nama");  // a column name may hold '='
  ASSERT_TRUE(rename.ok()) << rename.status();
  EXPECT_EQ(rename->column, "a=b");
  EXPECT_EQ(rename->field, "nama");
}

TEST(ParseColumnRename, RefusesTextsWithoutBothSides) {
  for (const char* text : {"", "nama", "=nama", "Nama="}) {
    const absl::StatusOr<ColumnRename> rename = ParseColumnRename(text);
    ASSERT_FALSE(rename.ok()) << text;
    EXPECT_EQ(rename.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(rename.status().message(),
              std::string("'") + text + "': expected COLUMN=field, e.g. 'Tgl Lahir=tanggal_lahir'");
  }
}

TEST(ParseValueRename, ReadsFieldFromAndTo) {
  absl::StatusOr<ValueRename> rename = ParseValueRename("jenis_kelamin:1=L");
  ASSERT_TRUE(rename.ok()) << rename.status();
  EXPECT_EQ(rename->field, "jenis_kelamin");
  EXPECT_EQ(rename->from, "1");
  EXPECT_EQ(rename->to, "L");
  rename = ParseValueRename("pekerjaan:Tukang Becak=becak:roda=3");  // TO keeps what follows the first '='
  ASSERT_TRUE(rename.ok()) << rename.status();
  EXPECT_EQ(rename->field, "pekerjaan");
  EXPECT_EQ(rename->from, "Tukang Becak");
  EXPECT_EQ(rename->to, "becak:roda=3");
  rename = ParseValueRename("status_bpjstk:=tidak_aktif");  // a blank cell read as a code
  ASSERT_TRUE(rename.ok()) << rename.status();
  EXPECT_EQ(rename->from, "");
}

TEST(ParseValueRename, RefusesTextsWithoutFieldOrEquals) {
  for (const char* text : {"", "jenis_kelamin=L", ":1=L", "jenis_kelamin:1"}) {
    const absl::StatusOr<ValueRename> rename = ParseValueRename(text);
    ASSERT_FALSE(rename.ok()) << text;
    EXPECT_THAT(rename.status().message(), HasSubstr("expected field:FROM=TO")) << text;
  }
}

TEST(ParseInvalidLimit, CountsSharesAndNone) {
  absl::StatusOr<InvalidLimit> limit = ParseInvalidLimit("");
  ASSERT_TRUE(limit.ok());
  EXPECT_FALSE(limit->Exceeded(1'000'000, 1'000'000));

  limit = ParseInvalidLimit("100");
  ASSERT_TRUE(limit.ok());
  EXPECT_FALSE(limit->Exceeded(100, 1000));
  EXPECT_TRUE(limit->Exceeded(101, 1000));

  limit = ParseInvalidLimit("0.5%");
  ASSERT_TRUE(limit.ok());
  EXPECT_FALSE(limit->Exceeded(5, 1000));
  EXPECT_TRUE(limit->Exceeded(6, 1000));

  limit = ParseInvalidLimit("0");
  ASSERT_TRUE(limit.ok());
  EXPECT_FALSE(limit->Exceeded(0, 1000));
  EXPECT_TRUE(limit->Exceeded(1, 1000));
}

TEST(ParseInvalidLimit, RefusesWhatIsNeitherCountNorShare) {
  for (const char* text : {"banyak", "-1", "101%", "-1%", "%", "1.5"}) {
    const absl::StatusOr<InvalidLimit> limit = ParseInvalidLimit(text);
    ASSERT_FALSE(limit.ok()) << text;
    EXPECT_EQ(limit.status().message(),
              std::string("'") + text + "': expected a count (100) or a share (0.5%)");
  }
}

}  // namespace
}  // namespace aturan::internal
