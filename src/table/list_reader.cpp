#include "aturan/list_reader.hpp"

#include "table/raw_chunk.hpp"
#include "table/row_converter.hpp"

namespace aturan {

ListReader::ListReader(std::unique_ptr<internal::RawChunkReader> raw)
    : raw_(std::move(raw)),
      chunk_(std::make_unique<internal::RawChunk>()),
      converter_(std::make_unique<internal::RowConverter>(raw_->rules(), raw_->mapping())) {}

ListReader::~ListReader() = default;

absl::StatusOr<std::unique_ptr<ListReader>> ListReader::Open(const RuleSet& rules, const std::string& path,
                                                             const ListOptions& options) {
  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> raw =
      internal::RawChunkReader::Open(rules, path, {}, options);
  if (!raw.ok()) return raw.status();
  return std::unique_ptr<ListReader>(new ListReader(*std::move(raw)));
}

absl::StatusOr<std::unique_ptr<ListReader>> ListReader::FromString(const RuleSet& rules, std::string_view text,
                                                                   const ListOptions& options) {
  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> raw =
      internal::RawChunkReader::Open(rules, "", text, options);
  if (!raw.ok()) return raw.status();
  return std::unique_ptr<ListReader>(new ListReader(*std::move(raw)));
}

bool ListReader::Next(CandidateTable* table) {
  table->Clear();
  if (!raw_->Next(chunk_.get())) return false;
  converter_->Convert(*chunk_, table);
  return true;
}

const absl::Status& ListReader::status() const { return raw_->status(); }

const std::vector<ListWarning>& ListReader::warnings() const { return raw_->warnings(); }

uint64_t ListReader::bytes_read() const { return raw_->bytes_read(); }

}  // namespace aturan
