// From bytes on the wire to the server's Request: Beast's parser with the
// server's limits, the mapping of a parsed message, and the status of a parse
// failure. Shared by server.cpp and the fuzz target (adapters/http/fuzz), so
// that what is fuzzed is what serves. Header-only: only these two include it.
#pragma once

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <cstdint>
#include <string>

#include "http_message.hpp"
#include "server.hpp"

namespace dogcare::http {

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

inline void apply_limits(RequestParser& parser, const ServerOptions& options) {
  parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
  parser.body_limit(options.body_limit);
}

inline Request to_request(boost::beast::http::request<boost::beast::http::string_body>&& message,
                          const std::string& client) {
  Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
    if (!inserted) it->second += ", " + std::string(field.value());
  }
  request.body = std::move(message.body());
  request.client_address = client;
  const auto parsed = boost::urls::parse_origin_form(request.target);
  if (parsed) {
    request.path = std::string(parsed->encoded_path().decode());
    for (const auto& param : parsed->params()) {
      request.query.emplace_back(param.key, param.has_value ? param.value : std::string());
    }
  } else {
    request.path = "\x01invalid";
  }
  return request;
}

struct ParseFailure {
  int status;
  std::string detail;
};

// The answer to a request that Beast could not parse (the connection closes after it).
inline ParseFailure parse_failure(const boost::beast::error_code& ec,
                                  const ServerOptions& options) {
  namespace bhttp = boost::beast::http;
  if (ec == bhttp::error::body_limit) {
    return {413,
            "The request body is larger than " + std::to_string(options.body_limit) + " bytes."};
  }
  if (ec == bhttp::error::header_limit) {
    return {431, "The request headers are larger than " + std::to_string(options.header_limit) +
                     " bytes."};
  }
  return {400, "The request could not be parsed as HTTP/1.1."};
}

}  // namespace dogcare::http
