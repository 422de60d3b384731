// Accounts and security: registration, login with throttling, access
// tokens, profile changes, password reset by email, account deletion.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "dogcare/dogs.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
#include "dogcare/tokens.hpp"
#include "dogcare/users.hpp"

namespace dogcare {

inline constexpr std::size_t kMinUsernameLength = 3;
inline constexpr std::size_t kMaxUsernameLength = 50;
inline constexpr std::size_t kMinPasswordLength = 8;    // code points (NIST 800-63B)
inline constexpr std::size_t kMaxPasswordLength = 128;  // code points
inline constexpr std::size_t kMaxEmailLength = 254;

// Argon2id cost; OWASP's minimum by default. Raising it rehashes each
// password at its owner's next login.
struct PasswordHashing {
  std::uint32_t memory_kib = 19456;
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

struct LoginThrottling {
  int free_failures = 5;  // per account and per client
  std::chrono::milliseconds base_delay{1000};
  std::chrono::milliseconds max_delay{std::chrono::minutes{15}};
  // A failure this long after the previous one counts as the first again;
  // older rows are deleted (purge_expired).
  std::chrono::seconds forget_after{std::chrono::hours{24}};
};

struct AccountsOptions {
  // ttl and issuer; keys and current_kid too when no SigningKeySource is given.
  TokenOptions tokens;
  PasswordHashing hashing;
  LoginThrottling throttling;
  // The reset link mailed to the user: this prefix followed by the token,
  // e.g. "https://dogcare.example.org/?reset_token=".
  std::string reset_link = "http://localhost:8501/?reset_token=";
  std::chrono::minutes reset_ttl{30};
  std::string first_dog_name = "Mon chien";
};

struct Registration {
  std::string username;  // 3-50 of A-Z a-z 0-9 . _ -; unique ignoring case
  std::string password;  // 8-128 characters, no composition rules
  std::optional<std::string> email;
  std::optional<std::string> dog_name;   // the first dog; options.first_dog_name if absent
  std::optional<std::string> time_zone;  // IANA; kDefaultTimeZone if absent
  std::optional<Language> language;      // French if absent
};

struct AccessToken {
  std::string token;  // a JWT for "Authorization: Bearer"
  std::string token_type = "bearer";
  std::chrono::seconds expires_in{0};
  Principal principal;
};

struct ProfileUpdate {
  Patch<std::string> username;
  Patch<std::string> email;  // null (or empty) removes it
  Patch<std::string> time_zone;
  Patch<Language> language;
};

// The bodies of the other account operations, described for the adapters.
struct Credentials {
  std::string username;
  std::string password;
};
struct PasswordChange {
  std::string current_password;
  std::string new_password;
};
struct PasswordResetRequest {
  std::string email;
};
struct PasswordResetConfirmation {
  std::string token;
  std::string new_password;
};

inline constexpr std::size_t kMaxResetTokenLength = 128;

namespace account_fields {
inline constexpr FieldInfo username{
    "username", Presence::required,
    Limits{}.length(kMinUsernameLength, kMaxUsernameLength).charset("A-Za-z0-9._-"),
    "Letters, digits, '.', '_' and '-'; unique ignoring case."};
inline constexpr FieldInfo password{
    "password", Presence::required,
    Limits{}.length(kMinPasswordLength, kMaxPasswordLength).formatted("password"),
    "Any characters; no composition rules.", true};
inline constexpr FieldInfo email{"email", Presence::optional,
                                 Limits{}.length(0, kMaxEmailLength).formatted("email"),
                                 "For password reset links; never shown to others."};
inline constexpr std::size_t kMaxTimeZoneLength = 64;
inline constexpr FieldInfo time_zone{
    "time_zone", Presence::required, Limits{}.length(1, kMaxTimeZoneLength).formatted("time-zone"),
    "An IANA time zone (\"Europe/Paris\"): the account's today and dates are local to it."};
inline constexpr FieldInfo language{
    "language", Presence::required, {}, "The language of the account's mails and of the UI."};
}  // namespace account_fields

template <>
struct Description<User> {
  static constexpr std::string_view name = "User";
  static constexpr std::string_view doc = "The signed-in account.";
  static constexpr auto fields = std::tuple{
      field(&User::id, {"id", Presence::required, Limits{}.formatted("uuid"), "The account's id."}),
      field(&User::username, account_fields::username),
      field(&User::email, account_fields::email),
      field(&User::time_zone, account_fields::time_zone),
      field(&User::language, account_fields::language),
      field(
          &User::onboarded,
          {"onboarded", Presence::required, {}, "Has chosen a starting catalog and named a dog."}),
      field(&User::created_at, {"created_at", Presence::required, {}, "When it was created."}),
      field(&User::updated_at, {"updated_at", Presence::required, {}, "When it last changed."}),
  };
};

template <>
struct Description<Registration> {
  static constexpr std::string_view name = "Registration";
  static constexpr std::string_view doc = "A new account, with its first dog.";
  static constexpr auto fields = std::tuple{
      field(&Registration::username, account_fields::username),
      field(&Registration::password, account_fields::password),
      field(&Registration::email, account_fields::email),
      field(&Registration::dog_name, {"dog_name", Presence::optional, dog_fields::name.limits,
                                      "The first dog's name; \"Mon chien\" when absent."}),
      field(&Registration::time_zone,
            {"time_zone", Presence::optional, account_fields::time_zone.limits,
             "An IANA time zone; \"Europe/Paris\" when absent."}),
      field(&Registration::language,
            {"language", Presence::optional, {}, "Of the mails and the UI; French when absent."}),
  };
};

template <>
struct Description<ProfileUpdate> {
  static constexpr std::string_view name = "ProfileUpdate";
  static constexpr std::string_view doc =
      "Changes to the account: an absent member stays, null clears it.";
  static constexpr auto fields = std::tuple{
      field(&ProfileUpdate::username, account_fields::username),
      field(&ProfileUpdate::email, account_fields::email),
      field(&ProfileUpdate::time_zone, account_fields::time_zone),
      field(&ProfileUpdate::language, account_fields::language),
  };
};

template <>
struct Description<Credentials> {
  static constexpr std::string_view name = "Credentials";
  static constexpr std::string_view doc = "A login.";
  static constexpr auto fields = std::tuple{
      field(&Credentials::username, {"username", Presence::required, {}, "The username."}),
      field(&Credentials::password, {"password", Presence::required, Limits{}.formatted("password"),
                                     "The password.", true}),
  };
};

template <>
struct Description<PasswordChange> {
  static constexpr std::string_view name = "PasswordChange";
  static constexpr std::string_view doc = "A new password; revokes every token.";
  static constexpr auto fields = std::tuple{
      field(&PasswordChange::current_password,
            {"current_password", Presence::required, Limits{}.formatted("password"),
             "The password in use.", true}),
      field(&PasswordChange::new_password,
            {"new_password", Presence::required, account_fields::password.limits,
             account_fields::password.doc, true}),
  };
};

template <>
struct Description<PasswordResetRequest> {
  static constexpr std::string_view name = "PasswordResetRequest";
  static constexpr std::string_view doc = "Asks for a reset link by email.";
  static constexpr auto fields = std::tuple{
      field(&PasswordResetRequest::email,
            {"email", Presence::required, account_fields::email.limits,
             "The account's email address."}),
  };
};

template <>
struct Description<PasswordResetConfirmation> {
  static constexpr std::string_view name = "PasswordResetConfirmation";
  static constexpr std::string_view doc = "Sets a new password with a reset link's token.";
  static constexpr auto fields = std::tuple{
      field(&PasswordResetConfirmation::token,
            {"token", Presence::required, Limits{}.length(0, kMaxResetTokenLength),
             "The token of the reset link."}),
      field(&PasswordResetConfirmation::new_password,
            {"new_password", Presence::required, account_fields::password.limits,
             account_fields::password.doc, true}),
  };
};

template <>
struct Description<AccessToken> {
  static constexpr std::string_view name = "AccessToken";
  static constexpr std::string_view doc = "A bearer token for the Authorization header.";
  static constexpr auto fields = std::tuple{
      field(&AccessToken::token,
            {"access_token", Presence::required, {}, "A JWT: Authorization: Bearer <token>."}),
      field(&AccessToken::token_type, {"token_type", Presence::required, {}, "Always bearer."}),
      field(&AccessToken::expires_in,
            {"expires_in", Presence::required, {}, "Seconds until it expires."}),
  };
};

class Database;
class Clock;

class Accounts {
 public:
  // `mailer` delivers password reset links; without one, resets are refused
  // as unavailable.
  Accounts(Database& database, AccountsOptions options, std::shared_ptr<Mailer> mailer = nullptr);
  Accounts(Database& database, AccountsOptions options, std::shared_ptr<Mailer> mailer,
           const Clock& clock);
  // Signs and verifies with the keys of keys->current() on every call
  // (options.tokens' keys are not used), so a rotated key file takes effect
  // without a new Accounts.
  Accounts(Database& database, AccountsOptions options, std::shared_ptr<SigningKeySource> keys,
           std::shared_ptr<Mailer> mailer = nullptr);
  Accounts(Database& database, AccountsOptions options, std::shared_ptr<SigningKeySource> keys,
           std::shared_ptr<Mailer> mailer, const Clock& clock);
  ~Accounts();

  // Creates the account and its first dog.
  User register_user(const Registration& registration);
  // `client_key` identifies the caller for throttling (e.g. its IP address).
  // Wrong username or password: unauthenticated, the same for both; too
  // many failures: rate_limited with retry_after.
  AccessToken login(std::string_view username, std::string_view password,
                    std::string_view client_key = {});
  // Verifies an access token: signature, expiry, the account still exists
  // and has not revoked its tokens since.
  Principal authenticate(std::string_view token);

  User me(const Principal& principal);
  User update_profile(const Principal& principal, const ProfileUpdate& update);
  // Revokes every token issued before (including the caller's).
  void change_password(const Principal& principal, std::string_view current_password,
                       std::string_view new_password);
  void logout_everywhere(const Principal& principal);
  // Deletes the account with its dogs, catalog and observations.
  void delete_account(const Principal& principal);

  // Mails a single-use reset link if an account has this email. Answers
  // the same whether or not one does.
  void request_password_reset(std::string_view email);
  // Sets the new password, consumes the token and revokes existing tokens.
  void confirm_password_reset(std::string_view token, std::string_view new_password);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare
