#include "dogcare/error.hpp"

namespace dogcare {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::unauthenticated:
      return "unauthenticated";
    case ErrorCode::rate_limited:
      return "rate_limited";
    case ErrorCode::unavailable:
      return "unavailable";
    case ErrorCode::internal:
      return "internal";
  }
  return "internal";
}

Error::Error(ErrorCode code, const std::string& message, std::string field,
             std::chrono::seconds retry_after)
    : std::runtime_error(message),
      code_(code),
      field_(std::move(field)),
      retry_after_(retry_after) {}

void throw_invalid(std::string field, const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message, std::move(field));
}

void throw_not_found(const std::string& what) {
  throw Error(ErrorCode::not_found, what + " not found");
}

void throw_conflict(const std::string& message, std::string field) {
  throw Error(ErrorCode::conflict, message, std::move(field));
}

}  // namespace dogcare
