// Base64url without padding (RFC 4648 section 5), as JWTs use it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dogcare::security {

std::string base64url_encode(std::string_view bytes);

// Strict: refuses padding, characters outside the url-safe alphabet, a
// length that no encoding produces and non-zero unused trailing bits, so
// every value has exactly one accepted encoding.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace dogcare::security
