#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace aturan::cli {

namespace {
constexpr auto kRedrawEvery = std::chrono::milliseconds(250);
constexpr int kBarWidth = 30;
}  // namespace

ProgressBar::ProgressBar(uint64_t total_bytes)
    : enabled_(isatty(STDERR_FILENO) != 0),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::Update(uint64_t rows, uint64_t bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  if (total_bytes_ == 0) {
    std::fprintf(stderr, "\r\033[K%llu rows, %.0f rows/s", static_cast<unsigned long long>(rows), rate);
  } else {
    const double done = std::min(1.0, static_cast<double>(bytes) / static_cast<double>(total_bytes_));
    const int filled = static_cast<int>(done * kBarWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kBarWidth - filled), '.');
    std::fprintf(stderr, "\r\033[K[%s] %3.0f%%  %llu rows, %.0f rows/s", bar.c_str(), done * 100,
                 static_cast<unsigned long long>(rows), rate);
  }
  std::fflush(stderr);
}

void ProgressBar::Show(std::string_view text) {
  if (!enabled_) return;
  drawn_ = true;
  std::fprintf(stderr, "\r\033[K%.*s", static_cast<int>(text.size()), text.data());
  std::fflush(stderr);
}

}  // namespace aturan::cli
