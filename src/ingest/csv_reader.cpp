#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <iterator>

#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/strings.hpp"

namespace aturan {
namespace {

// Problem ranks: a higher rank replaces the problem already noted, an equal one does not.
constexpr int kQuoteRank = 1;
constexpr int kLimitRank = 2;
constexpr int kLongRecordRank = 3;
constexpr int kUnterminatedRank = 4;

// Where reading a record is: its current physical line and where that line starts.
struct Position {
  uint64_t line;
  const char* line_start;

  uint64_t Column(const char* at) const { return static_cast<uint64_t>(at - line_start) + 1; }
};

// Advances `position` over the line breaks (LF, CRLF, lone CR) in [begin, end), which is
// the inside of a quoted field up to a quote or the end of the input, so a CR at its end
// is a lone CR.
void CountLineBreaks(const char* begin, const char* end, Position* position) {
  for (const char* c = begin; c < end; ++c) {
    if (*c == '\n' || (*c == '\r' && (c + 1 == end || c[1] != '\n'))) {
      ++position->line;
      position->line_start = c + 1;
    }
  }
}

// Bit i set when s[i] is special (the delimiter, a quote, CR or LF), for the n <= 16 bytes at `s`.
inline uint32_t SpecialMaskTail(const char* s, size_t n, const bool* special) {
  uint32_t mask = 0;
  for (size_t i = 0; i < n; ++i) mask |= uint32_t{special[static_cast<unsigned char>(s[i])]} << i;
  return mask;
}

// SpecialMaskTail for 16 bytes. With SSE2 (every x86-64) a few instructions for all 16:
// finding these bytes is where parsing spends most of its time.
inline uint32_t SpecialMask16(const char* s, char delimiter, const bool* special) {
#ifdef __SSE2__
  (void)special;
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s));
  const __m128i hits =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(delimiter)), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))),
                   _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
  return static_cast<uint32_t>(_mm_movemask_epi8(hits));
#else
  (void)delimiter;
  return SpecialMaskTail(s, 16, special);
#endif
}

// The first byte in [s, end) that is special, or `end`.
inline const char* SkipPlain(const char* s, const char* end, char delimiter, const bool* special) {
  for (; end - s >= 16; s += 16) {
    if (const uint32_t mask = SpecialMask16(s, delimiter, special); mask != 0) return s + std::countr_zero(mask);
  }
  while (s < end && !special[static_cast<unsigned char>(*s)]) ++s;
  return s;
}

// ASCII spaces and tabs trimmed from both ends.
std::string_view TrimBlanks(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void CsvRecord::Clear() {
  field_count_ = 0;
  raw_ = {};
  scratch_.clear();
  scratch_fields_.clear();
  problem_.clear();
  problem_rank_ = 0;
  limit_exceeded_ = false;
  problem_line_ = 0;
  problem_column_ = 0;
  problem_field_ = 0;
}

void CsvRecord::NoteProblem(int rank, std::string_view reason, uint64_t line, uint64_t column,
                            uint64_t field) {
  if (rank == kLimitRank || rank == kLongRecordRank) limit_exceeded_ = true;
  if (rank <= problem_rank_) return;
  problem_rank_ = rank;
  problem_.assign(reason);
  problem_line_ = line;
  problem_column_ = column;
  problem_field_ = field;
}

absl::StatusOr<CsvReader> CsvReader::Open(const std::string& path, CsvOptions options) {
  absl::StatusOr<InputBuffer> input = InputBuffer::Open(path, options.buffer_bytes);
  if (!input.ok()) return input.status();
  CsvReader reader(options, *std::move(input));
  if (!reader.status_.ok()) return reader.status_;
  return reader;
}

CsvReader CsvReader::FromString(std::string_view text, CsvOptions options) {
  return CsvReader(options, InputBuffer::FromText(text, "text", options.buffer_bytes));
}

CsvReader::CsvReader(CsvOptions options, InputBuffer input) : options_(options), input_(std::move(input)) {
  options_.max_field_bytes = std::max<size_t>(options_.max_field_bytes, 1);
  options_.max_fields = std::max<size_t>(options_.max_fields, 1);
  options_.max_record_bytes = std::max<size_t>(options_.max_record_bytes, 1);
  const char delimiter = options_.delimiter;
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
    status_ = absl::InvalidArgumentError("the CSV delimiter cannot be a quote or a line break");
    return;
  }
  if (!input_.SkipByteOrderMark()) {
    status_ = input_.status();
    return;
  }
  if (options_.detect_delimiter) DetectDelimiter();
  special_[static_cast<unsigned char>(options_.delimiter)] = true;
  special_[static_cast<unsigned char>('"')] = true;
  special_[static_cast<unsigned char>('\r')] = true;
  special_[static_cast<unsigned char>('\n')] = true;
  if (!options_.has_header || !status_.ok()) return;
  CsvRecord header;
  if (!Read(&header)) return;
  if (!header.problem().empty()) {
    status_ = absl::InvalidArgumentError(ToAbsl(StrCat(
        input_.name(), ": the header (line ", header.problem_line(), ", column ", header.problem_column(),
        ") has a problem: ", header.problem())));
    return;
  }
  header_.reserve(header.fields().size());
  for (std::string_view name : header.fields()) header_.emplace_back(TrimBlanks(name));
}

void CsvReader::DetectDelimiter() {
  std::string_view line;
  for (;;) {
    const std::string_view data(input_.data() + input_.pos(), input_.filled() - input_.pos());
    const size_t start = data.find_first_not_of("\r\n");
    const size_t stop = data.find_first_of("\r\n", start);
    if ((start != std::string_view::npos && stop != std::string_view::npos) || input_.eof() ||
        data.size() > options_.max_record_bytes) {
      if (start != std::string_view::npos) line = data.substr(start, stop - start);
      break;
    }
    if (!Refill()) return;
  }
  constexpr char kCandidates[] = {',', ';', '\t'};
  size_t counts[std::size(kCandidates)] = {};
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (size_t i = 0; i < std::size(kCandidates); ++i) counts[i] += c == kCandidates[i];
  }
  const size_t best = static_cast<size_t>(std::max_element(counts, counts + std::size(counts)) - counts);
  if (counts[best] > 0) options_.delimiter = kCandidates[best];
}

bool CsvReader::Refill() {
  if (input_.Refill()) return true;
  status_ = input_.status();
  return false;
}

bool CsvReader::Next(CsvRecord* record) {
  if (!Read(record)) return false;
  record->record_number_ = ++records_;
  return true;
}

bool CsvReader::Read(CsvRecord* record) {
  if (!status_.ok()) return false;
  for (;;) {
    switch (ParseRecord(record)) {
      case Parse::kRecord:
        return true;
      case Parse::kEnd:
        return false;
      case Parse::kNeedMore:
        // One more byte than the limit: a CR at the end may still turn out to be the line
        // break, and a record at the limit is allowed.
        if (input_.filled() - input_.pos() > options_.max_record_bytes + 1) return SkipLongRecord(record);
        if (!Refill()) return false;
        break;
    }
  }
}

CsvReader::Parse CsvReader::ParseRecord(CsvRecord* record) {
  const char* const base = input_.data();
  const char* const end = base + input_.filled();
  const char* p = base + input_.pos();
  // Empty lines.
  for (;;) {
    if (p == end) return input_.eof() ? Parse::kEnd : Parse::kNeedMore;
    if (*p == '\r') {
      if (p + 1 == end && !input_.eof()) return Parse::kNeedMore;
      if (p + 1 < end && p[1] == '\n') ++p;
    } else if (*p != '\n') {
      break;
    }
    ++p;
    ++line_;
    input_.set_pos(static_cast<size_t>(p - base));
  }

  record->Clear();
  if (const char* next = ParsePlainRecord(p, end, record)) {
    record->line_ = line_;
    ++line_;
    input_.set_pos(static_cast<size_t>(next - base));
    return Parse::kRecord;
  }
  const char delimiter = options_.delimiter;
  const bool* const special = special_;
  const char* const record_start = p;
  Position position{line_, p};
  size_t field_count = 0;
  // Adds one field; `scratch_offset` is npos for a view into the buffer.
  // The rare case of add_field: a field over a limit.
  auto note_limits = [&](std::string_view text, const Position& at, const char* field_start)
                         __attribute__((noinline, cold)) {
    if (text.size() > options_.max_field_bytes) {
      record->NoteProblem(kLimitRank, StrCat("field longer than ", options_.max_field_bytes, " bytes"),
                          at.line, at.Column(field_start), field_count);
    }
    if (field_count == options_.max_fields + 1) {
      record->NoteProblem(kLimitRank, StrCat("more than ", options_.max_fields, " fields"), at.line,
                          at.Column(field_start), field_count);
    }
  };
  auto add_field = [&](std::string_view text, size_t scratch_offset, const Position& at,
                       const char* field_start) __attribute__((always_inline)) {
    ++field_count;
    if (text.size() > options_.max_field_bytes || field_count > options_.max_fields) [[unlikely]] {
      note_limits(text, at, field_start);
      if (field_count > options_.max_fields) return;
    }
    if (scratch_offset != std::string::npos) {
      record->scratch_fields_.emplace_back(record->field_count_, scratch_offset);
    }
    record->AddField(text);
  };
  // The end of the unquoted text from `s`: the next delimiter, CR or LF, or `end`. Notes in
  // `*quote` the first quote on the way (nullptr if none).
  auto unquoted_end = [&](const char* s, const char** quote) {
    *quote = nullptr;
    for (;;) {
      s = SkipPlain(s, end, delimiter, special);
      if (s == end || *s != '"') return s;
      if (*quote == nullptr) *quote = s;
      ++s;
    }
  };

  for (;;) {  // one field per turn, `p` at its start
    const char* const field_start = p;
    const Position field_position = position;
    if (p == end || *p != '"') {
      const char* quote;
      p = unquoted_end(p, &quote);
      if (p == end && !input_.eof()) return Parse::kNeedMore;
      if (quote != nullptr) {
        record->NoteProblem(kQuoteRank, "quote inside an unquoted field", position.line,
                            position.Column(quote), field_count + 1);
      }
      add_field(std::string_view(field_start, static_cast<size_t>(p - field_start)), std::string::npos,
                field_position, field_start);
    } else {
      std::string& scratch = record->scratch_;
      size_t scratch_offset = std::string::npos;  // set once the field needs copying
      const char* q = p + 1;                       // the start of the text not yet taken
      const char* content_end;                     // the closing quote, or `end`
      for (;;) {
        const auto* quote = static_cast<const char*>(std::memchr(q, '"', static_cast<size_t>(end - q)));
        if (quote == nullptr) {
          if (!input_.eof()) return Parse::kNeedMore;
          CountLineBreaks(q, end, &position);
          record->NoteProblem(kUnterminatedRank, "unterminated quoted field", field_position.line,
                              field_position.Column(field_start), field_count + 1);
          content_end = end;
          p = end;
          break;
        }
        CountLineBreaks(q, quote, &position);
        if (quote + 1 == end && !input_.eof()) return Parse::kNeedMore;
        if (quote + 1 < end && quote[1] == '"') {  // an escaped quote
          if (scratch_offset == std::string::npos) scratch_offset = scratch.size();
          scratch.append(q, quote + 1);
          q = quote + 2;
          continue;
        }
        content_end = quote;
        p = quote + 1;
        break;
      }
      if (scratch_offset != std::string::npos) scratch.append(q, content_end);
      if (p < end && *p != delimiter && *p != '\n' && *p != '\r') {
        const char* ignored_quote;
        const char* const text_end = unquoted_end(p, &ignored_quote);
        if (text_end == end && !input_.eof()) return Parse::kNeedMore;
        record->NoteProblem(kQuoteRank, "text after a closing quote", position.line, position.Column(p),
                            field_count + 1);
        if (scratch_offset == std::string::npos) {
          scratch_offset = scratch.size();
          scratch.append(field_start + 1, content_end);
        }
        scratch.append(p, text_end);
        p = text_end;
      }
      if (scratch_offset == std::string::npos) {
        add_field(std::string_view(field_start + 1, static_cast<size_t>(content_end - (field_start + 1))),
                  std::string::npos, field_position, field_start);
      } else {
        add_field(std::string_view(scratch).substr(scratch_offset), scratch_offset, field_position,
                  field_start);
      }
    }
    if (p == end || *p != delimiter) break;
    ++p;
    if (p == end && !input_.eof()) return Parse::kNeedMore;
  }

  // `p` is at the line break or the end of the input.
  const char* const record_end = p;
  if (p < end) {
    if (*p == '\r') {
      if (p + 1 == end && !input_.eof()) return Parse::kNeedMore;
      if (p + 1 < end && p[1] == '\n') ++p;
    }
    ++p;
    ++position.line;
  }
  if (static_cast<size_t>(record_end - record_start) > options_.max_record_bytes) {
    record->NoteProblem(kLongRecordRank,
                        StrCat("record longer than ", options_.max_record_bytes, " bytes"), line_, 1, 0);
  }
  if (record->limit_exceeded_) {
    record->field_count_ = 0;
  } else {
    record->raw_ = std::string_view(record_start, static_cast<size_t>(record_end - record_start));
    for (const auto& [index, offset] : record->scratch_fields_) {
      std::string_view& field = record->fields_[index];
      field = std::string_view(record->scratch_).substr(offset, field.size());
    }
  }
  record->line_ = line_;
  line_ = position.line;
  input_.set_pos(static_cast<size_t>(p - base));
  return Parse::kRecord;
}

const char* CsvReader::ParsePlainRecord(const char* p, const char* end, CsvRecord* record) const {
  const char delimiter = options_.delimiter;
  const size_t max_field_bytes = options_.max_field_bytes;
  const size_t max_fields = options_.max_fields;
  const size_t max_record_bytes = options_.max_record_bytes;
  const char* const record_start = p;
  const char* field_start = p;
  // Fields are written through a local pointer, not with AddField, which would store the
  // count on every field. `room` is how many fit before growing or passing max_fields.
  if (record->fields_.empty()) record->GrowFields();
  std::string_view* field = record->fields_.data();
  size_t room = std::min(record->fields_.size(), max_fields);
  size_t count = 0;
  // Special bytes are taken from a mask of 16 bytes at a time, lowest first.
  for (const char* block = p;; block += 16) {
    const bool tail = end - block < 16;
    uint32_t mask = tail ? SpecialMaskTail(block, static_cast<size_t>(end - block), special_)
                         : SpecialMask16(block, delimiter, special_);
    for (; mask != 0; mask &= mask - 1) {
      const char* const s = block + std::countr_zero(mask);
      const auto length = static_cast<size_t>(s - field_start);
      if (count == room) [[unlikely]] {
        if (count >= max_fields) break;
        record->GrowFields();
        field = record->fields_.data();
        room = std::min(record->fields_.size(), max_fields);
      }
      if (length > max_field_bytes) break;
      field[count++] = std::string_view(field_start, length);
      field_start = s + 1;
      const char c = *s;
      if (c == delimiter) continue;
      if (c == '"') break;
      // A line break ends the record; the CR of a CRLF may be the last byte read so far.
      const char* next = s + 1;
      if (c == '\r') {
        if (next == end) break;
        if (*next == '\n') ++next;
      }
      if (static_cast<size_t>(s - record_start) > max_record_bytes) break;
      record->field_count_ = count;
      record->raw_ = std::string_view(record_start, static_cast<size_t>(s - record_start));
      return next;
    }
    // Here a special byte needs the full parser, or the block had no line break.
    if (mask != 0 || tail || static_cast<size_t>(block - record_start) > max_record_bytes) break;
  }
  return nullptr;
}

bool CsvReader::SkipLongRecord(CsvRecord* record) {
  record->Clear();
  const char delimiter = options_.delimiter;
  const uint64_t record_line = line_;
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuotedQuote, kCarriageReturn };
  State state = State::kFieldStart;
  uint64_t line = line_;
  uint64_t column = 1;  // of the byte at hand
  uint64_t field = 1;
  uint64_t quote_line = 0;
  uint64_t quote_column = 0;
  uint64_t quote_field = 0;
  bool after_cr = false;  // inside quotes: the previous byte was a CR
  bool done = false;      // the line break ending the record has been consumed
  while (!done) {
    if (input_.pos() == input_.filled()) {
      if (input_.eof()) break;
      if (!Refill()) return false;
      continue;
    }
    const char* p = input_.data() + input_.pos();
    const char* const end = input_.data() + input_.filled();
    for (; p < end; ++p, ++column) {
      const char c = *p;
      if (state == State::kCarriageReturn) {
        if (c == '\n') ++p;
        done = true;
        break;
      }
      if (state == State::kQuoted) {
        if (c == '"') {
          state = State::kQuotedQuote;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' || !after_cr) ++line;
          column = 0;
        }
        after_cr = c == '\r';
        continue;
      }
      if (state == State::kQuotedQuote && c == '"') {  // an escaped quote
        state = State::kQuoted;
        after_cr = false;
        continue;
      }
      if (state == State::kFieldStart && c == '"') {
        state = State::kQuoted;
        quote_line = line;
        quote_column = column;
        quote_field = field;
        after_cr = false;
        continue;
      }
      state = State::kUnquoted;
      if (c == delimiter) {
        ++field;
        state = State::kFieldStart;
      } else if (c == '\r') {
        state = State::kCarriageReturn;
      } else if (c == '\n') {
        ++p;
        done = true;
        break;
      }
    }
    input_.set_pos(static_cast<size_t>(p - input_.data()));
  }
  if (state == State::kQuoted) {
    record->NoteProblem(kUnterminatedRank, "unterminated quoted field", quote_line, quote_column,
                        quote_field);
  }
  record->NoteProblem(kLongRecordRank, StrCat("record longer than ", options_.max_record_bytes, " bytes"),
                      record_line, 1, 0);
  record->line_ = record_line;
  line_ = done || state == State::kCarriageReturn ? line + 1 : line;
  return true;
}

}  // namespace aturan
