// What happens to every request before its route runs, one function per
// concern, in the order Application::handle applies them.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "dogcare/accounts.hpp"
#include "dogcare/principal.hpp"
#include "http_message.hpp"
#include "rate_limiter.hpp"
#include "route.hpp"

namespace dogcare::http {

// The client's X-Request-Id when it is a sane token, else a fresh one;
// written back into the request's headers for the access log.
std::string assign_request_id(Request& request);

// Behind a trusted proxy the client is the first X-Forwarded-For entry.
void resolve_client_address(Request& request, bool trust_forwarded_for);

// 429 with Retry-After when the client exhausted its budget for /auth/
// and the routes limited per client (a one-time code).
std::optional<Response> limit_rate(const Route& route, const Request& request,
                                   RateLimiter& limiter);

// 415 unless the body's media type is one the route reads.
std::optional<Response> check_content_type(const Route& route, const Request& request);

// The bearer token's principal for an authenticated route; throws
// dogcare::Error (unauthenticated) without a valid one.
Principal authenticate(const Route& route, const Request& request, Accounts& accounts);

}  // namespace dogcare::http
