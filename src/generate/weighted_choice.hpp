// generate/weighted_choice.hpp — drawing an index with given relative weights, the same way on
// every platform (integer thresholds, no std:: distributions).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "generate/rng.hpp"

namespace aturan {

// Draws index i with probability weights[i] / sum(weights).
class WeightedChoice {
 public:
  WeightedChoice() = default;
  // Weights must be >= 0 with a positive sum, or empty (then Pick must not be called).
  explicit WeightedChoice(std::span<const double> weights);

  // An index in [0, number of weights).
  uint32_t Pick(Rng* rng) const;

 private:
  std::vector<uint64_t> thresholds_;  // cumulative, scaled to 2^32; the last is 2^32
};

}  // namespace aturan
