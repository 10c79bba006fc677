#include "check/scope.hpp"

#include "base/strings.hpp"

namespace aturan::internal {

bool Scope::Add(std::string name, Symbol symbol) {
  if (!symbols_.emplace(name, symbol).second) return false;
  names_.push_back(std::move(name));
  return true;
}

const Symbol* Scope::Find(std::string_view name) const {
  auto it = symbols_.find(ToAbsl(name));
  return it == symbols_.end() ? nullptr : &it->second;
}

}  // namespace aturan::internal
