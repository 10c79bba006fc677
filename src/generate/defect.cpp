#include "generate/defect.hpp"

namespace aturan {

std::string_view DefectName(Defect defect) {
  switch (defect) {
    case Defect::kFieldCount: return "field_count";
    case Defect::kStrayQuote: return "stray_quote";
    case Defect::kBadNumber: return "bad_number";
    case Defect::kBadBool: return "bad_bool";
    case Defect::kBadDate: return "bad_date";
    case Defect::kImpossibleDate: return "impossible_date";
    case Defect::kNotInList: return "not_in_list";
    case Defect::kMissingRequired: return "missing_required";
    case Defect::kNikNot16Digits: return "nik_not_16_digits";
    case Defect::kNikImpossible: return "nik_impossible";
    case Defect::kDuplicateKey: return "duplicate_key";
    case Defect::kNikMismatch: return "nik_mismatch";
  }
  return "";
}

}  // namespace aturan
