// AppendCsvField: fields written as they are unless RFC 4180 needs quotes, and then with each
// quote doubled; what the CSV reader reads back is the text (so the test lives with the reader).
#include "base/csv_field.hpp"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

std::string Field(std::string_view text) {
  std::string out;
  AppendCsvField(text, &out);
  return out;
}

TEST(CsvField, QuotesOnlyWhatNeedsQuotes) {
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("Slamet Riyadi"), "Slamet Riyadi");
  EXPECT_EQ(Field("Ma'ruf; Kauman"), "Ma'ruf; Kauman");
  EXPECT_EQ(Field("Rp1.500.000,00"), "\"Rp1.500.000,00\"");
  EXPECT_EQ(Field("kata \"tulang punggung\""), "\"kata \"\"tulang punggung\"\"\"");
  EXPECT_EQ(Field("baris\nkedua"), "\"baris\nkedua\"");
  EXPECT_EQ(Field("cr\r"), "\"cr\r\"");
}

TEST(CsvField, ReadsBackAsItsText) {
  const std::vector<std::string> texts = {"", "a", ",", "\"", "\"\"", "a,b\"c\r\nd", "Sri Rahayu, S.Pd."};
  std::string line;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) line.push_back(',');
    AppendCsvField(texts[i], &line);
  }
  line.push_back('\n');
  CsvReader reader = CsvReader::FromString(line, CsvOptions{.has_header = false});
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record)) << reader.status();
  ASSERT_EQ(record.fields().size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(record.fields()[i], texts[i]) << i;
}

}  // namespace
}  // namespace aturan
