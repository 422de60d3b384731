// Single-use secrets handed to a person (a password reset link, a share
// code): random, url-safe, and stored only as their SHA-256 so a copy of the
// database lets nobody use them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dogcare::security {

inline constexpr std::size_t kSecretTokenBytes = 32;

// `bytes` from OpenSSL's CSPRNG, base64url without padding (43 characters for 32 bytes).
std::string random_token(std::size_t bytes = kSecretTokenBytes);

// The SHA-256 of `text` in lower-case hex: what is stored in place of a token.
std::string sha256_hex(std::string_view text);

}  // namespace dogcare::security
