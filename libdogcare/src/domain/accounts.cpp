#include "dogcare/accounts.hpp"

#include <mutex>

#include "core/ids.hpp"
#include "core/metrics.hpp"
#include "core/text.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "domain/mail_text.hpp"
#include "domain/principal_factory.hpp"
#include "domain/rules.hpp"
#include "domain/validation.hpp"
#include "security/jwt.hpp"
#include "security/login_throttle.hpp"
#include "security/password_hasher.hpp"
#include "security/secret_token.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

[[noreturn]] void wrong_credentials() {
  throw Error(ErrorCode::unauthenticated, "wrong username or password");
}

}  // namespace

struct Accounts::Impl {
  Impl(Database& database, AccountsOptions options, std::shared_ptr<SigningKeySource> keys,
       std::shared_ptr<Mailer> mailer, const Clock& clock)
      : database(database),
        options(std::move(options)),
        keys(keys ? std::move(keys) : std::make_shared<SigningKeySource>(this->options.tokens)),
        mailer(std::move(mailer)),
        clock(clock),
        hashing{this->options.hashing.memory_kib, this->options.hashing.iterations,
                this->options.hashing.parallelism},
        throttle({this->options.throttling.free_failures, this->options.throttling.base_delay,
                  this->options.throttling.max_delay, this->options.throttling.forget_after},
                 clock),
        // Verified when the username is unknown, so both answers take as long.
        decoy_hash(security::hash_password("dogcare-decoy-password", hashing)) {
    security::validate_token_options(*tokens());
  }

  // The source's keys with this service's ttl and issuer, rebuilt when the
  // source puts new keys into effect.
  std::shared_ptr<const TokenOptions> tokens() {
    auto current = keys->current();
    std::lock_guard lock(tokens_mutex);
    if (current != tokens_from) {
      TokenOptions merged = options.tokens;
      merged.keys = current->keys;
      merged.current_kid = current->current_kid;
      merged_tokens = std::make_shared<const TokenOptions>(std::move(merged));
      tokens_from = std::move(current);
    }
    return merged_tokens;
  }

  storage::PooledConnection borrow() { return storage::pool(database).borrow(); }

  storage::UserRecord must_find(storage::Connection& connection, const Principal& principal) {
    auto user = storage::UserRepository(connection).find(principal.user_id);
    if (!user) throw Error(ErrorCode::unauthenticated, "the account no longer exists");
    return std::move(*user);
  }

  AccessToken issue(const User& user) {
    const auto current = tokens();
    const auto claims =
        security::new_access_claims(user.id, user.token_version, clock.now(), *current);
    return {security::sign_token(claims, *current), "bearer", current->ttl,
            domain::principal_for(user)};
  }

  Database& database;
  AccountsOptions options;
  std::shared_ptr<SigningKeySource> keys;
  std::mutex tokens_mutex;
  std::shared_ptr<const TokenOptions> tokens_from, merged_tokens;
  std::shared_ptr<Mailer> mailer;
  const Clock& clock;
  security::Argon2Params hashing;
  security::LoginThrottle throttle;
  std::string decoy_hash;
};

Accounts::Accounts(Database& database, AccountsOptions options, std::shared_ptr<Mailer> mailer)
    : Accounts(database, std::move(options), std::move(mailer), kSystemClock) {}

Accounts::Accounts(Database& database, AccountsOptions options, std::shared_ptr<Mailer> mailer,
                   const Clock& clock)
    : Accounts(database, std::move(options), nullptr, std::move(mailer), clock) {}

Accounts::Accounts(Database& database, AccountsOptions options,
                   std::shared_ptr<SigningKeySource> keys, std::shared_ptr<Mailer> mailer)
    : Accounts(database, std::move(options), std::move(keys), std::move(mailer), kSystemClock) {}

Accounts::Accounts(Database& database, AccountsOptions options,
                   std::shared_ptr<SigningKeySource> keys, std::shared_ptr<Mailer> mailer,
                   const Clock& clock)
    : impl_(std::make_unique<Impl>(database, std::move(options), std::move(keys), std::move(mailer),
                                   clock)) {}

Accounts::~Accounts() = default;

User Accounts::register_user(const Registration& input) {
  Registration registration = input;
  if (!registration.dog_name) registration.dog_name = impl_->options.first_dog_name;
  domain::validate(registration, Date{std::chrono::floor<std::chrono::days>(impl_->clock.now())});
  storage::UserRecord record;
  record.user.username = registration.username;
  record.user.email = registration.email;
  record.user.time_zone = registration.time_zone.value_or(std::string(kDefaultTimeZone));
  record.user.language = registration.language.value_or(Language::fr);
  const std::string dog_name = registration.dog_name.value_or(impl_->options.first_dog_name);
  record.user.id = new_id();
  record.user.created_at = record.user.updated_at = impl_->clock.now();
  // Hashing takes tens of milliseconds: before borrowing a connection.
  record.password_hash = security::hash_password(registration.password, impl_->hashing);

  auto connection = impl_->borrow();
  storage::Transaction transaction(*connection);
  storage::UserRepository(*connection).insert(record);  // conflict names the field
  Dog dog;
  dog.id = new_id();
  dog.owner_id = record.user.id;
  dog.name = dog_name;
  dog.created_at = dog.updated_at = record.user.created_at;
  storage::DogRepository(*connection).insert(dog);
  transaction.commit();
  return record.user;
}

AccessToken Accounts::login(std::string_view username, std::string_view password,
                            std::string_view client_key) {
  if (!valid_utf8(username) || username.size() > 4 * kMaxUsernameLength ||
      password.size() > 4 * kMaxPasswordLength) {
    wrong_credentials();
  }
  std::vector<std::string> keys{"user:" + fold_key(username, "username")};
  if (!client_key.empty()) keys.push_back("client:" + std::string(client_key));

  std::optional<storage::UserRecord> user;
  {
    auto connection = impl_->borrow();
    try {
      impl_->throttle.check(*connection, keys);
    } catch (const Error& error) {
      if (error.code() == ErrorCode::rate_limited) {
        metrics::count_login(metrics::LoginResult::rate_limited);
      }
      throw;
    }
    user = storage::UserRepository(*connection).find_by_username(std::string(username));
  }
  const bool ok =
      security::verify_password(password, user ? user->password_hash : impl_->decoy_hash);
  auto connection = impl_->borrow();
  if (!user || !ok) {
    impl_->throttle.record_failure(*connection, keys);
    // Failures are where throttle rows come from: forget the stale ones here
    // (an indexed range delete, usually of nothing) instead of in a cron job.
    impl_->throttle.prune(*connection);
    metrics::count_login(metrics::LoginResult::failure);
    wrong_credentials();
  }
  // Only the account is forgiven: resetting the client key too would let an
  // attacker clear it between guesses by logging into an account of their own.
  impl_->throttle.reset(*connection, {keys.front()});
  metrics::count_login(metrics::LoginResult::success);
  if (security::needs_rehash(user->password_hash, impl_->hashing)) {
    user->password_hash = security::hash_password(password, impl_->hashing);
    user->user.updated_at = impl_->clock.now();
    storage::UserRepository(*connection).update(*user);
  }
  return impl_->issue(user->user);
}

Principal Accounts::authenticate(std::string_view token) {
  const auto claims = security::verify_token(token, *impl_->tokens(), impl_->clock.now());
  auto connection = impl_->borrow();
  const auto user = impl_->must_find(*connection, domain::principal_for(claims.subject));
  if (user.user.token_version != claims.token_version) {
    throw Error(ErrorCode::unauthenticated, "this session was signed out; log in again");
  }
  return domain::principal_for(user.user);
}

User Accounts::me(const Principal& principal) {
  auto connection = impl_->borrow();
  return impl_->must_find(*connection, principal).user;
}

User Accounts::update_profile(const Principal& principal, const ProfileUpdate& input) {
  ProfileUpdate update = input;
  domain::validate(update, Date{std::chrono::floor<std::chrono::days>(impl_->clock.now())});
  auto connection = impl_->borrow();
  auto record = impl_->must_find(*connection, principal);
  apply_patch(update, record.user);
  record.user.updated_at = impl_->clock.now();
  storage::UserRepository(*connection).update(record);  // conflicts name the field
  return record.user;
}

void Accounts::change_password(const Principal& principal, std::string_view current_password,
                               std::string_view new_password) {
  domain::required_text(new_password, account_fields::password, "new_password");
  storage::UserRecord record;
  {
    auto connection = impl_->borrow();
    record = impl_->must_find(*connection, principal);
  }
  if (!security::verify_password(current_password, record.password_hash)) {
    throw_invalid("current_password", Rule::wrong, "the current password is wrong");
  }
  record.password_hash = security::hash_password(new_password, impl_->hashing);
  record.user.token_version += 1;
  record.user.updated_at = impl_->clock.now();
  auto connection = impl_->borrow();
  storage::UserRepository(*connection).update(record);
}

void Accounts::logout_everywhere(const Principal& principal) {
  auto connection = impl_->borrow();
  if (!storage::UserRepository(*connection)
           .bump_token_version(principal.user_id, impl_->clock.now())) {
    throw Error(ErrorCode::unauthenticated, "the account no longer exists");
  }
}

void Accounts::delete_account(const Principal& principal) {
  auto connection = impl_->borrow();
  storage::Transaction transaction(*connection);
  // Cascades to dogs, observations and their links, catalog, reset tokens.
  if (!storage::UserRepository(*connection).remove(principal.user_id)) {
    throw Error(ErrorCode::unauthenticated, "the account no longer exists");
  }
  transaction.commit();
}

void Accounts::request_password_reset(std::string_view email) {
  if (!impl_->mailer) {
    // field "mailer": adapters tell this apart from a database outage.
    throw Error(ErrorCode::unavailable, "password reset by email is not set up", "mailer");
  }
  PasswordResetRequest request{std::string(email)};
  domain::validate(request, today_utc());
  const std::optional<std::string> clean = request.email;
  const std::vector<std::string> keys{"reset:" + fold_key(*clean, "email")};
  auto connection = impl_->borrow();
  const auto user = storage::UserRepository(*connection).find_by_email(*clean);
  if (!user) return;
  try {
    // Throttled per address: a flood of requests sends a few mails, not one each.
    impl_->throttle.check(*connection, keys);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::rate_limited) return;
    throw;
  }
  impl_->throttle.record_failure(*connection, keys);

  const std::string token = security::random_token();
  const Timestamp now = impl_->clock.now();
  storage::PasswordResetRepository(*connection)
      .insert({new_id(), user->user.id, security::sha256_hex(token),
               now + std::chrono::duration_cast<Timestamp::duration>(impl_->options.reset_ttl),
               std::nullopt, now});
  try {
    impl_->mailer->send(domain::password_reset_mail(user->user, impl_->options.reset_ttl,
                                                    impl_->options.reset_link + token));
  } catch (const Error&) {
    // Answering differently when the mail fails would tell a caller that
    // the address has an account. The failure is counted in the metrics.
    metrics::count_reset_mail_failure();
  }
}

void Accounts::confirm_password_reset(std::string_view token, std::string_view new_password) {
  domain::required_text(new_password, account_fields::password, "new_password");
  if (token.empty() || token.size() > kMaxResetTokenLength) {
    throw_invalid("token", Rule::invalid_format, "this reset link is not valid");
  }
  const std::string hash = security::hash_password(new_password, impl_->hashing);
  const Timestamp now = impl_->clock.now();
  auto connection = impl_->borrow();
  storage::Transaction transaction(*connection);
  storage::PasswordResetRepository tokens(*connection);
  const auto stored = tokens.find_by_hash(security::sha256_hex(token));
  if (!stored || !tokens.consume(stored->id, now)) {
    throw_invalid("token", Rule::invalid_format,
                  "this reset link is invalid, used or expired; ask for a new one");
  }
  storage::UserRepository users(*connection);
  auto user = users.find(stored->user_id);
  if (!user)
    throw_invalid("token", Rule::invalid_format, "this reset link is invalid, used or expired");
  user->password_hash = hash;
  user->user.token_version += 1;
  user->user.updated_at = now;
  users.update(*user);
  transaction.commit();
}

}  // namespace dogcare
