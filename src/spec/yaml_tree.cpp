#include "spec/yaml_tree.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "base/strings.hpp"
#include "yaml-cpp/depthguard.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/mark.h"
#include "yaml-cpp/parser.h"

namespace aturan::spec {
namespace {

// Thrown from an event to stop the parser; caught in BuildYamlTree.
struct StopParsing {
  SourceRef at;
  std::string message;
  std::string hint;
  bool fatal = true;  // false: the document read so far is complete and usable
};

// yaml-cpp marks a node before its anchor (&name) and tag (!tag): skips them, and the
// blanks, comments and line breaks after them, to reach the node itself.
size_t SkipProperties(std::string_view text, size_t offset) {
  while (offset < text.size() && (text[offset] == '&' || text[offset] == '!')) {
    while (offset < text.size() && text[offset] != ' ' && text[offset] != '\t' &&
           text[offset] != '\n' && text[offset] != '\r') {
      ++offset;
    }
    while (offset < text.size()) {
      const char c = text[offset];
      if (c == '#') {
        const size_t newline = text.find('\n', offset);
        offset = newline == std::string_view::npos ? text.size() : newline;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++offset;
      } else {
        break;
      }
    }
  }
  return offset;
}

size_t MarkOffset(const YAML::Mark& mark) {
  return mark.pos < 0 ? 0 : static_cast<size_t>(mark.pos);
}

SourceRef MarkAt(const SourceMap& source, const YAML::Mark& mark) {
  return mark.pos < 0 ? SourceRef{} : source.At(MarkOffset(mark));
}

// Builds the tree from the parser's events. Every node gets its "expanded size", the
// number of nodes it stands for once aliases are replaced by copies of what they name;
// a collection's is known when it closes, and none may exceed limits.max_nodes.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceMap& source, const LoadLimits& limits, Reporter& reporter)
      : source_(source), limits_(limits), reporter_(reporter) {}

  bool has_root() const { return has_root_; }

  YamlTree TakeTree() { return YamlTree{std::move(nodes_), root_}; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_++ > 0) {
      throw StopParsing{MarkAt(source_, mark), "a rule file holds one YAML document",
                        "remove the '---' line and what follows it, or move it to another file",
                        /*fatal=*/false};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Add(YamlNode::Kind::kNull, mark, anchor, {});
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    // An anchored collection that is still open would make the tree a cycle.
    if (it == anchors_.end() || expanded_[it->second] == 0) {
      throw StopParsing{MarkAt(source_, mark), "an alias is used inside the node it names",
                        "an alias (*name) may only repeat a node that is complete before it"};
    }
    Attach(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                const std::string& value) override {
    Add(YamlNode::Kind::kScalar, mark, anchor, value);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    Open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    Open(YamlNode::Kind::kMapping, mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  [[noreturn]] void TooManyNodes(SourceRef at) const {
    throw StopParsing{
        at,
        StrCat("the file has more than ", limits_.max_nodes,
               " YAML nodes (an alias counts as a copy of what it names)"),
        "a rule file is much smaller; look for aliases (*name) that repeat large parts"};
  }

  // Where the node of an event starts.
  size_t NodeOffset(const YAML::Mark& mark) const {
    return SkipProperties(source_.text(), MarkOffset(mark));
  }

  void Add(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
           const std::string& value) {
    if (nodes_.size() >= limits_.max_nodes) TooManyNodes(source_.At(NodeOffset(mark)));
    const auto id = static_cast<NodeId>(nodes_.size());
    YamlNode node;
    node.kind = kind;
    node.offset = NodeOffset(mark);
    node.value = value;
    nodes_.push_back(std::move(node));
    const bool collection = kind == YamlNode::Kind::kSequence || kind == YamlNode::Kind::kMapping;
    expanded_.push_back(collection ? 0 : 1);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
    Attach(id);
  }

  void Attach(NodeId id) {
    if (open_.empty()) {
      root_ = id;
      has_root_ = true;
    } else {
      nodes_[open_.back()].children.push_back(id);
    }
  }

  void Open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (open_.size() >= static_cast<size_t>(std::max(limits_.max_depth, 0))) {
      throw StopParsing{source_.At(NodeOffset(mark)),
                        StrCat("YAML nesting is deeper than ", limits_.max_depth, " levels"),
                        "a rule file nests only a few levels; look for unbalanced brackets"};
    }
    Add(kind, mark, anchor, {});
    open_.push_back(static_cast<NodeId>(nodes_.size() - 1));
  }

  void Close() {
    const NodeId id = open_.back();
    open_.pop_back();
    if (nodes_[id].kind == YamlNode::Kind::kMapping) RemoveDuplicateKeys(nodes_[id]);
    uint64_t size = 1;
    for (NodeId child : nodes_[id].children) {
      size += expanded_[child];
      if (size > limits_.max_nodes) TooManyNodes(source_.At(nodes_[id].offset));
    }
    expanded_[id] = size;
  }

  // Keeps the first occurrence of each text key and reports the others.
  void RemoveDuplicateKeys(YamlNode& map) {
    absl::flat_hash_map<std::string_view, NodeId> first;
    std::vector<NodeId> kept;
    kept.reserve(map.children.size());
    for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
      const YamlNode& key = nodes_[map.children[i]];
      if (key.kind == YamlNode::Kind::kScalar) {
        const auto [it, inserted] = first.try_emplace(key.value, map.children[i]);
        if (!inserted) {
          const SourceRef first_at = source_.At(nodes_[it->second].offset);
          reporter_.Error(
              source_.At(key.offset),
              StrCat("duplicate key '", key.value, "' (first on line ", first_at.line, ")"),
              "a key may appear only once in a mapping; remove or rename one");
          continue;
        }
      }
      kept.push_back(map.children[i]);
      kept.push_back(map.children[i + 1]);
    }
    map.children = std::move(kept);
  }

  const SourceMap& source_;
  const LoadLimits& limits_;
  Reporter& reporter_;
  std::vector<YamlNode> nodes_;
  std::vector<uint64_t> expanded_;  // per node; 0 while a collection is open
  std::vector<NodeId> open_;        // the collections being read, outermost first
  absl::flat_hash_map<YAML::anchor_t, NodeId> anchors_;
  NodeId root_ = 0;
  bool has_root_ = false;
  int documents_ = 0;
};

}  // namespace

std::optional<YamlTree> BuildYamlTree(const SourceMap& source, const LoadLimits& limits,
                                      Reporter& reporter) {
  std::istringstream in{std::string(source.text())};
  TreeBuilder builder(source, limits, reporter);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParsing& stop) {
    reporter.Error(stop.at, stop.message, stop.hint);
    if (stop.fatal) return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    reporter.Error(MarkAt(source, e.mark), "YAML nesting is too deep for the parser",
                   "a rule file nests only a few levels; look for unbalanced brackets");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    reporter.Error(MarkAt(source, e.mark), StrCat("invalid YAML: ", e.msg),
                   "check the indentation, the ':' after each key, and closing quotes and "
                   "brackets at or just before this place");
    return std::nullopt;
  }
  if (!builder.has_root()) {
    reporter.Error(SourceRef{1, 1}, "the file holds no YAML document",
                   "a rule file starts with 'aturan: 1'");
    return std::nullopt;
  }
  return builder.TakeTree();
}

}  // namespace aturan::spec
