// ingest/input_buffer.hpp — the bytes of a list being read, a window at a time: read from a
// file (or standard input) in large reads straight into one buffer, or copied from text in
// memory the same way, the bytes not yet consumed moved to the front before each read. The
// CSV and JSON Lines readers parse in place in it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace aturan {

class InputBuffer {
 public:
  // Opens `path` ("-" for standard input). Each read asks for `read_bytes` (at least 1);
  // `padding` zeroed bytes follow the buffer's usable bytes, for a parser that reads a few
  // bytes past what it was given. Fails with the system's error when `path` cannot be opened.
  static absl::StatusOr<InputBuffer> Open(const std::string& path, size_t read_bytes, size_t padding = 0);
  // Reads `text`, which must outlive the buffer, as it would a file; `name` names it in errors.
  static InputBuffer FromText(std::string_view text, std::string name, size_t read_bytes, size_t padding = 0);

  InputBuffer(InputBuffer&&) noexcept = default;
  InputBuffer& operator=(InputBuffer&&) noexcept = default;

  // Moves the bytes from pos() to filled() to the front and reads up to read_bytes more after
  // them (fewer at the end of the input, which eof() then tells). False after a read error,
  // which status() says.
  bool Refill();
  // Reads the first bytes and consumes a UTF-8 byte order mark if the input starts with one.
  // False after a read error, as Refill.
  bool SkipByteOrderMark();

  // The buffer: its bytes from pos() to filled() are the input not yet consumed.
  char* data() const { return buffer_.get(); }
  // The first byte not yet consumed.
  size_t pos() const { return pos_; }
  // Marks the bytes before `pos` (at most filled()) as consumed.
  void set_pos(size_t pos) { pos_ = pos; }
  // One past the last byte read.
  size_t filled() const { return filled_; }
  // True once the whole input has been read into the buffer (or reading failed).
  bool eof() const { return eof_; }
  // The input's name in messages: its path, or the name given with its text.
  const std::string& name() const { return name_; }
  // OK, or the read error that stopped reading.
  const absl::Status& status() const { return status_; }
  // Input bytes consumed so far.
  uint64_t bytes_consumed() const { return loaded_ - (filled_ - pos_); }

 private:
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };

  InputBuffer(std::unique_ptr<std::FILE, FileCloser> file, std::string name, std::string_view text,
              size_t read_bytes, size_t padding);

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::string name_;
  std::string_view text_;  // the rest of the in-memory input (when there is no file_)
  size_t read_bytes_ = 1;
  size_t padding_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;  // usable bytes of buffer_, which has padding_ more after them
  size_t pos_ = 0;
  size_t filled_ = 0;
  bool eof_ = false;
  uint64_t loaded_ = 0;  // bytes read from the input so far
  absl::Status status_;
};

}  // namespace aturan
