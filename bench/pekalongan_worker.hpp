// pekalongan_worker.hpp — a host's own candidate struct for rules/pekalongan-2023-revisi.yaml,
// and a deterministic generator of realistic candidates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "aturan/binding.hpp"

namespace aturan::bench {

struct Worker {
  std::string nik;
  std::string nama;
  std::string jenis_kelamin;
  absl::CivilDay tanggal_lahir;
  std::string kode_kelurahan;
  std::string pekerjaan;
  int64_t penghasilan_bulanan = 0;
  bool penerima_upah = false;
  bool tulang_punggung = false;
  bool miskin_ekstrem = false;
  std::optional<bool> disabilitas;
  bool penerima_pkh = false;
  bool penerima_bpnt = false;
  std::string status_bpjstk;
};

// `count` candidates from a fixed seed: occupations in and out of the list (often written as
// aliases), kelurahan in and outside the city, ages 14-75, flags at plausible rates.
std::vector<Worker> GenerateWorkers(int count, uint32_t seed);

// The Binding of Worker to the 2023 rule file's schema.
absl::StatusOr<Binding<Worker>> BindWorker(const RuleSet& rules);

}  // namespace aturan::bench
