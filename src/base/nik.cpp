#include "base/nik.hpp"

#include <array>
#include <bit>
#include <cstring>

#include "base/strings.hpp"

namespace aturan {
namespace {

// The province codes of Kepmendagri 300.2.2-2138/2025 (38 provinces). A NIK keeps the code
// of the province that issued it, and no province code has been retired since NIKs began.
constexpr std::array<int, 38> kProvinceCodes = {
    11,  // Aceh
    12,  // Sumatera Utara
    13,  // Sumatera Barat
    14,  // Riau
    15,  // Jambi
    16,  // Sumatera Selatan
    17,  // Bengkulu
    18,  // Lampung
    19,  // Kepulauan Bangka Belitung
    21,  // Kepulauan Riau
    31,  // DKI Jakarta
    32,  // Jawa Barat
    33,  // Jawa Tengah
    34,  // DI Yogyakarta
    35,  // Jawa Timur
    36,  // Banten
    51,  // Bali
    52,  // Nusa Tenggara Barat
    53,  // Nusa Tenggara Timur
    61,  // Kalimantan Barat
    62,  // Kalimantan Tengah
    63,  // Kalimantan Selatan
    64,  // Kalimantan Timur
    65,  // Kalimantan Utara
    71,  // Sulawesi Utara
    72,  // Sulawesi Tengah
    73,  // Sulawesi Selatan
    74,  // Sulawesi Tenggara
    75,  // Gorontalo
    76,  // Sulawesi Barat
    81,  // Maluku
    82,  // Maluku Utara
    91,  // Papua
    92,  // Papua Barat
    // Provinces formed in 2022 (UU 14, 15, 16 and 29 of 2022), codes from Kepmendagri
    // 100.1.1-6117/2022, kept in 300.2.2-2138/2025:
    93,  // Papua Selatan
    94,  // Papua Tengah
    95,  // Papua Pegunungan
    96,  // Papua Barat Daya
};

// kProvinceCodes as a table by code, looked up for every NIK of a list.
constexpr std::array<bool, 100> kKnownProvinces = [] {
  std::array<bool, 100> known{};
  for (const int code : kProvinceCodes) known[static_cast<size_t>(code)] = true;
  return known;
}();

bool KnownProvince(int code) { return code >= 0 && code < 100 && kKnownProvinces[static_cast<size_t>(code)]; }

// What is wrong with a NIK, in the order the checks run.
enum class Problem { kNone, kNotDigits, kProvince, kRegency, kDistrict, kBirthDate, kSerial };

// The number written by the two ASCII digits at nik[at].
int TwoDigits(std::string_view nik, size_t at) {
  return (nik[at] - '0') * 10 + (nik[at + 1] - '0');
}

// Fills *parts as far as the NIK can be read and returns its first problem.
Problem Check(std::string_view nik, NikParts* parts) {
  if (!SixteenDigits(nik)) return Problem::kNotDigits;
  parts->province = TwoDigits(nik, 0);
  parts->regency = TwoDigits(nik, 2);
  parts->district = TwoDigits(nik, 4);
  const int written_day = TwoDigits(nik, 6);
  parts->female = written_day > 40;
  parts->day = parts->female ? written_day - 40 : written_day;
  parts->month = TwoDigits(nik, 8);
  parts->year_in_century = TwoDigits(nik, 10);
  parts->serial = TwoDigits(nik, 12) * 100 + TwoDigits(nik, 14);

  if (!KnownProvince(parts->province)) return Problem::kProvince;
  if (parts->regency == 0) return Problem::kRegency;
  if (parts->district == 0) return Problem::kDistrict;
  // 20YY is a leap year exactly when YY is a multiple of 4 (2000 is one), so checking the
  // date in 20YY accepts a date that exists in at least one century.
  const absl::CivilDay in_2000s(2000 + parts->year_in_century, parts->month, parts->day);
  // absl::CivilDay normalises impossible fields (day 0, day 35, month 13), so a date that
  // comes back changed does not exist.
  if (in_2000s.month() != parts->month || in_2000s.day() != parts->day) {
    return Problem::kBirthDate;
  }
  if (parts->serial == 0) return Problem::kSerial;
  return Problem::kNone;
}

// The largest multiple of 100 not above `year` (also for years before 0).
int64_t CenturyStart(int64_t year) {
  return year >= 0 ? year / 100 * 100 : -((-year + 99) / 100 * 100);
}

}  // namespace

std::optional<NikParts> ParseNik(std::string_view nik) {
  NikParts parts;
  if (Check(nik, &parts) != Problem::kNone) return std::nullopt;
  return parts;
}

bool NikValid(std::string_view nik) {
  NikParts parts;
  return Check(nik, &parts) == Problem::kNone;
}

std::string NikProblem(std::string_view nik) {
  NikParts parts;
  switch (Check(nik, &parts)) {
    case Problem::kNone: break;
    case Problem::kNotDigits: return "not 16 digits";
    case Problem::kProvince: return aturan::StrCat("unknown province code ", nik.substr(0, 2));
    case Problem::kRegency: return "regency code 00";
    case Problem::kDistrict: return "kecamatan code 00";
    case Problem::kBirthDate: return aturan::StrCat("impossible birth date ", nik.substr(6, 6));
    case Problem::kSerial: return "serial 0000";
  }
  return "";
}

std::optional<char> NikSex(std::string_view nik) {
  const std::optional<NikParts> parts = ParseNik(nik);
  if (!parts) return std::nullopt;
  return parts->female ? 'P' : 'L';
}

std::optional<Date> NikBirthDate(std::string_view nik, Date reference) {
  const std::optional<NikParts> parts = ParseNik(nik);
  if (!parts) return std::nullopt;
  const absl::CivilDay latest = reference.ToCivil();
  // Try the reference's century, then earlier ones. This ends within five rounds: the first
  // may be after the reference, and among four consecutive centuries one starts with a
  // leap year (for 29-02-00).
  for (int64_t century = CenturyStart(latest.year());; century -= 100) {
    const absl::CivilDay day(century + parts->year_in_century, parts->month, parts->day);
    if (day.month() == parts->month && day.day() == parts->day && day <= latest) {
      return Date::FromCivil(day);
    }
  }
}

namespace {

// The number spelled by the 8 ASCII digits in `word` (the first digit in the lowest byte, as a
// little-endian load puts it), or nullopt when a byte is not a digit: every byte is checked and
// converted at once, as simdjson's parse_eight_digits_unrolled does.
std::optional<uint64_t> EightDigits(uint64_t word) {
  constexpr uint64_t kHighNibbles = 0xF0F0F0F0F0F0F0F0;
  constexpr uint64_t kZeros = 0x3030303030303030;  // '0' in every byte
  // A digit is 0x30..0x39: high nibble 3, and adding 6 leaves the high nibble alone.
  if ((word & kHighNibbles) != kZeros || ((word + 0x0606060606060606) & kHighNibbles) != kZeros) return std::nullopt;
  uint64_t value = word - kZeros;
  value = value * 10 + (value >> 8);  // each 16-bit lane: its two digits' number
  return (((value & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
          (((value >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >> 32;
}

}  // namespace

std::optional<uint64_t> SixteenDigits(std::string_view text) {
  if (text.size() != 16) return std::nullopt;
  if constexpr (std::endian::native == std::endian::little) {
    uint64_t high = 0;
    uint64_t low = 0;
    std::memcpy(&high, text.data(), 8);
    std::memcpy(&low, text.data() + 8, 8);
    const std::optional<uint64_t> first = EightDigits(high);
    const std::optional<uint64_t> last = EightDigits(low);
    if (!first || !last) return std::nullopt;
    return *first * 100'000'000 + *last;
  } else {
    uint64_t value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value;
  }
}

}  // namespace aturan
