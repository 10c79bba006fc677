// table/raw_chunk.hpp — rows of a candidate list as text, cut into chunks in input order:
// the sequential first step of reading a list (parsing CSV or JSON Lines, finding duplicate
// keys), so that converting and deciding the chunks can run on many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "aturan/large_allocator.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "table/column_mapping.hpp"

namespace aturan {
class CsvReader;
class CsvRecord;
class JsonLinesReader;
class JsonLine;
}  // namespace aturan

namespace aturan::internal {

// Where a cell's text is in RawChunk::bytes; `length` kAbsent when the row has no such cell.
struct TextRef {
  static constexpr uint32_t kAbsent = 0xffffffffu;
  uint32_t offset = 0;
  uint32_t length = kAbsent;
};

// A problem with a whole input row found while parsing it.
struct RawProblem {
  std::string column;  // the column concerned, or empty
  std::string value;
  std::string reason;
};

// One input row.
struct RawRow {
  static constexpr uint32_t kNoProblem = 0xffffffffu;
  uint64_t record_number = 0;  // 1-based among data rows
  uint64_t line = 0;           // physical line it starts on
  uint32_t problem = kNoProblem;  // index into RawChunk::problems
  uint64_t duplicate_of = 0;   // the row number of an earlier row with the same key, or 0
};

// Consecutive input rows as text, one cell per schema field.
struct RawChunk {
  size_t fields = 0;
  std::vector<RawRow> rows;
  // The chunk's cells and text; reused chunk after chunk, in huge pages where there are.
  LargeVector<TextRef> cells;  // rows.size() * fields, row-major
  LargeString bytes;
  std::vector<RawProblem> problems;

  // Forgets the rows, keeping the memory.
  void Clear();
  // The text of field `slot` in row `row`, or nullopt when the row has no cell for it.
  std::optional<std::string_view> Cell(size_t row, int slot) const {
    const TextRef& ref = cells[row * fields + slot];
    if (ref.length == TextRef::kAbsent) return std::nullopt;
    return std::string_view(bytes).substr(ref.offset, ref.length);
  }
};

// Reads a list's rows into RawChunks, in order.
class RawChunkReader {
 public:
  // Opens `path` ("-" for standard input), or reads `text` when `path` is empty.
  static absl::StatusOr<std::unique_ptr<RawChunkReader>> Open(const RuleSet& rules, const std::string& path,
                                                              std::string_view text, const ListOptions& options);
  ~RawChunkReader();

  // Clears `chunk` and fills it with up to chunk_rows rows. False when no row was left;
  // after a read error, the rows before it still come out and status() tells the error.
  bool Next(RawChunk* chunk);

  const absl::Status& status() const { return status_; }
  const std::vector<ListWarning>& warnings() const { return warnings_; }
  uint64_t bytes_read() const;
  // About how many rows the list has, from its file's size (0 when unknown, e.g. on standard
  // input): a hint for sizing what grows with the rows.
  uint64_t expected_rows() const { return expected_rows_; }
  const RuleSet& rules() const { return rules_; }
  const ColumnMapping& mapping() const { return mapping_; }
  // The number of fields a CSV row must have (the header's), or 0 for JSON Lines.
  size_t expected_fields() const { return expected_fields_; }

 private:
  RawChunkReader(RuleSet rules, ColumnMapping mapping, size_t chunk_rows);

  // Appends the current CSV record / JSON line to `chunk`.
  void AddCsvRecord(RawChunk* chunk);
  void AddJsonLine(RawChunk* chunk);
  // Sets expected_rows_ from the size of the file at `path` and sizes the table of keys seen
  // for that many rows.
  void EstimateRows(const std::string& path);
  // Notes, for every row of `chunk` in order, whether an earlier row had its key.
  void CheckKeys(RawChunk* chunk);

  RuleSet rules_;
  ColumnMapping mapping_;
  size_t chunk_rows_;
  size_t expected_fields_ = 0;
  int key_slot_ = -1;
  std::unique_ptr<CsvReader> csv_;
  std::unique_ptr<CsvRecord> csv_record_;
  std::unique_ptr<JsonLinesReader> json_;
  std::unique_ptr<JsonLine> json_line_;
  // First row of each key seen: 16-digit keys (NIKs) as numbers, others as text.
  absl::flat_hash_map<uint64_t, uint64_t, absl::Hash<uint64_t>, std::equal_to<uint64_t>,
                      LargeAllocator<std::pair<const uint64_t, uint64_t>>>
      numeric_keys_;
  uint64_t expected_rows_ = 0;
  absl::flat_hash_map<std::string, uint64_t> text_keys_;
  std::vector<std::string_view> json_keys_;  // per slot: the key that set it in this line
  std::vector<uint64_t> chunk_keys_;         // CheckKeys' per-row keys, kept for the memory
  std::vector<ListWarning> warnings_;
  absl::Status status_;
};

// The key text as compared for duplicates: surrounding spaces and a leading apostrophe
// (which spreadsheets use to keep long numbers as text) dropped.
std::string_view NormalizedKey(std::string_view text);

}  // namespace aturan::internal
