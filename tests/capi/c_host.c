/* c_host — a C99 host of libaturan.so: load a rule file, decide one candidate by slots, print
 * the decision and the explanation, and free everything (the ASan build's LeakSanitizer checks
 * that nothing is left). Run by ctest as: c_host RULES.yaml; exits 0 only when every call
 * behaves as documented. */
#include <stdio.h>
#include <string.h>

#include "aturan/aturan.h"

/* Reports a failed call and its message, freeing the message. */
static int failed(const char* what, aturan_status status, char* error) {
  fprintf(stderr, "%s: %s: %s\n", what, aturan_status_name(status), error != NULL ? error : "(no message)");
  aturan_string_free(error);
  return 1;
}

/* Sets field `name` of `candidate` from text. */
static int set(const aturan_rules* rules, aturan_candidate* candidate, const char* name, const char* text) {
  char* error = NULL;
  int32_t slot = -1;
  aturan_status status = aturan_rules_field_slot(rules, name, &slot, &error);
  if (status != ATURAN_OK) return failed(name, status, error);
  status = aturan_candidate_set_text(candidate, slot, text, &error);
  if (status != ATURAN_OK) return failed(name, status, error);
  return 0;
}

int main(int argc, char** argv) {
  aturan_rules* rules = NULL;
  aturan_candidate* candidate = NULL;
  aturan_decision decision;
  char* error = NULL;
  char* text = NULL;
  aturan_status status;
  int problems = 0;
  int32_t i;

  if (argc != 2) {
    fprintf(stderr, "usage: %s RULES.yaml\n", argv[0]);
    return 2;
  }
  printf("aturan %s\n", aturan_version());
  status = aturan_rules_load_file(argv[1], NULL, &rules, &error);
  if (status != ATURAN_OK) return failed(argv[1], status, error);
  status = aturan_candidate_new(rules, &candidate, &error);
  if (status != ATURAN_OK) return failed("candidate", status, error);

  problems += set(rules, candidate, "nik", "3375021203750001");
  problems += set(rules, candidate, "nama", "Slamet Riyadi");
  problems += set(rules, candidate, "jenis_kelamin", "L");
  problems += set(rules, candidate, "tanggal_lahir", "12-03-1975");
  problems += set(rules, candidate, "kode_kelurahan", "Banyurip");
  problems += set(rules, candidate, "pekerjaan", "Tukang Becak");
  problems += set(rules, candidate, "penghasilan_bulanan", "Rp1.200.000");
  problems += set(rules, candidate, "tulang_punggung", "ya");

  status = aturan_evaluate(candidate, &decision, &error);
  if (status != ATURAN_OK) return failed("evaluate", status, error);
  printf("%s: status %d, score %g, %d failing rule(s)\n", aturan_rules_regulation_id(rules), (int)decision.status,
         decision.score, (int)decision.failed_count);
  for (i = 0; i < decision.failed_count; ++i) printf("  - %s\n", decision.failed_rule_ids[i]);

  status = aturan_explain(candidate, &text, &error);
  if (status != ATURAN_OK) return failed("explain", status, error);
  if (text == NULL || strlen(text) == 0) ++problems;
  printf("%s", text);
  aturan_string_free(text);

  /* An error path from C: an unknown field, with its message freed. */
  {
    int32_t slot = 0;
    status = aturan_rules_field_slot(rules, "pekerjan", &slot, &error);
    if (status != ATURAN_ERROR_NOT_FOUND || slot != -1 || error == NULL) ++problems;
    printf("pekerjan: %s\n", error != NULL ? error : "(no message)");
    aturan_string_free(error);
  }
  /* NULL handles are errors, not crashes. */
  if (aturan_evaluate(NULL, &decision, NULL) != ATURAN_ERROR_NULL_ARGUMENT) ++problems;

  aturan_candidate_free(candidate);
  aturan_rules_free(rules);
  if (decision.status != ATURAN_ELIGIBLE) ++problems; /* Slamet qualifies under both Pekalongan rule files */
  return problems == 0 ? 0 : 1;
}
