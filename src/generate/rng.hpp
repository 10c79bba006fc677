// generate/rng.hpp — a small pseudo-random generator of our own (xoshiro256**, seeded
// through splitmix64), so that a generated list is the same on every platform, compiler and
// standard library. Nothing here uses std:: distributions, whose results differ between
// implementations.
#pragma once

#include <cstdint>

namespace aturan {

// One splitmix64 step: advances *state and returns a well-mixed 64-bit value.
inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// A well-mixed 64-bit value of the pair (a, b): nearby pairs give unrelated values.
inline uint64_t MixKey(uint64_t a, uint64_t b) {
  uint64_t state = a;
  const uint64_t first = SplitMix64(&state);
  state = first ^ b;
  return SplitMix64(&state);
}

// xoshiro256** (Blackman and Vigna). Not for cryptography.
class Rng {
 public:
  // A generator whose sequence depends only on `key` (mix several numbers with MixKey).
  explicit Rng(uint64_t key) {
    for (uint64_t& word : s_) word = SplitMix64(&key);
  }

  // The next 64 random bits.
  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n) for n >= 1 (multiply-high on 32 bits: bias below 2^-32 * n).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }

  // Uniform in [lo, hi] for lo <= hi.
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1))); }

  // True with probability p (p <= 0 never, p >= 1 always); exact IEEE arithmetic, so the
  // same everywhere.
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t s_[4];
};

}  // namespace aturan
