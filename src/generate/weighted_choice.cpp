#include "generate/weighted_choice.hpp"

#include <algorithm>

namespace aturan {

WeightedChoice::WeightedChoice(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double sum = 0;
  for (double w : weights) {
    sum += w;
    thresholds_.push_back(static_cast<uint64_t>(sum / total * 4294967296.0));
  }
  if (!thresholds_.empty()) thresholds_.back() = uint64_t{1} << 32;
}

uint32_t WeightedChoice::Pick(Rng* rng) const {
  const uint64_t u = rng->Next() >> 32;
  // The first threshold above u; zero-weight indices have the same threshold as the one
  // before them and so are never drawn.
  return static_cast<uint32_t>(std::upper_bound(thresholds_.begin(), thresholds_.end(), u) - thresholds_.begin());
}

}  // namespace aturan
