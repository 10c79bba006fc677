#include "generate/row_writer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "base/csv_field.hpp"
#include "base/dates.hpp"
#include "generate/csv_text.hpp"
#include "generate/names.hpp"
#include "generate/nik_text.hpp"
#include "generate/permutation.hpp"
#include "generate/rng.hpp"

namespace aturan {
namespace {

// Where the NIKs of people who moved to the region were issued: nearby regencies of Jawa
// Tengah and a few big cities (province, regency, number of kecamatan).
struct Origin {
  int province;
  int regency;
  int districts;
};
constexpr std::array<Origin, 13> kOrigins = {{
    {33, 26, 19},  // Kab. Pekalongan
    {33, 25, 15},  // Kab. Batang
    {33, 27, 14},  // Kab. Pemalang
    {33, 74, 16},  // Kota Semarang
    {33, 29, 17},  // Kab. Brebes
    {33, 28, 18},  // Kab. Tegal
    {33, 76, 4},   // Kota Tegal
    {31, 71, 8},   // Jakarta Pusat
    {31, 74, 10},  // Jakarta Selatan
    {32, 73, 30},  // Kota Bandung
    {32, 75, 12},  // Kota Bekasi
    {35, 78, 31},  // Kota Surabaya
    {34, 71, 14},  // Kota Yogyakarta
}};

constexpr std::array<std::string_view, 12> kMonths = {"Januari", "Februari", "Maret",    "April",
                                                      "Mei",     "Juni",     "Juli",     "Agustus",
                                                      "September", "Oktober", "November", "Desember"};
constexpr std::array<std::string_view, 10> kStreets = {
    "Jl. Dr. Sutomo", "Jl. Hayam Wuruk", "Jl. Merdeka",     "Jl. Jlamprang",      "Gg. Kauman",
    "Jl. Sultan Agung", "Jl. KH. Wahid Hasyim", "Jl. Patiunus", "Jl. Urip Sumoharjo", "Gg. Masjid"};
constexpr std::array<std::string_view, 5> kTitles = {"S.Pd.", "S.E.", "S.Ag.", "A.Md.", "S.Sos."};
constexpr std::array<std::string_view, 5> kNicknames = {"Gendut", "Kribo", "Mbah", "Cilik", "Londo"};
constexpr std::array<std::string_view, 5> kBadMoneyWords = {"-", "belum tahu", "tidak tetap", "±1 juta", "sejuta"};
constexpr std::array<std::string_view, 5> kBadInts = {"sepuluh", "3a", "1.5", "-", "lima"};
constexpr std::array<std::string_view, 4> kBadDecimals = {"1,2,3", "12.5%", "abc", "-"};
constexpr std::array<std::string_view, 6> kBadBools = {"mungkin", "2", "ya/tidak", "belum tahu", "-", "yes"};
// A month and a day that never exist together (29 February is handled separately).
constexpr std::array<std::pair<int, int>, 6> kImpossibleDays = {
    {{2, 30}, {2, 31}, {4, 31}, {6, 31}, {9, 31}, {11, 31}}};

template <typename Items>
const auto& Pick(Rng* rng, const Items& items) {
  return items[rng->Below(static_cast<uint32_t>(items.size()))];
}

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Appends a date in one of the spellings lists use: YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or
// D/M/YYYY. The day need not exist.
void AppendDateText(int64_t year, int month, int day, uint32_t form, std::string* out) {
  const auto y = static_cast<uint64_t>(year);
  const auto m = static_cast<uint64_t>(month);
  const auto d = static_cast<uint64_t>(day);
  if (form < 45) {
    AppendDigits(out, y, 4);
    out->push_back('-');
    AppendDigits(out, m, 2);
    out->push_back('-');
    AppendDigits(out, d, 2);
    return;
  }
  const char separator = form < 75 ? '-' : '/';
  const int width = form < 95 ? 2 : 1;
  AppendDigits(out, d, width);
  out->push_back(separator);
  AppendDigits(out, m, width);
  out->push_back(separator);
  AppendDigits(out, y, 4);
}

// A monthly income of an informal worker: most between Rp1 and Rp2 million, usually a round
// figure.
uint64_t MoneyAmount(Rng* rng) {
  static constexpr std::array<std::pair<uint64_t, uint64_t>, 5> kBands = {
      {{300'000, 1'000'000},
       {1'000'000, 2'000'000},
       {2'000'000, 2'400'000},
       {2'400'000, 3'000'000},
       {3'000'000, 4'000'000}}};
  static constexpr std::array<uint32_t, 5> kBandEnds = {30, 70, 82, 92, 100};  // cumulative percent
  const uint32_t percent = rng->Below(100);
  size_t band = 0;
  while (percent >= kBandEnds[band]) ++band;
  const auto [low, high] = kBands[band];
  uint64_t amount = low + rng->Below(static_cast<uint32_t>(high - low + 1));
  const uint32_t rounding = rng->Below(10);
  const uint64_t step = rounding < 6 ? 50'000 : rounding < 8 ? 10'000 : rounding < 9 ? 1'000 : 1;
  return std::max(low, amount / step * step);
}

// `text` without what would need CSV quoting: cut at a comma, no quotes, line breaks as spaces.
void MakePlain(std::string* text) {
  text->erase(std::min(text->find(','), text->size()));
  text->erase(std::remove(text->begin(), text->end(), '"'), text->end());
  std::replace(text->begin(), text->end(), '\n', ' ');
  if (text->empty()) *text = "Slamet";
}

}  // namespace

void RowCounts::Add(const RowCounts& other) {
  good += other.good;
  for (int i = 0; i < kDefectCount; ++i) defects[i] += other.defects[i];
}

struct RowWriter::Person {
  uint64_t row = 0;  // the row whose identity this is
  NikFields nik;
  int32_t domicile = -1;
  NikArea card_area;
  Date card_issued;
  int card_serial = 1;
  uint64_t name_key = 0;
};

struct RowWriter::Block {
  explicit Block(uint64_t key) : rng(key) {}

  Rng rng;
  std::optional<Person> last;
  // Recent people whose key was written correctly in a row without a CSV problem: the ones
  // a later row may duplicate.
  std::vector<Person> remembered;
  size_t next_forgotten = 0;
  std::string text;  // scratch for one value
};

RowWriter::RowWriter(ListPlan plan, const NikSpace& nik_space, uint64_t seed, double bad_share)
    : plan_(std::move(plan)), nik_space_(nik_space), seed_(seed), bad_share_(bad_share) {
  const absl::CivilDay reference = plan_.reference;
  const absl::CivilDay twenty_years_before(reference.year() - 20, reference.month(), reference.day());
  card_days_ = static_cast<uint64_t>(reference - twenty_years_before);
  for (size_t i = 0; i < plan_.fields.size(); ++i) {
    const int slot = static_cast<int>(i);
    const FieldPlan& field = plan_.fields[i];
    const auto add = [&](Defect defect) { targets_[static_cast<size_t>(defect)].push_back(slot); };
    switch (field.role) {
      case FieldRole::kName:
      case FieldRole::kAddress:
      case FieldRole::kText: add(Defect::kStrayQuote); break;
      case FieldRole::kMoney:
      case FieldRole::kInt:
      case FieldRole::kDecimal: add(Defect::kBadNumber); break;
      case FieldRole::kBool: add(Defect::kBadBool); break;
      case FieldRole::kBirthDate:
      case FieldRole::kDate:
        add(Defect::kBadDate);
        add(Defect::kImpossibleDate);
        break;
      default: break;
    }
    if (field.type == Type::kCode && !field.codes.outside.empty()) add(Defect::kNotInList);
    if (field.required) add(Defect::kMissingRequired);
    if (slot == plan_.nik) {
      add(Defect::kNikNot16Digits);
      add(Defect::kNikImpossible);
    }
    if (slot == plan_.key) add(Defect::kDuplicateKey);
    if (slot == plan_.birth || slot == plan_.sex) add(Defect::kNikMismatch);
  }
  for (Defect defect : plan_.defects) {
    if (defect != Defect::kDuplicateKey) defects_without_duplicate_.push_back(defect);
  }
}

void RowWriter::WriteHeader(std::string* out) const {
  for (size_t i = 0; i < plan_.fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(plan_.fields[i].name, out);
  }
  out->push_back('\n');
}

void RowWriter::WriteBlock(uint64_t first, uint64_t count, std::string* out, RowCounts* counts) const {
  Block block(MixKey(seed_, first));
  for (uint64_t row = first; row < first + count; ++row) {
    std::optional<Defect> defect;
    if (!plan_.defects.empty() && block.rng.Chance(bad_share_)) {
      defect = Pick(&block.rng, plan_.defects);
      if (*defect == Defect::kDuplicateKey && block.remembered.empty()) {
        // Nothing to duplicate yet in this block: another kind, if the schema has one.
        defect.reset();
        if (!defects_without_duplicate_.empty()) defect = Pick(&block.rng, defects_without_duplicate_);
      }
    }
    WriteRow(row, defect, &block, out);
    if (defect) {
      ++counts->defects[static_cast<size_t>(*defect)];
    } else {
      ++counts->good;
    }
  }
}

RowWriter::Person RowWriter::MakePerson(uint64_t row, const Person* previous, Block* block) const {
  Rng& rng = block->rng;
  Person person;
  person.row = row;
  const NikIdentity identity = nik_space_.Identity(row);
  person.nik.birth = identity.birth;
  person.nik.female = identity.female;
  person.nik.serial = identity.serial;

  // About one in twelve is of the same family (KK) as the row before.
  const bool family = previous != nullptr && rng.Chance(0.08);
  const FieldPlan* domicile = plan_.domicile >= 0 ? &plan_.fields[plan_.domicile] : nullptr;
  if (family) {
    person.domicile = previous->domicile;
  } else if (domicile != nullptr) {
    person.domicile = static_cast<int32_t>(domicile->codes.choice.Pick(&rng));
  }
  const NikArea* home = nullptr;
  if (domicile != nullptr && domicile->codes.areas[person.domicile].province != 0) {
    home = &domicile->codes.areas[person.domicile];
  }
  // Most NIKs were issued where the person lives; the rest elsewhere (people move, and a NIK
  // is for life).
  if ((home != nullptr || !plan_.home_areas.empty()) && rng.Chance(0.85)) {
    person.nik.area = home != nullptr ? *home : Pick(&rng, plan_.home_areas);
  } else {
    const Origin& origin = kOrigins[rng.Below(kOrigins.size())];
    person.nik.area = NikArea{origin.province, origin.regency, rng.Between(1, origin.districts)};
  }

  if (family) {
    person.card_area = previous->card_area;
    person.card_issued = previous->card_issued;
    person.card_serial = previous->card_serial;
  } else {
    // Like NIKs, card numbers come from an enumeration of (issue day, serial), so families
    // do not share a card by accident (in the first 9999 * card_days_, about 73 million, rows).
    constexpr uint64_t kCardStream = 0x4b41525455ull;  // "KARTU"
    const uint64_t round = row / card_days_;
    const uint64_t day = Permutation(card_days_, MixKey(seed_ ^ kCardStream, round))(row % card_days_);
    person.card_area = home != nullptr ? *home : person.nik.area;
    person.card_issued = Date{Date::FromCivil(plan_.reference).days - 1 - static_cast<int32_t>(day)};
    person.card_serial = static_cast<int>(1 + round % 9999);
  }
  person.name_key = rng.Next();
  return person;
}

void RowWriter::WriteRow(uint64_t row, std::optional<Defect> defect, Block* block, std::string* out) const {
  Rng& rng = block->rng;
  const Person person = defect == Defect::kDuplicateKey
                            ? Pick(&rng, block->remembered)
                            : MakePerson(row, block->last ? &*block->last : nullptr, block);
  block->last = person;
  const int32_t occupation =
      plan_.occupation >= 0 ? static_cast<int32_t>(plan_.fields[plan_.occupation].codes.choice.Pick(&rng)) : -1;

  int target = -1;
  size_t fields = plan_.fields.size();
  bool extra_field = false;
  if (defect == Defect::kFieldCount) {
    // One field too few, an empty field too many, or a name with an unquoted comma.
    const uint32_t variant = rng.Below(plan_.name >= 0 ? 3 : 2);
    if (variant == 0 && fields >= 2) {
      --fields;
    } else if (variant == 2) {
      target = plan_.name;
    } else {
      extra_field = true;
    }
  } else if (defect) {
    const std::vector<int>& slots = targets_[static_cast<size_t>(*defect)];
    target = Pick(&rng, slots);
  }

  for (size_t i = 0; i < fields; ++i) {
    const int slot = static_cast<int>(i);
    if (i > 0) out->push_back(',');
    if (slot == target) {
      WriteDefect(slot, *defect, person, block, out);
    } else {
      WriteValue(slot, person, occupation, block, out);
    }
  }
  if (extra_field) out->push_back(',');
  out->push_back('\n');

  const bool key_intact = !defect || (*defect != Defect::kFieldCount && *defect != Defect::kStrayQuote &&
                                      *defect != Defect::kMissingRequired && *defect != Defect::kNikNot16Digits &&
                                      *defect != Defect::kNikImpossible);
  if (key_intact && plan_.key >= 0) {
    constexpr size_t kRemembered = 64;
    if (block->remembered.size() < kRemembered) {
      block->remembered.push_back(person);
    } else {
      block->remembered[block->next_forgotten++ % kRemembered] = person;
    }
  }
}

void RowWriter::WriteValue(int slot, const Person& person, int32_t occupation, Block* block, std::string* out) const {
  const FieldPlan& field = plan_.fields[slot];
  Rng& rng = block->rng;
  if (field.empty_rate > 0 && rng.Chance(field.empty_rate)) return;
  std::string& text = block->text;
  text.clear();
  switch (field.role) {
    case FieldRole::kNik: AppendNik(person.nik, out); return;
    case FieldRole::kRowKey: AppendDigits(out, person.row + 1); return;
    case FieldRole::kFamilyCard: {
      const YearMonthDay issued = CivilFields(person.card_issued);
      AppendNikArea(person.card_area, out);
      AppendDigits(out, static_cast<uint64_t>(issued.day), 2);
      AppendDigits(out, static_cast<uint64_t>(issued.month), 2);
      AppendDigits(out, static_cast<uint64_t>(issued.year % 100), 2);
      AppendDigits(out, static_cast<uint64_t>(person.card_serial), 4);
      return;
    }
    case FieldRole::kName:
    case FieldRole::kAddress:
    case FieldRole::kText: MakeText(field, person, &rng, &text); break;
    case FieldRole::kSex: WriteCode(field, person.nik.female ? plan_.female : plan_.male, block, out); return;
    case FieldRole::kBirthDate: WriteDate(person.nik.birth, block, out); return;
    case FieldRole::kDate:
      WriteDate(Date{Date::FromCivil(plan_.reference).days - 1 - static_cast<int32_t>(rng.Below(5 * 365))}, block, out);
      return;
    case FieldRole::kCode: {
      const int32_t id = slot == plan_.domicile     ? person.domicile
                         : slot == plan_.occupation ? occupation
                                                    : static_cast<int32_t>(field.codes.choice.Pick(&rng));
      WriteCode(field, id, block, out);
      return;
    }
    case FieldRole::kBool: {
      const bool disability_work = field.follows_disability && occupation >= 0 &&
                                   plan_.fields[plan_.occupation].codes.disability_work[occupation];
      const bool value = rng.Chance(disability_work ? 0.92 : field.true_rate);
      static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSpellings = {{
          {"ya", "tidak"},
          {"Ya", "Tidak"},
          {"YA", "TIDAK"},
          {"1", "0"},
          {"true", "false"},
          {"TRUE", "FALSE"},
          {"Y", "N"}}};
      static constexpr std::array<uint32_t, 7> kEnds = {45, 55, 60, 80, 88, 93, 100};  // cumulative percent
      const uint32_t percent = rng.Below(100);
      size_t form = 0;
      while (percent >= kEnds[form]) ++form;
      out->append(value ? kSpellings[form].first : kSpellings[form].second);
      return;
    }
    case FieldRole::kMoney: {
      const uint64_t amount = MoneyAmount(&rng);
      const uint32_t form = rng.Below(100);
      if (form < 50) {
        AppendDigits(&text, amount);
      } else if (form < 95) {
        text.append(form < 70 ? "Rp" : form < 85 ? "" : "Rp ");
        AppendGrouped(&text, amount, '.');
        if (form >= 90) text.append(",00");
      } else {
        AppendDigits(&text, amount);
        text.append(",-");
      }
      break;
    }
    case FieldRole::kInt:
      AppendDigits(out, static_cast<uint64_t>(rng.Between(field.min_value, field.max_value)));
      return;
    case FieldRole::kDecimal: {
      const uint32_t tenths = rng.Below(1001);
      AppendDigits(&text, tenths / 10);
      text.push_back(rng.Chance(0.5) ? '.' : ',');
      AppendDigits(&text, tenths % 10);
      break;
    }
  }
  AppendCsvField(text, out);
}

void RowWriter::MakeText(const FieldPlan& field, const Person& person, Rng* rng, std::string* text) const {
  text->clear();
  if (field.role == FieldRole::kName) {
    MakeName(person, text);
  } else if (field.role == FieldRole::kAddress) {
    text->append(Pick(rng, kStreets));
    text->append(" No. ");
    AppendDigits(text, rng->Below(120) + 1);
    text->append(rng->Chance(0.01) ? "\n" : ", ");  // some addresses span two lines
    text->append("RT ");
    AppendDigits(text, rng->Below(12) + 1, 3);
    text->append("/RW ");
    AppendDigits(text, rng->Below(8) + 1, 3);
  } else {
    text->push_back(static_cast<char>('A' + rng->Below(26)));
    text->push_back('-');
    AppendDigits(text, rng->Below(100000), 5);
  }
}

void RowWriter::WriteDefect(int slot, Defect defect, const Person& person, Block* block, std::string* out) const {
  const FieldPlan& field = plan_.fields[slot];
  Rng& rng = block->rng;
  std::string& text = block->text;
  text.clear();
  switch (defect) {
    case Defect::kFieldCount:  // the name with an academic title after an unquoted comma
      MakeName(person, &text);
      MakePlain(&text);
      out->append(text);
      out->append(", ");
      out->append(Pick(&rng, kTitles));
      return;
    case Defect::kStrayQuote:  // a nickname in quotes, without quoting the field
      MakeText(field, person, &rng, &text);
      MakePlain(&text);
      out->append(text);
      out->append(" \"");
      out->append(Pick(&rng, kNicknames));
      out->push_back('"');
      return;
    case Defect::kBadNumber:
      if (field.type == Type::kMoney) {
        const uint64_t amount = MoneyAmount(&rng);
        switch (rng.Below(5)) {
          case 0:  // "1,5 juta"
            AppendDigits(&text, amount / 1'000'000);
            text.push_back(',');
            AppendDigits(&text, amount / 100'000 % 10);
            text.append(" juta");
            break;
          case 1:  // "1500rb"
            AppendDigits(&text, amount / 1000);
            text.append("rb");
            break;
          case 2:  // thousands with commas
            text.append("Rp");
            AppendGrouped(&text, amount, ',');
            break;
          case 3:  // a decimal point
            AppendDigits(&text, amount);
            text.append(".50");
            break;
          default: text.append(Pick(&rng, kBadMoneyWords)); break;
        }
      } else {
        text.append(field.type == Type::kInt ? Pick(&rng, kBadInts) : Pick(&rng, kBadDecimals));
      }
      break;
    case Defect::kBadBool: text.append(Pick(&rng, kBadBools)); break;
    case Defect::kBadDate: {
      const YearMonthDay day = CivilFields(slot == plan_.birth ? person.nik.birth : Date::FromCivil(plan_.reference));
      const auto y = static_cast<uint64_t>(day.year);
      const auto m = static_cast<uint64_t>(day.month);
      const auto d = static_cast<uint64_t>(day.day);
      switch (rng.Below(5)) {
        case 0:  // "12 Maret 1975"
          AppendDigits(&text, d);
          text.push_back(' ');
          text.append(kMonths[day.month - 1]);
          text.push_back(' ');
          AppendDigits(&text, y, 4);
          break;
        case 1:  // "19750312"
          AppendDigits(&text, y * 10000 + m * 100 + d, 8);
          break;
        case 2:  // "12.03.1975"
          AppendDigits(&text, d, 2);
          text.push_back('.');
          AppendDigits(&text, m, 2);
          text.push_back('.');
          AppendDigits(&text, y, 4);
          break;
        case 3:  // "1975/03/12"
          AppendDigits(&text, y, 4);
          text.push_back('/');
          AppendDigits(&text, m, 2);
          text.push_back('/');
          AppendDigits(&text, d, 2);
          break;
        default:  // "12-03-75"
          AppendDigits(&text, d, 2);
          text.push_back('-');
          AppendDigits(&text, m, 2);
          text.push_back('-');
          AppendDigits(&text, y % 100, 2);
          break;
      }
      break;
    }
    case Defect::kImpossibleDate: {
      const int64_t year = CivilFields(person.nik.birth).year;
      auto [month, day] = kImpossibleDays[rng.Below(kImpossibleDays.size())];
      if (month == 2 && !IsLeapYear(year) && rng.Chance(0.3)) day = 29;  // in a common year
      AppendDateText(year, month, day, rng.Below(100), &text);
      break;
    }
    case Defect::kNotInList: text.append(Pick(&rng, field.codes.outside)); break;
    case Defect::kMissingRequired:
      if (rng.Chance(0.2)) out->append("  ");
      return;
    case Defect::kNikNot16Digits:
      AppendNik(person.nik, &text);
      AppendNikWithLengthDefect(text, static_cast<NikLengthDefect>(rng.Below(kNikLengthDefects)), out);
      return;
    case Defect::kNikImpossible:
      AppendNikWithStructureDefect(person.nik, static_cast<NikStructureDefect>(rng.Below(kNikStructureDefects)),
                                   rng.Next() >> 32, out);
      return;
    case Defect::kDuplicateKey:  // the copied person's key, never left empty
      if (field.role == FieldRole::kNik) {
        AppendNik(person.nik, out);
      } else {
        AppendDigits(out, person.row + 1);
      }
      return;
    case Defect::kNikMismatch:
      if (slot == plan_.sex) {
        WriteCode(field, person.nik.female ? plan_.male : plan_.female, block, out);
        return;
      }
      {
        // Day and month swapped, or the year one off, staying within the age range.
        const YearMonthDay birth = CivilFields(person.nik.birth);
        const auto within = [&](absl::CivilDay day) {
          const Date date = Date::FromCivil(day);
          return date >= nik_space_.earliest() && date <= nik_space_.latest();
        };
        absl::CivilDay changed(birth.year, birth.day, birth.month);
        if (birth.day > 12 || birth.day == birth.month || !within(changed) || rng.Chance(0.5)) {
          changed = absl::CivilDay(birth.year + 1, birth.month, birth.day);
          if (!within(changed)) changed = absl::CivilDay(birth.year - 1, birth.month, birth.day);
        }
        WriteDate(Date::FromCivil(changed), block, out);
      }
      return;
  }
  AppendCsvField(text, out);
}

void RowWriter::WriteDate(Date date, Block* block, std::string* out) const {
  const YearMonthDay day = CivilFields(date);
  AppendDateText(day.year, day.month, day.day, block->rng.Below(100), out);
}

void RowWriter::WriteCode(const FieldPlan& field, int32_t id, Block* block, std::string* out) const {
  Rng& rng = block->rng;
  const std::vector<std::string>& spellings = field.codes.spellings[id];
  // The canonical code about two times in three, else any other spelling.
  const std::string& spelling = spellings.size() == 1 || rng.Chance(0.65)
                                    ? spellings[0]
                                    : spellings[1 + rng.Below(static_cast<uint32_t>(spellings.size() - 1))];
  const bool spaced = spelling.front() != '"' && rng.Chance(0.01);  // stray spaces around the value
  if (spaced) out->push_back(' ');
  out->append(spelling);
  if (spaced) out->push_back(' ');
}

void RowWriter::MakeName(const Person& person, std::string* name) {
  Rng rng(person.name_key);
  aturan::MakeName(&rng, person.nik.female, name);
}

}  // namespace aturan
