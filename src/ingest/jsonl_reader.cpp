#include "ingest/jsonl_reader.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>

#include "base/strings.hpp"

// Why a hand-written scanner rather than simdjson (Debian's 3.0.1): callers need each value's
// source text — numbers exactly as written, strings unescaped — the column of every problem,
// and duplicate keys found. simdjson's DOM parser reads bench/jsonl_reader_bench's list line
// by line about twice as fast as this scanner (about 2,200 against 1,200 MiB/s on the build
// machine), but it turns numbers into doubles and integers (losing "2.50e-07" and 30-digit
// numbers), reports errors without a position and accepts duplicate keys. Its On
// Demand API hands out raw number text but does not validate it, cannot tell in 3.0.1 whether
// text follows the object (document::at_end() came later), and with the checks this reader
// needs it ran at about 1,600 MiB/s: not enough to give up exact positions and reasons. So one
// pass over each line does everything, in place in the reader's own buffer (no padded copy
// per line), 8 bytes at a time inside strings; it reads a list faster than CsvReader does.

namespace aturan {
namespace {

static_assert(std::endian::native == std::endian::little, "the string scanner reads words little-endian");

// Zeroed bytes after the buffer's capacity: the scanner writes a NUL after a line's last byte
// (which may be the last byte read) and reads up to 7 bytes past it.
constexpr size_t kPadding = 8;

// How much of a key problem reasons quote.
constexpr size_t kKeyInReason = 40;

// JSON whitespace that can occur inside a line.
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The 8 bytes at `p`, the first in the lowest bits.
uint64_t Load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

constexpr uint64_t kOnes = 0x0101010101010101;
constexpr uint64_t kHighBits = 0x8080808080808080;

// The high bit of each byte of `word` that is zero; exact for the lowest such byte (a
// borrow can only mark bytes above a zero byte).
uint64_t ZeroBytes(uint64_t word) { return (word - kOnes) & ~word & kHighBits; }

// Marks the bytes at which a run of plain string text stops: '"', '\\', control characters
// (the NUL after the line included) and non-ASCII bytes. Exact for the lowest byte marked.
uint64_t StringStops(uint64_t word) {
  return ZeroBytes(word ^ (kOnes * '"')) | ZeroBytes(word ^ (kOnes * '\\')) |
         ((word - kOnes * 0x20) & ~word & kHighBits) | (word & kHighBits);
}

// One past the UTF-8 sequence starting at the non-ASCII byte `p`, or nullptr when the
// sequence is not well-formed (overlong, surrogate, above U+10FFFF, cut short). Never reads
// past a byte below 0x80, so the NUL after the line stops it.
const char* Utf8SequenceEnd(const char* p) {
  const auto byte = [p](int i) { return static_cast<unsigned char>(p[i]); };
  const auto continuation = [&byte](int i) { return (byte(i) & 0xC0) == 0x80; };
  const unsigned char lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? p + 2 : nullptr;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return byte(1) >= low && byte(1) <= high && continuation(2) ? p + 3 : nullptr;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return byte(1) >= low && byte(1) <= high && continuation(2) && continuation(3) ? p + 4 : nullptr;
  }
  return nullptr;
}

// The value of the four hex digits at `p`, or -1. Stops at the first byte that is not one.
int32_t Hex4(const char* p) {
  int32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    int32_t digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return -1;
    }
    value = value * 16 + digit;
  }
  return value;
}

// Writes `code_point` as UTF-8 at `out`; returns one past it.
char* AppendUtf8(uint32_t code_point, char* out) {
  const auto put = [&out](uint32_t byte) { *out++ = static_cast<char>(byte); };
  if (code_point < 0x80) {
    put(code_point);
  } else if (code_point < 0x800) {
    put(0xC0 | (code_point >> 6));
    put(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    put(0xE0 | (code_point >> 12));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  } else {
    put(0xF0 | (code_point >> 18));
    put(0x80 | ((code_point >> 12) & 0x3F));
    put(0x80 | ((code_point >> 6) & 0x3F));
    put(0x80 | (code_point & 0x3F));
  }
  return out;
}

// A hash of `key`, which lies in the reader's buffer: it reads whole words, up to 7 bytes
// past the key (see kPadding), so that short keys cost a few instructions.
uint64_t KeyHash(std::string_view key) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15;
  const char* p = key.data();
  size_t left = key.size();
  uint64_t hash = left;
  for (; left > 8; left -= 8, p += 8) hash = (hash ^ Load(p)) * kMultiplier;
  const uint64_t tail = left == 0 ? 0 : Load(p) & (~uint64_t{0} >> (64 - 8 * left));
  hash = (hash ^ tail) * kMultiplier;
  return hash ^ (hash >> 32);
}

// `key` cut to kKeyInReason bytes (at a UTF-8 boundary) for a problem reason, quoted.
std::string QuotedKey(std::string_view key) {
  if (key.size() <= kKeyInReason) return StrCat("\"", key, "\"");
  size_t size = kKeyInReason;
  while (size > 0 && (static_cast<unsigned char>(key[size]) & 0xC0) == 0x80) --size;
  return StrCat("\"", key.substr(0, size), "...\"");
}

// Reads the tokens of one line in place. The byte at `end` must be a NUL and kPadding - 1
// more bytes after it must be readable; no token reads past that NUL.
class Scanner {
 public:
  Scanner(char* begin, char* end) : p_(begin), end_(end) {}

  // The byte at hand, and moving past it.
  char* at() const { return p_; }
  char peek() const { return *p_; }
  void Advance() { ++p_; }
  bool AtEnd() const { return p_ == end_; }

  // Moves past JSON whitespace.
  void SkipBlanks() {
    while (IsBlank(*p_)) ++p_;
  }

  // Reads the string whose opening quote is at hand, unescaping it in place (its text never
  // gets longer), into `*text`. False with failure() set when it is not a valid string.
  bool String(std::string_view* text) {
    char* const start = ++p_;
    char* out = nullptr;  // where the unescaped text continues, once there was an escape
    for (;;) {
      char* const run = p_;
      uint64_t stops;
      while ((stops = StringStops(Load(p_))) == 0) p_ += 8;
      p_ += std::countr_zero(stops) / 8;
      if (out != nullptr) {
        std::memmove(out, run, static_cast<size_t>(p_ - run));
        out += p_ - run;
      }
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        *text = std::string_view(start, static_cast<size_t>((out != nullptr ? out : p_) - start));
        ++p_;
        return true;
      }
      if (c == '\\') {
        if (out == nullptr) out = p_;
        if (!Escape(&out)) return false;
      } else if (c >= 0x80) {
        const char* const sequence_end = Utf8SequenceEnd(p_);
        if (sequence_end == nullptr) return Fail(p_, "invalid UTF-8");
        const size_t size = static_cast<size_t>(sequence_end - p_);
        if (out != nullptr) {
          std::memmove(out, p_, size);
          out += size;
        }
        p_ += size;
      } else {
        return Fail(p_, AtEnd() ? "not valid JSON: unterminated string"
                                : "not valid JSON: control character in a string");
      }
    }
  }

  // Reads the number at hand into `*text`, exactly as written. False with failure() set
  // when it does not follow JSON's grammar.
  bool Number(std::string_view* text) {
    char* const start = p_;
    if (*p_ == '-') ++p_;
    if (*p_ == '0') {
      ++p_;
      if (IsDigit(*p_)) return Fail(p_, "not valid JSON: a number with a leading zero");
    } else if (!Digits()) {
      return Expected("a digit");
    }
    if (*p_ == '.') {
      ++p_;
      if (!Digits()) return Expected("a digit");
    }
    if (*p_ == 'e' || *p_ == 'E') {
      ++p_;
      if (*p_ == '+' || *p_ == '-') ++p_;
      if (!Digits()) return Expected("a digit");
    }
    *text = std::string_view(start, static_cast<size_t>(p_ - start));
    return true;
  }

  // Reads `word` (true, false or null), which must be at hand, into `*text`.
  bool Literal(std::string_view word, std::string_view* text) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (p_[i] != word[i]) return Expected("a value");
    }
    *text = std::string_view(p_, word.size());
    p_ += word.size();
    return true;
  }

  // Reads the scalar at hand into `*member`'s text and null flag. False with failure() set
  // when there is none.
  bool Scalar(JsonMember* member) {
    switch (*p_) {
      case '"':
        return String(&member->text);
      case 't':
        return Literal("true", &member->text);
      case 'f':
        return Literal("false", &member->text);
      case 'n':
        if (!Literal("null", &member->text)) return false;
        member->text = {};
        member->null = true;
        return true;
      default:
        if (*p_ == '-' || IsDigit(*p_)) return Number(&member->text);
        return Expected("a value");
    }
  }

  // Notes that `what` was expected at the byte at hand; returns false.
  bool Expected(std::string_view what) {
    return Fail(p_, StrCat("not valid JSON: expected ", what, AtEnd() ? ", found the end of the line" : ""));
  }

  // Notes what is wrong at `at`; returns false for the caller to pass on.
  bool Fail(const char* at, std::string reason) {
    failure_at_ = at;
    failure_ = std::move(reason);
    return false;
  }
  // Where and what the failure noted last is.
  const char* failure_at() const { return failure_at_; }
  std::string& failure() { return failure_; }

 private:
  // Moves past a run of digits; false when there is none.
  bool Digits() {
    const char* const start = p_;
    while (IsDigit(*p_)) ++p_;
    return p_ != start;
  }

  // Decodes the escape sequence at hand (a backslash) to `*out`.
  bool Escape(char** out) {
    char* const at = p_;
    char decoded;
    switch (p_[1]) {
      case '"': decoded = '"'; break;
      case '\\': decoded = '\\'; break;
      case '/': decoded = '/'; break;
      case 'b': decoded = '\b'; break;
      case 'f': decoded = '\f'; break;
      case 'n': decoded = '\n'; break;
      case 'r': decoded = '\r'; break;
      case 't': decoded = '\t'; break;
      case 'u': {
        int32_t code_point = Hex4(p_ + 2);
        if (code_point < 0) return Fail(at, "not valid JSON: a \\u escape needs four hex digits");
        p_ += 6;
        if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
          return Fail(at, "not valid JSON: a \\u escape of a lone low surrogate");
        }
        if (code_point >= 0xD800 && code_point <= 0xDBFF) {
          const int32_t low = p_[0] == '\\' && p_[1] == 'u' ? Hex4(p_ + 2) : -1;
          if (low < 0xDC00 || low > 0xDFFF) {
            return Fail(at, "not valid JSON: a \\u escape of a high surrogate without its low one");
          }
          code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
          p_ += 6;
        }
        *out = AppendUtf8(static_cast<uint32_t>(code_point), *out);
        return true;
      }
      default:
        return Fail(at, "not valid JSON: unknown escape sequence");
    }
    *(*out)++ = decoded;
    p_ += 2;
    return true;
  }

  char* p_;
  char* const end_;
  const char* failure_at_ = nullptr;
  std::string failure_;
};

// What a top-level value that is not an object is, judged by its first byte.
std::string_view ScalarKind(char first) {
  switch (first) {
    case '"': return "a string";
    case 't': return "true";
    case 'f': return "false";
    case 'n': return "null";
    default: return "a number";
  }
}

}  // namespace

absl::StatusOr<JsonLinesReader> JsonLinesReader::Open(const std::string& path, JsonLinesOptions options) {
  absl::StatusOr<InputBuffer> input = InputBuffer::Open(path, options.buffer_bytes, kPadding);
  if (!input.ok()) return input.status();
  JsonLinesReader reader(options, *std::move(input));
  if (!reader.status_.ok()) return reader.status_;
  return reader;
}

JsonLinesReader JsonLinesReader::FromString(std::string_view text, JsonLinesOptions options) {
  return JsonLinesReader(options, InputBuffer::FromText(text, "text", options.buffer_bytes, kPadding));
}

JsonLinesReader::JsonLinesReader(JsonLinesOptions options, InputBuffer input)
    : options_(options), input_(std::move(input)) {
  options_.max_line_bytes = std::max<size_t>(options_.max_line_bytes, 1);
  options_.max_members = std::max<size_t>(options_.max_members, 1);
  if (!input_.SkipByteOrderMark()) status_ = input_.status();
}

bool JsonLinesReader::Refill() {
  if (input_.Refill()) return true;
  status_ = input_.status();
  return false;
}

bool JsonLinesReader::Next(JsonLine* line) {
  if (!status_.ok()) return false;
  for (;;) {
    char* const data = input_.data() + input_.pos();
    const size_t available = input_.filled() - input_.pos();
    auto* feed = static_cast<char*>(std::memchr(data + searched_, '\n', available - searched_));
    if (feed == nullptr) {
      searched_ = available;
      if (!input_.eof()) {
        // One byte more than the limit may still fit: a CR at the end may turn out to be
        // part of the line break.
        if (available == 0 || available - 1 <= options_.max_line_bytes) {
          if (!Refill()) return false;
          continue;
        }
      } else if (available == 0) {
        return false;
      } else {
        feed = data + available;  // the last line, without a line break
      }
    }
    const uint64_t physical_line = line_++;
    searched_ = 0;
    char* line_end = feed;
    if (feed != nullptr && line_end > data && line_end[-1] == '\r') --line_end;
    const bool too_long = feed == nullptr || static_cast<size_t>(line_end - data) > options_.max_line_bytes;
    // Past the line feed, or at the end of the data when there is none (yet).
    input_.set_pos(feed == nullptr ? input_.filled()
                                   : std::min(static_cast<size_t>(feed + 1 - input_.data()), input_.filled()));
    if (!too_long) {
      const char* first = data;
      while (first < line_end && IsBlank(*first)) ++first;
      if (first == line_end) continue;
    }
    line->members_.clear();
    line->problem_.clear();
    line->problem_column_ = 0;
    line->line_ = physical_line;
    line->record_number_ = ++records_;
    if (!too_long) {
      ParseLine(data, line_end, line);
      return true;
    }
    line->problem_ = StrCat("line longer than ", options_.max_line_bytes, " bytes");
    line->problem_column_ = options_.max_line_bytes + 1;
    return feed != nullptr || SkipLongLine();
  }
}

void JsonLinesReader::ParseLine(char* begin, char* end, JsonLine* line) {
  *end = '\0';
  Scanner scanner(begin, end);
  const auto problem = [begin, line](const char* at, std::string reason) {
    line->problem_ = std::move(reason);
    line->problem_column_ = static_cast<uint64_t>(at - begin) + 1;
  };
  const auto failed = [&scanner, &problem] { problem(scanner.failure_at(), std::move(scanner.failure())); };
  const auto expected = [&scanner, &failed](std::string_view what) {
    scanner.Expected(what);
    failed();
  };
  std::vector<JsonMember>& members = line->members_;
  scanner.SkipBlanks();
  const char first = scanner.peek();
  if (first != '{') {
    if (first == '[') return problem(scanner.at(), "not a JSON object but an array");
    const char* const at = scanner.at();
    JsonMember value;
    if (!scanner.Scalar(&value)) return failed();
    scanner.SkipBlanks();
    if (!scanner.AtEnd()) return problem(scanner.at(), "not valid JSON: text after the value");
    return problem(at, StrCat("not a JSON object but ", ScalarKind(first)));
  }
  scanner.Advance();
  scanner.SkipBlanks();
  if (scanner.peek() == '}') {
    scanner.Advance();
  } else {
    for (;;) {
      const char* const key_at = scanner.at();
      if (scanner.peek() != '"') return expected("a key in double quotes");
      if (members.size() == options_.max_members) {
        return problem(key_at, StrCat("more than ", options_.max_members, " members"));
      }
      JsonMember member;
      if (!scanner.String(&member.key)) return failed();
      if (IsDuplicateKey(members, member.key)) {
        return problem(key_at, StrCat("duplicate key ", QuotedKey(member.key)));
      }
      scanner.SkipBlanks();
      if (scanner.peek() != ':') return expected("':' after a key");
      scanner.Advance();
      scanner.SkipBlanks();
      if (scanner.peek() == '{' || scanner.peek() == '[') {
        return problem(scanner.at(), StrCat("nested value for key ", QuotedKey(member.key)));
      }
      if (!scanner.Scalar(&member)) return failed();
      scanner.SkipBlanks();
      const char next = scanner.peek();
      if (next != ',' && next != '}') return expected("',' or '}'");
      members.push_back(member);
      scanner.Advance();
      if (next == '}') break;
      scanner.SkipBlanks();
    }
  }
  scanner.SkipBlanks();
  if (!scanner.AtEnd()) problem(scanner.at(), "not valid JSON: text after the object");
}

bool JsonLinesReader::IsDuplicateKey(const std::vector<JsonMember>& members, std::string_view key) {
  const auto slot_for = [this, &members](std::string_view k) -> KeySlot& {
    const size_t mask = key_slots_.size() - 1;
    for (size_t i = KeyHash(k) & mask;; i = (i + 1) & mask) {
      KeySlot& slot = key_slots_[i];
      if (slot.stamp != records_ || members[slot.member].key == k) return slot;
    }
  };
  if (key_slots_.size() < 2 * (members.size() + 1)) {
    key_slots_.assign(std::max<size_t>(64, 2 * key_slots_.size()), KeySlot{});
    for (size_t i = 0; i < members.size(); ++i) slot_for(members[i].key) = KeySlot{records_, i};
  }
  KeySlot& slot = slot_for(key);
  if (slot.stamp == records_) return true;
  slot = KeySlot{records_, members.size()};
  return false;
}

bool JsonLinesReader::SkipLongLine() {
  for (;;) {
    const char* const data = input_.data() + input_.pos();
    const auto* feed = static_cast<const char*>(std::memchr(data, '\n', input_.filled() - input_.pos()));
    if (feed != nullptr) {
      input_.set_pos(static_cast<size_t>(feed + 1 - input_.data()));
      return true;
    }
    input_.set_pos(input_.filled());
    if (input_.eof()) return true;
    if (!Refill()) return false;
  }
}

}  // namespace aturan
