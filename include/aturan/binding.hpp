// aturan/binding.hpp — bind a host's own record type to a rule file's schema once, then
// decide objects of that type directly: no copies into maps, no allocation per call.
//
//   struct Worker { std::string nik; absl::CivilDay lahir; std::string pekerjaan; bool tp; };
//   auto binding = aturan::Binding<Worker>::Builder(rules)
//                      .Field("nik", &Worker::nik)
//                      .Field("tanggal_lahir", &Worker::lahir)
//                      .Field("pekerjaan", &Worker::pekerjaan)
//                      .Field("tulang_punggung", &Worker::tp)
//                      .Build();          // checks names and types against the schema
//   aturan::Decision d = binding->Evaluate(worker);
#pragma once

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "aturan/rule_set.hpp"

namespace aturan {

namespace binding_detail {

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename M>
constexpr bool kIsText = std::is_convertible_v<const M&, std::string_view>;

// True when a C++ value of type M can stand for a field of type `type`.
template <typename M>
bool Accepts(Type type) {
  if constexpr (IsOptional<M>::value) {
    return Accepts<typename M::value_type>(type);
  } else if constexpr (std::is_same_v<M, Value>) {
    return true;
  } else if constexpr (std::is_same_v<M, bool>) {
    return type == Type::kBool;
  } else if constexpr (std::is_integral_v<M>) {
    return type == Type::kInt || type == Type::kMoney;
  } else if constexpr (std::is_floating_point_v<M>) {
    return type == Type::kDecimal;
  } else if constexpr (std::is_same_v<M, Date> || std::is_same_v<M, absl::CivilDay>) {
    return type == Type::kDate;
  } else if constexpr (kIsText<M>) {
    return type == Type::kString || type == Type::kCode;
  } else {
    return false;
  }
}

// The C++ spelling of M's kind for error messages.
template <typename M>
std::string_view KindName() {
  if constexpr (IsOptional<M>::value) return KindName<typename M::value_type>();
  else if constexpr (std::is_same_v<M, bool>) return "bool";
  else if constexpr (std::is_integral_v<M>) return "an integer type";
  else if constexpr (std::is_floating_point_v<M>) return "a floating-point type";
  else if constexpr (std::is_same_v<M, Date> || std::is_same_v<M, absl::CivilDay>) return "a date type";
  else if constexpr (kIsText<M>) return "a text type";
  else return "an unsupported type";
}

// The Value for field `slot` (of type `type`) from a C++ value. Never allocates.
template <typename M>
Value Convert(const M& m, Type type, const RuleSet& rules, int slot) {
  if constexpr (IsOptional<M>::value) {
    return m ? Convert(*m, type, rules, slot) : Value::MissingOf(type);
  } else if constexpr (std::is_same_v<M, Value>) {
    return m;
  } else if constexpr (std::is_same_v<M, bool>) {
    return Value::Bool(m);
  } else if constexpr (std::is_integral_v<M>) {
    return type == Type::kMoney ? Value::Money(static_cast<int64_t>(m))
                                : Value::Int(static_cast<int64_t>(m));
  } else if constexpr (std::is_floating_point_v<M>) {
    return Value::Decimal(static_cast<double>(m));
  } else if constexpr (std::is_same_v<M, Date>) {
    return Value::FromDate(m);
  } else if constexpr (std::is_same_v<M, absl::CivilDay>) {
    return Value::FromDate(Date::FromCivil(m));
  } else {
    std::string_view text = m;
    if (type == Type::kCode) return text.empty() ? Value::MissingOf(type) : Value::Code(rules.CodeId(slot, text));
    return Value::String(text);
  }
}

// True when `v`, read from a C++ value of type M into a field of type `type`, may make a record
// invalid (a required field missing, a code outside its list). Values of other types are
// valid by their C++ type: a bool, a number or a date is never missing, nor a code.
template <typename M>
bool MayBeInvalid(const Value& v, Type type, bool required) {
  if constexpr (IsOptional<M>::value || kIsText<M>) {
    if (v.missing()) return required;
    return type == Type::kCode && v.as_code() < 0;
  } else {
    return false;
  }
}

// The member types a Binding reads inline, without a call per field; members of other types
// (and computed fields) are read through a function pointer.
template <typename T, typename... Ms>
struct DirectMemberTypes {
  // One data member of type M bound to field `slot` of type `type`.
  template <typename M>
  struct Member {
    int slot = -1;
    Type type = Type::kBool;
    bool required = false;  // the field's
    M T::*member = nullptr;
  };
  // True when members of type M are read inline.
  template <typename M>
  static constexpr bool kContains = (std::is_same_v<M, Ms> || ...);
  // Per member type, the members bound to it.
  using Groups = std::tuple<std::vector<Member<Ms>>...>;
};

template <typename T>
using DirectMembers = DirectMemberTypes<T, bool, std::optional<bool>, int32_t, int64_t, double,
                                        absl::CivilDay, std::string>;

}  // namespace binding_detail

template <typename T>
class Binding {
  using Direct = binding_detail::DirectMembers<T>;
  template <typename M>
  using DirectMember = typename Direct::template Member<M>;

  // Reads one field of a T into its slot: a data member of a type not read inline through a
  // plain function pointer, a computed field through `computed`.
  struct Loader {
    int slot = -1;
    Type type = Type::kBool;
    Value (*load)(const Loader&, const T&, const RuleSet&) = nullptr;
    alignas(8) unsigned char member[sizeof(int T::*)] = {};  // the data member, for member loaders
    std::function<Value(const T&, const RuleSet&)> computed;
  };

  template <typename M>
  static Value LoadMember(const Loader& loader, const T& object, const RuleSet& rules) {
    M T::*member;
    std::memcpy(&member, loader.member, sizeof member);
    return binding_detail::Convert<M>(object.*member, loader.type, rules, loader.slot);
  }

  static Value LoadComputed(const Loader& loader, const T& object, const RuleSet& rules) {
    return loader.computed(object, rules);
  }

 public:
  // Collects field bindings; Build() checks them against the schema.
  class Builder {
   public:
    explicit Builder(RuleSet rules) : rules_(std::move(rules)) {}

    // Binds schema field `name` to data member `member` of T.
    template <typename M>
    Builder& Field(std::string_view name, M T::*member) {
      static_assert(sizeof member == sizeof(int T::*), "data member pointers share one size");
      int slot = Add<M>(name);
      if (slot < 0) return *this;
      Type type = rules_.fields()[slot].type;
      if constexpr (Direct::template kContains<M>) {
        const bool required = rules_.fields()[slot].required;
        std::get<std::vector<DirectMember<M>>>(direct_).push_back(DirectMember<M>{slot, type, required, member});
      } else {
        Loader& loader = loaders_.emplace_back();
        loader.slot = slot;
        loader.type = type;
        loader.load = &Binding::LoadMember<M>;
        std::memcpy(loader.member, &member, sizeof member);
      }
      return *this;
    }

    // Binds schema field `name` to `getter(const T&)`, whose result type decides the kind.
    template <typename F>
    Builder& Computed(std::string_view name, F getter) {
      using M = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
      int slot = Add<M>(name);
      if (slot < 0) return *this;
      Loader& loader = loaders_.emplace_back();
      loader.slot = slot;
      loader.type = rules_.fields()[slot].type;
      loader.load = &Binding::LoadComputed;
      loader.computed = [getter = std::move(getter), type = loader.type, slot](const T& t,
                                                                             const RuleSet& rules) {
        return binding_detail::Convert<M>(getter(t), type, rules, slot);
      };
      return *this;
    }

    // The Binding, or every problem found: unknown field names (with a suggestion), C++
    // types that do not fit the field's type, fields bound twice, required fields unbound.
    absl::StatusOr<Binding> Build() {
      std::vector<bool> bound(rules_.fields().size(), false);
      for (int slot : bound_slots_) {
        if (bound[slot]) errors_ += "field '" + rules_.fields()[slot].name + "' is bound twice\n";
        bound[slot] = true;
      }
      for (size_t slot = 0; slot < bound.size(); ++slot) {
        if (rules_.fields()[slot].required && !bound[slot]) {
          errors_ += "required field '" + rules_.fields()[slot].name + "' is not bound\n";
        }
      }
      if (!errors_.empty()) {
        errors_.pop_back();
        return absl::InvalidArgumentError(errors_);
      }
      return Binding(std::move(rules_), std::move(direct_), std::move(loaders_), bound_slots_);
    }

   private:
    // The slot of field `name` for a C++ value of type M; -1 (and an error noted) when there
    // is no such field. A type that does not fit is noted as an error too.
    template <typename M>
    int Add(std::string_view name) {
      int slot = rules_.FieldSlot(name);
      if (slot < 0) {
        errors_ += "unknown field '" + std::string(name) + "'\n";
        return -1;
      }
      Type type = rules_.fields()[slot].type;
      if (!binding_detail::Accepts<M>(type)) {
        errors_ += "field '" + std::string(name) + "' has type " + std::string(TypeName(type)) +
                   ", but is bound to " + std::string(binding_detail::KindName<M>()) + "\n";
      }
      bound_slots_.push_back(slot);
      return slot;
    }

    RuleSet rules_;
    typename Direct::Groups direct_;
    std::vector<Loader> loaders_;
    std::vector<int> bound_slots_;
    std::string errors_;
  };

  // Decides `object`. Thread-safe; never allocates.
  void Evaluate(const T& object, Decision* out) const {
    Fill(object, [&](std::span<const Value> values, bool direct_fields_valid) {
      if (direct_fields_valid) {
        rules_.EvaluateValidated(values, slots_to_check_, out);
      } else {
        rules_.Evaluate(values, out);
      }
    });
  }
  Decision Evaluate(const T& object) const {
    Decision decision;
    Evaluate(object, &decision);
    return decision;
  }
  // Every rule's outcome and inputs for `object`.
  Explanation Explain(const T& object) const {
    Explanation e;
    Fill(object, [&](std::span<const Value> values, bool) { e = rules_.Explain(values); });
    return e;
  }
  // The rules this binding was built for.
  const RuleSet& rules() const { return rules_; }

 private:
  Binding(RuleSet rules, typename Direct::Groups direct, std::vector<Loader> loaders,
          const std::vector<int>& bound_slots)
      : rules_(std::move(rules)),
        direct_(std::move(direct)),
        loaders_(std::move(loaders)),
        field_count_(rules_.fields().size()) {
    std::vector<bool> bound(field_count_, false);
    for (int slot : bound_slots) bound[slot] = true;
    for (size_t slot = 0; slot < bound.size(); ++slot) {
      if (!bound[slot]) unbound_.emplace_back(static_cast<int>(slot), Value::MissingOf(rules_.fields()[slot].type));
    }
    // A field not bound is missing and not required (Build checks that), so valid: its default,
    // if any, is a valid constant. Fields read by loaders are checked on every evaluation.
    for (const Loader& loader : loaders_) {
      const FieldInfo& field = rules_.fields()[loader.slot];
      if (field.required || field.type == Type::kCode) slots_to_check_.push_back(loader.slot);
    }
    std::sort(slots_to_check_.begin(), slots_to_check_.end());
  }

  // Reads the members of one inline-read type into their slots; true when all their values
  // are valid (binding_detail::MayBeInvalid is false for each).
  template <typename M>
  bool LoadDirect(const std::vector<DirectMember<M>>& members, const T& object, Value* values) const {
    bool valid = true;
    for (const DirectMember<M>& m : members) {
      const Value v = binding_detail::Convert<M>(object.*(m.member), m.type, rules_, m.slot);
      valid &= !binding_detail::MayBeInvalid<M>(v, m.type, m.required);
      values[m.slot] = v;
    }
    return valid;
  }

  // Builds the record on the stack (only as many slots as the schema has) and hands it on,
  // with whether the fields read inline are all valid.
  template <typename Use>
  void Fill(const T& object, Use use) const {
    alignas(Value) unsigned char storage[sizeof(Value) * kMaxFields];
    Value* values = reinterpret_cast<Value*>(storage);
    for (const auto& [slot, missing] : unbound_) values[slot] = missing;
    const bool direct_fields_valid = std::apply(
        [&](const auto&... groups) { return (LoadDirect(groups, object, values) & ...); }, direct_);
    for (const Loader& loader : loaders_) values[loader.slot] = loader.load(loader, object, rules_);
    use(std::span<const Value>(values, field_count_), direct_fields_valid);
  }

  RuleSet rules_;
  typename Direct::Groups direct_;  // data members read inline, grouped by type
  std::vector<Loader> loaders_;     // the other fields, read through a call each
  size_t field_count_;              // the schema's, the record's size
  std::vector<std::pair<int, Value>> unbound_;  // the slots no field is bound to, and their missing value
  std::vector<int32_t> slots_to_check_;  // required or code fields read by loaders, ascending
};

}  // namespace aturan
