#include "base/column_name.hpp"

#include <gtest/gtest.h>

namespace aturan {
namespace {

TEST(ColumnName, SpreadsheetSpellingsMeetTheSchemaName) {
  EXPECT_EQ(NormalizeColumnName("tanggal_lahir"), "tanggal_lahir");
  EXPECT_EQ(NormalizeColumnName("Tgl. Lahir"), "tgl_lahir");
  EXPECT_EQ(NormalizeColumnName("  KODE-KELURAHAN "), "kode_kelurahan");
  EXPECT_EQ(NormalizeColumnName("No. KK"), "no_kk");
  EXPECT_EQ(NormalizeColumnName("Kelurahan/Desa"), "kelurahan_desa");
  EXPECT_EQ(NormalizeColumnName("__nik__"), "nik");
}

TEST(ColumnName, KeepsNonAsciiAndDigits) {
  EXPECT_EQ(NormalizeColumnName("Ümur 2"), "Ümur_2");
  EXPECT_EQ(NormalizeColumnName(""), "");
  EXPECT_EQ(NormalizeColumnName(" - "), "");
}

}  // namespace
}  // namespace aturan
