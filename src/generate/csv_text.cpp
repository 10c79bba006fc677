#include "generate/csv_text.hpp"

namespace aturan {

void AppendDigits(std::string* out, uint64_t value, int width) {
  // Filled from the end, so the digits come out in order with one append.
  char digits[40];
  char* const end = digits + sizeof digits;
  char* begin = end;
  do {
    *--begin = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (end - begin < width && begin > digits) *--begin = '0';
  out->append(begin, end);
}

void AppendGrouped(std::string* out, uint64_t value, char separator) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) {
    out->push_back(digits[--count]);
    if (count > 0 && count % 3 == 0) out->push_back(separator);
  }
}

}  // namespace aturan
