#include "spec/quota_settings.hpp"

namespace aturan::spec {
namespace {

template <typename T>
void Inherit(const QuotaSetting<T>& top, QuotaSetting<T>* own) {
  if (!own->given()) *own = top;
}

QuotaSettings Resolve(const QuotaSettings& top, QuotaSettings own) {
  Inherit(top.months, &own.months);
  Inherit(top.premiums, &own.premiums);
  Inherit(top.by, &own.by);
  Inherit(top.basis, &own.basis);
  Inherit(top.method, &own.method);
  Inherit(top.areas, &own.areas);
  Inherit(top.areas_file, &own.areas_file);
  Inherit(top.dtks_field, &own.dtks_field);
  Inherit(top.unfilled, &own.unfilled);
  Inherit(top.reserved, &own.reserved);
  return own;
}

}  // namespace

std::vector<PoolSpec> EffectivePools(const Quota& quota) {
  std::vector<PoolSpec> pools;
  if (quota.pools_at.line == 0) {
    pools.push_back(PoolSpec{nullptr, quota.settings});
    return pools;
  }
  for (const QuotaPool& pool : quota.pools) {
    pools.push_back(PoolSpec{&pool, Resolve(quota.settings, pool.settings)});
  }
  return pools;
}

}  // namespace aturan::spec
