#include "ingest/input_buffer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

#include "base/strings.hpp"

namespace aturan {

absl::StatusOr<InputBuffer> InputBuffer::Open(const std::string& path, size_t read_bytes, size_t padding) {
  // Standard input is read through a duplicate of its descriptor, so that closing the
  // buffer's stream leaves the process's standard input open.
  std::unique_ptr<std::FILE, FileCloser> file;
  if (path == "-") {
    const int descriptor = dup(fileno(stdin));
    if (descriptor >= 0) {
      file.reset(fdopen(descriptor, "rb"));
      if (file == nullptr) close(descriptor);
    }
  } else {
    file.reset(std::fopen(path.c_str(), "rb"));
  }
  if (file == nullptr) return absl::ErrnoToStatus(errno, ToAbsl(StrCat("cannot open ", path)));
  // Reads are large: let them go straight into the buffer.
  std::setvbuf(file.get(), nullptr, _IONBF, 0);
  return InputBuffer(std::move(file), path, {}, read_bytes, padding);
}

InputBuffer InputBuffer::FromText(std::string_view text, std::string name, size_t read_bytes, size_t padding) {
  return InputBuffer(nullptr, std::move(name), text, read_bytes, padding);
}

InputBuffer::InputBuffer(std::unique_ptr<std::FILE, FileCloser> file, std::string name, std::string_view text,
                         size_t read_bytes, size_t padding)
    : file_(std::move(file)),
      name_(std::move(name)),
      text_(text),
      read_bytes_(std::max<size_t>(read_bytes, 1)),
      padding_(padding) {}

bool InputBuffer::SkipByteOrderMark() {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  while (filled_ < kByteOrderMark.size() && !eof_) {
    if (!Refill()) return false;
  }
  if (std::string_view(buffer_.get(), filled_).starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
  return true;
}

bool InputBuffer::Refill() {
  const size_t kept = filled_ - pos_;
  // std::copy rather than memmove/memcpy: the buffer and the text may be null when empty.
  std::copy(buffer_.get() + pos_, buffer_.get() + filled_, buffer_.get());
  pos_ = 0;
  filled_ = kept;
  // In-memory text never needs more than what is left of it.
  const size_t chunk = file_ == nullptr ? std::clamp<size_t>(text_.size(), 1, read_bytes_) : read_bytes_;
  if (capacity_ - filled_ < chunk) {
    const size_t capacity = std::max(capacity_ * 2, filled_ + chunk);
    // With padding the whole buffer is zeroed, so that the bytes a parser reads past the end
    // of what was read are never indeterminate.
    auto buffer = padding_ > 0 ? std::make_unique<char[]>(capacity + padding_)
                               : std::make_unique_for_overwrite<char[]>(capacity);
    std::copy(buffer_.get(), buffer_.get() + filled_, buffer.get());
    buffer_ = std::move(buffer);
    capacity_ = capacity;
  }
  if (file_ == nullptr) {
    const size_t size = std::min(chunk, text_.size());
    std::copy(text_.data(), text_.data() + size, buffer_.get() + filled_);
    text_.remove_prefix(size);
    filled_ += size;
    loaded_ += size;
    eof_ = text_.empty();
    return true;
  }
  const size_t read = std::fread(buffer_.get() + filled_, 1, chunk, file_.get());
  filled_ += read;
  loaded_ += read;
  if (std::ferror(file_.get())) {
    status_ = absl::ErrnoToStatus(errno, ToAbsl(StrCat("cannot read ", name_)));
    eof_ = true;
    return false;
  }
  eof_ = std::feof(file_.get()) != 0;
  return true;
}

}  // namespace aturan
