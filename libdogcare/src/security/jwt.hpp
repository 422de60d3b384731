// Access tokens: compact JWS (RFC 7515/7519) signed with HMAC-SHA256.
//
// Header {"alg":"HS256","typ":"JWT","kid":...}; payload {"sub","iat","exp",
// "jti","ver","iss"} with times in whole seconds since the epoch. Tokens are
// signed with TokenOptions::current_kid and verified with whichever listed
// key the header names, so keys rotate without logging anyone out.
//
// Revocation (a changed token version, a deleted user) needs the database
// and is the accounts service's check, after verify_token.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "dogcare/time.hpp"
#include "dogcare/tokens.hpp"

namespace dogcare::security {

struct AccessClaims {
  std::string subject;     // the user id ("sub")
  int token_version = 0;   // the user's token version when issued ("ver")
  Timestamp issued_at{};   // "iat"; whole seconds once through a token
  Timestamp expires_at{};  // "exp"; whole seconds once through a token
  std::string token_id;    // unique per token ("jti")
};

// Clock skew tolerated between the replica that signed and the one that
// verifies: a token is still accepted up to this long after "exp", and one
// whose "iat" is up to this far in the future.
inline constexpr std::chrono::seconds kClockLeeway{30};

// Longest token verify_token reads; longer ones are malformed.
inline constexpr std::size_t kMaxTokenBytes = 4096;

// Checks the key set. Throws dogcare::Error(invalid_argument) naming the
// field: "keys" (none), "keys[i].kid" (empty or repeated), "keys[i].secret"
// (shorter than 32 bytes), "current_kid" (not among keys), "ttl" (not
// positive), "issuer" (empty). Messages never contain a secret.
void validate_token_options(const TokenOptions& options);

// Claims for a new token: a random token id, issued now, expiring after
// options.ttl. Times are truncated to whole seconds, as the token keeps them.
AccessClaims new_access_claims(std::string subject, int token_version, Timestamp now,
                               const TokenOptions& options);

// Signs `claims` with the current key. Throws invalid_argument for invalid
// options (see validate_token_options) or claims ("subject", "token_id",
// "token_version" negative, "expires_at" not after issued_at).
std::string sign_token(const AccessClaims& claims, const TokenOptions& options);

// Verifies signature, algorithm, key id, issuer and expiry at `now` (with
// kClockLeeway) and returns the claims. Throws dogcare::Error(unauthenticated)
// for any token that is not acceptable: malformed, an algorithm other than
// HS256 ("none" and RS256 included), an unknown kid, a bad signature
// (compared in constant time), expired or not yet issued, another issuer, a
// missing or mistyped claim. Messages say which, never quoting the token or
// a key. Throws invalid_argument for invalid options.
AccessClaims verify_token(std::string_view token, const TokenOptions& options, Timestamp now);

}  // namespace dogcare::security
