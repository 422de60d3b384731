#include "security/login_throttle.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <optional>

#include "dogcare/error.hpp"
#include "storage/login_throttle_repository.hpp"
#include "storage/odbc.hpp"

namespace dogcare::security {
namespace {

using storage::Connection;
using storage::LoginThrottleRepository;

std::vector<std::string> hashed_unique(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (const std::string& key : keys) out.push_back(throttle_key_hash(key));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::chrono::seconds round_up_to_seconds(std::chrono::milliseconds wait) {
  return std::max(std::chrono::ceil<std::chrono::seconds>(wait), std::chrono::seconds{1});
}

}  // namespace

std::string throttle_key_hash(std::string_view key) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(key.data(), key.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorCode::internal, "SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

LoginThrottle::LoginThrottle(ThrottlePolicy policy, const Clock& clock)
    : policy_(policy), clock_(clock) {
  if (policy_.free_failures < 0) {
    throw_invalid("free_failures", "the number of free failures must not be negative");
  }
  if (policy_.base_delay <= std::chrono::milliseconds{0}) {
    throw_invalid("base_delay", "the base delay must be positive");
  }
  if (policy_.max_delay < policy_.base_delay) {
    throw_invalid("max_delay", "the maximum delay must not be below the base delay");
  }
  // Otherwise a key could be forgotten while it is still blocked.
  if (policy_.forget_after < policy_.max_delay) {
    throw_invalid("forget_after", "forget_after must not be below the maximum delay");
  }
}

std::chrono::milliseconds LoginThrottle::delay_after(std::int64_t failures) const noexcept {
  if (failures <= policy_.free_failures) return std::chrono::milliseconds{0};
  const std::int64_t doublings = failures - policy_.free_failures;
  const std::int64_t base = policy_.base_delay.count();
  const std::int64_t cap = policy_.max_delay.count();
  if (doublings >= 62 || base > (cap >> doublings)) return policy_.max_delay;
  return std::chrono::milliseconds{std::min(base << doublings, cap)};
}

void LoginThrottle::check(Connection& connection, const std::vector<std::string>& keys) const {
  const auto latest = LoginThrottleRepository(connection).latest_block(hashed_unique(keys));
  const Timestamp now = clock_.now();
  if (!latest || *latest <= now) return;
  const std::chrono::seconds retry_after = round_up_to_seconds(*latest - now);
  throw Error(ErrorCode::rate_limited,
              "too many failed sign-in attempts; try again in " +
                  std::to_string(retry_after.count()) + " seconds",
              {}, retry_after);
}

void LoginThrottle::record_failure(Connection& connection,
                                   const std::vector<std::string>& keys) const {
  for (const std::string& key : hashed_unique(keys)) {
    if (connection.in_transaction()) {
      record_one(connection, key);
      continue;
    }
    // Two replicas may insert the first failure of a key at once; the loser
    // sees a conflict, and on its retry the row exists and is updated.
    for (int attempt = 0;; ++attempt) {
      try {
        storage::Transaction transaction(connection);
        record_one(connection, key);
        transaction.commit();
        break;
      } catch (const Error& error) {
        if (error.code() != ErrorCode::conflict || attempt > 0) throw;
      }
    }
  }
}

void LoginThrottle::record_one(Connection& connection, const std::string& hashed_key) const {
  const Timestamp now = clock_.now();
  LoginThrottleRepository throttle(connection);
  // Incrementing first takes the row lock, so concurrent failures of one key
  // are counted one after the other on every database.
  if (!throttle.increment_failures(hashed_key)) {
    const auto delay = delay_after(1);
    throttle.insert(hashed_key, {1, delay.count() > 0 ? now + delay : now, now});
    return;
  }
  storage::ThrottleState state = throttle.read(hashed_key);
  if (state.updated_at + policy_.forget_after < now) {
    state.failures = 1;  // the earlier failures are too old to count
    state.blocked_until = Timestamp{};
  }
  if (const auto delay = delay_after(state.failures); delay.count() > 0) {
    state.blocked_until = std::max(state.blocked_until, now + delay);
  }
  state.updated_at = now;
  throttle.update(hashed_key, state);
}

void LoginThrottle::reset(Connection& connection, const std::vector<std::string>& keys) const {
  LoginThrottleRepository(connection).remove(hashed_unique(keys));
}

std::int64_t LoginThrottle::prune(Connection& connection) const {
  return LoginThrottleRepository(connection)
      .remove_updated_before(clock_.now() - policy_.forget_after);
}

}  // namespace dogcare::security
