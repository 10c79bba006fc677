// generate/defect.hpp — the kinds of mistakes a generated candidate list contains, one per bad
// row, matching what reading a list reports (include/aturan/list_reader.hpp).
#pragma once

#include <cstdint>
#include <string_view>

namespace aturan {

enum class Defect : uint8_t {
  kFieldCount,       // the row has one field too few or too many
  kStrayQuote,       // a '"' inside an unquoted field (a CSV problem; the field count holds)
  kBadNumber,        // an int, money or decimal value that does not parse ("1,5 juta")
  kBadBool,          // a bool value that does not parse ("mungkin")
  kBadDate,          // a date that does not parse ("12 Maret 1975")
  kImpossibleDate,   // a date that does not exist ("1981-02-30")
  kNotInList,        // a code outside its field's list
  kMissingRequired,  // a required field left empty
  kNikNot16Digits,   // the NIK is not 16 digits (15, 17, spaced, letter O for zero)
  kNikImpossible,    // 16 digits that cannot be a NIK (base/nik.hpp NikProblem)
  kDuplicateKey,     // the key field (NIK) of an earlier row again
  kNikMismatch,      // the NIK's birth date or sex disagrees with the columns: a warning
};
inline constexpr int kDefectCount = 12;

// A short snake_case name ("field_count", "nik_mismatch"), for summaries.
std::string_view DefectName(Defect defect);

// True for the one kind that a list reader reports as a warning by default (the row is still
// decided): kNikMismatch. Every other kind makes the row invalid.
constexpr bool IsWarning(Defect defect) { return defect == Defect::kNikMismatch; }

}  // namespace aturan
