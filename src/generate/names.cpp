#include "generate/names.hpp"

#include <array>
#include <span>
#include <string_view>

namespace aturan {
namespace {

using Names = std::span<const std::string_view>;

// Javanese, Muslim and general Indonesian names; every entry of a table is equally likely.
constexpr std::array<std::string_view, 52> kMaleGiven = {
    "Slamet",  "Sugeng",  "Suparman", "Sutrisno", "Bambang",  "Joko",    "Agus",    "Budi",
    "Wahyudi", "Eko",     "Dwi",      "Heru",     "Teguh",    "Rudi",    "Ahmad",   "Muhammad",
    "Abdul",   "Nur",     "Sholeh",   "Imam",     "Fauzi",    "Khoirul", "Rohmat",  "Kasmin",
    "Tarmuji", "Darsono", "Sukirno",  "Warsito",  "Kusnadi",  "Hadi",    "Yusuf",   "Arif",
    "Hasan",   "Mustofa", "Syaiful",  "Ma'ruf",   "Rizki",    "Fajar",   "Wahyu",   "Sigit",
    "Tri",     "Edi",     "Rohman",   "Taufik",   "Mukhlis",  "Nasrudin", "Sobirin", "Kholil",
    "Zaenal",  "Casmadi", "Dedi",     "Dédé",
};
constexpr std::array<std::string_view, 26> kMaleSecond = {
    "Santoso", "Setiawan", "Prasetyo", "Hidayat",  "Wibowo",    "Riyadi",  "Saputra",
    "Nugroho", "Susilo",   "Hartono",  "Rohman",   "Fauzi",     "Ma'ruf",  "Hakim",
    "Sodikin", "Mukti",    "Purnomo",  "Kurniawan", "Firmansyah", "Syaifudin", "Anwar",
    "Mubarok", "Suyanto",  "Rahmat",   "Mu'min",   "Hidayatullah",
};
constexpr std::array<std::string_view, 37> kFemaleGiven = {
    "Siti",    "Sri",     "Nur",     "Dewi",     "Endang",  "Sumiati", "Suwarni",  "Sulastri",
    "Kartini", "Rukmini", "Ani",     "Umi",      "Fatimah", "Khotijah", "Aminah",  "Nur'aini",
    "Musyarofah", "Nurul", "Lilis",  "Tri",      "Wartini", "Casmi",   "Rohmah",   "Yuliana",
    "Eni",     "Rina",    "Wulan",   "Indah",    "Puji",    "Kasinah", "Tarsih",   "Darsih",
    "Murni",   "Maryam",  "Zulaikha", "Sa'adah", "Mu'awanah",
};
constexpr std::array<std::string_view, 22> kFemaleSecond = {
    "Wahyuni",   "Rahayu",   "Lestari",  "Khotijah", "Aminah",    "Fatimah",  "Handayani", "Rohmah",
    "Kurniasih", "Nur'aini", "Maesaroh", "Muslimah", "Hidayah",   "Ulfa",     "Mulyani",   "Sholikhah",
    "Masruroh",  "Setyowati", "Purwanti", "Susanti", "Yuliani",   "Zahro",
};
// Chinese-Indonesian: modern given names with Indonesian family names, and traditional
// clan name + two syllables.
constexpr std::array<std::string_view, 9> kChineseMale = {"Hendra", "Budi", "Gunawan", "Hartono", "Susanto",
                                                         "Yohan", "Kevin", "Fendy", "Andi"};
constexpr std::array<std::string_view, 8> kChineseFemale = {"Lina", "Linda", "Yenny",   "Mei Ling",
                                                           "Lanny", "Meliana", "Susi", "Fenny"};
constexpr std::array<std::string_view, 9> kChineseFamily = {"Wijaya", "Halim", "Santoso", "Tanoto", "Kurniawan",
                                                           "Setiawan", "Gunawan", "Salim", "Sutanto"};
constexpr std::array<std::string_view, 8> kClans = {"Tan", "Lim", "Liem", "The", "Oei", "Kwee", "Go", "Ong"};
constexpr std::array<std::string_view, 8> kClanGiven = {"Swie Hoa", "Kiem Lan", "Tjing Hwa", "Bing Hok",
                                                       "Giok Nio", "Hong Gie", "Sioe Lien", "Kian Bie"};
constexpr std::array<std::string_view, 10> kChristianMale = {"Yohanes", "Agustinus", "Petrus", "Stefanus",
                                                            "Andreas", "André",     "Yosef",  "Markus",
                                                            "Paulus",  "Fransiskus"};
constexpr std::array<std::string_view, 7> kChristianFemale = {"Maria", "Theresia", "Agnes", "Veronika",
                                                             "Katarina", "Elisabeth", "Yuliana"};
constexpr std::array<std::string_view, 4> kShortMuhammad = {"Muh.", "Moh.", "M.", "Mochammad"};
constexpr std::array<std::string_view, 5> kTitles = {"S.Pd.", "S.E.", "S.Ag.", "A.Md.", "S.Sos."};
constexpr std::array<std::string_view, 5> kNicknames = {"Gendut", "Kribo", "Mbah", "Cilik", "Londo"};

constexpr std::string_view kTypographicApostrophe = "\xE2\x80\x99";

std::string_view Pick(Rng* rng, Names names) { return names[rng->Below(static_cast<uint32_t>(names.size()))]; }

// Appends one name part; about a third of the parts with an apostrophe get the typographic
// one that word processors put in.
void AppendPart(Rng* rng, std::string_view part, std::string* name) {
  if (!name->empty()) name->push_back(' ');
  const size_t apostrophe = part.find('\'');
  if (apostrophe == std::string_view::npos || !rng->Chance(0.33)) {
    name->append(part);
    return;
  }
  name->append(part.substr(0, apostrophe));
  name->append(kTypographicApostrophe);
  name->append(part.substr(apostrophe + 1));
}

}  // namespace

void MakeName(Rng* rng, bool female, std::string* name) {
  name->clear();
  const uint32_t style = rng->Below(100);
  if (style < 5) {
    AppendPart(rng, female ? "Hj." : "H.", name);
  }
  if (style < 22) {  // one or two Javanese/Muslim names
    AppendPart(rng, Pick(rng, female ? Names(kFemaleGiven) : Names(kMaleGiven)), name);
    if (style >= 12) AppendPart(rng, Pick(rng, female ? Names(kFemaleSecond) : Names(kMaleSecond)), name);
  } else if (style < 30) {  // Muh. Ma'ruf, or Kasmin bin Tarmuji
    if (female) {
      AppendPart(rng, Pick(rng, kFemaleGiven), name);
      AppendPart(rng, "binti", name);
    } else if (style < 26) {
      AppendPart(rng, Pick(rng, kShortMuhammad), name);
    } else {
      AppendPart(rng, Pick(rng, kMaleGiven), name);
      AppendPart(rng, "bin", name);
    }
    AppendPart(rng, Pick(rng, female ? Names(kMaleGiven) : Names(kMaleSecond)), name);
  } else if (style < 34) {  // Chinese-Indonesian, modern
    AppendPart(rng, Pick(rng, female ? Names(kChineseFemale) : Names(kChineseMale)), name);
    AppendPart(rng, Pick(rng, kChineseFamily), name);
  } else if (style < 37) {  // Chinese-Indonesian, traditional
    AppendPart(rng, Pick(rng, kClans), name);
    AppendPart(rng, Pick(rng, kClanGiven), name);
  } else if (style < 41) {  // Christian given name, Javanese second name
    AppendPart(rng, Pick(rng, female ? Names(kChristianFemale) : Names(kChristianMale)), name);
    AppendPart(rng, Pick(rng, female ? Names(kFemaleSecond) : Names(kMaleSecond)), name);
  } else {  // the common case: two names
    AppendPart(rng, Pick(rng, female ? Names(kFemaleGiven) : Names(kMaleGiven)), name);
    AppendPart(rng, Pick(rng, female ? Names(kFemaleSecond) : Names(kMaleSecond)), name);
  }

  const uint32_t extra = rng->Below(10000);
  if (extra < 5) {  // a nickname in quotes before the last part
    const size_t space = name->rfind(' ');
    const std::string nickname = std::string(" \"") + std::string(Pick(rng, kNicknames)) + "\"";
    name->insert(space == std::string::npos ? name->size() : space, nickname);
  } else if (extra < 10) {  // Alt+Enter between the first two parts
    const size_t space = name->find(' ');
    if (space != std::string::npos) (*name)[space] = '\n';
  }
  if (rng->Chance(0.25)) UpperCaseLatin(name);  // as printed on the KTP
  if (extra >= 10 && extra < 210) {
    name->append(", ");
    name->append(Pick(rng, kTitles));
  }
}

void UpperCaseLatin(std::string* text) {
  for (size_t i = 0; i < text->size(); ++i) {
    unsigned char c = static_cast<unsigned char>((*text)[i]);
    if (c >= 'a' && c <= 'z') {
      (*text)[i] = static_cast<char>(c - 'a' + 'A');
    } else if (c == 0xC3 && i + 1 < text->size()) {
      unsigned char next = static_cast<unsigned char>((*text)[i + 1]);
      if (next >= 0xA0 && next <= 0xBE && next != 0xB7) (*text)[i + 1] = static_cast<char>(next - 0x20);
      ++i;
    }
  }
}

}  // namespace aturan
