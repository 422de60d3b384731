// What operators and tools use: liveness, readiness, Prometheus metrics, the
// OpenAPI document and the Swagger UI that reads it (served from disk, so
// /docs works offline).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http_records.hpp"
#include "problem.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Response text(std::string_view content_type, std::string body) {
  Response r;
  r.content_type = content_type;
  r.body = std::move(body);
  return r;
}

Response docs_page(Context&) {
  return text("text/html; charset=utf-8",
              "<!doctype html><html><head><meta charset=\"utf-8\"><title>dogcare API</title>"
              "<link rel=\"stylesheet\" href=\"/docs/swagger-ui.css\"></head><body>"
              "<div id=\"swagger-ui\"></div><script src=\"/docs/swagger-ui-bundle.js\"></script>"
              "<script src=\"/docs/swagger-initializer.js\"></script></body></html>");
}

Response docs_file(Services& s, Context& c) {
  const std::string& file = c.params[0];
  if (s.config.docs_dir.empty() || file.empty() ||
      file.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") != std::string::npos ||
      file.starts_with(".")) {
    return problem_response(404, "No such file.");
  }
  const auto full = std::filesystem::path(s.config.docs_dir) / file;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) return problem_response(404, "No such file.");
  Response r = text(file.ends_with(".js")     ? "text/javascript"
                    : file.ends_with(".css")  ? "text/css"
                    : file.ends_with(".png")  ? "image/png"
                    : file.ends_with(".html") ? "text/html; charset=utf-8"
                                              : "application/octet-stream",
                    read_file(full));
  r.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return r;
}

RouteBuilder operation(std::string method, std::string path, std::string_view summary) {
  return RouteBuilder(std::move(method), std::move(path), summary, "operations").open();
}

}  // namespace

std::vector<Route> operation_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(operation("GET", "/healthz", "Alive")
                       .inline_on_io_thread()
                       .no_problems()
                       .answers<Status>(200, "alive")
                       .runs([](Context&) { return json_reply(200, Status{"ok"}); }));
  routes.push_back(
      operation("GET", "/readyz", "Ready: the database answers and its schema is current")
          .answers<Status>(200, "ready")
          .runs([&s](Context&) {
            if (s.database.ready()) return json_reply(200, Status{"ready"});
            return problem_response(503,
                                    "The database is unreachable or its schema is not current.");
          }));
  routes.push_back(operation("GET", "/metrics", "Prometheus metrics")
                       .no_problems()
                       .answers_raw(200, "Prometheus text format", "text/plain")
                       .runs([&s](Context&) {
                         return text("text/plain; version=0.0.4; charset=utf-8",
                                     s.metrics.scrape());
                       }));
  routes.push_back(operation("GET", "/openapi.json", "This document")
                       .inline_on_io_thread()
                       .no_problems()
                       .answers_raw(200, "OpenAPI 3.1", "application/json")
                       .runs([&s](Context&) { return text("application/json", s.openapi_json); }));
  for (const char* path : {"/docs", "/docs/"}) {
    routes.push_back(operation("GET", path, "Swagger UI")
                         .inline_on_io_thread()
                         .no_problems()
                         .answers_raw(200, "The Swagger UI page", "text/html")
                         .runs(&docs_page));
  }
  routes.push_back(operation("GET", "/docs/swagger-initializer.js", "Swagger UI's start script")
                       .inline_on_io_thread()
                       .no_problems()
                       .answers_raw(200, "JavaScript", "text/javascript")
                       .runs([](Context&) {
                         return text("text/javascript",
                                     "window.onload = function () { window.ui = SwaggerUIBundle({ "
                                     "url: '/openapi.json', dom_id: '#swagger-ui' }); };");
                       }));
  routes.push_back(operation("GET", "/docs/{file}", "Swagger UI's files")
                       .answers_raw(200, "A file of swagger-ui-dist", "*/*")
                       .runs([&s](Context& c) { return docs_file(s, c); }));
  return routes;
}

}  // namespace dogcare::http
