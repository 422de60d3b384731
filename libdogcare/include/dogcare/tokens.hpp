// Access tokens: JWT (HS256) signed with a rotating set of keys.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace dogcare {

struct SigningKey {
  std::string kid;     // key id, written in the token header
  std::string secret;  // at least 32 bytes of randomness; never logged
};

struct TokenOptions {
  // Tokens are signed with the key whose kid is current_kid and verified
  // with any listed key, so a key can be rotated in before it signs and kept
  // after it stops signing until its tokens have expired.
  std::vector<SigningKey> keys;
  std::string current_kid;
  std::chrono::seconds ttl{std::chrono::minutes{30}};
  std::string issuer = "dogcare";
};

// Reads a signing-key file: one `kid=secret` per line (blank lines and `#`
// comments ignored). The first key signs; every key verifies. This is the
// file Vault Agent renders for the server and the UI, so a key is rotated by
// adding it as the second line, moving it first once every replica has it,
// and dropping the old one after its tokens expired.
// Throws Error(invalid_argument, field "jwt_keys_file"); never quotes a secret.
TokenOptions load_signing_keys(const std::filesystem::path& file,
                               std::chrono::seconds ttl = std::chrono::minutes{30});

}  // namespace dogcare
