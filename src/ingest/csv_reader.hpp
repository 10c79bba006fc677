// ingest/csv_reader.hpp — a streaming RFC 4180 CSV reader with bounded memory, for candidate
// lists of tens of millions of rows.
//
// What it reads:
//   - Fields separated by a one-byte delimiter (',' by default; ';' and '\t' as exported by
//     Indonesian Excel installations), optionally detected from the first line.
//   - Quoted fields ("...") may contain the delimiter, line breaks, and doubled quotes ""
//     standing for one ". Only a quote at the very start of a field opens a quoted field.
//   - A record ends at LF, CRLF or a lone CR (old Mac Excel exports), or at the end of the
//     input (a trailing line break is optional). The same three count as line breaks
//     inside quoted fields, for line numbers.
//   - Empty lines (no bytes at all before the line break) outside quoted fields are skipped,
//     and counted for line numbers. A line holding only spaces is a record. To write a
//     record whose only field is empty, write "".
//   - A UTF-8 byte order mark at the very start of the input is dropped. All other bytes,
//     non-ASCII UTF-8 included, are passed through as they are.
//
// Malformed records are never dropped or merged silently: each is returned with a problem
// (see CsvRecord::problem) and reading goes on at the next record boundary.
// Memory stays bounded: the reader holds one buffer of about buffer_bytes plus the longest
// record seen, and records longer than max_record_bytes are skipped over, not buffered.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ingest/input_buffer.hpp"

namespace aturan {

// How to read a CSV input. Zero limits are treated as 1.
struct CsvOptions {
  // The byte between fields: usually ',', ';' or '\t'. Must not be '"', CR or LF.
  char delimiter = ',';
  // When true, the delimiter is whichever of ',', ';' and '\t' occurs most often outside
  // quotes on the first non-empty line (on a tie the one listed first wins); when none of
  // them occurs there, `delimiter` is kept. CsvReader::delimiter() tells the choice.
  bool detect_delimiter = false;
  // When true, the first record holds the column names and is not returned by Next().
  bool has_header = true;
  // A field longer than this (after unescaping "") makes its record a problem record.
  size_t max_field_bytes = size_t{1} << 20;
  // A record with more fields than this is a problem record.
  size_t max_fields = 4096;
  // A record longer than this (raw bytes, line break excluded) is a problem record; it is
  // skipped over without being held in memory.
  size_t max_record_bytes = size_t{8} << 20;
  // How many bytes each read asks for. Tests use tiny values to put chunk boundaries
  // everywhere; the results never depend on it.
  size_t buffer_bytes = size_t{1} << 20;
};

// One record as CsvReader::Next returns it. Reused from call to call, so reading
// allocates nothing once the buffers have grown to the longest record.
class CsvRecord {
 public:
  // The fields, in order. The views stay valid until the next call to Next() with this
  // record or the reader is destroyed. Empty when the record exceeded a limit (see
  // problem()); for other problems, the best reading of the text (described there).
  std::span<const std::string_view> fields() const { return {fields_.data(), field_count_}; }
  // The record's bytes as they are in the input, line break excluded; valid as long as
  // fields(). A field that needed no unescaping is a view into it (so its text can be
  // copied with the whole record); others point elsewhere. Empty for a record that
  // exceeded a limit.
  std::string_view raw() const { return raw_; }

  // 1-based number among the data records (the header not counted, problem records
  // counted), so it matches the row number people see in a spreadsheet minus the header.
  uint64_t record_number() const { return record_number_; }

  // 1-based physical line where the record starts.
  uint64_t line() const { return line_; }

  // Empty for a well-formed record, else a short English reason:
  //   "unterminated quoted field"         a quote opened and never closed before the end
  //                                       of the input (the field holds the rest of it)
  //   "quote inside an unquoted field"    a '"' not at the start of a field (kept as text)
  //   "text after a closing quote"        "ab"cd (the field holds abcd)
  //   "field longer than N bytes"
  //   "more than N fields"
  //   "record longer than N bytes"
  // When a record has several problems: an unterminated quote is reported first, then a
  // record that is too long, then the first other limit, then the first quote problem.
  std::string_view problem() const { return problem_; }

  // Where the problem is: 1-based physical line, 1-based byte column in that line, and
  // 1-based field number (0 for a record that is too long). All 0 when there is no problem.
  uint64_t problem_line() const { return problem_line_; }
  uint64_t problem_column() const { return problem_column_; }
  uint64_t problem_field() const { return problem_field_; }

 private:
  friend class CsvReader;

  // Forgets the previous record.
  void Clear();
  // Notes a problem unless one of at least the same rank is already noted.
  void NoteProblem(int rank, std::string_view reason, uint64_t line, uint64_t column, uint64_t field);
  // Makes room for at least one more field.
  void GrowFields() { fields_.resize(std::max<size_t>(16, 2 * fields_.size())); }
  // Appends a field.
  void AddField(std::string_view text) {
    if (field_count_ == fields_.size()) GrowFields();
    fields_[field_count_++] = text;
  }

  // The record's fields are fields_[0, field_count_): the vector only grows, so that the
  // parser stores fields without a push_back's bookkeeping.
  std::vector<std::string_view> fields_;
  size_t field_count_ = 0;
  std::string_view raw_;
  // Unescaped text of the fields that are not plain views into the input.
  std::string scratch_;
  // (field index, offset in scratch_) of each such field; its view is set once the
  // record is complete, because scratch_ may move while it grows.
  std::vector<std::pair<size_t, size_t>> scratch_fields_;
  uint64_t record_number_ = 0;
  uint64_t line_ = 0;
  std::string problem_;
  int problem_rank_ = 0;
  bool limit_exceeded_ = false;
  uint64_t problem_line_ = 0;
  uint64_t problem_column_ = 0;
  uint64_t problem_field_ = 0;
};

// Reads CSV records one at a time from a file or from text in memory.
class CsvReader {
 public:
  // Opens `path` ("-" for standard input) and reads its header (when options.has_header). Fails with the system's
  // error for a file that cannot be opened or read, and with InvalidArgumentError for a
  // header that has a problem.
  static absl::StatusOr<CsvReader> Open(const std::string& path, CsvOptions options = {});

  // Reads `text`, which must outlive the reader; it is copied chunk by chunk like a file.
  // A header with a problem shows in status(), and then Next() returns false.
  static CsvReader FromString(std::string_view text, CsvOptions options = {});

  CsvReader(CsvReader&&) noexcept = default;
  CsvReader& operator=(CsvReader&&) noexcept = default;

  // Reads the next data record into `record`. False at the end of the input or after an
  // error; status() tells which.
  bool Next(CsvRecord* record);

  // OK, or the read error or header problem that stopped the reader.
  const absl::Status& status() const { return status_; }

  // The column names, byte order mark dropped and surrounding spaces and tabs trimmed;
  // empty without a header or for an empty input.
  const std::vector<std::string>& header() const { return header_; }

  // The delimiter in use (the detected one when options.detect_delimiter).
  char delimiter() const { return options_.delimiter; }

  // Input bytes taken up by the records returned so far, header and byte order mark included.
  uint64_t bytes_consumed() const { return input_.bytes_consumed(); }

 private:
  enum class Parse { kRecord, kEnd, kNeedMore };

  CsvReader(CsvOptions options, InputBuffer input);

  // Settles the delimiter from the first non-empty line.
  void DetectDelimiter();
  // Reads more input (InputBuffer::Refill). False after a read error (then status_ says which).
  bool Refill();
  // The next record, header included. False at the end of the input or on a read error.
  bool Read(CsvRecord* record);
  // Parses the record at begin_ if it is all in the buffer.
  Parse ParseRecord(CsvRecord* record);
  // ParseRecord's fast path, for the record starting at `p` (not a line break): when it is
  // unquoted, ends with a line break before `end` and is within every limit, as nearly every
  // row of a list is, sets `record`'s fields and raw text and returns where the next record
  // starts. Otherwise returns nullptr with no field set, for the full parser.
  const char* ParsePlainRecord(const char* p, const char* end, CsvRecord* record) const;
  // Reads past a record longer than max_record_bytes without keeping it, making `record`
  // its problem record. False on a read error.
  bool SkipLongRecord(CsvRecord* record);

  CsvOptions options_;
  InputBuffer input_;
  uint64_t line_ = 1;  // the physical line of the first byte not yet consumed
  uint64_t records_ = 0;
  bool special_[256] = {};  // bytes that end an unquoted run: delimiter, '"', CR, LF
  std::vector<std::string> header_;
  absl::Status status_;
};

}  // namespace aturan
