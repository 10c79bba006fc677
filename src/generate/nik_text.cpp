#include "generate/nik_text.hpp"

#include <array>

#include "base/dates.hpp"
#include "generate/csv_text.hpp"

namespace aturan {
namespace {

// Two-digit codes that are not provinces (base/nik.cpp lists the real ones).
constexpr std::array<int, 12> kUnknownProvinces = {0, 10, 20, 30, 37, 40, 50, 60, 70, 80, 90, 99};

void AppendNikDigits(const NikArea& area, int day, int month, int year_in_century, int serial,
                     std::string* out) {
  AppendNikArea(area, out);
  AppendDigits(out, static_cast<uint64_t>(day), 2);
  AppendDigits(out, static_cast<uint64_t>(month), 2);
  AppendDigits(out, static_cast<uint64_t>(year_in_century), 2);
  AppendDigits(out, static_cast<uint64_t>(serial), 4);
}

}  // namespace

void AppendNikArea(const NikArea& area, std::string* out) {
  AppendDigits(out, static_cast<uint64_t>(area.province), 2);
  AppendDigits(out, static_cast<uint64_t>(area.regency), 2);
  AppendDigits(out, static_cast<uint64_t>(area.district), 2);
}

void AppendNik(const NikFields& nik, std::string* out) {
  const YearMonthDay birth = CivilFields(nik.birth);
  AppendNikDigits(nik.area, birth.day + (nik.female ? 40 : 0), birth.month, static_cast<int>(birth.year % 100),
                  nik.serial, out);
}

void AppendNikWithLengthDefect(std::string_view nik, NikLengthDefect defect, std::string* out) {
  if (defect == NikLengthDefect::kLetterO && nik.find('0') == std::string_view::npos) {
    defect = NikLengthDefect::kSpaced;
  }
  switch (defect) {
    case NikLengthDefect::kFirstDigitDropped:
      out->append(nik.substr(1));
      return;
    case NikLengthDefect::kDigitRepeated:
      out->append(nik.substr(0, 13));
      out->append(nik.substr(12));
      return;
    case NikLengthDefect::kSpaced:
      for (size_t i = 0; i < nik.size(); i += 4) {
        if (i > 0) out->push_back(' ');
        out->append(nik.substr(i, 4));
      }
      return;
    case NikLengthDefect::kLetterO:
      for (char c : nik) out->push_back(c == '0' ? 'O' : c);
      return;
  }
}

void AppendNikWithStructureDefect(const NikFields& nik, NikStructureDefect defect, uint32_t choice,
                                  std::string* out) {
  const YearMonthDay birth = CivilFields(nik.birth);
  NikArea area = nik.area;
  int day = birth.day + (nik.female ? 40 : 0);
  int month = birth.month;
  int serial = nik.serial;
  switch (defect) {
    case NikStructureDefect::kUnknownProvince:
      area.province = kUnknownProvinces[choice % kUnknownProvinces.size()];
      break;
    case NikStructureDefect::kRegency00:
      area.regency = 0;
      break;
    case NikStructureDefect::kKecamatan00:
      area.district = 0;
      break;
    case NikStructureDefect::kImpossibleDate:
      month += 12;
      break;
    case NikStructureDefect::kSerial0000: {
      // 99 * 99 regency-kecamatan pairs in Jawa Tengah, then in Jawa Timur: one per round.
      const int round = serial - 1;
      area = NikArea{round < 99 * 99 ? 33 : 35, 1 + round % 99, 1 + round / 99 % 99};
      serial = 0;
      break;
    }
  }
  AppendNikDigits(area, day, month, static_cast<int>(birth.year % 100), serial, out);
}

}  // namespace aturan
