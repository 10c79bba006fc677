// spec/yaml_tree.hpp — a YAML document as a small tree of our own, built from yaml-cpp's
// parser events: no YAML::Node (not thread-safe, keeps duplicate keys, no positions
// inside scalars), bounded in size and depth, duplicate keys reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "spec/load_spec.hpp"
#include "spec/reporter.hpp"
#include "spec/source_map.hpp"

namespace aturan::spec {

using NodeId = uint32_t;

// One YAML node. An alias is not a node of its own: its parent lists the anchored node's
// id once more, so the tree is a DAG that is never bigger than the file.
struct YamlNode {
  enum class Kind : uint8_t { kNull, kScalar, kSequence, kMapping };

  Kind kind = Kind::kNull;
  size_t offset = 0;             // where the node starts in the text, after any anchor or tag
  std::string value;             // kScalar: its value
  std::vector<NodeId> children;  // kSequence: the items; kMapping: key, value, key, value, ...
};

// One parsed YAML document.
struct YamlTree {
  std::vector<YamlNode> nodes;
  NodeId root = 0;
};

// Parses the single YAML document of `source`. Reports YAML syntax errors, a second
// document, a mapping key repeated in the same mapping (only its first occurrence is kept
// in the tree), and the limits: nesting deeper than limits.max_depth, and more than
// limits.max_nodes nodes once every alias is expanded (so walking the tree takes at most
// that many steps). Returns nullopt when there is no document or it could not be read.
std::optional<YamlTree> BuildYamlTree(const SourceMap& source, const LoadLimits& limits,
                                      Reporter& reporter);

}  // namespace aturan::spec
