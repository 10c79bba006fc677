// base/read_file.hpp — a whole file as text.
#pragma once

#include <optional>
#include <string>

namespace aturan {

// The bytes of the file at `path`, or nullopt when it cannot be opened or read.
std::optional<std::string> ReadFile(const std::string& path);

}  // namespace aturan
