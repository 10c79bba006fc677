// spec/quota_reader.hpp — reading the `quota` section of a rule file: its keys, the kinds
// and ranges of its values, and the words of basis, method and unfilled.
#pragma once

#include <optional>

#include "spec/spec.hpp"
#include "spec/yaml_walk.hpp"

namespace aturan::spec {

// Reads the `quota` mapping at `slot`; nothing (reported) when it is not a mapping. What is
// refused is reported and left unset; references to other sections (fields, premiums) and
// the rules between settings are CheckQuota's.
std::optional<Quota> ReadQuota(Walker& walker, const Slot& slot);

}  // namespace aturan::spec
