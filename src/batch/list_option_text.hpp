// batch/list_option_text.hpp — a list run's options as people write them: the column and value
// renames and the invalid-row limit of `aturan eval` / `aturan allocate` (--column, --value,
// --max-invalid), of the C API's aturan_list_options and of the Python module, read once for
// all three so that they accept and refuse the same texts with the same messages.
#pragma once

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"
#include "aturan/list_reader.hpp"

namespace aturan::internal {

// "COLUMN=field": the list's column COLUMN read as schema field `field`. The last '=' splits,
// so a column name may contain '='. InvalidArgument naming the text and the expected shape.
absl::StatusOr<ColumnRename> ParseColumnRename(std::string_view text);

// "field:FROM=TO": text FROM read as TO in field `field`. InvalidArgument as above.
absl::StatusOr<ValueRename> ParseValueRename(std::string_view text);

// The most invalid rows a run accepts: a count, or a share of the rows read.
struct InvalidLimit {
  uint64_t count = UINT64_MAX;
  double share = -1;  // in [0, 1] when given as P%
  // True when `invalid` of `rows` is more than the limit allows.
  bool Exceeded(uint64_t invalid, uint64_t rows) const;
};

// "N" (a count) or "P%" (a share, 0 to 100); "" for no limit. InvalidArgument otherwise.
absl::StatusOr<InvalidLimit> ParseInvalidLimit(std::string_view text);

}  // namespace aturan::internal
