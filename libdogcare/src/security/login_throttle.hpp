// Login throttling shared by every API replica: the state is in the
// database (table login_throttle), so a client cannot escape it by landing
// on another replica.
//
// A key names what is throttled, e.g. "user:<folded username>" and
// "client:<client address>"; the caller builds them. Only their SHA-256 is
// stored, so the table holds no username or address.
//
// Policy: the first `free_failures` failures cost nothing; the failure
// numbered f > free_failures blocks the key for
// base_delay * 2^(f - free_failures), at most max_delay. A failure that
// follows the previous one by more than forget_after counts as the first
// again. Success (reset) forgets the key.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/clock.hpp"
#include "dogcare/time.hpp"

namespace dogcare::storage {
class Connection;
}

namespace dogcare::security {

struct ThrottlePolicy {
  int free_failures = 5;
  std::chrono::milliseconds base_delay{std::chrono::seconds{1}};
  std::chrono::milliseconds max_delay{std::chrono::minutes{15}};
  std::chrono::seconds forget_after{std::chrono::hours{24}};
};

// The stored form of a key: lower-case hex SHA-256 of its UTF-8 bytes.
std::string throttle_key_hash(std::string_view key);

class LoginThrottle {
 public:
  // Throws dogcare::Error(invalid_argument) naming the policy field at fault:
  // "free_failures" (negative), "base_delay" (not positive), "max_delay"
  // (below base_delay), "forget_after" (below max_delay).
  LoginThrottle(ThrottlePolicy policy, const Clock& clock);

  // Throws dogcare::Error(rate_limited) with retry_after (whole seconds,
  // rounded up) when any of `keys` is blocked now; returns otherwise.
  void check(storage::Connection& connection, const std::vector<std::string>& keys) const;

  // Counts one failed attempt against each key. Each key is updated in its
  // own short transaction (retried once if another replica inserts the
  // same key concurrently), unless the connection is already inside a
  // transaction, whose atomicity then covers all keys.
  void record_failure(storage::Connection& connection, const std::vector<std::string>& keys) const;

  // Forgets the keys (a successful login).
  void reset(storage::Connection& connection, const std::vector<std::string>& keys) const;

  // Deletes rows whose last failure is older than policy.forget_after; they
  // no longer block nor count. Returns the number removed. For a periodic job.
  std::int64_t prune(storage::Connection& connection) const;

  // How long the failure numbered `failures` blocks (zero while free).
  std::chrono::milliseconds delay_after(std::int64_t failures) const noexcept;

 private:
  void record_one(storage::Connection& connection, const std::string& hashed_key) const;

  ThrottlePolicy policy_;
  const Clock& clock_;
};

}  // namespace dogcare::security
