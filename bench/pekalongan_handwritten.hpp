// pekalongan_handwritten.hpp — rules/pekalongan-2023-revisi.yaml written by hand in C++, as a
// host would without aturan: the yardstick for the compiled rules' speed.
#pragma once

#include <cstdint>
#include <vector>

#include "aturan/rule_set.hpp"
#include "pekalongan_worker.hpp"

namespace aturan::bench {

struct HandDecision {
  Status status = Status::kInvalid;
  uint32_t failed = 0;  // bit i: eligibility rule i (file order) did not pass
  double score = 0;
};

// The same rules as the 2023 file. Code lookups use the rule file's alias tables through
// RuleSet::CodeId (the hash lookup a host would hand-code); everything else is plain C++.
class HandwrittenPekalongan2023 {
 public:
  explicit HandwrittenPekalongan2023(RuleSet rules);
  HandDecision Decide(const Worker& w) const;

 private:
  std::vector<bool> Members(int slot, const std::vector<const char*>& codes) const;

  RuleSet rules_;
  int kelurahan_slot_, pekerjaan_slot_, jenis_kelamin_slot_, status_slot_;
  std::vector<bool> kota_, rentan_, khusus_disabilitas_, ditanggung_;
};

}  // namespace aturan::bench
