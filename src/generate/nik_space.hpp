// generate/nik_space.hpp — the facts behind a synthetic NIK (birth date, sex, serial), drawn so
// that no two generated rows share them: row n gets identity n of a scrambled enumeration,
// which needs no coordination between the threads that generate rows.
#pragma once

#include <cstdint>

#include "absl/time/civil_time.h"
#include "aturan/value.hpp"

namespace aturan {

// What a NIK says about its holder apart from where it was issued.
struct NikIdentity {
  Date birth;
  bool female = false;
  int serial = 1;  // 1..9999
};

// Every (birth date, sex, serial) for people aged min_age..max_age on a reference day, in an
// order scrambled by a seed. Serials are used in rounds: the first 2 * days() rows get serial
// 0001 (each birth date and sex once), the next round 0002, and so on, so serials stay small
// as real ones do.
class NikSpace {
 public:
  // Ages are whole years on `reference` (base/dates.hpp AgeInYears), min_age <= max_age.
  NikSpace(absl::CivilDay reference, int min_age, int max_age, uint64_t seed);

  // The first and last birth date with an age in range.
  Date earliest() const { return earliest_; }
  Date latest() const { return latest_; }
  // How many birth dates are in range.
  uint64_t days() const { return static_cast<uint64_t>(latest_.days - earliest_.days + 1); }
  // How many rows can have distinct identities: 2 * days() * 9999.
  uint64_t capacity() const { return 2 * days() * 9999; }

  // The identity of row n < capacity(); distinct rows get distinct identities.
  NikIdentity Identity(uint64_t n) const;

 private:
  Date earliest_;
  Date latest_;
  uint64_t seed_;
};

}  // namespace aturan
