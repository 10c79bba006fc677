#include "generate/nik_space.hpp"

#include "base/dates.hpp"
#include "generate/permutation.hpp"
#include "generate/rng.hpp"

namespace aturan {

NikSpace::NikSpace(absl::CivilDay reference, int min_age, int max_age, uint64_t seed) : seed_(seed) {
  const Date on = Date::FromCivil(reference);
  const auto age = [on](int32_t days) { return AgeInYears(Date{days}, on); };
  // Start near the answers and walk to the exact boundary days (29 February and month ends
  // make a closed formula fiddly).
  int32_t latest = Date::FromCivil(absl::CivilDay(reference.year() - min_age, reference.month(), 1)).days;
  while (age(latest + 1) >= min_age) ++latest;
  while (age(latest) < min_age) --latest;
  int32_t earliest = Date::FromCivil(absl::CivilDay(reference.year() - max_age - 1, reference.month(), 1)).days;
  while (age(earliest) > max_age) ++earliest;
  while (age(earliest - 1) <= max_age) --earliest;
  earliest_ = Date{earliest};
  latest_ = Date{latest};
}

NikIdentity NikSpace::Identity(uint64_t n) const {
  const uint64_t per_round = 2 * days();
  const uint64_t round = n / per_round;
  const uint64_t slot = Permutation(per_round, MixKey(seed_, round))(n % per_round);
  NikIdentity identity;
  identity.birth = Date{earliest_.days + static_cast<int32_t>(slot / 2)};
  identity.female = (slot & 1) != 0;
  identity.serial = static_cast<int>(round) + 1;
  return identity;
}

}  // namespace aturan
