/* aturan/aturan.h — the C API of aturan: load a rule file, decide candidates one by one or a
 * whole list at once, and allocate a list's quota, from C or through any FFI (PHP FFI, Python
 * ctypes, Go cgo, Java FFM). Plain C99; the library behind it is C++ and no C++ exception ever
 * crosses this boundary.
 *
 * Conventions (docs/c-api.md explains them with an example):
 * - Handles are opaque and made by a *_load / *_new function; each has its *_free function,
 *   which accepts NULL.
 * - A fallible function returns an aturan_status (ATURAN_OK = 0) and takes `char** error` last:
 *   on failure *error receives a message to free with aturan_string_free (NULL if even that
 *   could not be allocated), on success *error is set to NULL. Pass NULL to ignore messages.
 *   A NULL handle or required pointer gives ATURAN_ERROR_NULL_ARGUMENT, never a crash.
 * - Strings are UTF-8 and NUL-terminated. A `char*` handed out (char** out-parameters) is the
 *   caller's, freed with aturan_string_free; a `const char*` returned belongs to the handle it
 *   came from and lives as long as that handle.
 * - Thread safety is stated per function. In short: an aturan_rules is immutable and may be
 *   shared by any number of threads; an aturan_candidate belongs to one thread at a time.
 *
 * The declarations below, between the extern "C" guards, contain no preprocessor lines, so an
 * FFI that parses C declarations (PHP's FFI::cdef) can be given that block as it is.
 */
#ifndef ATURAN_ATURAN_H
#define ATURAN_ATURAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a function returns: ATURAN_OK, or why it failed (the error text says more). */
typedef enum aturan_status {
  ATURAN_OK = 0,
  ATURAN_ERROR_NULL_ARGUMENT = 1,    /* a handle or required pointer argument is NULL */
  ATURAN_ERROR_RULES = 2,            /* the rule file has errors: each as file:line:column: ... */
  ATURAN_ERROR_NOT_FOUND = 3,        /* no field has that name, or a file cannot be opened */
  ATURAN_ERROR_INVALID_ARGUMENT = 4, /* a slot out of range, text unreadable as the field's type, a bad option */
  ATURAN_ERROR_WRONG_TYPE = 5,       /* a typed setter used on a field of another type */
  ATURAN_ERROR_NOT_IN_LIST = 6,      /* a code outside its field's list: kept, the candidate is then invalid */
  ATURAN_ERROR_LIST = 7,             /* a candidate list cannot be read (columns, format, read error) */
  ATURAN_ERROR_OUTPUT = 8,           /* an output file cannot be written */
  ATURAN_ERROR_NO_QUOTA = 9,         /* allocation asked of rules without a quota section */
  ATURAN_ERROR_OUT_OF_MEMORY = 10,
  ATURAN_ERROR_INTERNAL = 11,        /* an unexpected failure inside the library (a bug: please report it) */
  ATURAN_ERROR_TOO_MANY_INVALID = 12 /* a list run had more invalid rows than max_invalid allows (outputs written) */
} aturan_status;

/* The type of a schema field (aturan_rules_field_type). */
typedef enum aturan_field_type {
  ATURAN_TYPE_BOOL = 0,
  ATURAN_TYPE_INT = 1,     /* 64-bit signed integer */
  ATURAN_TYPE_MONEY = 2,   /* whole rupiah, 64-bit signed */
  ATURAN_TYPE_DECIMAL = 3, /* IEEE double */
  ATURAN_TYPE_STRING = 4,  /* UTF-8 text */
  ATURAN_TYPE_DATE = 5,    /* a calendar day */
  ATURAN_TYPE_CODE = 6     /* a value from a closed list (a code or one of its aliases) */
} aturan_field_type;

/* What the rules say about a candidate (aturan_decision.status). */
typedef enum aturan_decision_status {
  ATURAN_ELIGIBLE = 0,   /* every eligibility rule holds */
  ATURAN_INELIGIBLE = 1, /* at least one rule does not hold, or cannot be decided */
  ATURAN_INVALID = 2     /* a required field is missing or a code is outside its list */
} aturan_decision_status;

/* How one failing rule came out (aturan_decision.failed_outcomes). */
typedef enum aturan_rule_outcome {
  ATURAN_RULE_FAILED = 1, /* the rule does not hold */
  ATURAN_RULE_UNKNOWN = 2 /* the rule could not be decided for missing data; it counts as failing */
} aturan_rule_outcome;

/* A compiled rule file. Immutable once loaded: thread-safe, share it between threads. */
typedef struct aturan_rules aturan_rules;

/* One candidate's values, one per schema field (by slot), every field missing at first.
 * Reusable: set the fields of the next candidate (or aturan_candidate_clear) and decide again.
 * Not thread-safe: one buffer per thread. It keeps its rules alive. */
typedef struct aturan_candidate aturan_candidate;

/* A decision about one candidate, filled by aturan_evaluate. Rules are numbered in file order
 * (0 .. aturan_rules_rule_count - 1); a rule file has at most 256. */
typedef struct aturan_decision {
  int32_t status;          /* an aturan_decision_status */
  double score;            /* priority score; 0 when the rule file has none */
  int32_t failed_count;    /* rules that did not pass (undecidable ones included) */
  int32_t unknown_count;   /* of those, rules that could not be decided for missing data */
  int32_t failed_rules[256];           /* indices of the failing rules, in file order; failed_count valid */
  int32_t failed_outcomes[256];        /* per failing rule: an aturan_rule_outcome */
  const char* failed_rule_ids[256];    /* per failing rule: its id, owned by the rules */
  int32_t invalid_slot;    /* status ATURAN_INVALID: the field at fault, else -1 */
  const char* invalid_field; /* that field's name (owned by the rules), else NULL */
} aturan_decision;

/* Options of aturan_eval_list and aturan_allocate_list. A NULL options pointer, or a zeroed
 * struct (all NULL and 0), means what the CLI does by default. */
typedef struct aturan_list_options {
  const char* output_format; /* "csv" or "jsonl"; NULL: JSON Lines when the output ends in .jsonl, else CSV */
  const char* rejects_path;  /* every row problem; NULL: beside the output (x.csv -> x.rejects.csv); "": none */
  const char* group_by;      /* code field the summary counts rows by; NULL: pekerjaan if any; "none" */
  const char* areas_path;    /* allocation only: area table replacing the rule file's numbers (CLI --areas) */
  int32_t threads;           /* worker threads; 0: one per core */
  /* Column renames, as CLI --column: a NULL-terminated array of "COLUMN=field" (the list's
   * column COLUMN is read as schema field `field`); NULL: none. */
  const char* const* columns;
  /* Value renames, as CLI --value: a NULL-terminated array of "field:FROM=TO" (text FROM is
   * read as TO in `field`); NULL: none. */
  const char* const* values;
  /* As CLI --max-invalid: at most "N" invalid rows, or "P%" of the rows read; NULL or "": no
   * limit. A run over it still writes every output and *summary_json, then returns
   * ATURAN_ERROR_TOO_MANY_INVALID with the count in *error. */
  const char* max_invalid;
} aturan_list_options;

/* "MAJOR.MINOR.PATCH" of the library. Static text; thread-safe. */
const char* aturan_version(void);

/* A short English name of `status` ("ok", "rule file errors", ...). Static text; thread-safe. */
const char* aturan_status_name(aturan_status status);

/* Frees a string the library handed out (error texts, explanations, summaries). NULL is fine. */
void aturan_string_free(char* text);

/* Reads and compiles the rule file at `path`. `reference_date` ("YYYY-MM-DD") reads the rules
 * as they stand on that day; NULL for the rule file's own. On success *rules is a new handle
 * (free with aturan_rules_free); on ATURAN_ERROR_RULES the error text lists every diagnostic,
 * one per line, as "file:line:column: error: message" with hints. Thread-safe. */
aturan_status aturan_rules_load_file(const char* path, const char* reference_date, aturan_rules** rules,
                                     char** error);

/* As aturan_rules_load_file, for a rule file's text; `file_name` names it in diagnostics
 * (NULL: "<string>"). Files it refers to are looked up from the working directory. */
aturan_status aturan_rules_load_string(const char* yaml_text, const char* file_name, const char* reference_date,
                                       aturan_rules** rules, char** error);

/* Releases a rule set (candidates made from it keep what they need). NULL is fine. Call it
 * once, when no other thread uses the handle. */
void aturan_rules_free(aturan_rules* rules);

/* The warnings found while loading, one per line as "file:line:column: warning: ..."; "" when
 * none, NULL for a NULL handle. Thread-safe. */
const char* aturan_rules_warnings(const aturan_rules* rules);

/* regulation.id of the rule file; NULL for a NULL handle. Thread-safe. */
const char* aturan_rules_regulation_id(const aturan_rules* rules);

/* The number of schema fields (slots 0 .. count-1), or -1 for a NULL handle. Thread-safe. */
int32_t aturan_rules_field_count(const aturan_rules* rules);

/* The name of field `slot`, or NULL when there is no such slot. Thread-safe. */
const char* aturan_rules_field_name(const aturan_rules* rules, int32_t slot);

/* The type of field `slot` as an aturan_field_type, or -1 when there is no such slot. Thread-safe. */
int32_t aturan_rules_field_type(const aturan_rules* rules, int32_t slot);

/* The slot of the field called `name`: look it up once, then set values by slot. Unknown
 * names give ATURAN_ERROR_NOT_FOUND with a did-you-mean hint and *slot = -1. Thread-safe. */
aturan_status aturan_rules_field_slot(const aturan_rules* rules, const char* name, int32_t* slot, char** error);

/* The number of eligibility rules, or -1 for a NULL handle. Thread-safe. */
int32_t aturan_rules_rule_count(const aturan_rules* rules);

/* The id of rule `index` (file order), or NULL when there is no such rule. Thread-safe. */
const char* aturan_rules_rule_id(const aturan_rules* rules, int32_t index);

/* The Indonesian reason of rule `index`, shown when it does not pass; NULL when there is no
 * such rule. Thread-safe. */
const char* aturan_rules_rule_reason(const aturan_rules* rules, int32_t index);

/* A new candidate buffer for `rules`, every field missing; free with aturan_candidate_free.
 * Thread-safe (each call makes its own buffer). */
aturan_status aturan_candidate_new(const aturan_rules* rules, aturan_candidate** candidate, char** error);

/* Releases a candidate buffer. NULL is fine. */
void aturan_candidate_free(aturan_candidate* candidate);

/* Makes every field missing again. Not thread-safe for the same buffer. */
aturan_status aturan_candidate_clear(aturan_candidate* candidate, char** error);

/* Sets field `slot` from text as candidate lists write it (the CLI reads list cells the same
 * way): bool ya/tidak/true/false/1/0, money "2500000" or "Rp2.500.000", dates YYYY-MM-DD or
 * DD-MM-YYYY, a code or one of its aliases ("Tukang Becak"); empty or blank text makes the field
 * missing. Text that does not read as the field's type gives ATURAN_ERROR_INVALID_ARGUMENT and
 * leaves the field as it was; a code outside its list gives ATURAN_ERROR_NOT_IN_LIST and is
 * kept, so that the candidate evaluates as invalid. The text is copied. Not thread-safe for the
 * same buffer (this holds for every aturan_candidate_set_* function). */
aturan_status aturan_candidate_set_text(aturan_candidate* candidate, int32_t slot, const char* text, char** error);

/* Sets an int, money or decimal field to a whole number. */
aturan_status aturan_candidate_set_int(aturan_candidate* candidate, int32_t slot, int64_t value, char** error);

/* Sets a money field to `rupiah`. */
aturan_status aturan_candidate_set_money(aturan_candidate* candidate, int32_t slot, int64_t rupiah, char** error);

/* Sets a decimal field. A NaN or infinite value is ATURAN_ERROR_INVALID_ARGUMENT. */
aturan_status aturan_candidate_set_decimal(aturan_candidate* candidate, int32_t slot, double value, char** error);

/* Sets a bool field: 0 is false, anything else true. */
aturan_status aturan_candidate_set_bool(aturan_candidate* candidate, int32_t slot, int32_t value, char** error);

/* Sets a date field to the day `year`-`month`-`day`, which must exist (years 1000..9999). */
aturan_status aturan_candidate_set_date(aturan_candidate* candidate, int32_t slot, int32_t year, int32_t month,
                                        int32_t day, char** error);

/* Makes field `slot` missing (no data). */
aturan_status aturan_candidate_set_missing(aturan_candidate* candidate, int32_t slot, char** error);

/* Decides the candidate into *decision, exactly as the C++ RuleSet::Evaluate. Never allocates.
 * Thread-safe for different buffers (of the same rules or not); not for the same buffer while
 * another thread sets it. */
aturan_status aturan_evaluate(const aturan_candidate* candidate, aturan_decision* decision, char** error);

/* Every rule's outcome for the candidate with the values it read, the reasons and the score, as
 * readable Indonesian text (as `aturan explain` prints it) in *text, freed with
 * aturan_string_free. Thread safety as for aturan_evaluate. */
aturan_status aturan_explain(const aturan_candidate* candidate, char** text, char** error);

/* Decides every row of the candidate list at `list_path` (CSV or JSON Lines, as `aturan eval`
 * reads it) and writes one line per row, in input order, to `output_path` and every row problem
 * to the rejects file, exactly as `aturan eval LIST -o OUTPUT` does. On success, and with
 * ATURAN_ERROR_TOO_MANY_INVALID (options->max_invalid), *summary_json (when not NULL) receives
 * the run's counts as one JSON object, freed with aturan_string_free:
 * {"regulation","rows","eligible","ineligible","invalid","rows_with_warnings",
 *  "failed_by_rule":[{"id","failed","unknown"}],"groups":[{"code","eligible","ineligible",
 *  "invalid"}],"warnings":[text]}. Thread-safe (the rules are only read); the files are the
 * caller's to keep apart. */
aturan_status aturan_eval_list(const aturan_rules* rules, const char* list_path, const char* output_path,
                               const aturan_list_options* options, char** summary_json, char** error);

/* Decides every row of the list and gives out the rule file's quota, writing one line per row
 * (selected with pool and area, waitlisted with rank, ineligible or invalid) to `output_path`
 * exactly as `aturan allocate LIST -o OUTPUT` does; *summary_json receives what
 * `aturan allocate --json` prints (on success and with ATURAN_ERROR_TOO_MANY_INVALID, as for
 * aturan_eval_list). Rules without a quota give ATURAN_ERROR_NO_QUOTA.
 * Thread-safe as aturan_eval_list. */
aturan_status aturan_allocate_list(const aturan_rules* rules, const char* list_path, const char* output_path,
                                   const aturan_list_options* options, char** summary_json, char** error);

#ifdef __cplusplus
}
#endif

#endif /* ATURAN_ATURAN_H */
