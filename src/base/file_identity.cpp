#include "base/file_identity.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace aturan::internal {

std::optional<FileIdentity> IdentityOf(const std::string& path, int dash_fd) {
  struct stat info {};
  if ((path == "-" ? ::fstat(dash_fd, &info) : ::stat(path.c_str(), &info)) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino, S_ISREG(info.st_mode)};
}

bool OverwritesInput(const std::string& output, const std::string& input) {
  if (output.empty() || input.empty()) return false;
  const std::optional<FileIdentity> written = IdentityOf(output, STDOUT_FILENO);
  if (!written || !written->regular) return false;
  const std::optional<FileIdentity> read = IdentityOf(input, STDIN_FILENO);
  return read && *read == *written;
}

}  // namespace aturan::internal
