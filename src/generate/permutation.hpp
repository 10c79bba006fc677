// generate/permutation.hpp — a keyed pseudo-random bijection of [0, size), used to give every
// generated row its own NIK (birth date, sex, serial) without any coordination between the
// threads that generate rows.
#pragma once

#include <cstdint>

namespace aturan {

// Maps [0, size) onto itself one-to-one in a scrambled order that depends on `key`: a
// four-round Feistel network on the smallest even number of bits that covers `size`, with
// cycle-walking for values beyond it (on average fewer than 4 rounds of walking).
class Permutation {
 public:
  // A permutation of [0, size) for 1 <= size <= 2^32.
  Permutation(uint64_t size, uint64_t key);

  // The image of x, for x < size.
  uint64_t operator()(uint64_t x) const;

 private:
  uint64_t Encrypt(uint64_t x) const;

  uint64_t size_;
  int half_bits_ = 1;
  uint64_t half_mask_ = 1;
  uint64_t keys_[4];
};

}  // namespace aturan
