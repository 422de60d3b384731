// The route table, by resource. Each function returns its resource's
// entries; Application adds them to the router in this order.
#pragma once

#include <vector>

#include "route.hpp"

namespace dogcare::http {

struct Services;

std::vector<Route> auth_routes(Services& services);
std::vector<Route> me_routes(Services& services);
std::vector<Route> dog_routes(Services& services);
std::vector<Route> catalog_routes(Services& services);
std::vector<Route> observation_routes(Services& services);
std::vector<Route> view_routes(Services& services);
std::vector<Route> professional_profile_routes(Services& services);
std::vector<Route> sharing_routes(Services& services);
std::vector<Route> comment_routes(Services& services);
// healthz, readyz, metrics, openapi.json, docs.
std::vector<Route> operation_routes(Services& services);

}  // namespace dogcare::http
