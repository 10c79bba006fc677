// compare/row_spill.hpp — what the per-person change list needs of each row besides its
// outcome (the input row number, the NIK, the failed rules and reasons), written row by row
// to an anonymous temporary file while a list is read and read back in the same order, so
// that memory does not grow with the list.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace aturan::internal {

class RowSpill {
 public:
  // One row as read back.
  struct Entry {
    uint64_t source_row = 0;
    std::string nik;
    std::string outcome;  // the CSV fields "failed,reasons" (",": none)
  };

  // A spill on a new temporary file (deleted when the spill goes), or why none could be made.
  static absl::StatusOr<std::unique_ptr<RowSpill>> Create();
  ~RowSpill();

  // Appends a row. `outcome_id` names a text given to AddOutcome before; or kInline with
  // the text in `inline_outcome` (for texts seen once, like an invalid row's errors).
  static constexpr uint32_t kInline = UINT32_MAX;
  void Add(uint64_t source_row, std::string_view nik, uint32_t outcome_id, std::string_view inline_outcome);
  // Keeps `text` in memory and returns its id (for outcomes many rows share).
  uint32_t AddOutcome(std::string text);

  // Ends writing and goes back to the first row; an error when writing failed.
  absl::Status Rewind();
  // The next row, in the order added; false at the end or after a read error (status()).
  bool Next(Entry* entry);
  const absl::Status& status() const { return status_; }

 private:
  explicit RowSpill(std::FILE* file);
  void Write(const void* data, size_t size);
  bool Read(void* data, size_t size);

  std::FILE* file_;
  std::vector<std::string> outcomes_;
  absl::Status status_;
};

}  // namespace aturan::internal
