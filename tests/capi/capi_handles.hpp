// capi_handles.hpp — owning wrappers for the C API's handles and strings in tests, so that
// every test frees what it gets (the ASan build's LeakSanitizer checks it).
#pragma once

#include <memory>
#include <string>

#include "aturan/aturan.h"
#include "gtest/gtest.h"

namespace aturan::testing {

struct RulesFree {
  void operator()(aturan_rules* rules) const { aturan_rules_free(rules); }
};
struct CandidateFree {
  void operator()(aturan_candidate* candidate) const { aturan_candidate_free(candidate); }
};
using Rules = std::unique_ptr<aturan_rules, RulesFree>;
using Candidate = std::unique_ptr<aturan_candidate, CandidateFree>;

// A `char*` out-parameter whose text is freed with aturan_string_free.
class CString {
 public:
  CString() = default;
  CString(const CString&) = delete;
  CString& operator=(const CString&) = delete;
  ~CString() { aturan_string_free(text_); }
  // Where the C API writes the string (after freeing any earlier one).
  char** out() {
    aturan_string_free(text_);
    text_ = nullptr;
    return &text_;
  }
  bool null() const { return text_ == nullptr; }
  std::string str() const { return text_ == nullptr ? std::string("(null)") : std::string(text_); }

 private:
  char* text_ = nullptr;
};

// The rule file at `path` (relative to the source tree), loaded; fails the test when it does not load.
inline Rules LoadRules(const std::string& path) {
  aturan_rules* rules = nullptr;
  CString error;
  const aturan_status status =
      aturan_rules_load_file((std::string(ATURAN_SOURCE_DIR) + "/" + path).c_str(), nullptr, &rules, error.out());
  EXPECT_EQ(status, ATURAN_OK) << error.str();
  return Rules(rules);
}

// A new candidate buffer for `rules`.
inline Candidate NewCandidate(const aturan_rules* rules) {
  aturan_candidate* candidate = nullptr;
  CString error;
  EXPECT_EQ(aturan_candidate_new(rules, &candidate, error.out()), ATURAN_OK) << error.str();
  return Candidate(candidate);
}

// The slot of field `name` of `rules`.
inline int32_t SlotOf(const aturan_rules* rules, const char* name) {
  int32_t slot = -1;
  CString error;
  EXPECT_EQ(aturan_rules_field_slot(rules, name, &slot, error.out()), ATURAN_OK) << error.str();
  return slot;
}

}  // namespace aturan::testing
