// One bad member of a request, whether the adapter found it (a wrong JSON
// type, a missing member, a date not written YYYY-MM-DD) or the library did
// (a dogcare::Violation): what a 422's `errors` array lists.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "dogcare/error.hpp"
#include "dogcare/time.hpp"

namespace dogcare::http {

struct FieldError {
  // The library's way of naming a field: "severity", "triggers[2]"; empty
  // for the body as a whole.
  std::string field;
  // The library's stable rule name (to_string(Rule)), or one of the
  // adapter's shape codes: invalid_type, invalid_json.
  std::string code;
  std::optional<long long> min;
  std::optional<long long> max;
  std::optional<Date> earliest;
  std::optional<Date> latest;
  std::string message;  // English, naming the field

  static FieldError from(const Violation& violation) {
    return {violation.field,    std::string(to_string(violation.rule)),
            violation.min,      violation.max,
            violation.earliest, violation.latest,
            violation.message};
  }
};

// A request whose body or query does not have the operation's shape; every
// bad member at once.
class ShapeError : public std::runtime_error {
 public:
  explicit ShapeError(std::vector<FieldError> errors)
      : std::runtime_error(errors.empty() ? std::string("bad request") : errors.front().message),
        errors_(std::move(errors)) {}
  const std::vector<FieldError>& errors() const noexcept { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace dogcare::http
