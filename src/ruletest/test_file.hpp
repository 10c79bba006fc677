// ruletest/test_file.hpp — a rule file's test file (RULES.test.yaml) as loaded: candidate
// cases (one candidate's fields → expected decision) and allocation cases (a small list →
// expected allocation), every piece with its position in the test file. Names (fields,
// rule ids, pools, areas) are already checked against the rule file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "aturan/allocation.hpp"
#include "aturan/decision.hpp"
#include "spec/spec.hpp"

namespace aturan::ruletest {

using spec::SourceRef;

// One field of a candidate or an inline list row, as text the way a list carries it.
struct FieldText {
  std::string field;
  std::string text;      // empty when missing
  bool missing = false;  // YAML null or empty: the field has no value
  SourceRef at;          // the value (or its key when the value is empty)
};

// What a candidate case expects of the decision. Unset parts are not compared.
struct CandidateExpectation {
  Status status = Status::kEligible;
  std::optional<std::vector<std::string>> failing;  // exact set of failing rule ids
  std::optional<std::vector<std::string>> unknown;  // exact set of rules undecided (missing data)
  std::optional<double> score;
  std::optional<std::string> reason;  // a substring of a failing rule's reason or the invalid reason
};

// One candidate and the decision the rule file must give.
struct CandidateCase {
  std::string name;
  SourceRef at;  // the case's first key
  std::optional<absl::CivilDay> reference_date;
  std::vector<FieldText> fields;  // `base` merged with the case's own fields
  CandidateExpectation expect;
};

// An expected number (a count or an amount in rupiah) and where it is written.
struct ExpectedNumber {
  std::string key;  // e.g. "selected", "cost"
  int64_t value = 0;
  SourceRef at;
};

// Expected numbers of one area of one pool.
struct AreaExpectation {
  std::string written;  // the area as written (code, alias or name)
  int32_t area = -1;    // its code id in the pool's area field
  SourceRef at;
  std::vector<ExpectedNumber> numbers;  // basis, quota, eligible, selected, ...
};

// Expected numbers of one pool and of its areas.
struct PoolExpectation {
  std::string id;
  int pool = 0;  // index into RuleSet::quota().pools
  SourceRef at;
  std::vector<ExpectedNumber> numbers;  // capacity, candidates, selected, ...
  std::vector<AreaExpectation> areas;
};

// Where one named person (by NIK) must end up. Unset parts are not compared.
struct PersonExpectation {
  std::string nik;
  SourceRef at;
  std::optional<AllocationStatus> status;
  std::optional<int> pool;        // index into RuleSet::quota().pools
  std::string pool_written;
  std::optional<int32_t> area;    // code id in that pool's area field
  std::string area_written;
  std::optional<uint32_t> rank;   // waitlisted: place in line
};

// What an allocation case expects.
struct AllocationExpectation {
  std::vector<ExpectedNumber> totals;  // selected, waitlisted, ineligible, invalid, cost
  std::vector<PoolExpectation> pools;
  std::vector<PersonExpectation> people;
};

// A small candidate list and the allocation the rule file's quota must give it.
struct AllocationCase {
  std::string name;
  SourceRef at;
  std::optional<absl::CivilDay> reference_date;
  std::string list_path;   // a CSV or JSON Lines list (resolved against the test file), or
  std::string inline_csv;  // the inline rows written as CSV (when list_path is empty)
  std::string areas_path;  // an area table overriding the rule file's numbers, or empty
  AllocationExpectation expect;
};

// Every case of one test file.
struct TestFile {
  std::string path;
  std::vector<CandidateCase> candidates;
  std::vector<AllocationCase> allocations;
};

}  // namespace aturan::ruletest
