// base/file_identity.hpp — whether two paths name one file, so that an output is never
// opened (and emptied) over a file still to be read, and standard output is recognised by
// any of its names.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace aturan::internal {

// What makes a file itself, whatever path names it (links, /dev/stdout, /proc/self/fd/N).
struct FileIdentity {
  dev_t device = 0;
  ino_t inode = 0;
  bool regular = false;  // a regular file, not a device, pipe or terminal
  bool operator==(const FileIdentity& other) const { return device == other.device && inode == other.inode; }
};

// The identity of the file at `path` ("-": of the file descriptor `dash_fd`), or nullopt when
// there is none.
std::optional<FileIdentity> IdentityOf(const std::string& path, int dash_fd);

// True when `output` names an existing regular file that `input` ("-": standard input) names
// too: opening `output` for writing would empty `input`.
bool OverwritesInput(const std::string& output, const std::string& input);

}  // namespace aturan::internal
