// adapters/http/openapi.json, embedded at build time.
#pragma once

#include <string_view>

namespace dogcare::http {
std::string_view openapi_document();
}
