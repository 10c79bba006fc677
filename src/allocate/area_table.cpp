// Reading an area table (area code, population / DTKS count / seats) for apportionment.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aturan/allocation.hpp"
#include "base/column_name.hpp"
#include "base/strings.hpp"
#include "ingest/csv_reader.hpp"

namespace aturan {

namespace {

// The column names each basis is read from (compared after NormalizeColumnName).
constexpr std::string_view kPopulationNames[] = {"population", "penduduk", "jumlah_penduduk"};
constexpr std::string_view kDtksNames[] = {"dtks", "jumlah_dtks"};
constexpr std::string_view kSeatsNames[] = {"seats", "kuota"};

bool OneOf(std::string_view name, std::span<const std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// A count written with digits, optionally in groups of three separated by '.' or '_' as
// Indonesian spreadsheets write them ("12.345"); nothing else.
std::optional<int64_t> ParseCount(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  size_t digits_in_group = 0;
  bool grouped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == '_') {
      if (i == 0 || (grouped && digits_in_group != 3)) return std::nullopt;
      if (!grouped && digits_in_group > 3) return std::nullopt;
      grouped = true;
      digits_in_group = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    if (value > (INT64_MAX - 9) / 10) return std::nullopt;
    value = value * 10 + (c - '0');
    ++digits_in_group;
  }
  if (grouped && digits_in_group != 3) return std::nullopt;
  return value;
}

}  // namespace

absl::StatusOr<AreaTable> ReadAreaTable(const RuleSet& rules, int area_slot, const std::string& path) {
  if (area_slot < 0 || static_cast<size_t>(area_slot) >= rules.fields().size() ||
      rules.fields()[area_slot].type != Type::kCode) {
    return absl::InvalidArgumentError(StrCat(path, ": the area field is not a code field"));
  }
  CsvOptions options;
  options.detect_delimiter = true;
  absl::StatusOr<CsvReader> reader = CsvReader::Open(path, options);
  if (!reader.ok()) return reader.status();
  if (!reader->status().ok()) return reader->status();
  const std::vector<std::string>& header = reader->header();
  if (header.size() < 2) {
    return absl::InvalidArgumentError(
        StrCat(path, ":1: an area table needs a header with the area column first and at least one of "
                     "population (penduduk), dtks, seats (kuota)"));
  }
  const size_t codes = static_cast<size_t>(rules.CodeCount(area_slot));
  AreaTable table;
  table.source = path;
  std::vector<std::vector<int64_t>*> targets(header.size(), nullptr);
  for (size_t c = 1; c < header.size(); ++c) {
    const std::string name = NormalizeColumnName(header[c]);
    std::vector<int64_t>* target = OneOf(name, kPopulationNames) ? &table.population
                                   : OneOf(name, kDtksNames)     ? &table.dtks
                                   : OneOf(name, kSeatsNames)    ? &table.seats
                                                                 : nullptr;
    if (target == nullptr) continue;  // other columns (names, notes) are allowed
    if (!target->empty()) {
      return absl::InvalidArgumentError(StrCat(path, ":1: two columns give the same numbers ('", header[c], "')"));
    }
    target->assign(codes, -1);
    targets[c] = target;
  }
  if (table.population.empty() && table.dtks.empty() && table.seats.empty()) {
    return absl::InvalidArgumentError(
        StrCat(path, ":1: no column named population (penduduk), dtks or seats (kuota)"));
  }
  table.area_slot = area_slot;
  std::vector<uint64_t> first_line(codes, 0);
  CsvRecord record;
  while (reader->Next(&record)) {
    const std::string where = StrCat(path, ":", record.line(), ": ");
    if (!record.problem().empty()) return absl::InvalidArgumentError(StrCat(where, record.problem()));
    const std::span<const std::string_view> fields = record.fields();
    if (fields.size() != header.size()) {
      return absl::InvalidArgumentError(
          StrCat(where, "expected ", header.size(), " fields as in the header, found ", fields.size()));
    }
    const int32_t code = rules.CodeId(area_slot, fields[0]);
    if (code == kUnknownCode) {
      return absl::InvalidArgumentError(StrCat(where, "'", fields[0], "' is not in the list '",
                                               rules.fields()[area_slot].list, "' of field '",
                                               rules.fields()[area_slot].name, "'"));
    }
    if (first_line[code] != 0) {
      return absl::InvalidArgumentError(
          StrCat(where, "area '", fields[0], "' is already given on line ", first_line[code]));
    }
    first_line[code] = record.line();
    for (size_t c = 1; c < fields.size(); ++c) {
      if (targets[c] == nullptr) continue;
      const std::optional<int64_t> count = ParseCount(fields[c]);
      if (!count) {
        return absl::InvalidArgumentError(StrCat(where, "column '", header[c], "': '", fields[c],
                                                 "' is not a whole number of 0 or more"));
      }
      (*targets[c])[code] = *count;
    }
  }
  if (!reader->status().ok()) return reader->status();
  return table;
}

}  // namespace aturan
