#include "aturan/version.hpp"

namespace aturan {

const char* Version() { return ATURAN_VERSION_STRING; }

}  // namespace aturan
