// generate/names.hpp — Indonesian personal names as candidate lists hold them: Javanese and
// Muslim names (Slamet, Siti Khotijah, Muh. Ma'ruf, Kasmin bin Tarmuji), Chinese-Indonesian
// (Hendra Wijaya, Tan Swie Hoa) and Christian ones (Yohanes Setiawan, André Prasetyo), some
// with H./Hj., some in KTP capitals, some with a typographic apostrophe (Nur’aini).
#pragma once

#include <string>

#include "generate/rng.hpp"

namespace aturan {

// Replaces *name with a name for a woman or a man drawn from `rng`, in UTF-8. Most names
// have no comma, quote or line break; about 2% carry an academic title after a comma
// ("Siti Aminah, S.Pd."), 1 in 2,000 a nickname in double quotes and 1 in 2,000 a line
// break between two parts (a spreadsheet's Alt+Enter), so CSV quoting gets exercised.
void MakeName(Rng* rng, bool female, std::string* name);

// Upper-cases ASCII letters and the Latin-1 letters à..þ (UTF-8 "\xC3\xA0".."\xC3\xBE") in
// place; other bytes are left alone.
void UpperCaseLatin(std::string* text);

}  // namespace aturan
