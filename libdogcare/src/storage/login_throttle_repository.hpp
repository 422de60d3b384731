// Persistence of the login throttle (table login_throttle): one row per
// hashed key. The policy lives in security/login_throttle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct ThrottleState {
  std::int64_t failures = 0;
  // A past instant (the epoch when none is stored) stands for "not blocked":
  // plain values, as GCC's maybe-uninitialized analysis trips over
  // optional<time_point> here.
  Timestamp blocked_until{};
  Timestamp updated_at{};
};

class LoginThrottleRepository {
 public:
  explicit LoginThrottleRepository(Connection& connection) : connection_(connection) {}
  // The latest blocked_until stored for any of the keys; absent if none is blocked.
  std::optional<Timestamp> latest_block(const std::vector<std::string>& hashed_keys);
  // Adds one failure to the key's row, taking its row lock; false when no row exists.
  bool increment_failures(const std::string& hashed_key);
  // A new row; a blocked_until not after updated_at is stored as NULL.
  void insert(const std::string& hashed_key, const ThrottleState& state);
  // Throws Error(internal) when the row is missing (call after increment_failures).
  ThrottleState read(const std::string& hashed_key);
  // Writes the state; a blocked_until not after updated_at is stored as NULL.
  void update(const std::string& hashed_key, const ThrottleState& state);
  void remove(const std::vector<std::string>& hashed_keys);
  // Deletes rows last updated before `cutoff`; returns how many.
  std::int64_t remove_updated_before(Timestamp cutoff);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
