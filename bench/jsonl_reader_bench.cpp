// Google Benchmark: JsonLinesReader throughput (bytes/s) on a ~50 MB candidate list of 16
// members per line, read from memory.
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "ingest/jsonl_reader.hpp"

namespace aturan {
namespace {

constexpr size_t kTargetBytes = size_t{50} << 20;

// A realistic list, one compact object per line as exporters write them: NIK, names with
// apostrophes (and now and then an escaped quote or a non-ASCII letter), places, dates,
// codes, money as a number, a boolean and a null.
std::string MakeJsonLines() {
  static constexpr const char* kGiven[] = {"Budi", "Siti",     "Ma'ruf", "Nur'aini", "Agus",
                                           "Dewi", "Muhammad", "Sri",    "Rahmat",   "Dédé"};
  static constexpr const char* kFamily[] = {"Santoso",  "Rahayu", "Amin",       "Hidayat",
                                            "Setiawan", "Kusuma", "Al-Qur'ani", "Prasetyo"};
  static constexpr const char* kPlaces[] = {"Pekalongan", "Batang", "Semarang", "Pemalang", "Tegal"};
  static constexpr const char* kJobs[] = {"pengayuh_becak", "buruh_batik", "nelayan",
                                          "pedagang_kecil", "ojek",        "tidak_bekerja"};
  std::mt19937 random(42);
  auto pick = [&random](const auto& items) { return items[random() % std::size(items)]; };
  std::string jsonl;
  while (jsonl.size() < kTargetBytes) {
    const int day = 1 + static_cast<int>(random() % 28);
    const int month = 1 + static_cast<int>(random() % 12);
    const int year = 1950 + static_cast<int>(random() % 55);
    const bool female = random() % 2 == 0;
    absl::StrAppendFormat(&jsonl, "{\"nik\":\"3375%02d%02d%02d%02d%04d\",", 1 + random() % 4,
                          female ? day + 40 : day, month, year % 100, 1 + random() % 9999);
    absl::StrAppend(&jsonl, "\"nama\":\"", pick(kGiven), " ", pick(kFamily), "\",\"tempat_lahir\":\"",
                    pick(kPlaces), "\",");
    absl::StrAppendFormat(&jsonl, "\"tanggal_lahir\":\"%04d-%02d-%02d\",\"jenis_kelamin\":\"%s\",", year,
                          month, day, female ? "P" : "L");
    if (random() % 8 == 0) {
      absl::StrAppendFormat(&jsonl, "\"alamat\":\"Jl. \\\"Gang %d\\\", No. %d\",", random() % 40,
                            random() % 200);
    } else {
      absl::StrAppendFormat(&jsonl, "\"alamat\":\"Jl. Merdeka No. %d, Kel. Podosugih\",", random() % 200);
    }
    absl::StrAppendFormat(&jsonl,
                          "\"rt\":\"%03d\",\"rw\":\"%03d\",\"kelurahan\":\"Podosugih\",\"kecamatan\":"
                          "\"Pekalongan Barat\",\"kode_wilayah\":\"33.75.0%d\",\"pekerjaan\":\"%s\","
                          "\"penghasilan\":%d,\"status_kawin\":%s,\"jumlah_tanggungan\":%d,"
                          "\"tulang_punggung\":%s}\n",
                          random() % 20, random() % 10, 1 + random() % 4, pick(kJobs),
                          500'000 + random() % 4'000'000, random() % 3 == 0 ? "\"kawin\"" : "null",
                          random() % 6, random() % 2 == 0 ? "true" : "false");
  }
  return jsonl;
}

const std::string& JsonLines() {
  static const std::string* const jsonl = new std::string(MakeJsonLines());
  return *jsonl;
}

void BM_JsonLinesReaderFromString(benchmark::State& state) {
  const std::string& jsonl = JsonLines();
  for (auto _ : state) {
    JsonLinesReader reader = JsonLinesReader::FromString(jsonl);
    JsonLine line;
    size_t bytes = 0;
    size_t problems = 0;
    while (reader.Next(&line)) {
      problems += !line.problem().empty();
      for (const JsonMember& member : line.members()) bytes += member.key.size() + member.text.size();
    }
    if (!reader.status().ok() || problems != 0)
      state.SkipWithError("the generated list did not read cleanly");
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * jsonl.size()));
}
BENCHMARK(BM_JsonLinesReaderFromString)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace aturan

BENCHMARK_MAIN();
