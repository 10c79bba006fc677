// spec/quota_settings.hpp — which settings a quota pool works with: its own, else the top
// level's (the inheritance the format defines, shared by the checks and the compiler).
#pragma once

#include <vector>

#include "spec/spec.hpp"

namespace aturan::spec {

// A pool to be compiled: one listed under `pools`, or the top level when none is listed.
struct PoolSpec {
  const QuotaPool* pool = nullptr;  // nullptr: the top level as the one pool
  QuotaSettings settings;           // the settings it works with
};

// The pools of `quota` with their settings: each setting the pool gives, else the top
// level's. With pools listed, the top level's seats and budget are the overall limit and
// are not inherited.
std::vector<PoolSpec> EffectivePools(const Quota& quota);

}  // namespace aturan::spec
