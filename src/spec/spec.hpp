// spec/spec.hpp — a rule file as loaded from YAML: plain structs, every piece with its
// source position, nothing typed or resolved yet. Expressions and literal values are kept
// as text (ExprText) for the expression parser; the checker gives them types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "aturan/quota.hpp"
#include "aturan/value.hpp"

namespace aturan::spec {

// A 1-based position in the rule file; {0, 0} means unknown.
struct SourceRef {
  uint32_t line = 0;
  uint32_t column = 0;
};

// The text of an expression (or of a literal value) and, for every byte of it, where that
// byte stands in the rule file — also inside YAML block scalars (| and >) and quoted
// scalars, so that an error at offset k of the text is reported at positions[k].
struct ExprText {
  std::string text;
  std::vector<SourceRef> positions;  // size() == text.size() + 1 (the last is "end of text")
  SourceRef at;                      // where the YAML scalar starts

  // The file position of byte `offset` of text (clamped to the end).
  SourceRef At(size_t offset) const;
};

// A text value with its position (names, ids, reasons...).
struct LocatedText {
  std::string text;
  SourceRef at;
};

// regulation: — who made the rule and on what legal ground.
struct Regulation {
  LocatedText id;             // e.g. "pekalongan-perwal-19b-2022"
  LocatedText title;          // full Indonesian title
  LocatedText region;         // Kemendagri code, "33.75"
  LocatedText region_name;    // "Kota Pekalongan" (optional)
  std::vector<LocatedText> legal_basis;  // "Inpres 2/2021", ...
  LocatedText source;         // article or document the file is built from
  std::optional<absl::CivilDay> effective;
  SourceRef effective_at;
  LocatedText revises;        // id of the regulation this one amends (optional, empty if none)
  SourceRef at;
};

// schema: one candidate field.
struct Field {
  LocatedText name;
  Type type = Type::kString;
  SourceRef type_at;
  LocatedText list;           // type code: the list giving the field's closed set of values
  std::string description;
  bool required = false;      // a missing value makes the record invalid
  bool key = false;           // identifies a candidate (e.g. nik); the last tie-break
  std::optional<ExprText> default_value;  // used when the value is missing
  std::vector<LocatedText> headers;  // other column names it has in candidate lists, as written
};

// One item of a list.
struct ListItem {
  LocatedText code;
  std::string name;           // Indonesian display name
  std::vector<LocatedText> aliases;  // other spellings that mean this code
};

// lists: a named closed list of codes, e.g. occupations or kelurahan. A list with
// subset_of names a subset of another list's codes (its items then carry codes only).
struct List {
  LocatedText name;
  std::string title;
  LocatedText subset_of;
  std::vector<ListItem> items;
  SourceRef at;
};

// One dated value: it holds from `from` (inclusive) until the next value's from.
struct DatedValue {
  std::optional<absl::CivilDay> from;  // empty for an undated `value:`
  ExprText value;
  std::string reference;     // legal reference of this value (optional)
  SourceRef at;
};

// parameters: a named value that may change over time.
struct Parameter {
  LocatedText name;
  std::optional<Type> type;  // declared type; otherwise inferred from the values
  SourceRef type_at;
  std::string description;
  std::string reference;
  std::vector<DatedValue> values;  // sorted by from; at least one
};

// eligibility: one rule; a candidate is eligible when every rule's `when` holds.
struct Rule {
  LocatedText id;
  ExprText when;
  std::string reason;        // Indonesian text shown when the rule fails
  std::string reference;     // article of the regulation (optional)
  SourceRef at;
};

// priority.score as weighted terms: `points` are added when `when` holds.
struct ScoreTerm {
  LocatedText id;
  ExprText when;
  ExprText points;
  SourceRef at;
};

// priority.order: one tie-break key.
struct OrderKey {
  LocatedText field;
  bool descending = false;
  SourceRef at;
};

// priority: how eligible candidates are ranked (higher score first, then the order keys).
struct Priority {
  std::optional<ExprText> score;   // either a score expression...
  std::vector<ScoreTerm> terms;    // ...or weighted terms (not both)
  std::vector<OrderKey> order;
  SourceRef at;
};

// program.premiums: one premium component per person per month, e.g. jkk, jkm.
struct Premium {
  LocatedText name;
  std::string reference;
  std::vector<DatedValue> values;
  // An amount that depends on the candidate (e.g. JKK as 1% of income); `values` then give
  // the nominal amount, used when it is missing and to count what a budget buys.
  std::optional<ExprText> per_person;
};

// program: the benefit being paid for.
struct Program {
  LocatedText name;
  std::optional<absl::CivilDay> reference_date;  // "tanggal_acuan" in expressions
  SourceRef reference_date_at;
  int64_t coverage_months = 12;
  SourceRef coverage_months_at;
  std::vector<Premium> premiums;
  SourceRef at;
};

// input: which fields get identity checks when a candidate list is read. An empty name was
// not given: the compiler then takes the conventional field (nik, tanggal_lahir,
// jenis_kelamin) when the file has one that fits.
struct Input {
  LocatedText nik;            // string field holding the NIK
  LocatedText birth_date;     // date field compared with the birth date in the NIK
  LocatedText sex;            // code field (codes L and P) compared with the sex in the NIK
  bool nik_mismatch_is_error = false;  // a disagreeing NIK makes the row invalid
  SourceRef at;
};

// A quota setting: where it was written ({0, 0} when it was not) and its value, empty when
// the value was refused (already reported). given() tells settings apart from defaults.
template <typename T>
struct QuotaSetting {
  std::optional<T> value;
  SourceRef at;
  bool given() const { return at.line != 0; }
};

// quota.areas: one area's basis number (population, DTKS count or seats).
struct AreaNumber {
  LocatedText area;          // a code, alias or name of the `by` field's list, as written
  int64_t number = 0;
  SourceRef at;              // the number's position
};

// quota.reserved[]: a group with a reserved share of each area's seats. Groups are
// identified by id (ignoring case) across the top level and the pools.
struct QuotaReserved {
  LocatedText id;
  std::string name;          // display name
  ExprText when;             // empty text when missing (reported)
  QuotaSetting<double> share;
  SourceRef at;
};

// The settings of a pool, or of the top level of quota: (which pools inherit), each as
// written, not resolved.
struct QuotaSettings {
  QuotaSetting<int64_t> seats;
  QuotaSetting<int64_t> budget;           // rupiah
  QuotaSetting<int64_t> months;
  QuotaSetting<std::vector<LocatedText>> premiums;  // names of program.premiums
  QuotaSetting<LocatedText> by;           // a code field
  QuotaSetting<AreaBasis> basis;
  QuotaSetting<ApportionMethod> method;
  QuotaSetting<std::vector<AreaNumber>> areas;
  QuotaSetting<LocatedText> areas_file;
  QuotaSetting<LocatedText> dtks_field;   // a bool field
  QuotaSetting<Unfilled> unfilled;
  QuotaSetting<std::vector<QuotaReserved>> reserved;  // replaces the top level's when given
};

// quota.pools[]: a funding line or category with its own seats.
struct QuotaPool {
  LocatedText id;
  std::string name;          // display name
  std::string funder;        // the OPD or budget line that pays
  std::optional<ExprText> when;  // who the pool is for; none = every eligible candidate
  QuotaSettings settings;
  SourceRef at;
};

// quota: the paid seats. Without pools the top level is the one pool; with pools its seats
// and budget are an overall limit and its other settings are the pools' defaults.
struct Quota {
  QuotaSettings settings;        // the top level
  std::vector<QuotaPool> pools;
  SourceRef pools_at;            // where `pools:` is written ({0, 0}: no pools listed)
  SourceRef at;
};

// A whole rule file.
struct Spec {
  std::string file;          // the name used in diagnostics
  int64_t format_version = 0;
  Regulation regulation;
  std::vector<Field> schema;
  std::vector<List> lists;
  std::vector<Parameter> parameters;
  std::vector<Rule> eligibility;
  Priority priority;
  Program program;
  Input input;
  std::optional<Quota> quota;
  // Fields, lists and parameters whose declaration had an error (already reported): later
  // stages leave expressions that name them unchecked rather than report follow-on errors.
  std::vector<std::string> broken_names;
};

}  // namespace aturan::spec
