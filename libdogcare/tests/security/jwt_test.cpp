#include "security/jwt.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "dogcare/error.hpp"
#include "security/base64url.hpp"

namespace dogcare::security {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

const std::string kSecretA = "0123456789abcdef0123456789abcdef-key-a";
const std::string kSecretB = "fedcba9876543210fedcba9876543210-key-b";
const Timestamp kNow = Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 25}} + 9h;

TokenOptions options(std::string current = "a") {
  TokenOptions o;
  o.keys = {{"a", kSecretA}, {"b", kSecretB}};
  o.current_kid = std::move(current);
  return o;
}

AccessClaims claims() {
  AccessClaims c;
  c.subject = "0190f1a2-0000-7000-8000-000000000001";
  c.token_version = 3;
  c.issued_at = kNow;
  c.expires_at = kNow + 30min;
  c.token_id = "jti-1";
  return c;
}

std::string hmac(const std::string& secret, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
  return std::string(reinterpret_cast<const char*>(out), length);
}

// A token with any header and payload, correctly signed with `secret`.
std::string forge(const json::object& header, const json::object& payload,
                  const std::string& secret = kSecretA) {
  const std::string signing_input =
      base64url_encode(json::serialize(header)) + "." + base64url_encode(json::serialize(payload));
  return signing_input + "." + base64url_encode(hmac(secret, signing_input));
}

std::string str(const json::value& value) {
  return json::value_to<std::string>(value);
}

json::object standard_header() {
  return {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "a"}};
}

json::object standard_payload() {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(kNow).time_since_epoch().count();
  return {{"sub", "u1"}, {"iat", seconds}, {"exp", seconds + 1800},
          {"jti", "j1"}, {"ver", 0},       {"iss", "dogcare"}};
}

json::object decode_part(const std::string& token, int index) {
  std::size_t begin = 0;
  for (int i = 0; i < index; ++i) begin = token.find('.', begin) + 1;
  const std::string part = token.substr(begin, token.find('.', begin) - begin);
  return json::parse(*base64url_decode(part)).as_object();
}

// The message of the unauthenticated error `token` raises (fails otherwise).
std::string rejection(const std::string& token, Timestamp now = kNow,
                      const TokenOptions& o = options()) {
  try {
    verify_token(token, o, now);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unauthenticated) << error.what();
    const std::string message = error.what();
    EXPECT_EQ(message.find(kSecretA), std::string::npos);
    EXPECT_EQ(message.find(kSecretB), std::string::npos);
    if (!token.empty()) {
      EXPECT_EQ(message.find(token), std::string::npos);
    }
    return message;
  }
  ADD_FAILURE() << "accepted: " << token;
  return {};
}

std::string invalid_field(const TokenOptions& o) {
  try {
    validate_token_options(o);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
    for (const auto& key : o.keys) {
      if (!key.secret.empty()) {
        EXPECT_EQ(std::string(error.what()).find(key.secret), std::string::npos);
      }
    }
    return error.field();
  }
  ADD_FAILURE() << "options accepted";
  return {};
}

TEST(Jwt, SignsAndVerifiesTheClaims) {
  const std::string token = sign_token(claims(), options());
  const AccessClaims back = verify_token(token, options(), kNow + 1min);
  EXPECT_EQ(back.subject, claims().subject);
  EXPECT_EQ(back.token_version, 3);
  EXPECT_EQ(back.issued_at, kNow);
  EXPECT_EQ(back.expires_at, kNow + 30min);
  EXPECT_EQ(back.token_id, "jti-1");
}

TEST(Jwt, WritesTheStandardHeaderAndClaims) {
  const std::string token = sign_token(claims(), options("b"));
  const json::object header = decode_part(token, 0);
  EXPECT_EQ(str(header.at("alg")), "HS256");
  EXPECT_EQ(str(header.at("typ")), "JWT");
  EXPECT_EQ(str(header.at("kid")), "b");
  const json::object payload = decode_part(token, 1);
  const auto seconds = std::chrono::floor<std::chrono::seconds>(kNow).time_since_epoch().count();
  EXPECT_EQ(str(payload.at("sub")), claims().subject);
  EXPECT_EQ(payload.at("iat").as_int64(), seconds);
  EXPECT_EQ(payload.at("exp").as_int64(), seconds + 1800);
  EXPECT_EQ(str(payload.at("jti")), "jti-1");
  EXPECT_EQ(payload.at("ver").as_int64(), 3);
  EXPECT_EQ(str(payload.at("iss")), "dogcare");
  // The signature is HMAC-SHA256 of "header.payload" with key b.
  const auto last_dot = token.rfind('.');
  EXPECT_EQ(*base64url_decode(token.substr(last_dot + 1)),
            hmac(kSecretB, token.substr(0, last_dot)));
}

TEST(Jwt, VerifiesWithAnyListedKeySoKeysCanRotate) {
  const std::string old_token = sign_token(claims(), options("a"));
  EXPECT_EQ(verify_token(old_token, options("b"), kNow).subject, claims().subject);
  TokenOptions retired = options("b");
  retired.keys.erase(retired.keys.begin());  // key a removed
  EXPECT_NE(rejection(old_token, kNow, retired).find("unknown signing key"), std::string::npos);
}

TEST(Jwt, RejectsAlteredTokensAndForeignKeys) {
  const std::string token = sign_token(claims(), options());
  // Raise the token version in the payload, keep the signature.
  json::object payload = decode_part(token, 1);
  payload["ver"] = 4;
  const auto first_dot = token.find('.');
  const auto last_dot = token.rfind('.');
  const std::string altered = token.substr(0, first_dot + 1) +
                              base64url_encode(json::serialize(payload)) + token.substr(last_dot);
  EXPECT_NE(rejection(altered).find("bad signature"), std::string::npos);
  // Same kid, another secret.
  TokenOptions other = options();
  other.keys[0].secret = std::string(40, 'z');
  EXPECT_NE(rejection(sign_token(claims(), other)).find("bad signature"), std::string::npos);
  // Truncated or extended signature.
  EXPECT_NE(rejection(token.substr(0, token.size() - 2)).find("bad signature"), std::string::npos);
  EXPECT_NE(rejection(token + "AA").find("bad signature"), std::string::npos);
}

TEST(Jwt, RejectsEveryAlgorithmButHs256) {
  json::object none = standard_header();
  none["alg"] = "none";
  const std::string unsigned_token = base64url_encode(json::serialize(none)) + "." +
                                     base64url_encode(json::serialize(standard_payload())) + ".";
  EXPECT_NE(rejection(unsigned_token).find("unsupported signing algorithm"), std::string::npos);
  for (const char* alg : {"none", "None", "RS256", "HS384", "HS512", "ES256", "hs256"}) {
    json::object header = standard_header();
    header["alg"] = alg;
    EXPECT_NE(rejection(forge(header, standard_payload())).find("unsupported signing algorithm"),
              std::string::npos)
        << alg;
  }
  json::object no_alg = standard_header();
  no_alg.erase("alg");
  rejection(forge(no_alg, standard_payload()));
  json::object crit = standard_header();
  crit["crit"] = json::array{"exp"};
  rejection(forge(crit, standard_payload()));
  json::object wrong_type = standard_header();
  wrong_type["typ"] = "at+jwt+other";
  rejection(forge(wrong_type, standard_payload()));
  EXPECT_NO_THROW(verify_token(forge(standard_header(), standard_payload()), options(), kNow));
}

TEST(Jwt, RejectsUnknownOrMissingKeyIds) {
  json::object header = standard_header();
  header["kid"] = "c";
  EXPECT_NE(rejection(forge(header, standard_payload())).find("unknown signing key"),
            std::string::npos);
  header.erase("kid");
  rejection(forge(header, standard_payload()));
}

TEST(Jwt, AcceptsUntilExpiryPlusTheLeewayOnly) {
  const std::string token = sign_token(claims(), options());
  const Timestamp exp = claims().expires_at;
  EXPECT_NO_THROW(verify_token(token, options(), exp));
  EXPECT_NO_THROW(verify_token(token, options(), exp + kClockLeeway - 1ms));
  EXPECT_NE(rejection(token, exp + kClockLeeway).find("expired"), std::string::npos);
  EXPECT_NE(rejection(token, exp + 24h).find("expired"), std::string::npos);
}

TEST(Jwt, RejectsTokensIssuedInTheFuture) {
  const std::string token = sign_token(claims(), options());
  EXPECT_NO_THROW(verify_token(token, options(), kNow - kClockLeeway));
  EXPECT_NE(rejection(token, kNow - kClockLeeway - 1s).find("future"), std::string::npos);
}

TEST(Jwt, RejectsAnotherIssuer) {
  TokenOptions elsewhere = options();
  elsewhere.issuer = "someone-else";
  const std::string token = sign_token(claims(), elsewhere);
  EXPECT_NE(rejection(token).find("wrong issuer"), std::string::npos);
}

TEST(Jwt, RejectsMissingOrMistypedClaims) {
  for (const char* claim : {"sub", "iat", "exp", "jti", "ver", "iss"}) {
    json::object payload = standard_payload();
    payload.erase(claim);
    rejection(forge(standard_header(), payload));
    payload = standard_payload();
    payload[claim] = json::array{};
    rejection(forge(standard_header(), payload));
  }
  json::object payload = standard_payload();
  payload["ver"] = "3";
  rejection(forge(standard_header(), payload));
  payload = standard_payload();
  payload["ver"] = -1;
  rejection(forge(standard_header(), payload));
  payload = standard_payload();
  payload["exp"] = 1.7e9;  // a float is not a NumericDate here
  rejection(forge(standard_header(), payload));
  payload = standard_payload();
  payload["sub"] = "";
  rejection(forge(standard_header(), payload));
}

TEST(Jwt, RejectsMalformedTokens) {
  const std::string good = sign_token(claims(), options());
  for (const std::string& bad :
       {std::string(), std::string("abc"), std::string("a.b"), good + ".x", std::string(".."),
        std::string("!!!.???.***"), "Zg==" + good.substr(good.find('.')),
        base64url_encode("[1,2]") + good.substr(good.find('.')),
        base64url_encode("{\"alg\":\"HS256\"") + good.substr(good.find('.')),
        std::string(kMaxTokenBytes + 1, 'a')}) {
    rejection(bad);
  }
  // A payload that is not JSON, correctly signed.
  const std::string header = base64url_encode(json::serialize(standard_header()));
  const std::string input = header + "." + base64url_encode("not json");
  rejection(input + "." + base64url_encode(hmac(kSecretA, input)));
}

TEST(Jwt, ValidatesTheKeySetNamingTheField) {
  TokenOptions o = options();
  o.keys.clear();
  EXPECT_EQ(invalid_field(o), "keys");
  o = options();
  o.keys[1].secret = "too-short-secret-31-bytes-long!";
  ASSERT_EQ(o.keys[1].secret.size(), 31u);
  EXPECT_EQ(invalid_field(o), "keys[1].secret");
  o = options();
  o.keys[0].kid.clear();
  EXPECT_EQ(invalid_field(o), "keys[0].kid");
  o = options();
  o.keys[1].kid = "a";
  EXPECT_EQ(invalid_field(o), "keys[1].kid");
  EXPECT_EQ(invalid_field(options("zzz")), "current_kid");
  o = options();
  o.ttl = 0s;
  EXPECT_EQ(invalid_field(o), "ttl");
  o = options();
  o.issuer.clear();
  EXPECT_EQ(invalid_field(o), "issuer");
  EXPECT_NO_THROW(validate_token_options(options()));
  // Signing and verifying both check the options.
  EXPECT_THROW(sign_token(claims(), options("zzz")), Error);
  EXPECT_THROW(verify_token(sign_token(claims(), options()), options("zzz"), kNow), Error);
}

TEST(Jwt, RefusesToSignIncompleteClaims) {
  const auto field = [](AccessClaims c) {
    try {
      sign_token(c, options());
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
      return error.field();
    }
    return std::string("accepted");
  };
  AccessClaims c = claims();
  c.subject.clear();
  EXPECT_EQ(field(c), "subject");
  c = claims();
  c.token_id.clear();
  EXPECT_EQ(field(c), "token_id");
  c = claims();
  c.token_version = -1;
  EXPECT_EQ(field(c), "token_version");
  c = claims();
  c.expires_at = c.issued_at;
  EXPECT_EQ(field(c), "expires_at");
}

TEST(Jwt, NewClaimsExpireAfterTheTtlWithUniqueIds) {
  TokenOptions o = options();
  o.ttl = 10min;
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) {
    const AccessClaims c = new_access_claims("user", 7, kNow + 123ms, o);
    EXPECT_EQ(c.issued_at, kNow);
    EXPECT_EQ(c.expires_at, kNow + 10min);
    EXPECT_EQ(c.token_version, 7);
    EXPECT_GE(c.token_id.size(), 22u);
    ids.insert(c.token_id);
  }
  EXPECT_EQ(ids.size(), 100u);
  const std::string token = sign_token(new_access_claims("user", 7, kNow, o), o);
  EXPECT_EQ(verify_token(token, o, kNow).subject, "user");
}

std::filesystem::path keys_file(const std::string& content) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "jwt-keys";
  std::ofstream(path, std::ios::trunc) << content;
  return path;
}

TEST(SigningKeysFile, TheFirstKeySignsAndEveryKeyVerifies) {
  const auto loaded = load_signing_keys(
      keys_file("# rotated 2026-11-25\n\nb = " + kSecretB + "\r\na=" + kSecretA + "\n"), 5min);
  ASSERT_EQ(loaded.keys.size(), 2u);
  EXPECT_EQ(loaded.current_kid, "b");
  EXPECT_EQ(loaded.keys[0].secret, kSecretB);  // blanks around kid and secret trimmed
  EXPECT_EQ(loaded.ttl, 5min);
  // A token signed before the rotation, with the key now second, still verifies.
  const std::string old_token = sign_token(claims(), options("a"));
  EXPECT_EQ(verify_token(old_token, loaded, kNow).subject, claims().subject);
}

TEST(SigningKeysFile, ErrorsNameTheFileAndNeverQuoteASecret) {
  for (const std::string& content :
       {std::string("no-equals-sign-here\n"), std::string("\n# only a comment\n"),
        std::string("a=too-short-secret\n"), "a=" + kSecretA + "\na=" + kSecretB + "\n"}) {
    try {
      load_signing_keys(keys_file(content));
      ADD_FAILURE() << "accepted: " << content;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
      EXPECT_EQ(error.field(), "jwt_keys_file");
      const std::string message = error.what();
      EXPECT_NE(message.find("jwt-keys"), std::string::npos) << message;
      EXPECT_EQ(message.find("too-short-secret"), std::string::npos) << message;
      EXPECT_EQ(message.find(kSecretA), std::string::npos) << message;
    }
  }
  EXPECT_THROW(load_signing_keys("/nonexistent/jwt-keys"), Error);
}

TEST(SigningKeySource, LooksAtTheFileAtMostEveryIntervalAndAtOnceOnReload) {
  const auto path = keys_file("a=" + kSecretA + "\n");
  SigningKeySource source(path, std::chrono::hours{1});
  EXPECT_EQ(source.current()->current_kid, "a");
  EXPECT_EQ(source.generation(), 1u);
  // Another size and a later time, so the change shows whatever the
  // file system's time resolution.
  std::ofstream(path, std::ios::trunc) << "b=" << kSecretB << "\na=" << kSecretA << "\n";
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds{2});
  EXPECT_EQ(source.current()->current_kid, "a");  // not looked at yet
  source.reload();
  EXPECT_EQ(source.current()->current_kid, "b");
  EXPECT_EQ(source.current()->keys.size(), 2u);
  EXPECT_EQ(source.generation(), 2u);
  EXPECT_TRUE(source.last_error().empty());
}

TEST(SigningKeySource, FixedKeysNeverChangeAndEphemeralOnesAreRandom) {
  const auto one = SigningKeySource::ephemeral(), two = SigningKeySource::ephemeral();
  EXPECT_EQ(one->current()->current_kid, "ephemeral");
  EXPECT_EQ(one->current()->keys.at(0).secret.size(), 43u);  // 32 random bytes, base64url
  EXPECT_NE(one->current()->keys.at(0).secret, two->current()->keys.at(0).secret);
  SigningKeySource fixed(options("a"));
  fixed.reload();
  EXPECT_EQ(fixed.generation(), 1u);
  EXPECT_TRUE(fixed.file().empty());
  EXPECT_THROW((void)SigningKeySource(TokenOptions{}), Error);  // no key
  EXPECT_THROW((void)SigningKeySource("/nonexistent/jwt-keys"), Error);
}

}  // namespace
}  // namespace dogcare::security
