// The one error family of dogcare. Every failure the library reports is a
// dogcare::Error with a code an adapter maps (HTTP status, Python exception)
// and a message written for a person. Messages never carry driver
// diagnostics, connection strings or other secrets.
//
// Bad input (invalid_argument) also carries one Violation per bad field:
// a stable rule code, the field's path and the limits it broke, from which
// each adapter writes its own message in the user's language. The English
// message of what() is for logs and English-speaking API clients.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/time.hpp"

namespace dogcare {

enum class ErrorCode {
  invalid_argument,  // bad input; violations() says which fields and why
  not_found,         // missing, or owned by someone else
  conflict,          // a uniqueness rule or a concurrent change
  unauthenticated,   // bad credentials or token
  rate_limited,      // retry_after() says when to try again
  unavailable,       // database unreachable, pool exhausted, shutting down
  internal,          // a bug or an unexpected database answer
};

std::string_view to_string(ErrorCode code) noexcept;

// Why a value was refused. The names (to_string) are stable: adapters and
// clients translate them.
enum class Rule {
  required,            // absent, null or empty where a value is needed
  too_short,           // text shorter than min (code points)
  too_long,            // text longer than max (code points)
  out_of_range,        // a number outside [min, max]
  too_many,            // a list longer than max
  too_early,           // a date before earliest
  too_late,            // a date after latest
  invalid_format,      // not a date, an address, a username's characters, a cursor...
  invalid_characters,  // not UTF-8, or control characters
  unknown,             // names nothing of the caller's (an id, a dog)
  taken,               // already used (a username, a catalog name)
  limit_reached,       // the account's quota of these records is full
  wrong,               // a secret that does not match (the current password)
  invalid,             // anything else (configuration values)
};

std::string_view to_string(Rule rule) noexcept;
std::optional<Rule> parse_rule(std::string_view name) noexcept;

struct Violation {
  std::string field;  // "severity", "triggers[2]", "email"
  Rule rule = Rule::invalid;
  std::optional<long long> min;  // too_short, out_of_range: the bounds; too_long, too_many: max
  std::optional<long long> max;
  std::optional<Date> earliest;  // too_early / too_late: the allowed dates
  std::optional<Date> latest;
  std::string message;  // English, one sentence naming the field
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string field = {},
        std::chrono::seconds retry_after = std::chrono::seconds{0});
  // invalid_argument with one entry per bad field (at least one); what() is
  // the first one's message.
  explicit Error(std::vector<Violation> violations);

  ErrorCode code() const noexcept { return code_; }
  // The input field at fault (e.g. "severity", "triggers[2]"), empty if none;
  // the first of violations() when there are several.
  const std::string& field() const noexcept { return field_; }
  const std::vector<Violation>& violations() const noexcept { return violations_; }
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  ErrorCode code_;
  std::string field_;
  std::vector<Violation> violations_;
  std::chrono::seconds retry_after_;
};

// Shorthands that read well at the throw site.
[[noreturn]] void throw_invalid(Violation violation);
[[noreturn]] void throw_invalid(std::string field, Rule rule, const std::string& message);
// A configuration value an operator got wrong (rule `invalid`).
[[noreturn]] void throw_invalid(std::string field, const std::string& message);
[[noreturn]] void throw_not_found(const std::string& what);
[[noreturn]] void throw_conflict(const std::string& message, std::string field = {});

}  // namespace dogcare
