#include "base/direct_output.hpp"

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace aturan::internal {

namespace {

// Direct writes need their buffer aligned to the disk's block size; a page covers them all.
constexpr size_t kAlignment = 4096;

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

// The stream's state. Bytes are gathered in one of two blocks; a full block is handed to a
// writing thread, so that the disk writes one block while the next is filled.
class DirectFile {
 public:
  // Takes `fd` and `blocks` (two blocks, aligned), which Close releases.
  DirectFile(int fd, bool direct, char* blocks) : fd_(fd), direct_(direct), blocks_(blocks) {}

  // Takes all of `data`, or none once a write has failed (then errno is that write's).
  bool Write(const char* data, size_t size) {
    for (size_t done = 0; done < size && error_ == 0;) {
      const size_t n = std::min(size - done, kDirectOutputBlock - used_);
      std::memcpy(Filling() + used_, data + done, n);
      used_ += n;
      done += n;
      if (used_ == kDirectOutputBlock) HandOver();
    }
    if (error_ == 0) return true;
    errno = error_;
    return false;
  }

  // Writes what is left and closes the file. False, with errno set, when a write failed.
  bool Close() {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return pending_ == nullptr; });
      closing_ = true;
      changed_.notify_all();
    }
    if (writer_.joinable()) writer_.join();
    int error = error_;
    // The last block is partial, and a direct write must fill whole disk blocks.
    if (error == 0 && used_ > 0 && !(StopDirect() && WriteBlock(Filling(), used_))) error = errno != 0 ? errno : EIO;
    if (::close(fd_) != 0 && error == 0) error = errno;
    std::free(blocks_);
    if (error == 0) return true;
    errno = error;
    return false;
  }

 private:
  char* Filling() const { return blocks_ + filling_ * kDirectOutputBlock; }

  // Gives the full block to the writing thread (started with the first one) once it has
  // written the previous one, and fills the other block from then on.
  void HandOver() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return pending_ == nullptr; });
    if (error_ != 0) return;
    pending_ = Filling();
    if (!writer_.joinable()) writer_ = std::thread([this] { WriteHandedOver(); });
    changed_.notify_all();
    filling_ ^= 1;
    used_ = 0;
  }

  // The writing thread: writes each block handed over until the stream closes.
  void WriteHandedOver() {
    for (;;) {
      const char* block = nullptr;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return pending_ != nullptr || closing_; });
        if (pending_ == nullptr) return;
        block = pending_;
      }
      const bool written = WriteBlock(block, kDirectOutputBlock);
      std::lock_guard lock(mutex_);
      if (!written) error_ = errno != 0 ? errno : EIO;
      pending_ = nullptr;
      changed_.notify_all();
    }
  }

  // Turns O_DIRECT off: the rest goes through the page cache.
  bool StopDirect() {
    if (!direct_) return true;
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags < 0 || ::fcntl(fd_, F_SETFL, flags & ~O_DIRECT) != 0) return false;
    direct_ = false;
    return true;
  }

  // Writes `size` bytes of `block`. A file system that takes O_DIRECT at open but not at
  // write gets this block and the rest through the page cache.
  bool WriteBlock(const char* block, size_t size) {
    if (!direct_) return WriteAll(fd_, block, size);
    const ssize_t n = ::write(fd_, block, size);
    if (n == static_cast<ssize_t>(size)) return true;
    if (n < 0 && errno != EINVAL && errno != EINTR) return false;
    // Refused, interrupted or short: finish through the page cache, where no alignment is needed.
    const size_t done = n > 0 ? static_cast<size_t>(n) : 0;
    return StopDirect() && WriteAll(fd_, block + done, size - done);
  }

  const int fd_;
  bool direct_;  // O_DIRECT is on; changed by the writing thread, or after it has stopped
  char* const blocks_;
  size_t filling_ = 0;  // the block being filled: 0 or 1
  size_t used_ = 0;     // bytes in it
  std::mutex mutex_;
  std::condition_variable changed_;
  const char* pending_ = nullptr;  // the block handed over, until it is written
  bool closing_ = false;
  // errno of the first failed write; nothing is written after it. Set by the writing thread,
  // read without the lock by the filling one.
  std::atomic<int> error_ = 0;
  std::thread writer_;
};

// glibc mishandles -1 from an unbuffered cookie stream's write: a short count (0) instead
// sets the stream's error.
ssize_t CookieWrite(void* cookie, const char* data, size_t size) {
  return static_cast<DirectFile*>(cookie)->Write(data, size) ? static_cast<ssize_t>(size) : 0;
}

int CookieClose(void* cookie) {
  auto* file = static_cast<DirectFile*>(cookie);
  const bool closed = file->Close();
  const int error = errno;
  delete file;
  if (closed) return 0;
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
  auto* blocks = static_cast<char*>(std::aligned_alloc(kAlignment, 2 * kDirectOutputBlock));
  if (blocks == nullptr) {
    ::close(fd);
    errno = ENOMEM;
    return nullptr;
  }
  auto* file = new DirectFile(fd, direct, blocks);
  std::FILE* stream = ::fopencookie(file, "w", cookie_io_functions_t{nullptr, CookieWrite, nullptr, CookieClose});
  if (stream == nullptr) {
    const int error = errno != 0 ? errno : ENOMEM;
    file->Close();
    delete file;
    errno = error;
    return nullptr;
  }
  // Unbuffered: each fwrite reaches the block at once, with no copy through stdio's buffer.
  std::setvbuf(stream, nullptr, _IONBF, 0);
  return stream;
}

}  // namespace aturan::internal
