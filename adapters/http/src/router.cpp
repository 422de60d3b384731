#include "router.hpp"

#include <string_view>

namespace dogcare::http {

namespace {

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

bool is_placeholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(Route route) {
  route.segments = split_path(route.pattern);
  routes_.push_back(std::move(route));
}

void Router::add(std::vector<Route> routes) {
  for (auto& route : routes) add(std::move(route));
}

Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  const auto segments = split_path(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::vector<std::string> params;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      if (is_placeholder(route.segments[i])) {
        if (segments[i].empty()) match = false;
        params.push_back(segments[i]);
      } else if (route.segments[i] != segments[i]) {
        match = false;
      }
    }
    if (!match) continue;
    if (route.method != method && !(route.method == "GET" && method == "HEAD")) {
      result.allowed.push_back(route.method);
      continue;
    }
    result.route = &route;
    result.params = std::move(params);
    return result;
  }
  return result;
}

}  // namespace dogcare::http
