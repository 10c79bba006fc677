// ingest/jsonl_reader.hpp — a streaming JSON Lines reader with bounded memory, the sibling of
// CsvReader, for candidate lists given as one JSON object per line.
//
// What it reads:
//   - One JSON object (RFC 8259) per line, whose values are scalars: strings, numbers, true,
//     false and null. A line ends at LF or CRLF, or at the end of the input (a trailing line
//     break is optional). A lone CR is not a line break (inside a line it is JSON whitespace).
//   - Lines holding nothing or only spaces, tabs and CRs are skipped, and counted for line
//     numbers.
//   - A UTF-8 byte order mark at the very start of the input is dropped. The input must be
//     UTF-8; strings may hold any Unicode text, escaped (\u00e9, surrogate pairs) or not.
//
// A line that is not such an object is never dropped or merged silently: it is returned with
// a problem (see JsonLine::problem) and reading goes on at the next line.
// Memory stays bounded: the reader holds one buffer of about buffer_bytes plus the longest
// line seen, and lines longer than max_line_bytes are skipped over, not buffered.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ingest/input_buffer.hpp"

namespace aturan {

// How to read a JSON Lines input. Zero limits are treated as 1.
struct JsonLinesOptions {
  // A line longer than this (raw bytes, line break excluded) is a problem line, whatever it
  // holds; it is skipped over without being held in memory.
  size_t max_line_bytes = size_t{8} << 20;
  // An object with more members than this is a problem line.
  size_t max_members = 4096;
  // How many bytes each read asks for. Tests use tiny values to put chunk boundaries
  // everywhere; the results never depend on it.
  size_t buffer_bytes = size_t{1} << 20;
};

// One member of a line's object: the key and the value as text.
struct JsonMember {
  // The key, unescaped.
  std::string_view key;
  // A string unescaped (as UTF-8); a number exactly as written ("2500000", "-1.5e3"), for
  // the caller to parse; "true" or "false"; empty for null.
  std::string_view text;
  // True when the value is null.
  bool null = false;
};

// One line as JsonLinesReader::Next returns it. Reused from call to call, so reading
// allocates nothing once the buffers have grown to the longest line.
class JsonLine {
 public:
  // The members in the order written. The views stay valid until the next call to Next()
  // with this line or the reader is destroyed. When problem() is not empty, the members
  // complete before the problem was found (possibly none; none for a line that is too
  // long), so that a report can name the candidate — never enough to evaluate it.
  std::span<const JsonMember> members() const { return members_; }

  // 1-based number among the non-blank lines, problem lines counted.
  uint64_t record_number() const { return record_number_; }

  // 1-based physical line.
  uint64_t line() const { return line_; }

  // Empty for a well-formed line, else a short English reason:
  //   "not valid JSON: <what was expected or found>"
  //   "invalid UTF-8"
  //   "not a JSON object but an array" (or a string, a number, true, false, null)
  //   "nested value for key \"K\""      a value that is an object or an array
  //   "duplicate key \"K\""
  //   "more than N members"
  //   "line longer than N bytes"
  // Only the first problem of a line is reported. Keys in reasons are cut to 40 bytes.
  std::string_view problem() const { return problem_; }

  // 1-based byte column in the line (the byte order mark not counted) where the problem was
  // found: the offending byte, one past the last byte for a line that ends too early, the
  // first byte over the limit for a line that is too long. 0 when there is no problem.
  uint64_t problem_column() const { return problem_column_; }

 private:
  friend class JsonLinesReader;

  std::vector<JsonMember> members_;
  uint64_t record_number_ = 0;
  uint64_t line_ = 0;
  std::string problem_;
  uint64_t problem_column_ = 0;
};

// Reads JSON Lines one at a time from a file or from text in memory.
class JsonLinesReader {
 public:
  // Opens `path`. Fails with the system's error for a file that cannot be opened or read.
  static absl::StatusOr<JsonLinesReader> Open(const std::string& path, JsonLinesOptions options = {});

  // Reads `text`, which must outlive the reader; it is copied chunk by chunk like a file.
  static JsonLinesReader FromString(std::string_view text, JsonLinesOptions options = {});

  JsonLinesReader(JsonLinesReader&&) noexcept = default;
  JsonLinesReader& operator=(JsonLinesReader&&) noexcept = default;

  // Reads the next non-blank line into `line`. False at the end of the input or after a
  // read error; status() tells which.
  bool Next(JsonLine* line);

  // OK, or the read error that stopped the reader.
  const absl::Status& status() const { return status_; }

  // Input bytes taken up by the lines returned so far, with the blank lines before them and
  // the byte order mark.
  uint64_t bytes_consumed() const { return input_.bytes_consumed(); }

 private:
  // One entry of the duplicate-key table: the member index of a key, valid only while
  // `stamp` is the record number of the line being parsed.
  struct KeySlot {
    uint64_t stamp = 0;
    size_t member = 0;
  };

  JsonLinesReader(JsonLinesOptions options, InputBuffer input);

  // Reads more input (InputBuffer::Refill). False after a read error (then status_ says which).
  bool Refill();
  // Parses the non-blank line [begin, end) of the buffer into `line`, unescaping strings in
  // place; *end must be writable (it becomes the scanner's stop byte).
  void ParseLine(char* begin, char* end, JsonLine* line);
  // True when `key` is the key of one of `members`, the members of the line being parsed so
  // far; otherwise notes it as the key of the member that comes next.
  bool IsDuplicateKey(const std::vector<JsonMember>& members, std::string_view key);
  // Reads past the rest of a line longer than max_line_bytes, from the end of what was read
  // on, without keeping it. False on a read error.
  bool SkipLongLine();

  JsonLinesOptions options_;
  InputBuffer input_;    // with kPadding zeroed bytes after its usable bytes
  size_t searched_ = 0;  // bytes from the first one not yet consumed on known to hold no line feed
  uint64_t line_ = 1;    // the physical line of the first byte not yet consumed
  uint64_t records_ = 0;
  std::vector<KeySlot> key_slots_;  // a power of two in size, at least twice the members
  absl::Status status_;
};

}  // namespace aturan
