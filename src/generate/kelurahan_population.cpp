#include "generate/kelurahan_population.hpp"

#include <array>
#include <utility>

namespace aturan {
namespace {

// Invented figures (see the header); they sum to 318,221.
constexpr std::array<std::pair<std::string_view, int>, 27> kPopulation = {{
    // 33.75.01 Pekalongan Barat
    {"33.75.01.1002", 13500}, {"33.75.01.1003", 11800}, {"33.75.01.1004", 9600},
    {"33.75.01.1006", 14200}, {"33.75.01.1008", 12900}, {"33.75.01.1009", 16300},
    {"33.75.01.1012", 10400},
    // 33.75.02 Pekalongan Timur
    {"33.75.02.1002", 12100}, {"33.75.02.1004", 6200}, {"33.75.02.1007", 8900},
    {"33.75.02.1008", 10300}, {"33.75.02.1009", 9700}, {"33.75.02.1010", 8400},
    {"33.75.02.1012", 11600},
    // 33.75.03 Pekalongan Utara
    {"33.75.03.1002", 13200}, {"33.75.03.1003", 15800}, {"33.75.03.1004", 17400},
    {"33.75.03.1006", 14600}, {"33.75.03.1007", 9900}, {"33.75.03.1009", 7300},
    {"33.75.03.1010", 12100},
    // 33.75.04 Pekalongan Selatan
    {"33.75.04.1002", 13100}, {"33.75.04.1003", 11200}, {"33.75.04.1004", 12800},
    {"33.75.04.1006", 9500}, {"33.75.04.1008", 10900}, {"33.75.04.1010", 14521},
}};

}  // namespace

std::optional<int> SyntheticKelurahanPopulation(std::string_view code) {
  for (const auto& [known, population] : kPopulation) {
    if (known == code) return population;
  }
  return std::nullopt;
}

}  // namespace aturan
