#include "aturan/quota.hpp"

namespace aturan {

const char* AreaBasisName(AreaBasis basis) {
  switch (basis) {
    case AreaBasis::kNone: return "none";
    case AreaBasis::kPopulation: return "population";
    case AreaBasis::kDtks: return "dtks";
    case AreaBasis::kFixed: return "fixed";
  }
  return "?";
}

const char* ApportionMethodName(ApportionMethod method) {
  switch (method) {
    case ApportionMethod::kLargestRemainder: return "largest_remainder";
    case ApportionMethod::kDHondt: return "dhondt";
    case ApportionMethod::kSainteLague: return "sainte_lague";
  }
  return "?";
}

const char* UnfilledName(Unfilled unfilled) {
  switch (unfilled) {
    case Unfilled::kRedistribute: return "redistribute";
    case Unfilled::kLeaveUnused: return "leave_unused";
  }
  return "?";
}

}  // namespace aturan
