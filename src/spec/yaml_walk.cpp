#include "spec/yaml_walk.hpp"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "spec/scalar_positions.hpp"

namespace aturan::spec {
namespace {

constexpr size_t kMaxQuotedBytes = 40;

// How a path is named at the start of a message.
std::string_view Subject(std::string_view path) { return path.empty() ? "top level" : path; }

std::string Join(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : StrCat(path, ".", key);
}

// `text` for quoting in a message, cut short (between UTF-8 characters) when long.
std::string Quote(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return StrCat("'", text, "'");
  size_t cut = kMaxQuotedBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return StrCat("'", text.substr(0, cut), "...'");
}

bool LooksLikeIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// `text` without its '_' separators, or nothing when a '_' does not stand between two digits.
std::optional<std::string> WithoutSeparators(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '_') {
      out += text[i];
      continue;
    }
    const bool between_digits = i > 0 && i + 1 < text.size() &&
                                absl::ascii_isdigit(static_cast<unsigned char>(text[i - 1])) &&
                                absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]));
    if (!between_digits) return std::nullopt;
  }
  return out;
}

}  // namespace

const Slot* KeyValues::Get(std::string_view name) const {
  for (const Member& m : members_) {
    if (m.key.text == name) return &m.value;
  }
  return nullptr;
}

Slot Walker::Root() const {
  const SourceRef at = NodeAt(tree_.root);
  return Slot{tree_.root, at, at, ""};
}

Slot Walker::MemberSlot(NodeId key, NodeId value, std::string_view map_path) const {
  const SourceRef key_at = NodeAt(key);
  const bool empty = tree_.nodes[value].kind == YamlNode::Kind::kNull;
  return Slot{value, empty ? key_at : NodeAt(value), key_at,
              Join(map_path, tree_.nodes[key].value)};
}

std::string Walker::Held(const Slot& slot) const {
  switch (Kind(slot)) {
    case YamlNode::Kind::kNull: return "nothing";
    case YamlNode::Kind::kScalar: return StrCat("text ", Quote(Scalar(slot)));
    case YamlNode::Kind::kSequence: return "a list";
    case YamlNode::Kind::kMapping: return "a mapping";
  }
  return "?";
}

void Walker::ExpectedError(const Slot& slot, std::string_view what, std::string hint) {
  reporter_.Error(slot.at, StrCat(Subject(slot.path), ": expected ", what, ", got ", Held(slot)),
                  std::move(hint));
}

std::optional<std::vector<Member>> Walker::Members(const Slot& slot, std::string_view what) {
  if (!IsMapping(slot)) {
    ExpectedError(slot, what);
    return std::nullopt;
  }
  std::vector<Member> members;
  const std::vector<NodeId>& children = tree_.nodes[slot.node].children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const YamlNode& key = tree_.nodes[children[i]];
    const SourceRef key_at = NodeAt(children[i]);
    if (key.kind != YamlNode::Kind::kScalar) {
      ExpectedError(Slot{children[i], key_at, key_at, slot.path}, "text as a key",
                    "write keys as plain names, e.g. 'title:'");
      continue;
    }
    members.push_back(Member{LocatedText{key.value, key_at},
                             MemberSlot(children[i], children[i + 1], slot.path)});
  }
  return members;
}

std::optional<Slot> Walker::Find(const Slot& slot, std::string_view key) const {
  if (!IsMapping(slot)) return std::nullopt;
  const std::vector<NodeId>& children = tree_.nodes[slot.node].children;
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    const YamlNode& k = tree_.nodes[children[i]];
    if (k.kind != YamlNode::Kind::kScalar || k.value != key) continue;
    return MemberSlot(children[i], children[i + 1], slot.path);
  }
  return std::nullopt;
}

std::optional<std::vector<Slot>> Walker::Items(const Slot& slot, std::string_view what) {
  if (Kind(slot) != YamlNode::Kind::kSequence) {
    ExpectedError(slot, what);
    return std::nullopt;
  }
  std::vector<Slot> items;
  const std::vector<NodeId>& children = tree_.nodes[slot.node].children;
  for (size_t i = 0; i < children.size(); ++i) {
    const SourceRef at = NodeAt(children[i]);
    items.push_back(Slot{children[i], at, at, StrCat(slot.path, "[", i + 1, "]")});
  }
  return items;
}

std::optional<KeyValues> Walker::ReadKeys(const Slot& slot, absl::Span<const KeyRule> rules) {
  if (!IsMapping(slot)) {
    std::vector<std::string_view> allowed;
    for (const KeyRule& rule : rules) allowed.push_back(rule.name);
    ExpectedError(slot, "a mapping", ChoiceHint("", allowed, "allowed keys"));
    return std::nullopt;
  }
  KeyValues out;
  std::optional<std::vector<Member>> members = Members(slot, "a mapping");
  for (Member& member : *members) {
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const KeyRule& r) { return r.name == member.key.text; });
    if (rule == rules.end()) {
      UnknownKey(slot, member.key, rules);
      continue;
    }
    out.members_.push_back(std::move(member));
  }
  for (const KeyRule& rule : rules) {
    if (rule.use != KeyRule::Use::kRequired || out.Get(rule.name) != nullptr) continue;
    if (slot.path.empty()) {
      reporter_.Error(slot.key_at, StrCat("missing required top-level key '", rule.name, "'"),
                      StrCat("add '", rule.name, ":' at the top level"));
    } else {
      reporter_.Error(slot.key_at, StrCat(slot.path, ": missing required key '", rule.name, "'"),
                      StrCat("add '", rule.name, ":' to ", slot.path));
    }
  }
  return out;
}

void Walker::UnknownKey(const Slot& map, const LocatedText& key,
                        absl::Span<const KeyRule> rules) {
  std::vector<std::string_view> allowed;
  for (const KeyRule& r : rules) allowed.push_back(r.name);
  const bool top = map.path.empty();
  const std::string_view label = top ? "allowed top-level keys" : "allowed keys";
  std::string hint;
  if (key.text == "<<") {
    hint = StrCat("YAML merge keys (<<) are not supported: write the keys out; ",
                  ChoiceHint("", allowed, label));
  } else {
    hint = ChoiceHint(key.text, allowed, label);
  }
  reporter_.Error(key.at,
                  top ? StrCat("unknown top-level key ", Quote(key.text))
                      : StrCat("unknown key ", Quote(key.text), " in ", map.path),
                  std::move(hint));
}

std::optional<LocatedText> Walker::Text(const Slot& slot) {
  if (!IsScalar(slot)) {
    ExpectedError(slot, "text");
    return std::nullopt;
  }
  if (Scalar(slot).empty()) {
    reporter_.Error(slot.at, StrCat(slot.path, " is empty"), "write a value");
    return std::nullopt;
  }
  return LocatedText{Scalar(slot), slot.at};
}

std::vector<LocatedText> Walker::TextList(const Slot& slot) {
  std::vector<LocatedText> texts;
  if (IsScalar(slot)) {
    if (std::optional<LocatedText> text = Text(slot)) texts.push_back(std::move(*text));
    return texts;
  }
  if (Kind(slot) != YamlNode::Kind::kSequence) {
    ExpectedError(slot, "text or a list of texts");
    return texts;
  }
  const std::optional<std::vector<Slot>> items = Items(slot, "a list");
  for (const Slot& item : *items) {
    if (std::optional<LocatedText> text = Text(item)) texts.push_back(std::move(*text));
  }
  return texts;
}

std::optional<bool> Walker::Bool(const Slot& slot) {
  if (IsScalar(slot)) {
    const std::string& v = Scalar(slot);
    if (v == "true" || v == "True" || v == "TRUE") return true;
    if (v == "false" || v == "False" || v == "FALSE") return false;
  }
  ExpectedError(slot, "true or false");
  return std::nullopt;
}

std::optional<int64_t> Walker::Int(const Slot& slot) {
  int64_t value = 0;
  if (IsScalar(slot)) {
    const std::optional<std::string> digits = WithoutSeparators(Scalar(slot));
    if (digits && absl::SimpleAtoi(*digits, &value)) return value;
  }
  ExpectedError(slot, "a whole number");
  return std::nullopt;
}

std::optional<absl::CivilDay> Walker::Date(const Slot& slot) {
  if (!IsScalar(slot)) {
    ExpectedError(slot, "a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  return DateText(Scalar(slot), slot.at, slot.path);
}

std::optional<absl::CivilDay> Walker::KeyDate(const Member& member, std::string_view map_path) {
  return DateText(member.key.text, member.key.at, map_path);
}

std::optional<absl::CivilDay> Walker::DateText(std::string_view text, SourceRef at,
                                               std::string_view path) {
  if (const std::optional<aturan::Date> date = ParseIsoDate(text)) return date->ToCivil();
  reporter_.Error(at, StrCat(path, ": ", Quote(text), " is not a valid date"),
                  LooksLikeIsoDate(text) ? "that day does not exist in the calendar"
                                         : "write the date as YYYY-MM-DD, e.g. 2023-01-01");
  return std::nullopt;
}

std::optional<ExprText> Walker::Expr(const Slot& slot, std::string_view what) {
  if (!IsScalar(slot)) {
    ExpectedError(slot, what,
                  Kind(slot) == YamlNode::Kind::kNull
                      ? std::string()
                      : "write it as text; quote it (or use '|') when it contains ': ' or "
                        "starts with '[' or '{'");
    return std::nullopt;
  }
  const std::string& text = Scalar(slot);
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return absl::ascii_isspace(static_cast<unsigned char>(c)); })) {
    reporter_.Error(slot.at, StrCat(slot.path, " is empty"), StrCat("write ", what));
    return std::nullopt;
  }
  const size_t offset = tree_.nodes[slot.node].offset;
  return ExprText{text, ScalarPositions(source_, offset, text), slot.at};
}

}  // namespace aturan::spec
