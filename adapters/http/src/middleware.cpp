#include "middleware.hpp"

#include <cctype>
#include <map>
#include <string_view>

#include "dogcare/error.hpp"
#include "problem.hpp"
#include "services.hpp"

namespace dogcare::http {

namespace {

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The media type without parameters, lower case.
std::string media_type(const Request& request) {
  const auto* type = request.header("content-type");
  if (!type) return {};
  const std::string media = lower(type->substr(0, type->find(';')));
  return media.substr(0, media.find_last_not_of(' ') + 1);
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::map<std::string, std::string> parse_form(std::string_view body) {
  std::map<std::string, std::string> fields;
  while (!body.empty()) {
    const auto amp = body.find('&');
    const auto pair = body.substr(0, amp);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      fields.emplace(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return fields;
}

}  // namespace

std::string assign_request_id(Request& request) {
  std::string request_id;
  if (const auto* given = request.header("x-request-id");
      given && !given->empty() && given->size() <= 128 &&
      given->find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") ==
          std::string::npos) {
    request_id = *given;
  } else {
    request_id = random_hex(16);
  }
  request.headers["x-request-id"] = request_id;
  return request_id;
}

void resolve_client_address(Request& request, bool trust_forwarded_for) {
  const auto* forwarded = request.header("x-forwarded-for");
  if (!forwarded || !trust_forwarded_for) return;
  const auto first = forwarded->substr(0, forwarded->find(','));
  const auto begin = first.find_first_not_of(' ');
  if (begin != std::string::npos) {
    request.client_address = first.substr(begin, first.find_last_not_of(' ') - begin + 1);
  }
}

std::optional<Response> limit_rate(const Route& route, const Request& request,
                                   RateLimiter& limiter) {
  if (!route.limited_per_client && !route.pattern.starts_with(std::string(kApiPrefix) + "/auth/")) {
    return std::nullopt;
  }
  const auto wait = limiter.acquire(request.client_address);
  if (wait == 0) return std::nullopt;
  Response r = problem_response(
      429, "Too many requests to the authentication and code routes from this client.");
  r.headers.emplace_back("Retry-After", std::to_string(wait));
  return r;
}

std::optional<Response> check_content_type(const Route& route, const Request& request) {
  if (route.body == Body::none) return std::nullopt;
  const auto media = media_type(request);
  if (media == "application/json") return std::nullopt;
  if (route.body == Body::json_or_form) {
    if (media == "application/x-www-form-urlencoded") return std::nullopt;
    return problem_response(
        415, "Send the body as application/json or application/x-www-form-urlencoded.");
  }
  return problem_response(415, "Send the body as application/json.");
}

Principal authenticate(const Route& route, const Request& request, Accounts& accounts) {
  if (route.auth == Auth::none) return {};
  const auto* authorization = request.header("authorization");
  if (!authorization || lower(authorization->substr(0, 7)) != "bearer ") {
    throw Error(ErrorCode::unauthenticated, "Send an access token: Authorization: Bearer <token>.");
  }
  return accounts.authenticate(authorization->substr(7));
}

boost::json::object body_object(const Route& route, const Request& request) {
  if (route.body == Body::json_or_form &&
      media_type(request) == "application/x-www-form-urlencoded") {
    boost::json::object object;
    for (auto& [name, value] : parse_form(request.body)) object[name] = value;
    return object;
  }
  return parse_object(request.body);
}

}  // namespace dogcare::http
