// spec/load_spec.hpp — read a rule file (YAML, format version 1) into a Spec.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "spec/spec.hpp"

namespace aturan::spec {

// Bounds against hostile rule files.
struct LoadLimits {
  size_t max_file_bytes = 8u << 20;  // 8 MiB
  size_t max_nodes = 500000;         // YAML nodes visited (aliases count each time they are used)
  int max_depth = 64;                // nesting of YAML collections
};

// Loads YAML text into a Spec. Every problem found (YAML syntax, unknown or duplicate keys,
// wrong types, missing keys, duplicate ids, limits) is appended to *diagnostics with the
// file name, line, column and a hint; loading goes on after an error to report them all.
// Returns nullopt only when nothing usable could be read (a YAML syntax error, a limit, a
// format version other than 1); otherwise a Spec, which is complete only when no error was
// added. References between sections that need no types (a code field's list, subset_of,
// order keys, the key field, names shared by fields and parameters, the fields and premiums
// a quota names) are checked here too;
// expressions, value types and dated values against the reference date are the checker's.
// Never throws. The Spec holds no YAML objects, so it may be used from any thread.
std::optional<Spec> LoadSpec(std::string_view yaml_text, std::string_view file_name,
                             std::vector<Diagnostic>* diagnostics, const LoadLimits& limits = {});

}  // namespace aturan::spec
