#include "pekalongan_worker.hpp"

#include <random>

#include "absl/strings/str_format.h"

namespace aturan::bench {

std::vector<Worker> GenerateWorkers(int count, uint32_t seed) {
  static const char* kJobs[] = {"tukang becak", "buruh batik", "marbot masjid", "Tukang Parkir",
                                "ojek", "kuli bangunan", "petani", "karyawan swasta", "pedagang",
                                "pemulung", "ibu rumah tangga", "pengayuh_becak", "serabutan",
                                "tukang pijat tunanetra", "nelayan"};
  static const char* kKelurahan[] = {"33.75.01.1002", "Kauman", "33.75.03.1009", "Sokoduwet",
                                     "33.75.04.1003", "Bligo", "3375021010", "Medono"};
  static const char* kStatus[] = {"", "", "belum terdaftar", "mandiri", "dibayar perusahaan"};
  std::mt19937 rng(seed);
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  std::vector<Worker> workers;
  workers.reserve(count);
  for (int i = 0; i < count; ++i) {
    Worker w;
    bool female = chance(45);
    int year = 1949 + static_cast<int>(rng() % 62);
    int month = 1 + static_cast<int>(rng() % 12);
    int day = 1 + static_cast<int>(rng() % 28);
    w.tanggal_lahir = absl::CivilDay(year, month, day);
    w.nik = absl::StrFormat("337501%02d%02d%02d%04d", day + (female ? 40 : 0), month, year % 100,
                            1 + static_cast<int>(rng() % 9999));
    if (chance(2)) w.nik[3] = 'x';  // a few malformed NIKs
    w.nama = absl::StrFormat("Calon %d", i);
    w.jenis_kelamin = female ? "P" : "L";
    w.kode_kelurahan = kKelurahan[rng() % 8];
    w.pekerjaan = kJobs[rng() % 15];
    w.penghasilan_bulanan = 500'000 + static_cast<int64_t>(rng() % 2'500'000);
    w.penerima_upah = chance(10);
    w.tulang_punggung = chance(60);
    w.miskin_ekstrem = chance(15);
    if (!chance(20)) w.disabilitas = chance(8);
    w.penerima_pkh = chance(12);
    w.penerima_bpnt = chance(10);
    w.status_bpjstk = kStatus[rng() % 5];
    workers.push_back(std::move(w));
  }
  return workers;
}

absl::StatusOr<Binding<Worker>> BindWorker(const RuleSet& rules) {
  return Binding<Worker>::Builder(rules)
      .Field("nik", &Worker::nik)
      .Field("nama", &Worker::nama)
      .Field("jenis_kelamin", &Worker::jenis_kelamin)
      .Field("tanggal_lahir", &Worker::tanggal_lahir)
      .Field("kode_kelurahan", &Worker::kode_kelurahan)
      .Field("pekerjaan", &Worker::pekerjaan)
      .Field("penghasilan_bulanan", &Worker::penghasilan_bulanan)
      .Field("penerima_upah", &Worker::penerima_upah)
      .Field("tulang_punggung", &Worker::tulang_punggung)
      .Field("miskin_ekstrem", &Worker::miskin_ekstrem)
      .Field("disabilitas", &Worker::disabilitas)
      .Field("penerima_pkh", &Worker::penerima_pkh)
      .Field("penerima_bpnt", &Worker::penerima_bpnt)
      .Field("status_bpjstk", &Worker::status_bpjstk)
      .Build();
}

}  // namespace aturan::bench
