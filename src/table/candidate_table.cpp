#include "aturan/candidate_table.hpp"

#include <algorithm>
#include <bit>

namespace aturan {

namespace {
constexpr size_t kMaxIssueValueBytes = 200;

// Calls use(decode), with `decode` the function that turns a payload of a column of type `type`
// (string payloads index `text`) into its Value: the type is looked at once, whether for one
// value (Get) or a whole column (GetRows).
template <typename Use>
decltype(auto) WithDecoder(Type type, std::string_view text, Use&& use) {
  switch (type) {
    case Type::kBool:
      return use([](int64_t payload) { return Value::Bool(payload != 0); });
    case Type::kInt:
      return use([](int64_t payload) { return Value::Int(payload); });
    case Type::kMoney:
      return use([](int64_t payload) { return Value::Money(payload); });
    case Type::kDecimal:
      return use([](int64_t payload) { return Value::Decimal(std::bit_cast<double>(payload)); });
    case Type::kString:
      return use([text](int64_t payload) {
        const auto bits = static_cast<uint64_t>(payload);
        return Value::String(text.substr(bits >> 32, bits & 0xffffffffu));
      });
    case Type::kDate:
      return use([](int64_t payload) { return Value::FromDate(Date{static_cast<int32_t>(payload)}); });
    case Type::kCode:
      break;
  }
  return use([](int64_t payload) { return Value::Code(static_cast<int32_t>(payload)); });
}

}  // namespace

const char* IssueKindName(IssueKind kind) {
  switch (kind) {
    case IssueKind::kMalformedRow:
      return "malformed row";
    case IssueKind::kBadValue:
      return "bad value";
    case IssueKind::kNotInList:
      return "code not in list";
    case IssueKind::kMissingRequired:
      return "missing required value";
    case IssueKind::kInvalidNik:
      return "invalid NIK";
    case IssueKind::kNikMismatch:
      return "NIK disagrees with birth date or sex";
    case IssueKind::kDuplicateKey:
      return "duplicate NIK";
  }
  return "?";
}

CandidateTable::CandidateTable(RuleSet rules) : rules_(std::move(rules)) {
  columns_.resize(rules_.fields().size());
  for (size_t slot = 0; slot < columns_.size(); ++slot) columns_[slot].type = rules_.fields()[slot].type;
}

void CandidateTable::Clear() {
  for (Column& column : columns_) {
    column.data.clear();
    column.present.clear();
    column.text.clear();
  }
  source_rows_.clear();
  lines_.clear();
  invalid_.clear();
  issue_ranges_.clear();
  issues_.clear();
}

size_t CandidateTable::AddRow(uint64_t source_row, uint64_t line) {
  const size_t row = AddBlankRows(1);
  source_rows_[row] = source_row;
  lines_[row] = line;
  return row;
}

size_t CandidateTable::AddBlankRows(size_t count) {
  const size_t first = source_rows_.size();
  for (Column& column : columns_) {
    column.data.resize(first + count);
    column.present.resize(first + count);
  }
  source_rows_.resize(first + count);
  lines_.resize(first + count);
  invalid_.resize(first + count);
  issue_ranges_.resize(first + count);
  return first;
}

void CandidateTable::Set(size_t row, int slot, const Value& value) {
  Column& column = columns_[slot];
  if (value.missing()) {
    column.present[row] = 0;
    return;
  }
  column.data[row] = column.Payload(value);
  column.present[row] = 1;
}

void CandidateTable::AddIssue(size_t row, IssueKind kind, std::string_view column, std::string_view value,
                              std::string_view reason, bool error) {
  RowIssue issue;
  issue.kind = kind;
  issue.row = source_rows_[row];
  issue.line = lines_[row];
  issue.column = std::string(column);
  issue.value = std::string(value.substr(0, kMaxIssueValueBytes));
  issue.reason = std::string(reason);
  issue.error = error;
  issues_.push_back(std::move(issue));
  IssueRange& range = issue_ranges_[row];
  if (range.count == 0) range.begin = static_cast<uint32_t>(issues_.size() - 1);
  ++range.count;
  if (error) invalid_[row] = 1;
}

Value CandidateTable::Get(size_t row, int slot) const {
  const Column& column = columns_[slot];
  if (!column.present[row]) return Value::MissingOf(column.type);
  const int64_t payload = column.data[row];
  return WithDecoder(column.type, column.text, [payload](auto decode) { return decode(payload); });
}

void CandidateTable::GetRow(size_t row, std::span<Value> out) const {
  for (size_t slot = 0; slot < columns_.size(); ++slot) out[slot] = Get(row, static_cast<int>(slot));
}

size_t CandidateTable::rows_per_block() const {
  constexpr size_t kBlockValues = 4096;  // 64 KB
  return std::max<size_t>(1, kBlockValues / std::max<size_t>(1, columns_.size()));
}

void CandidateTable::GetRows(size_t begin, size_t count, std::span<Value> out) const {
  const size_t fields = columns_.size();
  for (size_t slot = 0; slot < fields; ++slot) {
    const Column& column = columns_[slot];
    const int64_t* data = column.data.data() + begin;
    const uint8_t* present = column.present.data() + begin;
    Value* to = out.data() + slot;
    // One loop per type, so that the type is decided once per column.
    WithDecoder(column.type, column.text, [&](auto decode) {
      for (size_t r = 0; r < count; ++r) to[r * fields] = present[r] ? decode(data[r]) : Value::MissingOf(column.type);
    });
  }
}

std::span<const RowIssue> CandidateTable::issues(size_t row) const {
  const IssueRange range = issue_ranges_[row];
  return std::span<const RowIssue>(issues_).subspan(range.begin, range.count);
}

}  // namespace aturan
