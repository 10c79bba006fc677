// aturan/list_reader.hpp — reading a candidate list (CSV or JSON Lines) into CandidateTable
// chunks, with every row checked against the rule file's schema.
//
// Columns meet schema fields by name: the field's own name or one of its `headers:` in the
// rule file, compared after NormalizeColumnName ("Tgl. Lahir" meets tgl_lahir), or as the
// caller renames them. Each row is checked while it is read: the number of fields, every
// value against its field's type, codes against their list, required values, the NIK's
// structure and its agreement with birth date and sex (rule file `input:`), and the key
// field (the NIK) against every earlier row. A row with an error is kept, marked invalid
// and described; reading never stops for a bad row.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "aturan/candidate_table.hpp"
#include "aturan/rule_set.hpp"

namespace aturan {

// The input format of a candidate list.
enum class ListFormat : uint8_t {
  kAuto,       // JSON Lines when the file name ends in .jsonl/.ndjson, else CSV
  kCsv,        // RFC 4180, header row required; delimiter ',', ';' or tab
  kJsonLines,  // one JSON object per line, keys are column names
};

// Reads input column `column` as schema field `field` (e.g. "Tgl Lahir" -> tanggal_lahir).
struct ColumnRename {
  std::string column;
  std::string field;
};

// Reads the text `from` as `to` in field `field` (e.g. jenis_kelamin: "1" -> "L"). `from`
// is matched ignoring ASCII case and surrounding spaces.
struct ValueRename {
  std::string field;
  std::string from;
  std::string to;
};

// How to read a candidate list.
struct ListOptions {
  ListFormat format = ListFormat::kAuto;
  // CSV delimiter; 0 detects ',', ';' or tab from the header line.
  char delimiter = 0;
  std::vector<ColumnRename> columns;
  std::vector<ValueRename> values;
  // At most this many rows per chunk (Next fills one chunk).
  size_t chunk_rows = 16384;
};

// A warning about the list as a whole (not about one row), e.g. a column no field reads.
struct ListWarning {
  std::string message;
};

namespace internal {
class RawChunkReader;
struct RawChunk;
class RowConverter;
}  // namespace internal

// Reads a candidate list chunk by chunk. Not thread-safe; one reader per list.
class ListReader {
 public:
  // Opens `path` ("-" for standard input) and reads its header. Fails when the file cannot
  // be read, a required field has no column, two columns claim one field, or an option
  // names an unknown field or column (InvalidArgument / NotFound with a hint).
  static absl::StatusOr<std::unique_ptr<ListReader>> Open(const RuleSet& rules,
                                                          const std::string& path,
                                                          const ListOptions& options = {});
  // As Open, for a list held in memory (`text` must outlive the reader); `format` kAuto
  // means CSV.
  static absl::StatusOr<std::unique_ptr<ListReader>> FromString(const RuleSet& rules,
                                                                std::string_view text,
                                                                const ListOptions& options = {});
  ~ListReader();

  // Clears `table` and fills it with the next rows (at most options.chunk_rows), valid or
  // not. False when the list is exhausted (the table is then empty) or reading failed
  // (status() says why).
  bool Next(CandidateTable* table);

  // OK, or the read error that stopped reading.
  const absl::Status& status() const;
  // Warnings about the list as a whole, known once the header is read.
  const std::vector<ListWarning>& warnings() const;
  // Input bytes consumed so far (for progress reports).
  uint64_t bytes_read() const;

 private:
  explicit ListReader(std::unique_ptr<internal::RawChunkReader> raw);

  std::unique_ptr<internal::RawChunkReader> raw_;
  std::unique_ptr<internal::RawChunk> chunk_;
  std::unique_ptr<internal::RowConverter> converter_;
};

}  // namespace aturan
