// The OpenAPI 3.1 document, generated from the route table and the records'
// descriptions once at start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "route.hpp"

namespace dogcare::http {

std::string openapi_document(const std::vector<Route>& routes, std::string_view version);

}  // namespace dogcare::http
