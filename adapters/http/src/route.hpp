// One entry of the route table: everything about an operation in one place,
// what the router needs (method, path, authentication, body, thread) and what
// the OpenAPI document says about it (summary, tag, the records read and
// written, the responses). Handlers read their input and write their output
// through the Context, which checks they are the records the entry documents.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dogcare/principal.hpp"
#include "http_message.hpp"
#include "json_decode.hpp"
#include "json_writer.hpp"
#include "openapi_schema.hpp"

namespace dogcare::http {

inline constexpr std::string_view kApiPrefix = "/api/v1";

enum class Auth { none, bearer };
enum class Runs { worker, io_thread };  // io_thread: cheap, never the database or much disk
enum class Body { none, json, json_or_form };

// A documented successful answer.
struct Reply {
  int status = 200;
  std::string_view description;
  const TypeDoc* type = nullptr;  // JSON body; none with `media` empty or not JSON
  std::string_view media = "application/json";
  bool location = false;  // a Location header names the new resource
};

struct Route;

struct Context {
  Request& request;
  const Route& route;
  std::vector<std::string> params;  // the path's {placeholders}, in order
  Principal principal;

  // The body or the query, as the route documents it.
  template <Described T>
  T body() const;
  template <Described T>
  T query() const;
};

struct Route {
  std::string method;
  std::string pattern;  // e.g. /api/v1/dogs/{id}
  Auth auth = Auth::bearer;
  Runs runs = Runs::worker;
  Body body = Body::none;
  const TypeDoc* body_type = nullptr;
  const TypeDoc* query_type = nullptr;
  // Fields of the query record this route neither reads nor documents.
  std::vector<std::string_view> ignored_parameters;
  std::vector<Reply> replies;
  std::string_view summary;
  std::string_view tag;
  // Problem answers (4XX, 503) are documented for every route unless false.
  bool problems = true;
  // Guesses a secret (a one-time code): the per-client limit of /auth/* applies.
  bool limited_per_client = false;
  std::function<Response(Context&)> run;
  std::vector<std::string> segments;  // filled by the router
};

// The route table's entries read as one statement each:
//   routes.push_back(entry("POST", "/dogs", "Add a dog", "dogs")
//                        .reads<DogInput>().answers<Dog>(201, "Created", true).runs(...));
class RouteBuilder {
 public:
  RouteBuilder(std::string method, std::string pattern, std::string_view summary,
               std::string_view tag) {
    route_.method = std::move(method);
    route_.pattern = std::move(pattern);
    route_.summary = summary;
    route_.tag = tag;
  }
  RouteBuilder& open() {
    route_.auth = Auth::none;
    return *this;
  }
  RouteBuilder& inline_on_io_thread() {
    route_.runs = Runs::io_thread;
    return *this;
  }
  RouteBuilder& limited_per_client() {
    route_.limited_per_client = true;
    return *this;
  }
  RouteBuilder& no_problems() {
    route_.problems = false;
    return *this;
  }
  template <Described T>
  RouteBuilder& reads(Body kind = Body::json) {
    route_.body = kind;
    route_.body_type = &type_doc<T>();
    return *this;
  }
  template <Described T>
  RouteBuilder& filters(std::vector<std::string_view> ignored = {}) {
    route_.query_type = &type_doc<T>();
    route_.ignored_parameters = std::move(ignored);
    return *this;
  }
  template <Described T>
  RouteBuilder& answers(int status, std::string_view description, bool location = false) {
    route_.replies.push_back({status, description, &type_doc<T>(), "application/json", location});
    return *this;
  }
  RouteBuilder& answers_raw(int status, std::string_view description, std::string_view media) {
    route_.replies.push_back({status, description, nullptr, media, false});
    return *this;
  }
  RouteBuilder& answers_nothing(int status, std::string_view description) {
    route_.replies.push_back({status, description, nullptr, "", false});
    return *this;
  }
  Route runs(std::function<Response(Context&)> run) {
    route_.run = std::move(run);
    return std::move(route_);
  }

 private:
  Route route_;
};

// An entry under /api/v1.
inline RouteBuilder api(std::string method, std::string_view path, std::string_view summary,
                        std::string_view tag) {
  return RouteBuilder(std::move(method), std::string(kApiPrefix) + std::string(path), summary, tag);
}

// The body as a JSON object: parsed JSON, or an urlencoded form's fields as
// strings where the route takes one (middleware.cpp).
boost::json::object body_object(const Route& route, const Request& request);

template <Described T>
T Context::body() const {
  if (route.body_type != &type_doc<T>()) {
    throw std::logic_error("route " + route.pattern + " reads a record it does not document");
  }
  return decode<T>(body_object(route, request));
}

template <Described T>
T Context::query() const {
  if (route.query_type != &type_doc<T>()) {
    throw std::logic_error("route " + route.pattern + " filters by a record it does not document");
  }
  return decode_query<T>(request.query, route.ignored_parameters);
}

template <Described T>
Response json_reply(int status, const T& record) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = encode(record);
  return r;
}

inline Response created(const auto& record, std::string location) {
  Response r = json_reply(201, record);
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

inline Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

}  // namespace dogcare::http
