// allocate/allocation_writer.hpp — the per-row output of `aturan allocate`: while the list
// is read it keeps, per row, only what the row's line needs besides the allocation (input
// row number, NIK, and the failing rules or input errors, rendered once per distinct
// outcome), then writes one line per input row, in input order, as CSV or JSON Lines.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "aturan/allocation.hpp"
#include "aturan/large_allocator.hpp"
#include "batch/decision_format.hpp"

namespace aturan::internal {

// CSV columns: row, nik, status (selected/waitlisted/ineligible/invalid), pool (id), area
// (code), rank (waitlisted: place in line), score, failed, reasons — failed and reasons as in
// `aturan eval`, plus `kuota` for a waitlisted row or one no pool takes, with an Indonesian
// reason. JSON Lines: the same as members, with "errors" for an invalid row.
class AllocationWriter {
 public:
  AllocationWriter(const RuleSet& rules, DecisionFormat format);

  // What the lines of one chunk's rows need, numbered within the chunk (Extract's result).
  struct Chunk {
    // The rows' input record numbers: first_source_row, first_source_row + 1, ... while
    // source_rows is empty (as for a list read whole), else source_rows.
    uint64_t first_source_row = 0;
    std::vector<uint64_t> source_rows;
    std::vector<uint64_t> ids;  // as ids_, offsets into id_text
    std::string id_text;
    std::vector<uint32_t> outcome_of_row;  // as outcome_of_row_, into this chunk's outcomes
    std::vector<uint64_t> outcome_begin{0};
    std::string outcome_text;
    std::vector<std::string> outcome_keys;  // per outcome: its rule-outcome key, empty for an invalid row's
  };

  // Makes room for about `rows` rows in all (a hint).
  void Reserve(size_t rows);
  // Reads what the lines of `table`'s rows need. Thread-safe, for chunks decided on several
  // threads; the results go to Add in input order.
  Chunk Extract(const CandidateTable& table, std::span<const Decision> decisions) const;
  // Keeps a chunk Extract read; chunks in input order.
  void Add(const Chunk& chunk);
  // Rows added.
  size_t size() const { return ids_.size(); }
  // The NIK (key) written for row `row`, and the row's record number in the input.
  std::string Id(size_t row) const;
  uint64_t source_row(size_t row) const { return source_rows_.empty() ? row + 1 : source_rows_[row]; }
  // Writes the header (CSV) and one line per row added, allocated as `allocation` (whose
  // rows must be these rows). An error when writing fails.
  absl::Status Write(const Allocation& allocation, std::FILE* file) const;

 private:
  void AppendRow(const Allocation& allocation, size_t row, std::string* out) const;
  void AppendQuotaOutcome(const RowAllocation& row, std::string* out) const;
  void PrepareQuotaOutcomes();
  std::string_view Outcome(size_t row) const;
  // Row `row`'s id, as a view into id_text_ or, for a 16-digit id, into `digits`.
  std::string_view IdText(size_t row, std::array<char, 16>* digits) const;

  const RuleSet& rules_;
  DecisionFormat format_;
  DecisionFormatter formatter_;
  // Per row: its input record number; empty while row r's is r + 1 for every row (a list
  // read whole), which saves 8 bytes a row.
  LargeVector<uint64_t> source_rows_;
  // Per row: offset << 16 | length into id_text_, or a 16-digit id's number | 1 << 63.
  LargeVector<uint64_t> ids_;
  LargeString id_text_;
  // Per row: 0 for no failed rules or errors, else 1 + index into outcome_begin_.
  LargeVector<uint32_t> outcome_of_row_;
  std::vector<uint64_t> outcome_begin_;  // into outcome_text_; one extra end offset
  std::string outcome_text_;
  absl::flat_hash_map<std::string, uint32_t> rule_outcomes_;  // failed+unknown bits -> outcome
  // The failed and reasons columns of rows the quota decided, rendered once: per pool and
  // area code + 1 (0: no area), a waitlisted row's up to its rank, and what follows the rank;
  // and a row no pool takes.
  std::vector<std::vector<std::string>> waiting_before_rank_;
  std::string waiting_after_rank_;
  std::string no_pool_outcome_;
};

}  // namespace aturan::internal
