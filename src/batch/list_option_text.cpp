#include "batch/list_option_text.hpp"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "base/strings.hpp"

namespace aturan::internal {

absl::StatusOr<ColumnRename> ParseColumnRename(std::string_view text) {
  const size_t eq = text.rfind('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size()) {
    return absl::InvalidArgumentError(
        StrCat("'", text, "': expected COLUMN=field, e.g. 'Tgl Lahir=tanggal_lahir'"));
  }
  return ColumnRename{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

absl::StatusOr<ValueRename> ParseValueRename(std::string_view text) {
  const size_t colon = text.find(':');
  const size_t eq = text.find('=', colon == std::string_view::npos ? 0 : colon);
  if (colon == std::string_view::npos || colon == 0 || eq == std::string_view::npos) {
    return absl::InvalidArgumentError(StrCat("'", text, "': expected field:FROM=TO, e.g. 'jenis_kelamin:1=L'"));
  }
  return ValueRename{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1, eq - colon - 1)),
                     std::string(text.substr(eq + 1))};
}

bool InvalidLimit::Exceeded(uint64_t invalid, uint64_t rows) const {
  if (share >= 0) return static_cast<double>(invalid) > share * static_cast<double>(rows);
  return invalid > count;
}

absl::StatusOr<InvalidLimit> ParseInvalidLimit(std::string_view text) {
  InvalidLimit limit;
  if (text.empty()) return limit;
  if (absl::EndsWith(ToAbsl(text), "%")) {
    double percent = 0;
    if (absl::SimpleAtod(ToAbsl(text.substr(0, text.size() - 1)), &percent) && percent >= 0 && percent <= 100) {
      limit.share = percent / 100;
      return limit;
    }
  } else if (absl::SimpleAtoi(ToAbsl(text), &limit.count)) {
    return limit;
  }
  return absl::InvalidArgumentError(StrCat("'", text, "': expected a count (100) or a share (0.5%)"));
}

}  // namespace aturan::internal
