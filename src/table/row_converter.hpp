// table/row_converter.hpp — turning RawChunk text into typed CandidateTable rows, checking
// each value on the way: the per-row half of reading a list, safe to run on many threads.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "aturan/candidate_table.hpp"
#include "aturan/rule_set.hpp"
#include "table/column_mapping.hpp"
#include "table/raw_chunk.hpp"

namespace aturan::internal {

// Converts and checks rows for one list. Immutable once made, so one converter serves
// every thread.
class RowConverter {
 public:
  // `rules` and `mapping` must outlive the converter.
  RowConverter(const RuleSet& rules, const ColumnMapping& mapping);

  // Appends every row of `chunk` to `table` (which must follow the same rules), with an
  // issue for each problem: the row's parse problem or duplicate key, each value that does
  // not read as its field's type or list, each missing required value, a NIK that is not
  // structurally valid, and a NIK that disagrees with birth date or sex (an error or a
  // warning, as the rule file's input.nik_mismatch says).
  void Convert(const RawChunk& chunk, CandidateTable* table) const;

 private:
  // Code ids of cell texts already looked up, for one Convert call (see row_converter.cpp).
  struct CodeCache;
  // A problem with one cell, held until its chunk is converted (see row_converter.cpp).
  struct CellIssue;

  // Reads field `slot` of the chunk's rows into the table rows from `first` on, noting in
  // `issues` each cell that does not read and each missing required value.
  void ConvertColumn(const RawChunk& chunk, int slot, size_t first, CandidateTable* table, CodeCache* cache,
                     std::vector<CellIssue>* issues) const;
  // RuleSet::CodeId(slot, text) for a trimmed, non-empty `text`, through `cache`.
  int32_t CodeId(int slot, std::string_view text, CodeCache* cache) const;
  // The identity checks of rule file `input:` for table row `row`.
  void CheckNik(size_t row, CandidateTable* table) const;

  const RuleSet& rules_;
  const ColumnMapping& mapping_;
  int key_slot_ = -1;  // the schema's key field (duplicates are looked for in it)
  int nik_slot_ = -1;  // rules_.input_checks().nik_slot
  std::span<const FieldInfo> fields_;  // rules_.fields()
  // Per code field: its codes and aliases, for did-you-mean hints.
  std::vector<std::vector<std::string_view>> code_words_;
};

}  // namespace aturan::internal
