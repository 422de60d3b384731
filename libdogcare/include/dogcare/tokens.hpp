// Access tokens: JWT (HS256) signed with a rotating set of keys.
#pragma once

#include <chrono>
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

}  // namespace dogcare
