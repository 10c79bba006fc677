// generate/row_writer.hpp — the CSV text of a synthetic candidate list, block by block: each
// row either good or with exactly one defect, drawn from a generator seeded by (seed, first
// row of the block), so a block's text depends on nothing else and blocks can be written on
// any number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "generate/defect.hpp"
#include "generate/list_plan.hpp"
#include "generate/nik_space.hpp"
#include "generate/rng.hpp"

namespace aturan {

// What a block holds, by kind.
struct RowCounts {
  uint64_t good = 0;                             // rows without any defect
  std::array<uint64_t, kDefectCount> defects{};  // rows with that one defect, by Defect

  // Adds `other`'s counts to these.
  void Add(const RowCounts& other);
};

// Writes the rows of one list (one plan, seed and bad share). Immutable once made.
class RowWriter {
 public:
  // Rows shaped by `plan`; NIKs from `nik_space` (which also bounds birth dates); a row has a
  // defect with probability `bad_share`, of a kind drawn evenly from plan.defects.
  RowWriter(ListPlan plan, const NikSpace& nik_space, uint64_t seed, double bad_share);

  // Appends the header row: the field names in slot order.
  void WriteHeader(std::string* out) const;

  // Appends rows first .. first + count - 1 (0-based row numbers) to *out and counts them.
  // The text depends only on the constructor's arguments, `first` and `count`. Thread-safe.
  void WriteBlock(uint64_t first, uint64_t count, std::string* out, RowCounts* counts) const;

 private:
  struct Person;
  struct Block;

  // A new person for row `row` (sometimes of the same family as `previous`).
  Person MakePerson(uint64_t row, const Person* previous, Block* block) const;
  // Appends row `row`, good or with `defect`.
  void WriteRow(uint64_t row, std::optional<Defect> defect, Block* block, std::string* out) const;
  // Appends the good value of field `slot` for `person` (sometimes empty for optional
  // fields); `occupation` is the row's occupation code id, or -1.
  void WriteValue(int slot, const Person& person, int32_t occupation, Block* block, std::string* out) const;
  // Replaces *text with the value of a name, address or text field, unquoted.
  void MakeText(const FieldPlan& field, const Person& person, Rng* rng, std::string* text) const;
  // Appends field `slot` with `defect`.
  void WriteDefect(int slot, Defect defect, const Person& person, Block* block, std::string* out) const;

  // Append a date, a code and a name as lists spell them.
  void WriteDate(Date date, Block* block, std::string* out) const;
  void WriteCode(const FieldPlan& field, int32_t id, Block* block, std::string* out) const;
  static void MakeName(const Person& person, std::string* name);

  ListPlan plan_;
  const NikSpace& nik_space_;
  uint64_t seed_;
  double bad_share_;
  uint64_t card_days_;  // the days a Kartu Keluarga may have been issued on
  // Per defect kind: the slots it can go into.
  std::array<std::vector<int>, kDefectCount> targets_;
  std::vector<Defect> defects_without_duplicate_;
};

}  // namespace aturan
