// Every error answer of the API, in one place: dogcare::Error codes and the
// adapter's shape errors to HTTP statuses and application/problem+json
// (RFC 9457). A 422 lists every bad member in `errors`.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "field_error.hpp"
#include "http_message.hpp"

namespace dogcare::http {

struct Services;

enum class Location { body, query };

// An extension member of a problem (RFC 9457 section 3.2): a fact a client
// reads, written after the standard members. Its name must not be one of
// theirs (type, title, status, detail, instance) nor `errors`.
struct ProblemExtension {
  std::string name;
  std::variant<std::int64_t, std::string> value;
};

Response problem_response(int status, std::string_view detail,
                          const std::vector<ProblemExtension>& extensions = {});
// 422 with one entry per bad member.
Response invalid_response(Location location, const std::vector<FieldError>& errors);
// The answer to the exception being handled (call from a catch block):
// ShapeError and dogcare::Error as documented, anything else a logged 500.
Response response_for_current_exception(const Request& request, Services& services);

}  // namespace dogcare::http
