// The C API's functions about the library itself: version, status names, freeing strings.
#include <cstdlib>

#include "aturan/aturan.h"
#include "aturan/version.hpp"

extern "C" {

const char* aturan_version(void) { return aturan::Version(); }

const char* aturan_status_name(aturan_status status) {
  switch (status) {
    case ATURAN_OK: return "ok";
    case ATURAN_ERROR_NULL_ARGUMENT: return "null argument";
    case ATURAN_ERROR_RULES: return "rule file errors";
    case ATURAN_ERROR_NOT_FOUND: return "not found";
    case ATURAN_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case ATURAN_ERROR_WRONG_TYPE: return "wrong type";
    case ATURAN_ERROR_NOT_IN_LIST: return "not in list";
    case ATURAN_ERROR_LIST: return "unreadable list";
    case ATURAN_ERROR_OUTPUT: return "output not written";
    case ATURAN_ERROR_NO_QUOTA: return "no quota";
    case ATURAN_ERROR_OUT_OF_MEMORY: return "out of memory";
    case ATURAN_ERROR_INTERNAL: return "internal error";
    case ATURAN_ERROR_TOO_MANY_INVALID: return "too many invalid rows";
  }
  return "unknown status";
}

void aturan_string_free(char* text) { std::free(text); }

}  // extern "C"
