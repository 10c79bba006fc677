#include "compile/code_constraints.hpp"

#include <optional>
#include <utility>

namespace aturan::internal {
namespace {

// A test of one code field whose outcome (for a present value) is exactly "the value is one
// of `codes`".
struct CodeTest {
  int32_t slot = -1;
  std::vector<bool> codes;
};

size_t CodeCount(const Program& program, int32_t slot) {
  const int32_t list = program.field_list[slot];
  return list < 0 ? 0 : program.lists[list].codes.size();
}

// True when field node (or fused node) `n` reads its field as is: missing only when the field
// is missing and has no default, not through a folded `coalesce(f, c)`.
bool ReadsFieldAsIs(const Program& program, const Node& n) {
  return n.constant.missing() == program.field_defaults[n.slot].missing();
}

// `f in LIST` / `f not in LIST` (fused), `f == "c"` / `f != "c"` (either side), and `not`
// of one of them.
std::optional<CodeTest> TestOf(const Program& program, uint32_t index) {
  const Node& n = program.nodes[index];
  if (n.op == OpCode::kFieldInCodeSet && n.slot >= 0 && ReadsFieldAsIs(program, n)) {
    const std::vector<uint8_t>& set = program.code_sets[n.set];
    CodeTest test{n.slot, std::vector<bool>(set.begin(), set.end())};
    test.codes.resize(CodeCount(program, n.slot), false);
    if (n.negate) test.codes.flip();
    return test;
  }
  if ((n.op == OpCode::kCompareInt || n.op == OpCode::kFieldCompareInt) &&
      (n.compare == Compare::kEq || n.compare == Compare::kNe)) {
    // the field's slot and the compared constant, in either order or fused
    int32_t slot = -1;
    const Node* constant = &program.nodes[n.arg1];
    const Node* field = &n;
    if (n.op == OpCode::kCompareInt) {
      field = &program.nodes[n.arg0];
      if (field->op == OpCode::kConst) std::swap(field, constant);
      if (field->op != OpCode::kField) return std::nullopt;
    }
    if (field->slot >= 0 && ReadsFieldAsIs(program, *field)) slot = field->slot;
    if (slot < 0 || program.fields[slot].type != Type::kCode ||
        constant->op != OpCode::kConst || constant->constant.missing() ||
        constant->constant.type() != Type::kCode) {
      return std::nullopt;
    }
    CodeTest test{slot, std::vector<bool>(CodeCount(program, slot), false)};
    const int32_t code = constant->constant.as_code();
    if (code >= 0 && static_cast<size_t>(code) < test.codes.size()) test.codes[code] = true;
    if (n.compare == Compare::kNe) test.codes.flip();
    return test;
  }
  if (n.op == OpCode::kNot) {
    std::optional<CodeTest> test = TestOf(program, n.arg0);
    if (test) test->codes.flip();
    return test;
  }
  return std::nullopt;
}

void Collect(const Program& program, uint32_t index, CodeConstraints* out) {
  const Node& n = program.nodes[index];
  if (n.op == OpCode::kAnd) {
    Collect(program, n.arg0, out);
    Collect(program, n.arg1, out);
    return;
  }
  if (std::optional<CodeTest> test = TestOf(program, index)) {
    CodeConstraints one;
    one.emplace(test->slot, std::move(test->codes));
    Intersect(one, out);
  }
}

}  // namespace

CodeConstraints ConstraintsOf(const Program& program, uint32_t root) {
  CodeConstraints constraints;
  Collect(program, root, &constraints);
  return constraints;
}

void Intersect(const CodeConstraints& other, CodeConstraints* into) {
  for (const auto& [slot, codes] : other) {
    const auto [it, inserted] = into->try_emplace(slot, codes);
    if (inserted) continue;
    for (size_t i = 0; i < it->second.size() && i < codes.size(); ++i) {
      it->second[i] = it->second[i] && codes[i];
    }
  }
}

}  // namespace aturan::internal
