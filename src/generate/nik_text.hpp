// generate/nik_text.hpp — writing NIKs (PP RR KK DDMMYY SSSS, women's day + 40; see
// base/nik.hpp), correct ones and the defective ones candidate lists contain. Every defective
// form keeps enough of the NIK's digits that two rows with different NIKs still get different
// text, so a defect never makes a duplicate by accident.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "aturan/value.hpp"

namespace aturan {

// Where a NIK was issued: Kemendagri province, regency (kabupaten/kota) and kecamatan codes.
struct NikArea {
  int province = 0;
  int regency = 0;
  int district = 0;
};

// Everything a NIK is written from.
struct NikFields {
  NikArea area;
  Date birth;
  bool female = false;
  int serial = 1;
};

// Appends the six digits PPRRKK of `area` (also the start of a Kartu Keluarga number).
void AppendNikArea(const NikArea& area, std::string* out);

// Appends the 16 digits of `nik`.
void AppendNik(const NikFields& nik, std::string* out);

// Ways to write a NIK that is not 16 digits.
enum class NikLengthDefect : uint8_t {
  kFirstDigitDropped,  // 15 digits
  kDigitRepeated,      // 17 digits: the first serial digit twice
  kSpaced,             // "3375 0112 0385 0001"
  kLetterO,            // every 0 typed as the letter O (kSpaced when there is no 0)
};
inline constexpr int kNikLengthDefects = 4;

// Appends the 16-digit `nik` written with `defect`.
void AppendNikWithLengthDefect(std::string_view nik, NikLengthDefect defect, std::string* out);

// Ways to write 16 digits that cannot be a NIK (base/nik.hpp NikProblem names each).
enum class NikStructureDefect : uint8_t {
  kUnknownProvince,  // a province code Kemendagri never assigned
  kRegency00,
  kKecamatan00,
  kImpossibleDate,   // the month + 12 (13..24)
  kSerial0000,
};
inline constexpr int kNikStructureDefects = 5;

// Appends `nik` with `defect`. kSerial0000 loses the serial, so the area is replaced by one
// that encodes the serial instead (province 33 or 35, regency and kecamatan from the serial),
// keeping the text distinct; `choice` picks among the unknown province codes.
void AppendNikWithStructureDefect(const NikFields& nik, NikStructureDefect defect, uint32_t choice,
                                  std::string* out);

}  // namespace aturan
