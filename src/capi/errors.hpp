// capi/errors.hpp — how C API entry points report failure: an aturan_status, and the message
// in the caller's `char** error` as a malloc'd string. No exception leaves an entry point:
// Guarded turns any into ATURAN_ERROR_OUT_OF_MEMORY or ATURAN_ERROR_INTERNAL.
#pragma once

#include <exception>
#include <new>
#include <string_view>

#include "aturan/aturan.h"

namespace aturan::capi {

// A malloc'd, NUL-terminated copy of `text`, or null when memory ran out. Never throws.
char* CopyString(std::string_view text) noexcept;

// Stores a copy of `message` in *error (when `error` is not null) and returns `status`.
aturan_status Fail(aturan_status status, std::string_view message, char** error) noexcept;

// ATURAN_ERROR_NULL_ARGUMENT naming the argument `name` that was null.
aturan_status NullArgument(std::string_view name, char** error) noexcept;

// Clears *error, runs `body` (which returns an aturan_status, reporting failures with Fail),
// and turns any exception it throws into an error code and message.
template <typename Body>
aturan_status Guarded(char** error, Body&& body) noexcept {
  if (error != nullptr) *error = nullptr;
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(ATURAN_ERROR_OUT_OF_MEMORY, "out of memory", error);
  } catch (const std::exception& e) {
    return Fail(ATURAN_ERROR_INTERNAL, e.what(), error);
  } catch (...) {
    return Fail(ATURAN_ERROR_INTERNAL, "an unknown exception", error);
  }
}

}  // namespace aturan::capi
