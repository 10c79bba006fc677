#include "spec/spec_checks.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "base/column_name.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "spec/quota_checks.hpp"

namespace aturan::spec {

bool IsId(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

namespace {

constexpr std::string_view kKeywords[] = {"and", "or",   "not",  "in",   "between",
                                          "if",  "then", "else", "true", "false"};
constexpr std::string_view kReferenceDateName = "tanggal_acuan";


// Names in expressions: lowercase letters, digits and '_', starting with a letter.
bool IsName(std::string_view text) {
  auto lower_or_digit = [](char c) {
    return absl::ascii_islower(static_cast<unsigned char>(c)) ||
           absl::ascii_isdigit(static_cast<unsigned char>(c));
  };
  return !text.empty() && absl::ascii_islower(static_cast<unsigned char>(text[0])) &&
         std::all_of(text.begin(), text.end(),
                     [&](char c) { return lower_or_digit(c) || c == '_'; });
}

// A Kemendagri region code: PP, PP.KK or PP.KK.CC.
bool IsRegionCode(std::string_view text) {
  if (text.size() != 2 && text.size() != 5 && text.size() != 8) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool ok =
        i % 3 == 2 ? text[i] == '.' : absl::ascii_isdigit(static_cast<unsigned char>(text[i]));
    if (!ok) return false;
  }
  return true;
}

bool Before(SourceRef a, SourceRef b) {
  return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

// ChoiceHint, or `otherwise` when there is nothing to choose from.
std::string NameHint(std::string_view word, const std::vector<std::string_view>& names,
                     std::string_view what, std::string_view otherwise) {
  return names.empty() ? std::string(otherwise) : ChoiceHint(word, names, what);
}

class Checker {
 public:
  Checker(const Spec& spec, Reporter& reporter) : spec_(spec), reporter_(reporter) {}

  void Run() {
    CheckRegulation();
    CheckNames();
    CheckFieldLists();
    for (const List& list : spec_.lists) CheckList(list);
    CheckUniqueIds("eligibility", "rule", RuleIds());
    CheckUniqueIds("priority.terms", "term", TermIds());
    CheckOrder();
    CheckHeaders();
    CheckInput();
    if (spec_.quota) CheckQuota(spec_, reporter_);
  }

 private:
  void Error(SourceRef at, std::string message, std::string hint) {
    reporter_.Error(at, std::move(message), std::move(hint));
  }

  const List* FindList(std::string_view name) const {
    for (const List& list : spec_.lists) {
      if (list.name.text == name) return &list;
    }
    return nullptr;
  }

  const Field* FindField(std::string_view name) const {
    for (const Field& field : spec_.schema) {
      if (field.name.text == name) return &field;
    }
    return nullptr;
  }

  std::vector<std::string_view> FieldNames() const {
    std::vector<std::string_view> names;
    for (const Field& field : spec_.schema) names.push_back(field.name.text);
    return names;
  }

  std::vector<std::string_view> ListNames() const {
    std::vector<std::string_view> names;
    for (const List& list : spec_.lists) names.push_back(list.name.text);
    return names;
  }

  void CheckId(const LocatedText& id, std::string_view what) {
    if (id.text.empty() || IsId(id.text)) return;
    Error(id.at, StrCat(what, " '", id.text, "' may use only letters, digits, '-', '_' and '.'"),
          "e.g. 'pekalongan-2023' or 'usia_minimum'");
  }

  void CheckRegulation() {
    const Regulation& r = spec_.regulation;
    CheckId(r.id, "regulation.id");
    CheckId(r.revises, "regulation.revises");
    if (!r.region.text.empty() && !IsRegionCode(r.region.text)) {
      Error(r.region.at,
            StrCat("regulation.region: '", r.region.text, "' is not a Kemendagri region code"),
            "write PP, PP.KK or PP.KK.CC with two digits each, e.g. \"33.75\"");
    }
  }

  // Fields, lists and parameters are named in expressions: each name must be a valid name
  // and not reserved. Fields and parameters share one namespace; list names stand only
  // after `in` and in list:/subset_of:, so a list may be named like a field.
  void CheckNames() {
    for (const Field& f : spec_.schema) CheckName(f.name, "schema");
    for (const List& l : spec_.lists) CheckName(l.name, "lists");
    for (const Parameter& p : spec_.parameters) CheckName(p.name, "parameters");
    for (const Parameter& p : spec_.parameters) {
      const auto field = std::find_if(spec_.schema.begin(), spec_.schema.end(),
                                      [&](const Field& f) { return f.name.text == p.name.text; });
      if (field == spec_.schema.end()) continue;
      // Reported at whichever of the two comes later in the file.
      const bool parameter_later = Before(field->name.at, p.name.at);
      const LocatedText& later = parameter_later ? p.name : field->name;
      const LocatedText& earlier = parameter_later ? field->name : p.name;
      Error(later.at,
            StrCat("'", later.text, "' is both a ", parameter_later ? "parameter" : "schema field",
                   " and a ", parameter_later ? "schema field" : "parameter", " (line ",
                   earlier.at.line, ")"),
            "fields and parameters share one set of names in expressions; rename one");
    }
  }

  void CheckName(const LocatedText& name, std::string_view section) {
    const std::string& text = name.text;
    if (!IsName(text)) {
      Error(name.at, StrCat(section, ": '", text, "' is not a valid name"),
            "a name uses lowercase letters, digits and '_' and starts with a letter, "
            "e.g. 'nama_lengkap'");
    } else if (std::find(std::begin(kKeywords), std::end(kKeywords), text) != std::end(kKeywords)) {
      Error(name.at, StrCat(section, ": '", text, "' is a reserved word"), "choose another name");
    } else if (text == kReferenceDateName) {
      Error(name.at, StrCat(section, ": '", text, "' is reserved for program.reference_date"),
            "choose another name");
    }
  }

  void CheckFieldLists() {
    for (const Field& field : spec_.schema) {
      if (field.type != Type::kCode || field.list.text.empty() || FindList(field.list.text))
        continue;
      Error(field.list.at,
            StrCat("schema.", field.name.text, ".list: no list named '", field.list.text, "'"),
            NameHint(field.list.text, ListNames(), "lists", "declare the list under 'lists:'"));
    }
  }

  // Codes and aliases of a list must all differ, ignoring letter case, except that an
  // alias may repeat its own item's code.
  void CheckList(const List& list) {
    struct Use {
      const LocatedText* text;
      size_t item;
      bool code;
    };
    absl::flat_hash_map<std::string, Use> seen;
    for (size_t i = 0; i < list.items.size(); ++i) {
      const ListItem& item = list.items[i];
      for (size_t k = 0; k <= item.aliases.size(); ++k) {
        const Use use{k == 0 ? &item.code : &item.aliases[k - 1], i, k == 0};
        const auto [it, inserted] = seen.try_emplace(absl::AsciiStrToLower(use.text->text), use);
        const Use& first = it->second;
        if (inserted || (first.item == i && first.code != use.code)) continue;
        Error(use.text->at,
              StrCat(use.code ? "code '" : "alias '", use.text->text, "' repeats ",
                     first.code ? "code '" : "alias '", first.text->text, "' (line ",
                     first.text->at.line, ") of list '", list.name.text, "'"),
              "the codes and aliases of a list must all differ, ignoring letter case");
      }
    }
    if (!list.subset_of.text.empty()) CheckSubset(list);
  }

  void CheckSubset(const List& list) {
    const LocatedText& parent_name = list.subset_of;
    const std::string where = StrCat("lists.", list.name.text, ".subset_of");
    if (parent_name.text == list.name.text) {
      Error(parent_name.at, StrCat(where, ": a list cannot be a subset of itself"),
            "name the list whose codes this list picks from");
      return;
    }
    const List* parent = FindList(parent_name.text);
    if (parent == nullptr) {
      Error(parent_name.at, StrCat(where, ": no list named '", parent_name.text, "'"),
            NameHint(parent_name.text, ListNames(), "lists", "declare the list under 'lists:'"));
      return;
    }
    if (!parent->subset_of.text.empty()) {
      Error(parent_name.at, StrCat(where, ": '", parent_name.text, "' is itself a subset list"),
            StrCat("name a list with its own items, such as '", parent->subset_of.text, "'"));
      return;
    }
    std::vector<std::string_view> codes;
    for (const ListItem& item : parent->items) codes.push_back(item.code.text);
    for (const ListItem& item : list.items) {
      if (std::find(codes.begin(), codes.end(), item.code.text) != codes.end()) continue;
      Error(item.code.at,
            StrCat("lists.", list.name.text, ": '", item.code.text, "' is not a code of list '",
                   parent->name.text, "'"),
            SubsetItemHint(item.code.text, *parent, codes));
    }
  }

  // For a subset item that is not a code: the code it is an alias of, or a close code.
  static std::string SubsetItemHint(std::string_view text, const List& parent,
                                    const std::vector<std::string_view>& codes) {
    const std::string lower = absl::AsciiStrToLower(ToAbsl(text));
    for (const ListItem& item : parent.items) {
      bool alias = absl::AsciiStrToLower(item.code.text) == lower;
      for (const LocatedText& a : item.aliases)
        alias = alias || absl::AsciiStrToLower(a.text) == lower;
      if (alias) {
        return StrCat("'", text, "' stands for code '", item.code.text, "'; write the code");
      }
    }
    return NameHint(text, codes, StrCat("codes of '", parent.name.text, "'"), "");
  }

  std::vector<const LocatedText*> RuleIds() const {
    std::vector<const LocatedText*> ids;
    for (const Rule& rule : spec_.eligibility) ids.push_back(&rule.id);
    return ids;
  }
  std::vector<const LocatedText*> TermIds() const {
    std::vector<const LocatedText*> ids;
    for (const ScoreTerm& term : spec_.priority.terms) ids.push_back(&term.id);
    return ids;
  }

  // Ids are checked for syntax and must differ, ignoring letter case.
  void CheckUniqueIds(std::string_view section, std::string_view what,
                      const std::vector<const LocatedText*>& ids) {
    absl::flat_hash_map<std::string, const LocatedText*> seen;
    for (const LocatedText* id : ids) {
      if (id->text.empty()) continue;
      CheckId(*id, StrCat(section, ": ", what, " id"));
      const auto [it, inserted] = seen.try_emplace(absl::AsciiStrToLower(id->text), id);
      if (inserted) continue;
      Error(id->at,
            StrCat(section, ": duplicate ", what, " id '", id->text, "' (first on line ",
                   it->second->at.line, ")"),
            StrCat("each ", what, " needs its own id (letter case does not count)"));
    }
  }

  void CheckOrder() {
    const std::vector<OrderKey>& order = spec_.priority.order;
    std::vector<std::string_view> fields;
    const Field* key_field = nullptr;
    for (const Field& field : spec_.schema) {
      fields.push_back(field.name.text);
      if (field.key && key_field == nullptr) key_field = &field;
    }
    absl::flat_hash_map<std::string_view, const OrderKey*> seen;
    for (const OrderKey& key : order) {
      if (std::find(fields.begin(), fields.end(), key.field.text) == fields.end()) {
        Error(key.field.at, StrCat("priority.order: no schema field named '", key.field.text, "'"),
              NameHint(key.field.text, fields, "fields", "declare the field under 'schema:'"));
      }
      const auto [it, inserted] = seen.try_emplace(key.field.text, &key);
      if (!inserted) {
        Error(key.field.at,
              StrCat("priority.order: '", key.field.text, "' is listed twice (first on line ",
                     it->second->field.at.line, ")"),
              "remove one of them");
      }
    }
    if (key_field != nullptr && !order.empty() && order.back().field.text != key_field->name.text) {
      const std::string& key = key_field->name.text;
      Error(order.back().at, StrCat("priority.order must end with the key field '", key, "'"),
            seen.contains(key) ? StrCat("move '", key, "' to the end of priority.order")
                               : StrCat("add '- ", key, "' as the last item of priority.order"));
    }
  }

  // A column of a candidate list must lead to one field. Column names are compared
  // normalized, so a header may not normalize to another field's name or to a header of an
  // earlier field; repeating its own field's name is harmless.
  void CheckHeaders() {
    struct Claim {
      const Field* field;
      const LocatedText* header;  // nullptr: the field's own name
    };
    absl::flat_hash_map<std::string, Claim> claims;
    for (const Field& field : spec_.schema) {
      claims.try_emplace(NormalizeColumnName(field.name.text), Claim{&field, nullptr});
    }
    for (const Field& field : spec_.schema) {
      for (const LocatedText& header : field.headers) {
        const auto [it, inserted] =
            claims.try_emplace(NormalizeColumnName(header.text), Claim{&field, &header});
        const Claim& first = it->second;
        if (inserted || first.field == &field) continue;
        const std::string how =
            first.header == nullptr
                ? StrCat("its name, line ", first.field->name.at.line)
                : StrCat("header '", first.header->text, "', line ", first.header->at.line);
        Error(header.at,
              StrCat("schema.", field.name.text, ".headers: ambiguous column '", header.text,
                     "': field '", first.field->name.text, "' already claims it (", how, ")"),
              "a column must lead to one field (column names are compared ignoring case, "
              "with ' ', '_', '-', '.' and '/' alike): remove the header from one of them");
      }
    }
  }

  // input: a named field must exist and fit its role; the compiler resolves the defaults.
  void CheckInput() {
    const Input& input = spec_.input;
    CheckInputField(input.nik, "input.nik", Type::kString,
                    "name the string field that holds the 16-digit NIK");
    CheckInputField(input.birth_date, "input.birth_date", Type::kDate,
                    "name the date field that holds the birth date");
    const Field* sex = CheckInputField(input.sex, "input.sex", Type::kCode,
                                       "name the code field whose list has the codes L and P");
    if (sex != nullptr) CheckSexCodes(input.sex, *sex);
  }

  // The field `name` names when it exists and has `type`; nullptr (reported) otherwise, or
  // when nothing is named or the field's declaration is already reported.
  const Field* CheckInputField(const LocatedText& name, std::string_view where, Type type,
                               std::string_view type_hint) {
    if (name.text.empty()) return nullptr;
    const Field* field = FindField(name.text);
    if (field == nullptr) {
      Error(name.at, StrCat(where, ": no schema field named '", name.text, "'"),
            NameHint(name.text, FieldNames(), "fields", "declare the field under 'schema:'"));
      return nullptr;
    }
    const std::vector<std::string>& broken = spec_.broken_names;
    if (std::find(broken.begin(), broken.end(), name.text) != broken.end()) return nullptr;
    if (field->type != type) {
      Error(name.at,
            StrCat(where, ": '", name.text, "' is a ", TypeName(field->type),
                   " field; expected a ", TypeName(type), " field"),
            std::string(type_hint));
      return nullptr;
    }
    return field;
  }

  // The sex in a NIK is L or P: the list of the sex field needs both as codes.
  void CheckSexCodes(const LocatedText& name, const Field& field) {
    const List* list = FindList(field.list.text);
    if (list == nullptr) return;  // reported with the field
    std::vector<std::string_view> missing;
    for (std::string_view code : {"L", "P"}) {
      const auto is_code = [&](const ListItem& item) {
        return absl::EqualsIgnoreCase(item.code.text, ToAbsl(code));
      };
      if (std::none_of(list->items.begin(), list->items.end(), is_code)) missing.push_back(code);
    }
    if (missing.empty()) return;
    const std::string lacks =
        missing.size() == 2 ? "neither code L nor code P" : StrCat("no code ", missing[0]);
    Error(name.at,
          StrCat("input.sex: list '", list->name.text, "' of field '", field.name.text, "' has ",
                 lacks),
          "a NIK encodes sex as L or P: give the list items with code L and code P (other "
          "spellings such as 'laki-laki' go in their aliases)");
  }

  const Spec& spec_;
  Reporter& reporter_;
};

}  // namespace

void CheckSpec(const Spec& spec, Reporter& reporter) { Checker(spec, reporter).Run(); }

}  // namespace aturan::spec
