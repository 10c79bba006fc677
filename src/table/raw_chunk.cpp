#include "table/raw_chunk.hpp"

#include <algorithm>
#include <filesystem>

#include "absl/strings/match.h"
#include "base/nik.hpp"
#include "base/strings.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/jsonl_reader.hpp"

namespace aturan::internal {

namespace {

// Chunks stop growing at this many bytes of text, whatever chunk_rows says.
constexpr size_t kMaxChunkBytes = size_t{64} << 20;
// A chunk's text starts with room for this many bytes, enough for a usual chunk: allocated
// once, in huge pages, instead of growing through smaller blocks of 4 KB pages.
constexpr size_t kInitialChunkBytes = size_t{4} << 20;
// Rows and cells are reserved for chunk_rows rows, up to this many.
constexpr size_t kMaxInitialChunkRows = 65536;
// For sizing the table of keys seen from the file size: growing it while reading means
// rehashing every key again, and reading a short row table-wide costs only memory.
constexpr uintmax_t kTypicalRowBytes = 128;
constexpr uintmax_t kMaxReservedKeys = uintmax_t{64} << 20;

bool IsJsonLinesName(std::string_view path) {
  return absl::EndsWithIgnoreCase(ToAbsl(path), ".jsonl") || absl::EndsWithIgnoreCase(ToAbsl(path), ".ndjson");
}

}  // namespace

void RawChunk::Clear() {
  rows.clear();
  cells.clear();
  bytes.clear();
  problems.clear();
}

std::string_view NormalizedKey(std::string_view text) {
  std::string_view key = TrimAsciiWhitespace(text);
  if (!key.empty() && key.front() == '\'') key.remove_prefix(1);
  return key;
}

RawChunkReader::RawChunkReader(RuleSet rules, ColumnMapping mapping, size_t chunk_rows)
    : rules_(std::move(rules)), mapping_(std::move(mapping)), chunk_rows_(std::max<size_t>(chunk_rows, 1)) {
  for (size_t slot = 0; slot < rules_.fields().size(); ++slot) {
    if (rules_.fields()[slot].key) key_slot_ = static_cast<int>(slot);
  }
}

RawChunkReader::~RawChunkReader() = default;

absl::StatusOr<std::unique_ptr<RawChunkReader>> RawChunkReader::Open(const RuleSet& rules,
                                                                     const std::string& path,
                                                                     std::string_view text,
                                                                     const ListOptions& options) {
  absl::StatusOr<ColumnMapping> mapping = ColumnMapping::Create(rules, options);
  if (!mapping.ok()) return mapping.status();
  std::unique_ptr<RawChunkReader> reader(new RawChunkReader(rules, *std::move(mapping), options.chunk_rows));
  const bool json = options.format == ListFormat::kJsonLines ||
                    (options.format == ListFormat::kAuto && !path.empty() && IsJsonLinesName(path));
  if (json) {
    if (path.empty()) {
      reader->json_ = std::make_unique<JsonLinesReader>(JsonLinesReader::FromString(text));
    } else {
      reader->EstimateRows(path);
      absl::StatusOr<JsonLinesReader> json_reader = JsonLinesReader::Open(path);
      if (!json_reader.ok()) return json_reader.status();
      reader->json_ = std::make_unique<JsonLinesReader>(*std::move(json_reader));
    }
    reader->json_line_ = std::make_unique<JsonLine>();
    return reader;
  }
  CsvOptions csv_options;
  csv_options.delimiter = options.delimiter == 0 ? ',' : options.delimiter;
  csv_options.detect_delimiter = options.delimiter == 0;
  if (path.empty()) {
    reader->csv_ = std::make_unique<CsvReader>(CsvReader::FromString(text, csv_options));
    if (!reader->csv_->status().ok()) return reader->csv_->status();
  } else {
    reader->EstimateRows(path);
    absl::StatusOr<CsvReader> csv_reader = CsvReader::Open(path, csv_options);
    if (!csv_reader.ok()) return csv_reader.status();
    reader->csv_ = std::make_unique<CsvReader>(*std::move(csv_reader));
  }
  if (reader->csv_->header().empty()) {
    return absl::InvalidArgumentError(
        "the list is empty: a CSV list starts with a header row naming its columns");
  }
  reader->csv_record_ = std::make_unique<CsvRecord>();
  reader->expected_fields_ = reader->csv_->header().size();
  absl::Status bound = reader->mapping_.BindHeader(reader->csv_->header(), &reader->warnings_);
  if (!bound.ok()) return bound;
  return reader;
}

void RawChunkReader::EstimateRows(const std::string& path) {
  std::error_code error;
  const uintmax_t size = path == "-" ? 0 : std::filesystem::file_size(path, error);
  if (error) return;
  expected_rows_ = size / kTypicalRowBytes;
  if (key_slot_ >= 0) numeric_keys_.reserve(std::min<uintmax_t>(expected_rows_, kMaxReservedKeys));
}

uint64_t RawChunkReader::bytes_read() const {
  return csv_ != nullptr ? csv_->bytes_consumed() : json_->bytes_consumed();
}

bool RawChunkReader::Next(RawChunk* chunk) {
  chunk->Clear();
  chunk->fields = rules_.fields().size();
  if (chunk->bytes.capacity() < kInitialChunkBytes) chunk->bytes.reserve(kInitialChunkBytes);
  const size_t rows = std::min(chunk_rows_, kMaxInitialChunkRows);
  if (chunk->rows.capacity() < rows) chunk->rows.reserve(rows);
  if (chunk->cells.capacity() < rows * chunk->fields) chunk->cells.reserve(rows * chunk->fields);
  while (chunk->rows.size() < chunk_rows_ && chunk->bytes.size() < kMaxChunkBytes) {
    if (csv_ != nullptr) {
      if (!csv_->Next(csv_record_.get())) {
        status_ = csv_->status();
        break;
      }
      AddCsvRecord(chunk);
    } else {
      if (!json_->Next(json_line_.get())) {
        status_ = json_->status();
        break;
      }
      AddJsonLine(chunk);
    }
  }
  CheckKeys(chunk);
  return !chunk->rows.empty();
}

void RawChunkReader::AddCsvRecord(RawChunk* chunk) {
  const CsvRecord& record = *csv_record_;
  RawRow row;
  row.record_number = record.record_number();
  row.line = record.line();
  chunk->cells.resize(chunk->cells.size() + chunk->fields);
  TextRef* cells = chunk->cells.data() + chunk->cells.size() - chunk->fields;
  if (!record.problem().empty()) {
    const size_t field = record.problem_field();
    std::string column = field > 0 && field <= csv_->header().size() ? csv_->header()[field - 1] : std::string();
    std::string value = field > 0 && field <= record.fields().size() ? std::string(record.fields()[field - 1]) : std::string();
    row.problem = static_cast<uint32_t>(chunk->problems.size());
    chunk->problems.push_back(RawProblem{std::move(column), std::move(value),
                                         StrCat(record.problem(), " (line ", record.problem_line(),
                                                ", byte ", record.problem_column(), ")")});
  } else if (record.fields().size() != expected_fields_) {
    row.problem = static_cast<uint32_t>(chunk->problems.size());
    chunk->problems.push_back(RawProblem{
        "", "", StrCat("expected ", expected_fields_, " fields as in the header, found ", record.fields().size())});
  } else {
    // The whole record is copied at once; the cells are views into the copy, except fields
    // that were unescaped (their text is not the input's), which are appended after it.
    const std::string_view raw = record.raw();
    const auto raw_begin = reinterpret_cast<uintptr_t>(raw.data());
    const uintptr_t raw_size = raw.size();
    const auto base = static_cast<uint32_t>(chunk->bytes.size());
    chunk->bytes.append(raw);
    const std::span<const std::string_view> fields = record.fields();
    const std::span<const int> slots = mapping_.column_slots();  // as many as fields here
    for (size_t column = 0; column < fields.size(); ++column) {
      const int slot = slots[column];
      if (slot < 0) continue;
      const std::string_view field = fields[column];
      const uintptr_t at = reinterpret_cast<uintptr_t>(field.data()) - raw_begin;  // wraps when outside
      uint32_t offset;
      if (at <= raw_size && field.size() <= raw_size - at) [[likely]] {
        offset = base + static_cast<uint32_t>(at);
      } else {
        offset = static_cast<uint32_t>(chunk->bytes.size());
        chunk->bytes.append(field);
      }
      cells[slot] = TextRef{offset, static_cast<uint32_t>(field.size())};
    }
  }
  chunk->rows.push_back(row);
}

void RawChunkReader::AddJsonLine(RawChunk* chunk) {
  const JsonLine& line = *json_line_;
  RawRow row;
  row.record_number = line.record_number();
  row.line = line.line();
  chunk->cells.resize(chunk->cells.size() + chunk->fields);
  TextRef* cells = chunk->cells.data() + chunk->cells.size() - chunk->fields;
  if (!line.problem().empty()) {
    row.problem = static_cast<uint32_t>(chunk->problems.size());
    chunk->problems.push_back(RawProblem{
        "", "",
        line.problem_column() > 0 ? StrCat(line.problem(), " (line ", line.line(), ", byte ", line.problem_column(), ")")
                                  : StrCat(line.problem(), " (line ", line.line(), ")")});
  } else {
    std::vector<std::string_view>& key_of_slot = json_keys_;
    key_of_slot.assign(chunk->fields, std::string_view());
    for (const JsonMember& member : line.members()) {
      int slot = mapping_.SlotOfKey(member.key, &warnings_);
      if (slot < 0) continue;
      if (!key_of_slot[slot].empty()) {
        row.problem = static_cast<uint32_t>(chunk->problems.size());
        chunk->problems.push_back(RawProblem{std::string(member.key), std::string(member.text),
                                             StrCat("keys '", key_of_slot[slot], "' and '", member.key,
                                                    "' both hold field '", rules_.fields()[slot].name, "'")});
        break;
      }
      key_of_slot[slot] = member.key;
      if (member.null) continue;
      cells[slot] = TextRef{static_cast<uint32_t>(chunk->bytes.size()), static_cast<uint32_t>(member.text.size())};
      chunk->bytes.append(member.text);
    }
  }
  chunk->rows.push_back(row);
}

void RawChunkReader::CheckKeys(RawChunk* chunk) {
  if (key_slot_ < 0) return;
  // The keys are looked up in row order, as they must be; 16-digit keys (nearly all) are read
  // first, so that the table's memory for the rows a little ahead can be fetched while the
  // current row waits for its own (a large table of keys misses the cache on every row).
  constexpr uint64_t kNoKey = ~uint64_t{0};       // the row has no key, or a parse problem
  constexpr uint64_t kTextKey = ~uint64_t{0} - 1;  // a key that is not 16 digits
  constexpr size_t kAhead = 16;
  const size_t n = chunk->rows.size();
  std::vector<uint64_t>& keys = chunk_keys_;
  keys.resize(n);
  for (size_t i = 0; i < n; ++i) {
    keys[i] = kNoKey;
    if (chunk->rows[i].problem != RawRow::kNoProblem) continue;
    std::optional<std::string_view> cell = chunk->Cell(i, key_slot_);
    if (!cell) continue;
    std::string_view key = NormalizedKey(*cell);
    if (key.empty()) continue;
    std::optional<uint64_t> number = SixteenDigits(key);
    keys[i] = number ? *number : kTextKey;
  }
  for (size_t i = 0; i < std::min(n, kAhead); ++i) {
    if (keys[i] < kTextKey) numeric_keys_.prefetch(keys[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n && keys[i + kAhead] < kTextKey) numeric_keys_.prefetch(keys[i + kAhead]);
    if (keys[i] == kNoKey) continue;
    RawRow& row = chunk->rows[i];
    if (keys[i] != kTextKey) {
      auto [it, inserted] = numeric_keys_.emplace(keys[i], row.record_number);
      if (!inserted) row.duplicate_of = it->second;
      continue;
    }
    auto [it, inserted] = text_keys_.emplace(std::string(NormalizedKey(*chunk->Cell(i, key_slot_))), row.record_number);
    if (!inserted) row.duplicate_of = it->second;
  }
}

}  // namespace aturan::internal
