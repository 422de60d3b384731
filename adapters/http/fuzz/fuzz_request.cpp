// libFuzzer target for dogcare-server's request path: the input is what a
// client writes on one connection. It goes through Beast's request parser with
// the server's limits (beast_request.hpp, as server.cpp uses it), one request
// after another as on a keep-alive connection, and each request through the
// real Application::handle over an in-memory SQLite database that holds a
// registered user with a dog, a trigger, a reaction and an observation. Every
// JSON body also goes through the decoding of each described input, whatever the route.
//
// A bug is: a crash, a sanitizer report, an exception escaping the handler, a
// 5xx other than 503, a JSON response that does not parse, a problem document
// whose status differs from the response's, a header value with CR, LF or NUL.
//
// Inputs may name the fixtures with placeholders, replaced after parsing (ids
// are generated, so the fuzzer could not guess them): @token (a valid access
// token), @dog, @observation, @trigger, @reaction (ids owned by that user).
#include <boost/beast/core/error.hpp>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "beast_request.hpp"
#include "config.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/sharing.hpp"
#include "http_records.hpp"
#include "json_decode.hpp"

namespace {

using namespace dogcare::http;
namespace bhttp = boost::beast::http;
namespace json = boost::json;

constexpr int kMaxRequestsPerInput = 8;

[[noreturn]] void fail(const std::string& what, const Request& request, const Response& response) {
  std::fprintf(stderr,
               "fuzz_request: %s\n  request: %s %s\n  status: %d\n  content-type: %s\n  body: "
               "%.2000s\n",
               what.c_str(), request.method.c_str(), request.target.c_str(), response.status,
               response.content_type.c_str(), response.body.c_str());
  std::abort();
}

// Pulls a streamed (CSV export) response to its end, piece by piece as the
// server does; a producer that throws would be a truncated download.
void drain(const Request& request, const Response& response) {
  try {
    while (response.producer->next()) {
    }
  } catch (const std::exception& e) {
    fail(std::string("a streamed body that failed: ") + e.what(), request, response);
  }
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

bool valid_header_value(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Every body shape the server reads, whatever the route: only ShapeError may come out.
void map_every_shape(const std::string& body) {
  json::object object;
  try {
    object = parse_object(body);
  } catch (const ShapeError&) {
    return;
  }
  const auto attempt = [&]<class Input>() {
    try {
      (void)decode<Input>(object);
    } catch (const ShapeError&) {
    }
  };
  attempt.operator()<dogcare::Registration>();
  attempt.operator()<dogcare::Credentials>();
  attempt.operator()<dogcare::ProfileUpdate>();
  attempt.operator()<dogcare::PasswordChange>();
  attempt.operator()<dogcare::PasswordResetRequest>();
  attempt.operator()<dogcare::PasswordResetConfirmation>();
  attempt.operator()<dogcare::DogInput>();
  attempt.operator()<dogcare::DogPatch>();
  attempt.operator()<dogcare::Onboarding>();
  attempt.operator()<CatalogItemInput>();
  attempt.operator()<dogcare::ObservationInput>();
  attempt.operator()<dogcare::ObservationPatch>();
  attempt.operator()<dogcare::ProfessionalProfileInput>();
  attempt.operator()<dogcare::ShareInvitationInput>();
  attempt.operator()<dogcare::ShareCodeRequest>();
  attempt.operator()<ShareCodeInput>();
}

// What a 422 may point at: a member some request body has, a query parameter some route reads.
bool names_an_input(std::string_view location, std::string_view path) {
  static const std::set<std::string, std::less<>> body_members = {"username",
                                                                  "password",
                                                                  "email",
                                                                  "dog_name",
                                                                  "name",
                                                                  "breed",
                                                                  "notes",
                                                                  "birth_date",
                                                                  "trigger_ids",
                                                                  "reaction_ids",
                                                                  "dog_id",
                                                                  "date",
                                                                  "severity",
                                                                  "comment",
                                                                  "triggers",
                                                                  "reactions",
                                                                  "distance_m",
                                                                  "recovery_min",
                                                                  "handler_action",
                                                                  "token",
                                                                  "new_password",
                                                                  "current_password",
                                                                  "display_name",
                                                                  "kind",
                                                                  "organisation",
                                                                  "contact",
                                                                  "professional",
                                                                  "scope",
                                                                  "code"};
  static const std::set<std::string, std::less<>> query_parameters = {
      "q",     "from",   "to",    "dog_id", "trigger", "reaction", "severity",
      "limit", "cursor", "total", "year",   "month",   "period",   "include_archived"};
  if (location == "body") {
    if (path == "$") return true;
    if (!path.starts_with("$.")) return false;
    path.remove_prefix(2);
    return body_members.contains(path.substr(0, path.find_first_of(".[")));
  }
  return location == "query" && query_parameters.contains(path.substr(0, path.find('[')));
}

void check(const Request& request, const Response& response) {
  const int status = response.status;
  if (status < 100 || status > 599) fail("status out of range", request, response);
  if (status >= 500 && status != 503) fail("server error", request, response);
  for (const auto& [name, value] : response.headers) {
    if (!valid_header_value(name) || !valid_header_value(value)) {
      fail("header " + name + " with CR, LF or NUL", request, response);
    }
  }
  if (request.path == "/metrics" && status == 200) {
    // Label values a client chooses would be time series without bound.
    static const std::set<std::string, std::less<>> methods = {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "-", "OTHER"};
    constexpr std::string_view label = "method=\"";
    for (auto at = response.body.find(label); at != std::string::npos;
         at = response.body.find(label, at + 1)) {
      const auto begin = at + label.size();
      const auto end = response.body.find('"', begin);
      if (!methods.contains(std::string_view(response.body).substr(begin, end - begin))) {
        fail("a metrics label taken from the request", request, response);
      }
    }
  }
  const bool problem = response.content_type == "application/problem+json";
  if (response.producer || (!problem && response.content_type != "application/json")) return;
  json::error_code ec;
  const auto document = json::parse(response.body, ec);
  if (ec) fail("a JSON response that does not parse", request, response);
  if (problem) {
    const auto* object = document.if_object();
    const auto* reported = object ? object->if_contains("status") : nullptr;
    if (!reported || !reported->is_int64() || reported->get_int64() != status) {
      fail("a problem document whose status is not the response's", request, response);
    }
    const auto* errors = object->if_contains("errors");
    if (status == 422 && (!errors || !errors->is_array() || errors->get_array().empty())) {
      fail("a 422 without the list of invalid inputs", request, response);
    }
    if (errors && errors->is_array()) {
      for (const auto& error : errors->get_array()) {
        const auto& e = error.as_object();
        if (!names_an_input(e.at("location").as_string(), e.at("path").as_string())) {
          fail("a 422 naming an input the request cannot have", request, response);
        }
      }
    }
  }
}

class Harness {
 public:
  Harness() {
    config_.database.connection = ":memory:";
    config_.migrate = true;
    config_.log_level = "quiet";  // 5xx only: 503s (no mail server), or the failure at hand
    config_.trust_forwarded_for = true;
    // Argon2id's smallest cost: a valid login must not cost the fuzzer 20 ms.
    config_.password_hashing = {8, 1, 1};
    // The per-client limit stays on (it is part of the path) but rarely bites.
    config_.auth_rate_per_minute = 600000;
    config_.auth_burst = 10000;
    config_.docs_dir.clear();
    app_ = std::make_unique<Application>(config_);
    ensure_fixtures();
  }

  // One connection's bytes; returns true when some request may have changed the fixtures.
  bool run(std::string_view input) {
    bool mutated = false;
    // Different inputs pose as different clients, so that the library's
    // per-client login throttle does not shut the auth routes for every input.
    const std::string client =
        "198.51.100." + std::to_string(std::hash<std::string_view>{}(input) % 256);
    for (int i = 0; i < kMaxRequestsPerInput && !input.empty(); ++i) {
      RequestParser parser;
      apply_limits(parser, config_.server);
      parser.eager(true);
      boost::beast::error_code ec;
      while (!parser.is_done()) {
        // Every byte left is already offered: needing more means the client
        // closed the connection here, and Beast's read then does as below.
        if (input.empty()) {
          if (!parser.got_some()) return mutated;
          parser.put_eof(ec);
          if (!ec && !parser.is_done()) return mutated;
          break;
        }
        const auto used = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
        input.remove_prefix(used);
        if (ec == bhttp::error::need_more) {
          ec = {};
          if (used == 0) input = {};
          continue;
        }
        if (ec) break;
      }
      if (ec) {
        const auto [status, detail] = parse_failure(ec, config_.server);
        Request request;
        request.method = "-";
        const auto response = app_->problem(status, detail);
        check(request, response);
        app_->completed(request, response, 0.0, response.body.size());
        return mutated;
      }
      auto message = parser.release();
      const bool keep_alive = message.keep_alive();
      Request request = to_request(std::move(message), client);
      substitute(request);
      map_every_shape(request.body);
      const auto response = app_->handle(request);
      if (verbose_) {
        std::fprintf(stderr, "%s %s -> %d %.300s\n", request.method.c_str(), request.target.c_str(),
                     response.status, response.body.c_str());
      }
      check(request, response);
      if (response.producer) drain(request, response);
      app_->completed(request, response, 0.0, response.body.size());
      const int status = response.status;
      if (request.method != "GET" && request.method != "HEAD" && status < 300) mutated = true;
      if (!keep_alive) break;
    }
    return mutated;
  }

  // Brings back what a previous input deleted or revoked (the user, their token, a resource).
  void ensure_fixtures() {
    if (token_.empty() || call("GET", "/api/v1/me").status != 200) register_user();
    if (!usable("/api/v1/dogs/" + dog_)) {
      dog_ = create("/api/v1/dogs", [](const std::string&) { return R"({"name":"Rex"})"; });
    }
    if (!usable("/api/v1/triggers/" + trigger_)) {
      trigger_ = create("/api/v1/triggers",
                        [](const std::string& n) { return R"({"name":"velo )" + n + "\"}"; });
    }
    if (!usable("/api/v1/reactions/" + reaction_)) {
      reaction_ = create("/api/v1/reactions",
                         [](const std::string& n) { return R"({"name":"aboiement )" + n + "\"}"; });
    }
    if (!usable("/api/v1/observations/" + observation_)) {
      observation_ = create("/api/v1/observations", [this](const std::string&) {
        return R"({"dog_id":")" + dog_ + R"(","date":"2024-05-01","severity":3,)" +
               R"("comment":"fixture","triggers":[")" + trigger_ + R"("],"reactions":[")" +
               reaction_ + R"("]})";
      });
    }
  }

 private:
  std::string next() { return std::to_string(++counter_); }

  // Present, and not archived (a removed trigger or reaction stays readable).
  bool usable(const std::string& path) {
    const auto response = call("GET", path);
    return response.status == 200 && response.body.find(R"("archived":true)") == std::string::npos;
  }

  // Creates a resource; a name the fuzzer took already (409) is retried with the next one.
  template <class Body>
  std::string create(const std::string& path, const Body& body) {
    for (int attempt = 0; attempt < 16; ++attempt) {
      const auto response = call("POST", path, body(next()));
      if (response.status == 409) continue;
      if (response.status != 201) fail("fixture: create", {}, response);
      return std::string(json::parse(response.body).at("id").as_string());
    }
    std::fprintf(stderr, "fuzz_request: no free name for a fixture under %s\n", path.c_str());
    std::abort();
  }

  void register_user() {
    token_.clear();
    std::string credentials;
    for (int attempt = 0;; ++attempt) {
      credentials = R"({"username":"fuzzer)" + next() + R"(","password":"correct horse battery"})";
      const auto registered = call("POST", "/api/v1/auth/register", credentials);
      if (registered.status == 201) break;
      if (registered.status != 409 || attempt == 16) fail("fixture: register", {}, registered);
    }
    const auto login = call("POST", "/api/v1/auth/login", credentials);
    if (login.status != 200) fail("fixture: login", {}, login);
    token_ = std::string(json::parse(login.body).at("access_token").as_string());
    // The first dog comes with the account.
    const auto dogs = call("GET", "/api/v1/dogs");
    dog_ = std::string(json::parse(dogs.body).at("items").at(0).at("id").as_string());
  }

  Response call(const std::string& method, const std::string& target,
                const std::string& body = {}) {
    Request request;
    request.method = method;
    request.target = target;
    request.path = target;
    // No header value can hold a control character, so no input can pose as
    // this client (X-Forwarded-For is trusted) and get its logins throttled.
    request.client_address = "\x01fixture";
    if (!body.empty()) request.headers["content-type"] = "application/json";
    if (!token_.empty()) request.headers["authorization"] = "Bearer " + token_;
    request.body = body;
    return app_->handle(request);
  }

  void substitute(Request& request) const {
    const auto apply = [this](std::string& text) {
      if (text.find('@') == std::string::npos) return;
      replace_all(text, "@token", token_);
      replace_all(text, "@dog", dog_);
      replace_all(text, "@observation", observation_);
      replace_all(text, "@trigger", trigger_);
      replace_all(text, "@reaction", reaction_);
    };
    apply(request.target);
    apply(request.path);
    for (auto& [name, value] : request.query) apply(value);
    for (auto& [name, value] : request.headers) apply(value);
    apply(request.body);
  }

  // FUZZ_REQUEST_VERBOSE=1: each request and its response on stderr (for writing seeds).
  const bool verbose_ = std::getenv("FUZZ_REQUEST_VERBOSE") != nullptr;
  Config config_;
  std::unique_ptr<Application> app_;
  std::string token_, dog_, trigger_, reaction_, observation_;
  unsigned long counter_ = 0;
};

Harness* harness = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  harness = new Harness();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (harness->run(input)) harness->ensure_fixtures();
  return 0;
}
