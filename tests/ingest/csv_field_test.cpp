// AppendCsvField: fields written as they are unless RFC 4180 needs quotes, and then with each
// quote doubled; what the CSV reader reads back is the text (so the test lives with the reader).
#include "base/csv_field.hpp"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

TEST(CsvField, QuotesOnlyWhatNeedsQuotes) {
  const std::vector<std::pair<std::string, std::string>> written = {
      {"", ""},
      {"Slamet Riyadi", "Slamet Riyadi"},
      {"Ma'ruf; Kauman", "Ma'ruf; Kauman"},
      {"Rp1.500.000,00", "\"Rp1.500.000,00\""},
      {"kata \"tulang punggung\"", "\"kata \"\"tulang punggung\"\"\""},
      {"baris\nkedua", "\"baris\nkedua\""},
      {"cr\r", "\"cr\r\""},
  };
  for (const auto& [text, field] : written) {
    std::string out = "x,";
    AppendCsvField(text, &out);
    EXPECT_EQ(out, "x," + field) << text;
  }
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
