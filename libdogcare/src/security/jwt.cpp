#include "security/jwt.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <boost/json.hpp>
#include <climits>
#include <fstream>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "security/base64url.hpp"

namespace dogcare::security {
namespace {

namespace json = boost::json;

constexpr std::size_t kMinSecretBytes = 32;
constexpr std::size_t kSignatureBytes = 32;  // SHA-256
// Times beyond year 9999 are nonsense in a token and would overflow Timestamp.
constexpr std::int64_t kMaxEpochSeconds = 253402300799;

[[noreturn]] void reject(const std::string& why) {
  throw Error(ErrorCode::unauthenticated, "access token rejected: " + why);
}

std::string hmac_sha256(std::string_view secret, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
           &length) == nullptr ||
      length != kSignatureBytes) {
    throw Error(ErrorCode::internal, "HMAC-SHA256 failed");
  }
  return std::string(reinterpret_cast<const char*>(out), length);
}

const SigningKey* find_key(const TokenOptions& options, std::string_view kid) {
  for (const SigningKey& key : options.keys) {
    if (key.kid == kid) return &key;
  }
  return nullptr;
}

std::optional<json::object> parse_object(std::string_view base64) {
  const auto text = base64url_decode(base64);
  if (!text) return std::nullopt;
  boost::system::error_code error;
  json::value value = json::parse(*text, error);
  if (error || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

const json::string* string_member(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value ? value->if_string() : nullptr;
}

std::optional<std::int64_t> integer_member(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (const auto* i = value->if_int64()) return *i;
  if (const auto* u = value->if_uint64(); u && *u <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(*u);
  }
  return std::nullopt;
}

std::int64_t epoch_seconds(Timestamp instant) {
  return std::chrono::floor<std::chrono::seconds>(instant).time_since_epoch().count();
}

Timestamp from_epoch_seconds(std::int64_t seconds) {
  return Timestamp{std::chrono::seconds{seconds}};
}

}  // namespace

void validate_token_options(const TokenOptions& options) {
  if (options.keys.empty()) throw_invalid("keys", "at least one signing key is required");
  std::set<std::string_view> kids;
  for (std::size_t i = 0; i < options.keys.size(); ++i) {
    const SigningKey& key = options.keys[i];
    const std::string field = "keys[" + std::to_string(i) + "]";
    if (key.kid.empty()) throw_invalid(field + ".kid", "a signing key needs a kid");
    if (!kids.insert(key.kid).second) {
      throw_invalid(field + ".kid", "two signing keys share the same kid");
    }
    if (key.secret.size() < kMinSecretBytes) {
      throw_invalid(field + ".secret", "a signing key secret must be at least 32 bytes");
    }
  }
  if (find_key(options, options.current_kid) == nullptr) {
    throw_invalid("current_kid", "current_kid must name one of the signing keys");
  }
  if (options.ttl <= std::chrono::seconds{0}) {
    throw_invalid("ttl", "the token lifetime must be positive");
  }
  if (options.issuer.empty()) throw_invalid("issuer", "the token issuer must not be empty");
}

AccessClaims new_access_claims(std::string subject, int token_version, Timestamp now,
                               const TokenOptions& options) {
  unsigned char random[16];
  if (RAND_bytes(random, sizeof random) != 1) {
    throw Error(ErrorCode::internal, "no randomness available for a token id");
  }
  AccessClaims claims;
  claims.subject = std::move(subject);
  claims.token_version = token_version;
  claims.issued_at = std::chrono::floor<std::chrono::seconds>(now);
  claims.expires_at = claims.issued_at + options.ttl;
  claims.token_id =
      base64url_encode(std::string_view(reinterpret_cast<const char*>(random), sizeof random));
  return claims;
}

std::string sign_token(const AccessClaims& claims, const TokenOptions& options) {
  validate_token_options(options);
  if (claims.subject.empty()) throw_invalid("subject", "a token needs a subject");
  if (claims.token_id.empty()) throw_invalid("token_id", "a token needs a token id");
  if (claims.token_version < 0) {
    throw_invalid("token_version", "the token version must not be negative");
  }
  const std::int64_t iat = epoch_seconds(claims.issued_at);
  const std::int64_t exp = epoch_seconds(claims.expires_at);
  if (exp <= iat || exp > kMaxEpochSeconds || iat < 0) {
    throw_invalid("expires_at", "a token must expire after it is issued");
  }
  const SigningKey& key = *find_key(options, options.current_kid);
  const json::object header{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", key.kid}};
  const json::object payload{
      {"sub", claims.subject},       {"iat", iat},           {"exp", exp}, {"jti", claims.token_id},
      {"ver", claims.token_version}, {"iss", options.issuer}};
  std::string token =
      base64url_encode(json::serialize(header)) + "." + base64url_encode(json::serialize(payload));
  token += "." + base64url_encode(hmac_sha256(key.secret, token));
  return token;
}

AccessClaims verify_token(std::string_view token, const TokenOptions& options, Timestamp now) {
  validate_token_options(options);
  if (token.empty() || token.size() > kMaxTokenBytes) reject("malformed token");
  const auto first_dot = token.find('.');
  const auto second_dot =
      first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos ||
      token.find('.', second_dot + 1) != std::string_view::npos) {
    reject("malformed token");
  }
  const std::string_view header_part = token.substr(0, first_dot);
  const std::string_view payload_part = token.substr(first_dot + 1, second_dot - first_dot - 1);
  const std::string_view signature_part = token.substr(second_dot + 1);

  const auto header = parse_object(header_part);
  if (!header) reject("malformed token header");
  const json::string* alg = string_member(*header, "alg");
  if (alg == nullptr) reject("malformed token header");
  // Only HS256: "none", RS256 and every other algorithm are refused before
  // any key is touched, so no algorithm confusion is possible.
  if (*alg != "HS256") reject("unsupported signing algorithm");
  if (const json::value* typ = header->if_contains("typ");
      typ != nullptr && !(typ->is_string() && typ->get_string() == "JWT")) {
    reject("unsupported token type");
  }
  if (header->contains("crit")) reject("unsupported critical header");
  const json::string* kid = string_member(*header, "kid");
  if (kid == nullptr) reject("missing key id");
  const SigningKey* key = find_key(options, std::string_view(kid->data(), kid->size()));
  if (key == nullptr) reject("unknown signing key");

  const auto signature = base64url_decode(signature_part);
  const std::string expected =
      hmac_sha256(key->secret, token.substr(0, second_dot));  // header "." payload
  if (!signature || signature->size() != expected.size() ||
      CRYPTO_memcmp(signature->data(), expected.data(), expected.size()) != 0) {
    reject("bad signature");
  }

  const auto payload = parse_object(payload_part);
  if (!payload) reject("malformed token payload");
  const json::string* sub = string_member(*payload, "sub");
  const json::string* jti = string_member(*payload, "jti");
  const json::string* iss = string_member(*payload, "iss");
  const auto iat = integer_member(*payload, "iat");
  const auto exp = integer_member(*payload, "exp");
  const auto ver = integer_member(*payload, "ver");
  if (sub == nullptr || sub->empty() || jti == nullptr || jti->empty() || iss == nullptr || !iat ||
      !exp || !ver) {
    reject("missing claim");
  }
  if (*iat < 0 || *iat > kMaxEpochSeconds || *exp < 0 || *exp > kMaxEpochSeconds || *ver < 0 ||
      *ver > INT_MAX) {
    reject("claim out of range");
  }
  if (*iss != options.issuer) reject("wrong issuer");
  const Timestamp issued_at = from_epoch_seconds(*iat);
  const Timestamp expires_at = from_epoch_seconds(*exp);
  if (now >= expires_at + kClockLeeway) reject("expired");
  if (issued_at > now + kClockLeeway) reject("issued in the future");

  AccessClaims claims;
  claims.subject = std::string(sub->data(), sub->size());
  claims.token_version = static_cast<int>(*ver);
  claims.issued_at = issued_at;
  claims.expires_at = expires_at;
  claims.token_id = std::string(jti->data(), jti->size());
  return claims;
}

}  // namespace dogcare::security

namespace dogcare {

TokenOptions load_signing_keys(const std::filesystem::path& file, std::chrono::seconds ttl) {
  constexpr std::string_view kField = "jwt_keys_file";
  const auto invalid = [&](const std::string& why) {
    throw Error(ErrorCode::invalid_argument, "the JWT keys file " + file.string() + " " + why,
                std::string(kField));
  };
  std::ifstream in(file);
  if (!in) invalid("cannot be read");
  TokenOptions options;
  options.ttl = ttl;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0) {
      invalid("has a line (" + std::to_string(number) + ") that is not kid=secret");
    }
    options.keys.push_back({trim(line.substr(0, eq)), trim(line.substr(eq + 1))});
  }
  if (options.keys.empty()) invalid("holds no key");
  options.current_kid = options.keys.front().kid;
  try {
    security::validate_token_options(options);
  } catch (const Error& error) {
    invalid("is not usable: " + std::string(error.what()));
  }
  return options;
}

}  // namespace dogcare
