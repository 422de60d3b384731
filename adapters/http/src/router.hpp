// Finds the route of a request: path segments against the table's patterns,
// then the method (HEAD as GET); the methods of a path for 405's Allow.
#pragma once

#include <string>
#include <vector>

#include "route.hpp"

namespace dogcare::http {

struct Match {
  const Route* route = nullptr;
  std::vector<std::string> params;
  std::vector<std::string> allowed;  // when the path matched but not the method
};

class Router {
 public:
  void add(Route route);
  void add(std::vector<Route> routes);
  Match match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace dogcare::http
