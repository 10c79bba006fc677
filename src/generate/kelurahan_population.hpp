// generate/kelurahan_population.hpp — how many people live in each of Kota Pekalongan's 27
// kelurahan, for drawing a realistic domicile. SYNTHETIC: DOMAIN.md found no per-kelurahan
// figures, so these are invented, roughly even sizes that add up to the city's 318,221
// (DOMAIN.md); only the codes and the total are real.
#pragma once

#include <optional>
#include <string_view>

namespace aturan {

// The synthetic population of the kelurahan with Kemendagri code `code` ("33.75.01.1002"),
// or nullopt for any other code.
std::optional<int> SyntheticKelurahanPopulation(std::string_view code);

}  // namespace aturan
