#include "base/direct_output.hpp"

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>

namespace aturan::internal {

namespace {

// Direct writes need their buffer aligned to the disk's block size; a page covers them all.
constexpr size_t kAlignment = 4096;

// The stream's state: the file and the block being filled.
struct DirectFile {
  int fd = -1;
  bool direct = false;  // O_DIRECT is on
  char* block = nullptr;
  size_t used = 0;
  int error = 0;  // errno of the first failed write; nothing is written after it
};

// Writes all of `data`, retrying short writes.
bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// Turns O_DIRECT off: the rest goes through the page cache.
bool StopDirect(DirectFile* file) {
  if (!file->direct) return true;
  const int flags = ::fcntl(file->fd, F_GETFL);
  if (flags < 0 || ::fcntl(file->fd, F_SETFL, flags & ~O_DIRECT) != 0) return false;
  file->direct = false;
  return true;
}

// Writes the filled block. A file system that takes O_DIRECT at open but not at write gets
// this block and the rest through the page cache.
bool WriteBlock(DirectFile* file) {
  if (file->direct) {
    const ssize_t n = ::write(file->fd, file->block, file->used);
    if (n == static_cast<ssize_t>(file->used)) {
      file->used = 0;
      return true;
    }
    if (n < 0 && errno != EINVAL && errno != EINTR) return false;
    // Refused, interrupted or short: finish the block through the page cache, where no
    // alignment is needed.
    const size_t done = n > 0 ? static_cast<size_t>(n) : 0;
    if (!StopDirect(file) || !WriteAll(file->fd, file->block + done, file->used - done)) return false;
    file->used = 0;
    return true;
  }
  const bool ok = WriteAll(file->fd, file->block, file->used);
  file->used = 0;
  return ok;
}

// Returns how many bytes were taken: all of them, or none once a write has failed (glibc
// mishandles -1 from an unbuffered cookie stream; a short count sets the stream's error).
ssize_t CookieWrite(void* cookie, const char* data, size_t size) {
  auto* file = static_cast<DirectFile*>(cookie);
  size_t done = 0;
  while (done < size && file->error == 0) {
    const size_t n = std::min(size - done, kDirectOutputBlock - file->used);
    std::memcpy(file->block + file->used, data + done, n);
    file->used += n;
    done += n;
    if (file->used == kDirectOutputBlock && !WriteBlock(file)) file->error = errno != 0 ? errno : EIO;
  }
  if (file->error != 0) {
    errno = file->error;
    return 0;
  }
  return static_cast<ssize_t>(size);
}

int CookieClose(void* cookie) {
  auto* file = static_cast<DirectFile*>(cookie);
  // The last block is partial, and a direct write must fill whole disk blocks.
  int error = file->error;
  if (error == 0 && file->used > 0 && !(StopDirect(file) && WriteBlock(file))) error = errno != 0 ? errno : EIO;
  if (::close(file->fd) != 0 && error == 0) error = errno;
  std::free(file->block);
  delete file;
  if (error == 0) return 0;
  errno = error;
  return EOF;
}

}  // namespace

std::FILE* OpenDirectOutput(const std::string& path) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  bool direct = true;
  int fd = ::open(path.c_str(), kFlags | O_DIRECT, 0666);
  if (fd < 0 && errno == EINVAL) {  // the file system has no O_DIRECT
    direct = false;
    fd = ::open(path.c_str(), kFlags, 0666);
  }
  if (fd < 0) return nullptr;
  auto* file = new (std::nothrow) DirectFile{fd, direct, nullptr, 0};
  if (file != nullptr) file->block = static_cast<char*>(std::aligned_alloc(kAlignment, kDirectOutputBlock));
  std::FILE* stream = nullptr;
  if (file != nullptr && file->block != nullptr) {
    stream = ::fopencookie(file, "w", cookie_io_functions_t{nullptr, CookieWrite, nullptr, CookieClose});
  }
  if (stream == nullptr) {
    const int error = errno != 0 ? errno : ENOMEM;
    if (file != nullptr) std::free(file->block);
    delete file;
    ::close(fd);
    errno = error;
    return nullptr;
  }
  // Unbuffered: each fwrite reaches the block at once, with no copy through stdio's buffer.
  std::setvbuf(stream, nullptr, _IONBF, 0);
  return stream;
}

}  // namespace aturan::internal
