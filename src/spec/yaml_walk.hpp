// spec/yaml_walk.hpp — reading a YamlTree as a rule file: checked access to mappings,
// sequences and scalars, each problem reported with its position and path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "spec/reporter.hpp"
#include "spec/source_map.hpp"
#include "spec/spec.hpp"
#include "spec/yaml_tree.hpp"

namespace aturan::spec {

// A value to read: its node, where problems with it are reported, and its name in messages.
struct Slot {
  NodeId node = 0;
  SourceRef at;      // the value's position, or its key's when the value is empty
  SourceRef key_at;  // the key's position; the value's for a sequence item or the root
  std::string path;  // "regulation.title", "eligibility[2]" (1-based); empty for the root
};

// A key: value pair of a mapping.
struct Member {
  LocatedText key;
  Slot value;
};

// How a mapping treats one key.
struct KeyRule {
  enum class Use : uint8_t { kOptional, kRequired };
  std::string_view name;
  Use use = Use::kOptional;
};

// The known keys a mapping has.
class KeyValues {
 public:
  // The value of key `name`, or nullptr when the mapping does not have it.
  const Slot* Get(std::string_view name) const;

 private:
  friend class Walker;
  std::vector<Member> members_;
};

// Checked reading of a YamlTree. Every reader reports what it rejects and returns nothing
// for it, so the caller just skips the value and goes on.
class Walker {
 public:
  Walker(const YamlTree& tree, const SourceMap& source, Reporter& reporter)
      : tree_(tree), source_(source), reporter_(reporter) {}

  Reporter& reporter() const { return reporter_; }

  Slot Root() const;
  bool IsScalar(const Slot& slot) const { return Kind(slot) == YamlNode::Kind::kScalar; }
  bool IsMapping(const Slot& slot) const { return Kind(slot) == YamlNode::Kind::kMapping; }
  // The value of a scalar slot.
  const std::string& Scalar(const Slot& slot) const { return tree_.nodes[slot.node].value; }

  // Reports "<path>: expected <what>, got <what the slot holds>" with an optional hint.
  void ExpectedError(const Slot& slot, std::string_view what, std::string hint = {});

  // The members of a mapping whose keys are text (others are reported), or nothing with
  // an error when the slot is not a mapping.
  std::optional<std::vector<Member>> Members(const Slot& slot, std::string_view what);
  // The value of `key` in a mapping, without reporting anything.
  std::optional<Slot> Find(const Slot& slot, std::string_view key) const;
  // The items of a sequence, or nothing with an error when the slot is not a sequence.
  std::optional<std::vector<Slot>> Items(const Slot& slot, std::string_view what);
  // A mapping read against its key rules: reports unknown keys (with a did-you-mean hint
  // and the allowed keys) and missing required keys (at the mapping's key). Nothing when
  // the slot is not a mapping.
  std::optional<KeyValues> ReadKeys(const Slot& slot, absl::Span<const KeyRule> rules);

  // Scalars. Text must not be empty; Int takes digits with '_' between them as separators
  // (3_000_000_000); Expr takes any non-blank scalar ("an expression", "a value" name it in
  // messages) and maps every byte of it to the file.
  std::optional<LocatedText> Text(const Slot& slot);
  std::vector<LocatedText> TextList(const Slot& slot);  // one text or a list of texts
  std::optional<bool> Bool(const Slot& slot);
  std::optional<int64_t> Int(const Slot& slot);
  std::optional<absl::CivilDay> Date(const Slot& slot);
  // The key of a member of the mapping at `map_path` read as a date.
  std::optional<absl::CivilDay> KeyDate(const Member& member, std::string_view map_path);
  std::optional<ExprText> Expr(const Slot& slot, std::string_view what);

 private:
  YamlNode::Kind Kind(const Slot& slot) const { return tree_.nodes[slot.node].kind; }
  SourceRef NodeAt(NodeId id) const { return source_.At(tree_.nodes[id].offset); }
  // The slot of the value of a member whose key is text.
  Slot MemberSlot(NodeId key, NodeId value, std::string_view map_path) const;
  std::string Held(const Slot& slot) const;  // "a list", "text 'abc'", ...
  std::optional<absl::CivilDay> DateText(std::string_view text, SourceRef at,
                                         std::string_view path);
  void UnknownKey(const Slot& map, const LocatedText& key, absl::Span<const KeyRule> rules);

  const YamlTree& tree_;
  const SourceMap& source_;
  Reporter& reporter_;
};

}  // namespace aturan::spec
