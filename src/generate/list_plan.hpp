// generate/list_plan.hpp — what to write in each column of a synthetic candidate list, worked
// out once from a rule file: which fields it recognises (NIK, KK number, name, sex, birth date,
// kelurahan, occupation), how often each value occurs, how codes may be spelled, and which
// kinds of defect the schema allows.
//
// Recognition is by type first and name second, so any schema gets a list: a string field
// that is the key (or is named nik) gets NIKs, a code field whose list holds L and P is the
// sex, a code list of Kemendagri area codes (33.75.01.1002) is the domicile, a field whose
// name or list contains "pekerjaan" is the occupation, and every other field gets plausible
// values of its type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "aturan/rule_set.hpp"
#include "generate/defect.hpp"
#include "generate/nik_text.hpp"
#include "generate/weighted_choice.hpp"

namespace aturan {

// What a column holds.
enum class FieldRole : uint8_t {
  kNik,         // string key, or a string field named nik: the row's NIK
  kRowKey,      // int key: the row number, so keys are unique
  kFamilyCard,  // string no_kk / nomor_kk: a 16-digit Kartu Keluarga number
  kName,        // string nama: an Indonesian name
  kAddress,     // string with "alamat" in its name: a street address (with commas)
  kText,        // any other string
  kSex,         // the code field whose two codes are L and P
  kBirthDate,   // the date field named tanggal_lahir / tgl_lahir (or holding "lahir")
  kDate,        // any other date: a day in the five years before the reference date
  kCode,        // any other code, drawn by weight
  kBool,
  kMoney,       // rupiah, as informal workers earn (Rp300.000..Rp4.000.000)
  kInt,
  kDecimal,
};

// How the values of a code field are drawn and written.
struct CodePlan {
  WeightedChoice choice;  // ids by how common they are
  // Per id: texts that RuleSet::CodeId maps back to it, the canonical code first (the code in
  // other letter cases, with spaces for '_', the display name, ...), as CSV fields (quoted
  // where they need it).
  std::vector<std::vector<std::string>> spellings;
  // Texts that are in no list entry: typos, codes that do not exist, words from outside.
  std::vector<std::string> outside;
  // Per id: where the NIK of someone living there was likely issued; province 0 when the
  // code is not a Kemendagri area code. Empty unless the field is the domicile.
  std::vector<NikArea> areas;
  // Per id: true for occupations meant for people with a disability (the code mentions
  // tunanetra, tunarungu or disabilitas). Empty unless the field is the occupation.
  std::vector<bool> disability_work;
};

// One column.
struct FieldPlan {
  std::string name;
  FieldRole role = FieldRole::kText;
  Type type = Type::kString;
  bool required = false;
  double empty_rate = 0;  // how often an optional value is left empty
  double true_rate = 0;   // kBool: how often it is true
  int min_value = 0;      // kInt: the range of values
  int max_value = 100;
  bool follows_disability = false;  // kBool: a disability flag, true for disability occupations
  CodePlan codes;         // kSex and kCode
};

// The whole list.
struct ListPlan {
  std::vector<FieldPlan> fields;  // in slot order
  // Slots of the recognised fields, -1 when the schema has none.
  int nik = -1, key = -1, name = -1, sex = -1, birth = -1, domicile = -1, occupation = -1;
  int32_t male = -1, female = -1;  // the sex field's code ids of L and P
  // Where NIKs of people without a domicile area were issued: the region's kecamatan.
  std::vector<NikArea> home_areas;
  absl::CivilDay reference;
  // The defect kinds this schema can carry, in Defect order.
  std::vector<Defect> defects;
};

// The plan for `rules`' schema.
ListPlan PlanList(const RuleSet& rules);

}  // namespace aturan
