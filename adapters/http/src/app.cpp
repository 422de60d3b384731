#include "app.hpp"

#include "json_writer.hpp"
#include "middleware.hpp"
#include "openapi.hpp"
#include "problem.hpp"
#include "router.hpp"
#include "routes/routes.hpp"
#include "services.hpp"

#ifndef DOGCARE_VERSION
#define DOGCARE_VERSION "0.1.0"
#endif

namespace dogcare::http {

struct Application::Impl {
  explicit Impl(const Config& config) : services(config) {
    router.add(auth_routes(services));
    router.add(me_routes(services));
    router.add(dog_routes(services));
    router.add(catalog_routes(services));
    router.add(observation_routes(services));
    router.add(view_routes(services));
    router.add(professional_profile_routes(services));
    router.add(sharing_routes(services));
    router.add(comment_routes(services));
    router.add(operation_routes(services));
    services.openapi_json = openapi_document(router.routes(), DOGCARE_VERSION);
  }

  // background() only: the server runs it on one worker at a time.
  std::chrono::steady_clock::time_point next_gauges{};
  bool gauges_failing = false;

  // The route's answer, after the middleware; errors thrown on the way are
  // the caller's to map.
  Response dispatch(Request& request, std::string& route_name) {
    auto match = router.match(request.method, request.path);
    if (!match.route) {
      if (match.allowed.empty()) return problem_response(404, "No such route.");
      Response r = problem_response(405, "This route does not accept " + request.method + ".");
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    const Route& route = *match.route;
    route_name = route.pattern;
    if (auto refused = limit_rate(route, request, services.auth_limiter)) return *refused;
    if (auto refused = check_content_type(route, request)) return *refused;
    // Only the library makes a Principal; unauthenticated routes run as nobody.
    Context context{request, route, std::move(match.params),
                    authenticate(route, request, *services.current_accounts())};
    Response r = route.run(context);
    r.user_id = context.principal.user_id;
    return r;
  }

  Services services;
  Router router;
};

Application::Application(const Config& config) : impl_(std::make_unique<Impl>(config)) {}
Application::~Application() = default;

bool Application::runs_inline(const Request& request) const {
  const auto match = impl_->router.match(request.method, request.path);
  return match.route && match.route->runs == Runs::io_thread;
}

Response Application::problem(int status, std::string_view detail) {
  return problem_response(status, detail);
}

Response Application::handle(Request& request) {
  auto& services = impl_->services;
  const std::string request_id = assign_request_id(request);
  resolve_client_address(request, services.config.trust_forwarded_for);
  Response response;
  std::string route_name = "unmatched";
  try {
    response = impl_->dispatch(request, route_name);
  } catch (...) {
    response = response_for_current_exception(request, services);
  }
  response.route = route_name;
  response.headers.emplace_back("X-Request-Id", request_id);
  return response;
}

void Application::completed(const Request& request, const Response& response, double seconds,
                            std::size_t bytes) {
  auto& services = impl_->services;
  const std::string route = response.route.empty() ? "unmatched" : response.route;
  services.metrics.observe(request.method, route, response.status, seconds);
  if (services.config.log_level == "quiet" && response.status < 500) return;
  const auto* id = request.header("x-request-id");
  std::string line;
  JsonWriter w(line);
  w.begin_object();
  w.key("time");
  w.string(format_timestamp(now_utc()));
  w.key("request_id");
  w.string(id ? *id : std::string());
  w.key("method");
  w.string(request.method);
  w.key("route");
  w.string(route);
  w.key("status");
  w.integer(response.status);
  w.key("duration_ms");
  w.number(seconds * 1000.0);
  w.key("bytes");
  w.unsigned_integer(bytes);
  w.key("client");
  w.string(request.client_address);
  if (response.aborted) {
    w.key("aborted");  // a stream cut short: error, client gone or write timeout
    w.boolean(true);
  }
  if (!response.user_id.empty()) {
    w.key("user_id");
    w.string(response.user_id);
  }
  w.end_object();
  services.log_line(line);
}

void Application::in_flight(int delta) {
  impl_->services.metrics.in_flight(delta);
}

// The database-wide gauges, counted by each replica every metrics_refresh;
// a failure (the database away) leaves the last figures and is logged once.
void Application::background() {
  auto& services = impl_->services;
  const auto now = std::chrono::steady_clock::now();
  if (now < impl_->next_gauges) return;
  impl_->next_gauges = now + services.config.metrics_refresh;
  try {
    services.sharing->refresh_metrics();
    impl_->gauges_failing = false;
  } catch (const std::exception& error) {
    if (!impl_->gauges_failing) services.log_event("metrics_refresh_failed", error.what());
    impl_->gauges_failing = true;
  }
}

void Application::tick() {
  impl_->services.reload_keys(false);
}

void Application::reload() {
  impl_->services.log_event("reload", "SIGHUP: re-reading the JWT keys file");
  impl_->services.reload_keys(true);
}

void Application::close() {
  impl_->services.database.close();
}

}  // namespace dogcare::http
