// cli/progress_bar.hpp — a one-line progress report on stderr for long runs, drawn only when
// stderr is a terminal and at most a few times a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace aturan::cli {

class ProgressBar {
 public:
  // `total_bytes` is the input size when known (0 when not, e.g. a pipe).
  explicit ProgressBar(uint64_t total_bytes);
  // Clears the line if one was drawn.
  ~ProgressBar();

  // Notes progress; redraws when enough time has passed.
  void Update(uint64_t rows, uint64_t bytes);
  // Replaces the line with `text` at once: what a long run is doing when it has no bytes to
  // count (e.g. allocating after the list is read).
  void Show(std::string_view text);

 private:
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace aturan::cli
