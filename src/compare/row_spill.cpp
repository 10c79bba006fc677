#include "compare/row_spill.hpp"

#include <cerrno>

namespace aturan::internal {

namespace {

constexpr size_t kBufferBytes = 1 << 20;
constexpr size_t kMaxNikBytes = 0xFFFF;

}  // namespace

absl::StatusOr<std::unique_ptr<RowSpill>> RowSpill::Create() {
  std::FILE* file = std::tmpfile();
  if (file == nullptr) return absl::ErrnoToStatus(errno, "cannot create a temporary file for the change list");
  std::setvbuf(file, nullptr, _IOFBF, kBufferBytes);
  return std::unique_ptr<RowSpill>(new RowSpill(file));
}

RowSpill::RowSpill(std::FILE* file) : file_(file) {}

RowSpill::~RowSpill() { std::fclose(file_); }

void RowSpill::Write(const void* data, size_t size) {
  if (status_.ok() && size > 0 && std::fwrite(data, 1, size, file_) != size) {
    status_ = absl::ErrnoToStatus(errno, "cannot write the temporary file of the change list");
  }
}

bool RowSpill::Read(void* data, size_t size) {
  if (size == 0) return true;
  if (std::fread(data, 1, size, file_) == size) return true;
  if (std::ferror(file_)) status_ = absl::ErrnoToStatus(errno, "cannot read the temporary file of the change list");
  return false;
}

uint32_t RowSpill::AddOutcome(std::string text) {
  outcomes_.push_back(std::move(text));
  return static_cast<uint32_t>(outcomes_.size() - 1);
}

void RowSpill::Add(uint64_t source_row, std::string_view nik, uint32_t outcome_id, std::string_view inline_outcome) {
  nik = nik.substr(0, kMaxNikBytes);
  const auto nik_size = static_cast<uint16_t>(nik.size());
  Write(&source_row, sizeof source_row);
  Write(&nik_size, sizeof nik_size);
  Write(nik.data(), nik.size());
  Write(&outcome_id, sizeof outcome_id);
  if (outcome_id == kInline) {
    const auto size = static_cast<uint32_t>(inline_outcome.size());
    Write(&size, sizeof size);
    Write(inline_outcome.data(), inline_outcome.size());
  }
}

absl::Status RowSpill::Rewind() {
  if (status_.ok() && (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)) {
    status_ = absl::ErrnoToStatus(errno, "cannot rewind the temporary file of the change list");
  }
  return status_;
}

bool RowSpill::Next(Entry* entry) {
  if (!status_.ok()) return false;
  uint16_t nik_size = 0;
  uint32_t outcome_id = 0;
  if (!Read(&entry->source_row, sizeof entry->source_row) || !Read(&nik_size, sizeof nik_size)) return false;
  entry->nik.resize(nik_size);
  if (!Read(entry->nik.data(), nik_size) || !Read(&outcome_id, sizeof outcome_id)) return false;
  if (outcome_id != kInline) {
    entry->outcome = outcome_id < outcomes_.size() ? outcomes_[outcome_id] : std::string(",");
    return true;
  }
  uint32_t size = 0;
  if (!Read(&size, sizeof size)) return false;
  entry->outcome.resize(size);
  return Read(entry->outcome.data(), size);
}

}  // namespace aturan::internal
