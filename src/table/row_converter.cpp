#include "table/row_converter.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "base/dates.hpp"
#include "base/nik.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "base/value_text.hpp"

namespace aturan::internal {

namespace {

std::string TwoDigits(int n) { return StrCat(n < 10 ? "0" : "", n); }

// A hash of a short text and the field it is in: its length and its first and last eight
// bytes (all of it up to 16 bytes), mixed. Cheap, and enough to spread a list's few hundred
// spellings of codes over the cache.
uint64_t CellHash(int slot, std::string_view text) {
  uint64_t head = 0;
  uint64_t tail = 0;
  if (text.size() >= 8) {
    std::memcpy(&head, text.data(), 8);
    std::memcpy(&tail, text.data() + text.size() - 8, 8);
  } else {
    std::memcpy(&head, text.data(), text.size());
  }
  uint64_t h = (head * 0x9e3779b97f4a7c15u) ^ (tail + (uint64_t{text.size()} << 8) + static_cast<uint64_t>(slot));
  h *= 0xff51afd7ed558ccdu;
  return h ^ (h >> 29);
}

}  // namespace

// A cache from (code field, cell text) to code id, in front of RuleSet::CodeId: a list spells
// the same few hundred codes millions of times, and hashing into the alias table (after
// lower-casing a copy) costs more than comparing one remembered text. A text may sit in either
// of two neighbouring entries, so that two common spellings that hash alike do not keep
// evicting each other (with one entry each and 1,024 entries, a fifth of a generated list's
// lookups missed). Only short texts that are codes are kept; it lives for one Convert call (one
// chunk), so the shared converter stays immutable.
struct RowConverter::CodeCache {
  static constexpr size_t kEntries = 4096;
  static constexpr size_t kMaxText = 26;
  struct Entry {
    int32_t id = 0;
    int16_t slot = -1;  // -1: empty
    uint8_t length = 0;
    char text[kMaxText];
  };
  std::array<Entry, kEntries> entries{};
  // The did-you-mean hint (possibly empty) for texts not in their list, by field and text:
  // a list repeats its wrong spellings too, and each hint costs an edit distance per code.
  absl::flat_hash_map<std::pair<int, std::string>, std::string> hints;
};

int32_t RowConverter::CodeId(int slot, std::string_view text, CodeCache* cache) const {
  if (text.size() > CodeCache::kMaxText) return rules_.CodeId(slot, text);
  const size_t first = CellHash(slot, text) % CodeCache::kEntries;
  const auto holds = [&](const CodeCache::Entry& entry) {
    return entry.slot == slot && entry.length == text.size() && std::memcmp(entry.text, text.data(), text.size()) == 0;
  };
  CodeCache::Entry& entry = cache->entries[first];
  if (holds(entry)) return entry.id;
  CodeCache::Entry& neighbour = cache->entries[first ^ 1];
  if (holds(neighbour)) return neighbour.id;
  const int32_t id = rules_.CodeId(slot, text);
  if (id != kUnknownCode) {
    CodeCache::Entry& kept = entry.slot >= 0 && neighbour.slot < 0 ? neighbour : entry;
    kept.id = id;
    kept.slot = static_cast<int16_t>(slot);
    kept.length = static_cast<uint8_t>(text.size());
    std::memcpy(kept.text, text.data(), text.size());
  }
  return id;
}

RowConverter::RowConverter(const RuleSet& rules, const ColumnMapping& mapping)
    : rules_(rules), mapping_(mapping), nik_slot_(rules.input_checks().nik_slot), fields_(rules.fields()),
      code_words_(rules.fields().size()) {
  for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
    if (rules.fields()[slot].key) key_slot_ = static_cast<int>(slot);
    code_words_[slot] = rules.CodeSpellings(static_cast<int>(slot));
  }
}

// A problem with one cell (every one an error), found while converting a chunk a column at a
// time and added to the table once the chunk is done: the table takes issues in row order, and
// a row's cell issues come out of the columns in field order.
struct RowConverter::CellIssue {
  uint32_t row;  // in the chunk
  IssueKind kind;
  std::string_view column;
  std::string_view value;  // in the chunk's text (or a value rename), which outlives Convert
  std::string reason;
};

void RowConverter::Convert(const RawChunk& chunk, CandidateTable* table) const {
  const size_t rows = chunk.rows.size();
  const size_t first = table->AddBlankRows(rows);
  for (size_t i = 0; i < rows; ++i) {
    table->source_rows_[first + i] = chunk.rows[i].record_number;
    table->lines_[first + i] = chunk.rows[i].line;
  }
  auto cache = std::make_unique<CodeCache>();
  std::vector<CellIssue> issues;
  for (size_t slot = 0; slot < fields_.size(); ++slot) {
    ConvertColumn(chunk, static_cast<int>(slot), first, table, cache.get(), &issues);
  }
  std::stable_sort(issues.begin(), issues.end(), [](const CellIssue& a, const CellIssue& b) { return a.row < b.row; });
  auto next = issues.begin();
  for (size_t i = 0; i < rows; ++i) {
    const RawRow& raw = chunk.rows[i];
    const size_t row = first + i;
    if (raw.problem != RawRow::kNoProblem) {
      const RawProblem& problem = chunk.problems[raw.problem];
      table->AddIssue(row, IssueKind::kMalformedRow, problem.column, problem.value, problem.reason, true);
      continue;
    }
    for (; next != issues.end() && next->row == i; ++next) {
      table->AddIssue(row, next->kind, next->column, next->value, next->reason, true);
    }
    if (raw.duplicate_of != 0) {
      table->AddIssue(row, IssueKind::kDuplicateKey, fields_[key_slot_].name, NormalizedKey(*chunk.Cell(i, key_slot_)),
                      StrCat("duplicate ", fields_[key_slot_].name, ": first seen in row ", raw.duplicate_of), true);
    }
    CheckNik(row, table);
  }
}

void RowConverter::ConvertColumn(const RawChunk& chunk, int slot, size_t first, CandidateTable* table,
                                 CodeCache* cache, std::vector<CellIssue>* issues) const {
  const FieldInfo& field = fields_[slot];
  CandidateTable::Column& column = table->columns_[slot];
  int64_t* const data = column.data.data() + first;
  uint8_t* const present = column.present.data() + first;
  const bool renamed = mapping_.HasValueRenames(slot);
  const bool key = field.key || slot == nik_slot_;
  const TextRef* cell = chunk.cells.data() + slot;
  for (uint32_t i = 0; i < chunk.rows.size(); ++i, cell += chunk.fields) {
    if (chunk.rows[i].problem != RawRow::kNoProblem) continue;
    if (cell->length != TextRef::kAbsent) {
      std::string_view text(chunk.bytes.data() + cell->offset, cell->length);
      if (renamed) text = mapping_.MapValue(slot, text);
      if (field.type == Type::kCode) {
        const std::string_view trimmed = TrimAsciiWhitespace(text);
        if (!trimmed.empty()) {
          const int32_t id = CodeId(slot, trimmed, cache);
          if (id != kUnknownCode) {
            data[i] = id;
            present[i] = 1;
            continue;
          }
          auto [known, added] = cache->hints.try_emplace(std::pair<int, std::string>(slot, trimmed));
          if (added) known->second = ClosestMatch(trimmed, code_words_[slot]);
          const std::string& hint = known->second;
          issues->push_back(CellIssue{i, IssueKind::kNotInList, field.name, trimmed,
                                      StrCat("not in list '", field.list, "'",
                                             hint.empty() ? std::string() : StrCat(" (did you mean '", hint, "'?)"))});
          continue;
        }
      } else {
        if (key) text = NormalizedKey(text);
        Value value;
        if (const ValueTextProblem* problem = ReadValueText(field.type, text, &value)) {
          issues->push_back(CellIssue{i, IssueKind::kBadValue, field.name, TrimAsciiWhitespace(text),
                                      DescribeValueTextProblem(*problem, text)});
          continue;
        }
        if (!value.missing()) {
          data[i] = column.Payload(value);
          present[i] = 1;
          continue;
        }
      }
    }
    // Blank or absent: a cell that did not read has had its own issue above.
    if (field.required) {
      issues->push_back(CellIssue{i, IssueKind::kMissingRequired, field.name, "", "required value is missing"});
    }
  }
}

void RowConverter::CheckNik(size_t row, CandidateTable* table) const {
  const InputChecks& checks = rules_.input_checks();
  if (checks.nik_slot < 0) return;
  const Value nik = table->Get(row, checks.nik_slot);
  if (nik.missing()) return;
  const std::string_view name = rules_.fields()[checks.nik_slot].name;
  std::optional<NikParts> parts = ParseNik(nik.as_string());
  if (!parts) {
    table->AddIssue(row, IssueKind::kInvalidNik, name, nik.as_string(), StrCat("NIK ", NikProblem(nik.as_string())), true);
    return;
  }
  const bool error = checks.nik_mismatch_is_error;
  if (checks.birth_date_slot >= 0) {
    const Value birth = table->Get(row, checks.birth_date_slot);
    if (!birth.missing()) {
      YearMonthDay ymd = CivilFields(birth.as_date());
      if (ymd.day != parts->day || ymd.month != parts->month || ymd.year % 100 != parts->year_in_century) {
        table->AddIssue(row, IssueKind::kNikMismatch, name, nik.as_string(),
                        StrCat("the NIK's birth date ", TwoDigits(parts->day), "-", TwoDigits(parts->month), "-",
                               TwoDigits(parts->year_in_century), " disagrees with ",
                               rules_.fields()[checks.birth_date_slot].name, " ", FormatValue(birth)),
                        error);
      }
    }
  }
  if (checks.sex_slot >= 0) {
    const Value sex = table->Get(row, checks.sex_slot);
    const int32_t nik_sex = parts->female ? checks.female_code : checks.male_code;
    if (!sex.missing() && sex.as_code() != nik_sex) {
      table->AddIssue(row, IssueKind::kNikMismatch, name, nik.as_string(),
                      StrCat("the NIK's sex ", parts->female ? "P" : "L", " disagrees with ",
                             rules_.fields()[checks.sex_slot].name, " ",
                             rules_.CodeText(checks.sex_slot, sex.as_code())),
                      error);
    }
  }
}

}  // namespace aturan::internal
