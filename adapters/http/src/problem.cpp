#include "problem.hpp"

#include <algorithm>
#include <string>

#include "dogcare/error.hpp"
#include "json_writer.hpp"
#include "services.hpp"

namespace dogcare::http {

namespace {

const char* title_for(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

// The library's "triggers[2]" as a JSON path ("$.triggers[2]", as 422s
// have always said) and as an RFC 6901 pointer ("/triggers/2").
std::string json_path(const std::string& field) {
  return field.empty() ? "$" : "$." + field;
}

std::string json_pointer(const std::string& field) {
  if (field.empty()) return {};
  std::string pointer = "/";
  for (const char c : field) {
    if (c == '.' || c == '[') {
      pointer += '/';
    } else if (c == ']') {
      continue;
    } else if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

// A query parameter's name without the index of a repeated one.
std::string parameter_name(const std::string& field) {
  return field.substr(0, field.find('['));
}

Response problem_body(int status, std::string_view detail, Location location,
                      const std::vector<FieldError>* errors,
                      const std::vector<ProblemExtension>& extensions) {
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  JsonWriter w(r.body);
  w.begin_object();
  w.key("type");
  w.string("about:blank");
  w.key("title");
  w.string(title_for(status));
  w.key("status");
  w.integer(status);
  w.key("detail");
  w.string(detail);
  if (errors && !errors->empty()) {
    w.key("errors");
    w.begin_array();
    for (const auto& e : *errors) {
      const bool query = location == Location::query;
      w.begin_object();
      w.key("location");
      w.string(query ? "query" : "body");
      w.key("path");
      w.string(query ? e.field : json_path(e.field));
      if (query) {
        w.key("parameter");
        w.string(parameter_name(e.field));
      } else {
        w.key("pointer");
        w.string(json_pointer(e.field));
      }
      w.key("code");
      w.string(e.code);
      if (e.min) {
        w.key("min");
        w.integer(*e.min);
      }
      if (e.max) {
        w.key("max");
        w.integer(*e.max);
      }
      if (e.earliest) {
        w.key("earliest");
        w.string(format_date(*e.earliest));
      }
      if (e.latest) {
        w.key("latest");
        w.string(format_date(*e.latest));
      }
      w.key("detail");
      w.string(e.message);
      w.end_object();
    }
    w.end_array();
  }
  for (const auto& extension : extensions) {
    w.key(extension.name);
    if (const auto* number = std::get_if<std::int64_t>(&extension.value)) {
      w.integer(*number);
    } else {
      w.string(std::get<std::string>(extension.value));
    }
  }
  w.end_object();
  return r;
}

std::vector<FieldError> field_errors(const Error& error) {
  std::vector<FieldError> errors;
  for (const auto& violation : error.violations()) errors.push_back(FieldError::from(violation));
  if (errors.empty()) {
    errors.push_back(
        {error.field(), std::string(to_string(Rule::invalid)), {}, {}, {}, {}, error.what()});
  }
  return errors;
}

Response error_response(const Error& error, Location location) {
  Response response;
  switch (error.code()) {
    case ErrorCode::invalid_argument:
      return invalid_response(location, field_errors(error));
    case ErrorCode::not_found:
      return problem_response(404, error.what());
    case ErrorCode::conflict:
      return problem_response(409, error.what());
    case ErrorCode::unauthenticated:
      response = problem_response(401, error.what());
      response.headers.emplace_back("WWW-Authenticate", "Bearer");
      return response;
    case ErrorCode::rate_limited:
      response = problem_response(429, error.what());
      response.headers.emplace_back("Retry-After",
                                    std::to_string(std::max<long>(1, error.retry_after().count())));
      return response;
    case ErrorCode::unavailable:
      response = problem_response(503, error.what());
      response.headers.emplace_back("Retry-After", "5");
      return response;
    case ErrorCode::internal:
      break;
  }
  return problem_response(500, "An internal error occurred.");
}

}  // namespace

Response problem_response(int status, std::string_view detail,
                          const std::vector<ProblemExtension>& extensions) {
  return problem_body(status, detail, Location::body, nullptr, extensions);
}

Response invalid_response(Location location, const std::vector<FieldError>& errors) {
  const std::string detail = errors.empty() || errors.front().message.empty()
                                 ? std::string("The request is invalid.")
                                 : errors.front().message;
  return problem_body(422, detail, location, &errors, {});
}

Response response_for_current_exception(const Request& request, Services& services) {
  // The library names a GET's fields after its query parameters, any other
  // request's after its body's members.
  const Location location =
      request.method == "GET" || request.method == "HEAD" ? Location::query : Location::body;
  try {
    throw;
  } catch (const ShapeError& error) {
    return invalid_response(location, error.errors());
  } catch (const Error& error) {
    return error_response(error, location);
  } catch (const std::exception& error) {
    services.log_event("unexpected_exception", error.what());
  } catch (...) {
    services.log_event("unexpected_exception", "not a std::exception");
  }
  return problem_response(500, "An internal error occurred.");
}

}  // namespace dogcare::http
