// base/nik.hpp — the Indonesian Nomor Induk Kependudukan (NIK): its structure and the facts
// it encodes, for the expression functions nik_valid, nik_sex, nik_birth_date.
//
// A NIK is 16 ASCII digits, PP RR KK DDMMYY SSSS:
//   PP     province code (Kemendagri) where the NIK was first issued
//   RR     regency (kabupaten/kota) code within the province, not 00
//   KK     kecamatan code within the regency, not 00
//   DDMMYY birth date; women have 40 added to the day (41..71)
//   SSSS   serial number, from 0001
// A NIK is lifelong, so PP.RR.KK is where it was issued, not where the person lives now.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aturan/value.hpp"

namespace aturan {

// The fields of a valid NIK.
struct NikParts {
  int province = 0;         // a Kemendagri province code (see the table in nik.cpp)
  int regency = 0;          // 1..99
  int district = 0;         // kecamatan, 1..99
  int day = 0;              // birth day 1..31, with the +40 for women already removed
  int month = 0;            // birth month 1..12
  int year_in_century = 0;  // 0..99: the birth year without its century
  bool female = false;      // the written day was 41..71
  int serial = 0;           // 1..9999
};

// The number `text` spells when it is exactly 16 ASCII digits (any NIK-shaped text, valid
// or not), else nullopt: a compact form of such a text, since writing the number with
// leading zeros to 16 digits gives it back.
std::optional<uint64_t> SixteenDigits(std::string_view text);

// The fields of `nik` when NikValid(nik), else nullopt. Never allocates.
std::optional<NikParts> ParseNik(std::string_view nik);

// True when `nik` is 16 ASCII digits with a known province code, regency and kecamatan
// not 00, a birth date that exists in at least one century (29 February needs a year that
// can be a leap year) and a serial other than 0000. Never allocates.
bool NikValid(std::string_view nik);

// A short English reason why `nik` is not valid ("not 16 digits", "unknown province code
// 99", "regency code 00", "kecamatan code 00", "impossible birth date 310299",
// "serial 0000"); empty exactly when NikValid(nik). Allocates only for an invalid NIK.
std::string NikProblem(std::string_view nik);

// 'L' (laki-laki) or 'P' (perempuan) for a valid NIK, else nullopt. Never allocates.
std::optional<char> NikSex(std::string_view nik);

// The birth date written in a valid NIK, else nullopt. The century is not written: this is
// the latest existing date with that day, month and two-digit year that is not after
// `reference` (YY=05 with reference 2023-01-01 gives 2005, YY=30 gives 1930). Never
// allocates.
std::optional<Date> NikBirthDate(std::string_view nik, Date reference);

}  // namespace aturan
