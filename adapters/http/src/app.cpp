#include "app.hpp"

#include <openssl/rand.h>

#include <boost/json.hpp>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "http_metrics.hpp"
#include "json_io.hpp"
#include "openapi_document.hpp"
#include "rate_limiter.hpp"

namespace dogcare::http {

namespace json = boost::json;

namespace {

constexpr const char* kApi = "/api/v1";

// A query parameter that does not parse (not an integer, not a date, unknown enum).
struct QueryError {
  std::string name;
  std::string message;
};

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> random(bytes);
  if (RAND_bytes(random.data(), static_cast<int>(bytes)) != 1) {
    throw Error(ErrorCode::internal, "the random number generator failed");
  }
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char byte : random) {
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
  }
  return out;
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string json_text(const json::value& value) {
  return json::serialize(value);
}

Response json_response(int status, const json::value& value) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = json_text(value);
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  return r;
}

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

Response problem_response(int status, std::string_view detail, json::array errors = {}) {
  json::object body{{"type", "about:blank"},
                    {"title", title_for(status)},
                    {"status", status},
                    {"detail", detail}};
  if (!errors.empty()) body["errors"] = std::move(errors);
  Response r = json_response(status, body);
  r.content_type = "application/problem+json";
  return r;
}

// `message` completes the field's name ("must be an integer") unless `whole`.
Response invalid(std::string_view location, const std::string& path, const std::string& message,
                 bool whole = false) {
  json::array errors;
  errors.push_back(json::object{{"location", location}, {"path", path}, {"detail", message}});
  const std::string detail =
      whole ? message
            : (location == "body" ? path : std::string(location) + " parameter " + path) + " " +
                  message + ".";
  return problem_response(422, detail, std::move(errors));
}

// The library names fields like "severity" or "triggers[2]": as a JSON path.
std::string body_path(const std::string& field) {
  if (field.empty()) return "$";
  return "$." + field;
}

struct Context {
  Request& request;
  std::vector<std::string> params;
  Principal principal;
};

struct Route {
  std::string method;
  std::string pattern;  // the template, e.g. /api/v1/dogs/{id}
  bool authenticated;
  enum class Body { none, json, json_or_form } body;
  std::function<Response(Context&)> run;
  std::vector<std::string> segments;
};

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::optional<std::string> query_value(const Request& request, std::string_view name) {
  for (const auto& [key, value] : request.query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string> query_values(const Request& request, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : request.query) {
    if (key == name) values.push_back(value);
  }
  return values;
}

template <class Number>
Number parse_number(std::string_view name, const std::string& text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) throw QueryError{std::string(name), "is out of range"};
  if (ec != std::errc{} || end != text.data() + text.size()) {
    throw QueryError{std::string(name), "must be an integer"};
  }
  return value;
}

std::optional<Date> query_date(const Request& request, std::string_view name) {
  const auto text = query_value(request, name);
  if (!text) return std::nullopt;
  const auto date = parse_date(*text);
  if (!date) throw QueryError{std::string(name), "must be a date written YYYY-MM-DD"};
  return date;
}

SearchQuery search_query(const Request& request) {
  SearchQuery q;
  q.text = query_value(request, "q");
  q.from = query_date(request, "from");
  q.to = query_date(request, "to");
  q.dog_id = query_value(request, "dog_id");
  q.triggers = query_values(request, "trigger");
  q.reactions = query_values(request, "reaction");
  for (const auto& s : query_values(request, "severity")) {
    q.severities.push_back(parse_number<int>("severity", s));
  }
  if (const auto limit = query_value(request, "limit")) {
    q.limit = parse_number<std::size_t>("limit", *limit);
  }
  q.cursor = query_value(request, "cursor");
  if (const auto total = query_value(request, "total")) {
    if (*total != "true" && *total != "false") throw QueryError{"total", "must be true or false"};
    q.with_total = *total == "true";
  }
  return q;
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

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string json_escape(std::string_view text) {
  return json::serialize(json::string(text));
}

}  // namespace

struct Application::Impl {
  explicit Impl(const Config& c) : config(c), database(open(c)) {
    accounts_options.reset_link = config.reset_link;
    accounts_options.hashing = config.password_hashing;
    if (config.smtp) mailer = make_smtp_mailer(*config.smtp);
    accounts_options.tokens.ttl = config.token_ttl;
    keys = config.jwt_keys_file.empty() ? SigningKeySource::ephemeral()
                                        : std::make_shared<SigningKeySource>(config.jwt_keys_file);
    keys_generation = keys->generation();
    accounts = std::make_shared<Accounts>(database, accounts_options, keys, mailer);
    build_routes();
  }

  static DatabaseOptions open(const Config& c) {
    DatabaseOptions options = c.database;
    options.connection = connection_string(c);
    options.migrate = c.migrate;
    return options;
  }

  // The library watches the key file; here a new key set is only announced.
  void reload_keys(bool now) {
    std::string failure;
    try {
      if (now) keys->reload();
      (void)keys->current();  // the periodic look at the file, when due
      failure = keys->last_error();
    } catch (const std::exception& error) {
      failure = error.what();
    }
    if (!failure.empty() && failure != keys_failure) log_event("jwt_keys_reload_failed", failure);
    keys_failure = failure;
    // Announced once in effect: a client (or test) that waits for this line
    // gets tokens signed with the new first key from then on.
    if (keys->generation() != keys_generation) {
      keys_generation = keys->generation();
      log_event("jwt_keys_reloaded", config.jwt_keys_file);
    }
  }

  std::shared_ptr<Accounts> current_accounts() { return accounts; }

  void log_event(std::string_view event, std::string_view detail) {
    std::lock_guard lock(log_mutex);
    std::cout << "{\"time\":" << json_escape(format_timestamp(now_utc()))
              << ",\"event\":" << json_escape(event) << ",\"detail\":" << json_escape(detail)
              << "}\n"
              << std::flush;
  }

  void add(std::string method, std::string pattern, bool authenticated, Route::Body body,
           std::function<Response(Context&)> run) {
    Route route{std::move(method), std::move(pattern), authenticated, body, std::move(run), {}};
    route.segments = split_path(route.pattern);
    routes.push_back(std::move(route));
  }

  Response created(const json::object& body, const std::string& location) {
    Response r = json_response(201, body);
    r.headers.emplace_back("Location", location);
    return r;
  }

  void build_routes();

  Config config;
  Database database;
  AccountsOptions accounts_options;
  std::shared_ptr<Mailer> mailer;
  std::shared_ptr<SigningKeySource> keys;
  std::uint64_t keys_generation = 0;
  std::string keys_failure;
  std::shared_ptr<Accounts> accounts;
  Dogs dogs{database};
  Catalog catalog{database};
  Observations observations{database};
  Calendar calendar{database};
  Analytics analytics{database};
  HttpMetrics metrics;
  RateLimiter auth_limiter{config.auth_rate_per_minute / 60.0, config.auth_burst};
  std::vector<Route> routes;
  std::mutex log_mutex;
};

void Application::Impl::build_routes() {
  using B = Route::Body;
  const std::string api = kApi;

  add("POST", api + "/auth/register", false, B::json, [this](Context& c) {
    const auto user =
        current_accounts()->register_user(registration_from(parse_object(c.request.body)));
    return created(to_json(user), std::string(kApi) + "/me");
  });
  add("POST", api + "/auth/login", false, B::json_or_form, [this](Context& c) {
    std::string username, password;
    const auto* type = c.request.header("content-type");
    if (type && lower(*type).starts_with("application/x-www-form-urlencoded")) {
      auto form = parse_form(c.request.body);
      // A form's fields get the same paths as the JSON body's members (the documented shape).
      if (!form.count("username")) throw ShapeError("$.username", "is required");
      if (!form.count("password")) throw ShapeError("$.password", "is required");
      username = form["username"];
      password = form["password"];
    } else {
      const auto body = parse_object(c.request.body);
      username = required_string(body, "username");
      password = required_string(body, "password");
    }
    const auto token = current_accounts()->login(username, password, c.request.client_address);
    Response r = json_response(200, to_json(token));
    r.user_id = token.principal.user_id;
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });
  add("POST", api + "/auth/logout-all", true, B::none, [this](Context& c) {
    current_accounts()->logout_everywhere(c.principal);
    return no_content();
  });
  add("POST", api + "/auth/password-reset/request", false, B::json, [this](Context& c) {
    current_accounts()->request_password_reset(
        required_string(parse_object(c.request.body), "email"));
    return json_response(
        202,
        json::object{{"detail", "If an account has this address, a reset link is on its way."}});
  });
  add("POST", api + "/auth/password-reset/confirm", false, B::json, [this](Context& c) {
    const auto body = parse_object(c.request.body);
    current_accounts()->confirm_password_reset(required_string(body, "token"),
                                               required_string(body, "new_password"));
    return no_content();
  });

  add("GET", api + "/me", true, B::none, [this](Context& c) {
    return json_response(200, to_json(current_accounts()->me(c.principal)));
  });
  add("PATCH", api + "/me", true, B::json, [this](Context& c) {
    const auto update = profile_update_from(parse_object(c.request.body));
    return json_response(200, to_json(current_accounts()->update_profile(c.principal, update)));
  });
  add("DELETE", api + "/me", true, B::none, [this](Context& c) {
    current_accounts()->delete_account(c.principal);
    return no_content();
  });
  add("PUT", api + "/me/password", true, B::json, [this](Context& c) {
    const auto body = parse_object(c.request.body);
    current_accounts()->change_password(c.principal, required_string(body, "current_password"),
                                        required_string(body, "new_password"));
    return no_content();
  });

  add("GET", api + "/dogs", true, B::none, [this](Context& c) {
    json::array items;
    for (const auto& dog : dogs.list(c.principal)) items.push_back(to_json(dog));
    return json_response(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
  });
  add("POST", api + "/dogs", true, B::json, [this](Context& c) {
    const auto dog = dogs.create(c.principal, dog_input_from(parse_object(c.request.body)));
    return created(to_json(dog), std::string(kApi) + "/dogs/" + dog.id);
  });
  add("GET", api + "/dogs/{id}", true, B::none, [this](Context& c) {
    return json_response(200, to_json(dogs.get(c.principal, c.params[0])));
  });
  add("PATCH", api + "/dogs/{id}", true, B::json, [this](Context& c) {
    const auto patch = dog_patch_from(parse_object(c.request.body));
    return json_response(200, to_json(dogs.update(c.principal, c.params[0], patch)));
  });
  add("DELETE", api + "/dogs/{id}", true, B::none, [this](Context& c) {
    dogs.remove(c.principal, c.params[0]);
    return no_content();
  });

  add("GET", api + "/catalog/defaults", true, B::none, [this](Context&) {
    json::array triggers, reactions;
    for (const auto& item : catalog.defaults(CatalogKind::trigger))
      triggers.push_back(to_json(item));
    for (const auto& item : catalog.defaults(CatalogKind::reaction))
      reactions.push_back(to_json(item));
    return json_response(
        200, json::object{{"triggers", std::move(triggers)}, {"reactions", std::move(reactions)}});
  });
  add("POST", api + "/onboarding", true, B::json, [this](Context& c) {
    try {
      catalog.onboard(c.principal, onboarding_from(parse_object(c.request.body)));
    } catch (const Error& error) {
      // The library's trigger_ids[i] is the body's trigger_ids[i]: a
      // 422 must point at a member the client sent.
      constexpr std::string_view library_prefix = "default_";
      if (error.code() != ErrorCode::invalid_argument ||
          !error.field().starts_with(library_prefix)) {
        throw;
      }
      throw Error(error.code(), error.what(), error.field().substr(library_prefix.size()));
    }
    return json_response(200, to_json(current_accounts()->me(c.principal)));
  });

  for (const auto kind : {CatalogKind::trigger, CatalogKind::reaction}) {
    const std::string base = api + (kind == CatalogKind::trigger ? "/triggers" : "/reactions");
    add("GET", base, true, B::none, [this, kind](Context& c) {
      bool archived = false;
      if (const auto v = query_value(c.request, "include_archived")) {
        if (*v != "true" && *v != "false")
          throw QueryError{"include_archived", "must be true or false"};
        archived = *v == "true";
      }
      json::array items;
      for (const auto& item : catalog.list(c.principal, kind, archived))
        items.push_back(to_json(item));
      return json_response(200,
                           json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
    });
    add("POST", base, true, B::json, [this, kind, base](Context& c) {
      const auto item =
          catalog.create(c.principal, kind, required_string(parse_object(c.request.body), "name"));
      return created(to_json(item), base + "/" + item.id);
    });
    add("GET", base + "/{id}", true, B::none, [this, kind](Context& c) {
      return json_response(200, to_json(catalog.get(c.principal, kind, c.params[0])));
    });
    add("PATCH", base + "/{id}", true, B::json, [this, kind](Context& c) {
      const auto name = required_string(parse_object(c.request.body), "name");
      return json_response(200, to_json(catalog.rename(c.principal, kind, c.params[0], name)));
    });
    add("DELETE", base + "/{id}", true, B::none, [this, kind](Context& c) {
      catalog.remove(c.principal, kind, c.params[0]);
      return no_content();
    });
  }

  add("GET", api + "/observations", true, B::none, [this](Context& c) {
    return json_response(200, to_json(observations.search(c.principal, search_query(c.request))));
  });
  add("POST", api + "/observations", true, B::json, [this](Context& c) {
    const auto o =
        observations.create(c.principal, observation_input_from(parse_object(c.request.body)));
    return created(to_json(o), std::string(kApi) + "/observations/" + o.id);
  });
  add("GET", api + "/observations/export.csv", true, B::none, [this](Context& c) {
    const auto query = search_query(c.request);
    std::string buffer;
    bool begun = false;
    auto& writer = *c.request.writer;
    const auto begin = [&] {
      writer.begin(200, {{"Content-Type", "text/csv; charset=utf-8"},
                         {"Content-Disposition", "attachment; filename=\"observations.csv\""}});
      begun = true;
    };
    Response r;
    r.streamed = true;
    try {
      observations.export_csv(c.principal, query, [&](std::string_view chunk) {
        buffer += chunk;
        if (buffer.size() >= 32 * 1024) {
          if (!begun) begin();
          writer.write(buffer);
          buffer.clear();
        }
      });
      if (!begun) begin();
      writer.write(buffer);
      writer.finish();
      r.status = 200;
    } catch (...) {
      if (!begun) throw;  // an ordinary error response
      r.status = 200;
      r.aborted = true;
    }
    return r;
  });
  add("GET", api + "/observations/{id}", true, B::none, [this](Context& c) {
    return json_response(200, to_json(observations.get(c.principal, c.params[0])));
  });
  add("PATCH", api + "/observations/{id}", true, B::json, [this](Context& c) {
    const auto patch = observation_patch_from(parse_object(c.request.body));
    return json_response(200, to_json(observations.update(c.principal, c.params[0], patch)));
  });
  add("DELETE", api + "/observations/{id}", true, B::none, [this](Context& c) {
    observations.remove(c.principal, c.params[0]);
    return no_content();
  });

  add("GET", api + "/calendar", true, B::none, [this](Context& c) {
    const auto year = query_value(c.request, "year");
    const auto month = query_value(c.request, "month");
    if (!year) throw QueryError{"year", "is required"};
    if (!month) throw QueryError{"month", "is required"};
    const auto result =
        calendar.month(c.principal, query_value(c.request, "dog_id"),
                       parse_number<int>("year", *year), parse_number<unsigned>("month", *month));
    return json_response(200, to_json(result));
  });
  add("GET", api + "/analytics", true, B::none, [this](Context& c) {
    AnalyticsQuery q;
    q.dog_id = query_value(c.request, "dog_id");
    q.from = query_date(c.request, "from");
    q.to = query_date(c.request, "to");
    if (const auto period = query_value(c.request, "period")) {
      static const std::map<std::string, Period> names = {{"all", Period::all},
                                                          {"this_year", Period::this_year},
                                                          {"this_month", Period::this_month},
                                                          {"this_week", Period::this_week},
                                                          {"custom", Period::custom}};
      const auto it = names.find(*period);
      if (it == names.end()) {
        throw QueryError{"period", "must be one of all, this_year, this_month, this_week, custom"};
      }
      q.period = it->second;
    } else if (q.from || q.to) {
      q.period = Period::custom;
    }
    if (const auto month = query_value(c.request, "month")) {
      int y = 0;
      unsigned m = 0;
      char dash = 0;
      std::istringstream in(*month);
      if (month->size() != 7 || !(in >> y >> dash >> m) || dash != '-' || m < 1 || m > 12) {
        throw QueryError{"month", "must be a month written YYYY-MM"};
      }
      q.month = std::chrono::year(y) / std::chrono::month(m);
    }
    return json_response(200, to_json(analytics.report(c.principal, q)));
  });
}

Application::Application(const Config& config) : impl_(std::make_unique<Impl>(config)) {}
Application::~Application() = default;

bool Application::runs_inline(const Request& request) const {
  // Never anything that touches the database or the disk much.
  return request.path == "/healthz" || request.path == "/openapi.json" || request.path == "/docs" ||
         request.path == "/docs/";
}

Response Application::problem(int status, std::string_view detail) {
  return problem_response(status, detail);
}

Response Application::handle(Request& request) {
  auto& impl = *impl_;
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
  if (const auto* forwarded = request.header("x-forwarded-for");
      forwarded && impl.config.trust_forwarded_for) {
    const auto first = forwarded->substr(0, forwarded->find(','));
    const auto begin = first.find_first_not_of(' ');
    if (begin != std::string::npos) {
      request.client_address = first.substr(begin, first.find_last_not_of(' ') - begin + 1);
    }
  }

  Response response;
  std::string route_name = "unmatched";
  try {
    response = [&]() -> Response {
      const auto& path = request.path;
      const bool get = request.method == "GET" || request.method == "HEAD";
      if (path == "/healthz") {
        route_name = path;
        return json_response(200, json::object{{"status", "ok"}});
      }
      if (path == "/readyz") {
        route_name = path;
        if (impl.database.ready()) return json_response(200, json::object{{"status", "ready"}});
        return problem_response(503, "The database is unreachable or its schema is not current.");
      }
      if (path == "/metrics" && get) {
        route_name = path;
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = impl.metrics.scrape();
        return r;
      }
      if (path == "/openapi.json" && get) {
        route_name = path;
        Response r;
        r.content_type = "application/json";
        r.body = std::string(openapi_document());
        return r;
      }
      if ((path == "/docs" || path == "/docs/") && get) {
        route_name = "/docs";
        Response r;
        r.content_type = "text/html; charset=utf-8";
        r.body =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>dogcare API</title>"
            "<link rel=\"stylesheet\" href=\"/docs/swagger-ui.css\"></head><body>"
            "<div id=\"swagger-ui\"></div><script src=\"/docs/swagger-ui-bundle.js\"></script>"
            "<script src=\"/docs/swagger-initializer.js\"></script></body></html>";
        return r;
      }
      if (path == "/docs/swagger-initializer.js" && get) {
        route_name = "/docs/{file}";
        Response r;
        r.content_type = "text/javascript";
        r.body =
            "window.onload = function () { window.ui = SwaggerUIBundle({ url: '/openapi.json', "
            "dom_id: '#swagger-ui' }); };";
        return r;
      }
      if (path.starts_with("/docs/") && get) {
        route_name = "/docs/{file}";
        const std::string file = path.substr(6);
        if (impl.config.docs_dir.empty() || file.empty() ||
            file.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") !=
                std::string::npos ||
            file.starts_with(".")) {
          return problem_response(404, "No such file.");
        }
        const auto full = std::filesystem::path(impl.config.docs_dir) / file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(full, ec))
          return problem_response(404, "No such file.");
        Response r;
        r.content_type = file.ends_with(".js")     ? "text/javascript"
                         : file.ends_with(".css")  ? "text/css"
                         : file.ends_with(".png")  ? "image/png"
                         : file.ends_with(".html") ? "text/html; charset=utf-8"
                                                   : "application/octet-stream";
        r.headers.emplace_back("Cache-Control", "public, max-age=86400");
        r.body = read_file(full);
        return r;
      }

      const auto segments = split_path(path);
      std::vector<std::string> allowed;
      for (auto& route : impl.routes) {
        if (route.segments.size() != segments.size()) continue;
        std::vector<std::string> params;
        bool match = true;
        for (std::size_t i = 0; i < segments.size() && match; ++i) {
          if (route.segments[i] == "{id}") {
            if (segments[i].empty()) match = false;
            params.push_back(segments[i]);
          } else if (route.segments[i] != segments[i]) {
            match = false;
          }
        }
        if (!match) continue;
        if (route.method != request.method &&
            !(route.method == "GET" && request.method == "HEAD")) {
          allowed.push_back(route.method);
          continue;
        }
        route_name = route.pattern;
        if (route.pattern.starts_with(std::string(kApi) + "/auth/")) {
          const auto wait = impl.auth_limiter.acquire(request.client_address);
          if (wait > 0) {
            Response r = problem_response(
                429, "Too many requests to the authentication routes from this client.");
            r.headers.emplace_back("Retry-After", std::to_string(wait));
            return r;
          }
        }
        if (route.body != Route::Body::none) {
          const auto* type = request.header("content-type");
          const std::string media = type ? lower(type->substr(0, type->find(';'))) : "";
          const auto trimmed = media.substr(0, media.find_last_not_of(' ') + 1);
          const bool json_ok = trimmed == "application/json";
          const bool form_ok = route.body == Route::Body::json_or_form &&
                               trimmed == "application/x-www-form-urlencoded";
          if (!json_ok && !form_ok) {
            return problem_response(
                415, route.body == Route::Body::json_or_form
                         ? "Send the body as application/json or application/x-www-form-urlencoded."
                         : "Send the body as application/json.");
          }
        }
        const auto* authorization = request.header("authorization");
        if (route.authenticated &&
            (!authorization || lower(authorization->substr(0, 7)) != "bearer ")) {
          Response r =
              problem_response(401, "Send an access token: Authorization: Bearer <token>.");
          r.headers.emplace_back("WWW-Authenticate", "Bearer");
          return r;
        }
        // Only the library makes a Principal; unauthenticated routes run as nobody.
        Context context{request, std::move(params),
                        route.authenticated
                            ? impl.current_accounts()->authenticate(authorization->substr(7))
                            : Principal{}};
        Response r = route.run(context);
        r.user_id = context.principal.user_id;
        return r;
      }
      if (!allowed.empty()) {
        Response r = problem_response(405, "This route does not accept " + request.method + ".");
        std::string allow;
        for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
        r.headers.emplace_back("Allow", allow);
        return r;
      }
      return problem_response(404, "No such route.");
    }();
  } catch (const ShapeError& error) {
    response = invalid("body", error.path(), error.what());
  } catch (const QueryError& error) {
    response = invalid("query", error.name, error.message);
  } catch (const Error& error) {
    switch (error.code()) {
      case ErrorCode::invalid_argument: {
        const bool query = request.method == "GET";
        response = invalid(query ? "query" : "body",
                           query ? error.field() : body_path(error.field()), error.what(), true);
        break;
      }
      case ErrorCode::not_found:
        response = problem_response(404, error.what());
        break;
      case ErrorCode::conflict:
        response = problem_response(409, error.what());
        break;
      case ErrorCode::unauthenticated:
        response = problem_response(401, error.what());
        response.headers.emplace_back("WWW-Authenticate", "Bearer");
        break;
      case ErrorCode::rate_limited:
        response = problem_response(429, error.what());
        response.headers.emplace_back(
            "Retry-After", std::to_string(std::max<long>(1, error.retry_after().count())));
        break;
      case ErrorCode::unavailable:
        response = problem_response(503, error.what());
        response.headers.emplace_back("Retry-After", "5");
        break;
      case ErrorCode::internal:
        response = problem_response(500, "An internal error occurred.");
        break;
    }
  } catch (const std::exception& error) {
    impl.log_event("unexpected_exception", error.what());
    response = problem_response(500, "An internal error occurred.");
  }
  response.route = route_name;
  if (!response.streamed) response.headers.emplace_back("X-Request-Id", request_id);
  return response;
}

void Application::completed(const Request& request, const Response& response, double seconds,
                            std::size_t bytes) {
  auto& impl = *impl_;
  const std::string route = response.route.empty() ? "unmatched" : response.route;
  impl.metrics.observe(request.method, route, response.status, seconds);
  if (impl.config.log_level == "quiet" && response.status < 500) return;
  const auto* id = request.header("x-request-id");
  json::object line{{"time", format_timestamp(now_utc())},
                    {"request_id", id ? *id : std::string()},
                    {"method", request.method},
                    {"route", route},
                    {"status", response.status},
                    {"duration_ms", seconds * 1000.0},
                    {"bytes", bytes},
                    {"client", request.client_address}};
  if (!response.user_id.empty()) line["user_id"] = response.user_id;
  const auto text = json::serialize(line);
  std::lock_guard lock(impl.log_mutex);
  std::cout << text << '\n' << std::flush;
}

void Application::in_flight(int delta) {
  impl_->metrics.in_flight(delta);
}

void Application::tick() {
  impl_->reload_keys(false);
}

void Application::reload() {
  impl_->log_event("reload", "SIGHUP: re-reading the JWT keys file");
  impl_->reload_keys(true);
}

void Application::close() {
  impl_->database.close();
}

}  // namespace dogcare::http
