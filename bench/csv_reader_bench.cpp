// Google Benchmark: CsvReader throughput (bytes/s) on a ~50 MB candidate list of 16 columns,
// read from memory and from a file.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

constexpr size_t kTargetBytes = size_t{50} << 20;

// A realistic list: NIK, names with apostrophes, places, dates, codes, money, and an address
// that is quoted because it holds commas (and sometimes a quote).
std::string MakeCsv() {
  static constexpr const char* kGiven[] = {"Budi", "Siti", "Ma'ruf", "Nur'aini", "Agus", "Dewi",
                                           "Muhammad", "Sri", "Rahmat", "Wahyuni"};
  static constexpr const char* kFamily[] = {"Santoso", "Rahayu", "Amin", "Hidayat", "Setiawan",
                                            "Kusuma", "Al-Qur'ani", "Prasetyo"};
  static constexpr const char* kPlaces[] = {"Pekalongan", "Batang", "Semarang", "Pemalang", "Tegal"};
  static constexpr const char* kJobs[] = {"pengayuh_becak", "buruh_batik", "nelayan", "pedagang_kecil",
                                          "ojek", "tidak_bekerja"};
  std::mt19937 random(42);
  auto pick = [&random](const auto& items) { return items[random() % std::size(items)]; };
  std::string csv =
      "nik,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,rt,rw,kelurahan,kecamatan,"
      "kode_wilayah,pekerjaan,penghasilan,status_kawin,jumlah_tanggungan,tulang_punggung\r\n";
  while (csv.size() < kTargetBytes) {
    const int day = 1 + static_cast<int>(random() % 28);
    const int month = 1 + static_cast<int>(random() % 12);
    const int year = 1950 + static_cast<int>(random() % 55);
    const bool female = random() % 2 == 0;
    absl::StrAppendFormat(&csv, "3375%02d%02d%02d%02d%04d,", 1 + random() % 4, female ? day + 40 : day,
                          month, year % 100, 1 + random() % 9999);
    absl::StrAppend(&csv, pick(kGiven), " ", pick(kFamily), ",", pick(kPlaces), ",");
    absl::StrAppendFormat(&csv, "%04d-%02d-%02d,%s,", year, month, day, female ? "P" : "L");
    if (random() % 8 == 0) {
      absl::StrAppendFormat(&csv, "\"Jl. \"\"Gang %d\"\", No. %d\",", random() % 40, random() % 200);
    } else {
      absl::StrAppendFormat(&csv, "\"Jl. Merdeka No. %d, Kel. Podosugih\",", random() % 200);
    }
    absl::StrAppendFormat(&csv, "%03d,%03d,Podosugih,Pekalongan Barat,33.75.0%d,%s,%d,%s,%d,%s\r\n",
                          random() % 20, random() % 10, 1 + random() % 4, pick(kJobs),
                          500'000 + random() % 4'000'000, random() % 3 == 0 ? "kawin" : "belum_kawin",
                          random() % 6, random() % 2 == 0 ? "ya" : "tidak");
  }
  return csv;
}

const std::string& Csv() {
  static const std::string* const csv = new std::string(MakeCsv());
  return *csv;
}

// Reads every record, touching every field so that nothing is optimised away.
void ReadAll(benchmark::State& state, CsvReader& reader) {
  CsvRecord record;
  size_t bytes = 0;
  while (reader.Next(&record)) {
    for (std::string_view field : record.fields()) bytes += field.size();
  }
  if (!reader.status().ok()) state.SkipWithError(reader.status().ToString().c_str());
  benchmark::DoNotOptimize(bytes);
}

void BM_CsvReaderFromString(benchmark::State& state) {
  const std::string& csv = Csv();
  for (auto _ : state) {
    CsvReader reader = CsvReader::FromString(csv);
    ReadAll(state, reader);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_CsvReaderFromString)->Unit(benchmark::kMillisecond);

void BM_CsvReaderFile(benchmark::State& state) {
  const std::string& csv = Csv();
  const std::string path =
      (std::filesystem::temp_directory_path() / absl::StrCat("csv_reader_bench_", getpid(), ".csv"))
          .string();
  {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr || std::fwrite(csv.data(), 1, csv.size(), file) != csv.size()) {
      state.SkipWithError("cannot write the temporary file");
      if (file != nullptr) std::fclose(file);
      return;
    }
    std::fclose(file);
  }
  for (auto _ : state) {
    absl::StatusOr<CsvReader> reader = CsvReader::Open(path);
    if (!reader.ok()) {
      state.SkipWithError(reader.status().ToString().c_str());
      break;
    }
    ReadAll(state, *reader);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_CsvReaderFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace aturan

BENCHMARK_MAIN();
