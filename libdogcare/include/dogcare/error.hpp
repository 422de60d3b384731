// The one error family of dogcare. Every failure the library reports is a
// dogcare::Error with a code an adapter maps (HTTP status, Python exception)
// and a message written for a person. Messages never carry driver
// diagnostics, connection strings or other secrets.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dogcare {

enum class ErrorCode {
  invalid_argument,  // bad input; field() names it
  not_found,         // missing, or owned by someone else
  conflict,          // a uniqueness rule or a concurrent change
  unauthenticated,   // bad credentials or token
  rate_limited,      // retry_after() says when to try again
  unavailable,       // database unreachable, pool exhausted, shutting down
  internal,          // a bug or an unexpected database answer
};

std::string_view to_string(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string field = {},
        std::chrono::seconds retry_after = std::chrono::seconds{0});

  ErrorCode code() const noexcept { return code_; }
  // The input field at fault (e.g. "severity", "triggers[2]"), empty if none.
  const std::string& field() const noexcept { return field_; }
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  ErrorCode code_;
  std::string field_;
  std::chrono::seconds retry_after_;
};

// Shorthands that read well at the throw site.
[[noreturn]] void throw_invalid(std::string field, const std::string& message);
[[noreturn]] void throw_not_found(const std::string& what);
[[noreturn]] void throw_conflict(const std::string& message, std::string field = {});

}  // namespace dogcare
