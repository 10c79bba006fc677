#include "generate/permutation.hpp"

#include "generate/rng.hpp"

namespace aturan {

Permutation::Permutation(uint64_t size, uint64_t key) : size_(size) {
  while ((uint64_t{1} << (2 * half_bits_)) < size) ++half_bits_;
  half_mask_ = (uint64_t{1} << half_bits_) - 1;
  for (uint64_t& round_key : keys_) round_key = SplitMix64(&key);
}

uint64_t Permutation::Encrypt(uint64_t x) const {
  uint64_t left = x >> half_bits_;
  uint64_t right = x & half_mask_;
  for (uint64_t round_key : keys_) {
    // The round function: a multiply and a shift fold every bit of right into the low bits.
    uint64_t mixed = (right + round_key) * 0xbf58476d1ce4e5b9ull;
    mixed ^= mixed >> 31;
    const uint64_t next_right = left ^ (mixed & half_mask_);
    left = right;
    right = next_right;
  }
  return (left << half_bits_) | right;
}

uint64_t Permutation::operator()(uint64_t x) const {
  // Encrypt permutes [0, 2^(2*half_bits)); following its cycle from x until it comes back
  // below size_ permutes [0, size_).
  do {
    x = Encrypt(x);
  } while (x >= size_);
  return x;
}

}  // namespace aturan
