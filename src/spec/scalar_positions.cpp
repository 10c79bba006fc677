#include "spec/scalar_positions.hpp"

#include <optional>
#include <string>

namespace aturan::spec {
namespace {

constexpr size_t kUnmapped = static_cast<size_t>(-1);

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// A run of raw file bytes [offset, end) that stands for `bytes` of the scalar's value
// (one byte for itself, '' for ', an escape sequence for what it means, or nothing for
// an escaped line break).
struct Unit {
  std::string bytes;
  size_t offset = 0;
  size_t end = 0;

  bool blank() const {
    for (char c : bytes) {
      if (!IsSpace(c)) return false;
    }
    return true;
  }
};

// Reads the raw text of one scalar token unit by unit, undoing quoting and escapes. It
// does not decide where a plain or block scalar ends: the caller stops when the value is
// used up.
class RawScalarReader {
 public:
  RawScalarReader(std::string_view raw, size_t token_offset) : raw_(raw), pos_(token_offset) {
    if (pos_ >= raw_.size()) return;
    switch (raw_[pos_]) {
      case '\'':
        quote_ = '\'';
        ++pos_;
        break;
      case '"':
        quote_ = '"';
        ++pos_;
        break;
      case '|':
      case '>': {
        // The content starts on the line after the header (indicators and a comment).
        const size_t newline = raw_.find('\n', pos_);
        pos_ = newline == std::string_view::npos ? raw_.size() : newline + 1;
        break;
      }
      default: break;
    }
  }

  std::optional<Unit> Next() {
    if (done_ || pos_ >= raw_.size()) return std::nullopt;
    const size_t start = pos_;
    const char c = raw_[pos_];
    if (quote_ == '\'' && c == '\'') {
      if (pos_ + 1 < raw_.size() && raw_[pos_ + 1] == '\'') {
        pos_ += 2;
        return Unit{"'", start, pos_};
      }
      done_ = true;
      return std::nullopt;
    }
    if (quote_ == '"' && c == '"') {
      done_ = true;
      return std::nullopt;
    }
    if (quote_ == '"' && c == '\\') return Escape();
    ++pos_;
    return Unit{std::string(1, c), start, pos_};
  }

 private:
  // A backslash escape of a double-quoted scalar (pos_ is at the backslash).
  Unit Escape() {
    const size_t start = pos_++;
    if (pos_ >= raw_.size()) return Unit{"", start, pos_};
    const char e = raw_[pos_++];
    std::string bytes;
    switch (e) {
      case '0': bytes.push_back('\0'); break;
      case 'a': bytes = "\a"; break;
      case 'b': bytes = "\b"; break;
      case 't':
      case '\t': bytes = "\t"; break;
      case 'n': bytes = "\n"; break;
      case 'v': bytes = "\v"; break;
      case 'f': bytes = "\f"; break;
      case 'r': bytes = "\r"; break;
      case 'e': bytes = "\x1b"; break;
      case 'N': AppendUtf8(0x85, &bytes); break;
      case '_': AppendUtf8(0xA0, &bytes); break;
      case 'L': AppendUtf8(0x2028, &bytes); break;
      case 'P': AppendUtf8(0x2029, &bytes); break;
      case 'x': AppendUtf8(Hex(2), &bytes); break;
      case 'u': AppendUtf8(Hex(4), &bytes); break;
      case 'U': AppendUtf8(Hex(8), &bytes); break;
      case '\r':  // an escaped line break stands for nothing
        if (pos_ < raw_.size() && raw_[pos_] == '\n') ++pos_;
        break;
      case '\n': break;
      default: bytes.push_back(e); break;  // \" \\ \/ and "\ " stand for themselves
    }
    return Unit{std::move(bytes), start, pos_};
  }

  // Reads up to `digits` hex digits as a code point.
  uint32_t Hex(int digits) {
    uint32_t value = 0;
    for (int i = 0; i < digits && pos_ < raw_.size() && HexDigit(raw_[pos_]) >= 0; ++i) {
      value = value * 16 + static_cast<uint32_t>(HexDigit(raw_[pos_++]));
    }
    return value;
  }

  std::string_view raw_;
  size_t pos_;
  char quote_ = 0;
  bool done_ = false;
};

}  // namespace

// Aligns the visible characters of `value` with the units of the raw token in order;
// raw whitespace (indentation, folded line breaks) is skipped. If the alignment ever
// fails (it should not), the rest of the value takes the last position found.
std::vector<SourceRef> ScalarPositions(const SourceMap& source, size_t token_offset,
                                       std::string_view value) {
  RawScalarReader reader(source.text(), token_offset);
  // For each byte: its raw offset, or kUnmapped and then `after[i]`, the raw offset just
  // after the previous visible character (kUnmapped before the first).
  std::vector<size_t> offsets(value.size(), kUnmapped);
  std::vector<size_t> after(value.size(), kUnmapped);
  size_t last_end = kUnmapped;
  std::optional<Unit> unit = reader.Next();
  size_t i = 0;
  while (i < value.size()) {
    if (IsSpace(value[i])) {
      if (unit && unit->bytes.size() == 1 && unit->bytes[0] == value[i]) {
        offsets[i] = unit->offset;
        unit = reader.Next();
      }
      after[i++] = last_end;
      continue;
    }
    while (unit && unit->blank()) unit = reader.Next();
    if (!unit || value.compare(i, unit->bytes.size(), unit->bytes) != 0) break;
    for (size_t k = 0; k < unit->bytes.size(); ++k) offsets[i + k] = unit->offset;
    i += unit->bytes.size();
    last_end = unit->end;
    unit = reader.Next();
  }
  for (; i < value.size(); ++i) after[i] = last_end;

  std::vector<SourceRef> positions(value.size() + 1);
  const size_t end = last_end == kUnmapped ? token_offset : last_end;
  positions[value.size()] = source.At(end);
  // Backwards, so that leading unmapped bytes can take the next mapped position.
  SourceRef next = positions[value.size()];
  for (size_t k = value.size(); k-- > 0;) {
    if (offsets[k] != kUnmapped) {
      positions[k] = source.At(offsets[k]);
      if (!IsSpace(value[k])) next = positions[k];
    } else {
      positions[k] = after[k] == kUnmapped ? next : source.At(after[k]);
    }
  }
  return positions;
}

}  // namespace aturan::spec
