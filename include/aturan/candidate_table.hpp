// aturan/candidate_table.hpp — rows of a candidate list held in columns: one contiguous,
// typed array per schema field (codes as interned ids, dates as day numbers, strings in one
// arena), with each row's input row number and any problems found while reading it.
#pragma once

#include <bit>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aturan/rule_set.hpp"
#include "aturan/value.hpp"

namespace aturan {

namespace internal {
class RowConverter;
}  // namespace internal

// The kinds of problem reading finds in a row.
enum class IssueKind : uint8_t {
  kMalformedRow,     // the row could not be read: a CSV quoting problem, wrong number of
                     // fields, a JSON line that is not a flat object
  kBadValue,         // a value does not read as its field's type (number, date, bool)
  kNotInList,        // a code is neither a code nor an alias in its field's list
  kMissingRequired,  // a required field is empty
  kInvalidNik,       // a NIK that is not 16 digits or cannot exist
  kNikMismatch,      // the NIK's birth date or sex disagrees with the row's columns
  kDuplicateKey,     // the key (NIK) was already used by an earlier row
};

// A short English name of `kind` ("malformed row", "bad value", ...).
const char* IssueKindName(IssueKind kind);

// A problem found in one input row: where, what was there, and why it is wrong.
struct RowIssue {
  IssueKind kind = IssueKind::kBadValue;
  uint64_t row = 0;      // the row's record number in the input (1 = first data row)
  uint64_t line = 0;     // the physical line it starts on (0 when unknown)
  std::string column;    // the schema field or input column concerned (empty for the whole row)
  std::string value;     // the text found there (cut to 200 bytes)
  std::string reason;    // a short English reason
  bool error = true;     // true: the row is invalid; false: a warning, the row is still decided
};

// Candidates in columns, shaped for one RuleSet's schema. Cleared and refilled chunk by
// chunk when reading a long list, so memory stays bounded by the chunk size.
class CandidateTable {
 public:
  // An empty table with one column per field of `rules`.
  explicit CandidateTable(RuleSet rules);

  // The rules whose schema the columns follow.
  const RuleSet& rules() const { return rules_; }
  // Number of rows.
  size_t size() const { return source_rows_.size(); }
  // Forgets every row and issue, keeping the memory for the next chunk.
  void Clear();

  // Appends a row with every field missing and returns its index. `source_row` is its
  // record number in the input and `line` the physical line it starts on.
  size_t AddRow(uint64_t source_row, uint64_t line = 0);
  // Sets field `slot` of row `row`. The value's type must be the field's (strings are
  // copied into the table); a missing value makes the field missing.
  void Set(size_t row, int slot, const Value& value);
  // Records a problem with row `row`. A row's issues are added together, and rows in order
  // (`row` is the row of the last issue added or a later one), so that issues() stays in row
  // order. An error makes the row invalid.
  void AddIssue(size_t row, IssueKind kind, std::string_view column, std::string_view value,
                std::string_view reason, bool error);

  // The value of field `slot` in row `row`; strings point into the table and stay valid
  // until it is cleared or grows.
  Value Get(size_t row, int slot) const;
  // Every field of row `row` in slot order, into `out` (size fields().size()).
  void GetRow(size_t row, std::span<Value> out) const;
  // The values of rows [begin, begin + count), row after row: row begin + r's value of slot
  // s goes to out[r * fields + s]. The same values as GetRow, read a column at a time, which
  // is faster for a block of rows. `out` holds at least count × fields values.
  void GetRows(size_t begin, size_t count, std::span<Value> out) const;
  // How many rows' values fit a 64 KB block, which stays in a core's cache (at least 1): the
  // count to read with GetRows when going through the table row after row.
  size_t rows_per_block() const;

  // The input record number and line of row `row`.
  uint64_t source_row(size_t row) const { return source_rows_[row]; }
  uint64_t line(size_t row) const { return lines_[row]; }
  // True when reading found an error in row `row`: it is reported, not decided.
  bool invalid(size_t row) const { return invalid_[row] != 0; }
  // The problems of row `row` (errors and warnings) in the order found.
  std::span<const RowIssue> issues(size_t row) const;
  // Every problem of every row, in row order.
  std::span<const RowIssue> issues() const { return issues_; }

 private:
  // Fills whole chunks of rows a column at a time (row_converter.cpp).
  friend class internal::RowConverter;

  // One field's values: `data` holds 8 bytes per row (the Value payload), strings as
  // (offset << 32 | length) into `text`.
  struct Column {
    Type type = Type::kString;
    std::vector<int64_t> data;
    std::vector<uint8_t> present;
    std::string text;

    // The payload of a present `value` of this column's type; a string's text is appended
    // to `text`. Inline: reading a list calls it for nearly every cell.
    int64_t Payload(const Value& value) {
      switch (type) {
        case Type::kDecimal:
          return std::bit_cast<int64_t>(value.as_decimal());
        case Type::kString: {
          const std::string_view string = value.as_string();
          const auto payload = static_cast<int64_t>((uint64_t{text.size()} << 32) | string.size());
          text.append(string);
          return payload;
        }
        case Type::kDate:
          return value.as_date().days;
        case Type::kCode:
          return value.as_code();
        case Type::kBool:
          return value.as_bool() ? 1 : 0;
        case Type::kInt:
        case Type::kMoney:
          break;
      }
      return value.as_int();
    }
  };

  // Where a row's issues are in issues_.
  struct IssueRange {
    uint32_t begin = 0;
    uint32_t count = 0;
  };

  // Appends `count` rows with every field missing and no issue, leaving their source rows and
  // lines for the caller to set; returns the index of the first.
  size_t AddBlankRows(size_t count);

  RuleSet rules_;
  std::vector<Column> columns_;
  std::vector<uint64_t> source_rows_;
  std::vector<uint64_t> lines_;
  std::vector<uint8_t> invalid_;
  std::vector<IssueRange> issue_ranges_;  // per row
  std::vector<RowIssue> issues_;
};

}  // namespace aturan
