#include "storage/login_throttle_repository.hpp"

#include <algorithm>

#include "dogcare/error.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

Param blocked_until_param(const ThrottleState& state) {
  if (state.blocked_until > state.updated_at) return state.blocked_until;
  return Null{};
}

}  // namespace

std::optional<Timestamp> LoginThrottleRepository::latest_block(
    const std::vector<std::string>& hashed_keys) {
  if (hashed_keys.empty()) return std::nullopt;
  Sql sql("SELECT blocked_until FROM login_throttle WHERE throttle_key IN (");
  sql.append_list(hashed_keys).append(")");
  BoundStatement query(connection_, sql);
  query.execute();
  std::optional<Timestamp> latest;
  while (query.fetch()) {
    if (const auto until = query.timestamp(1); until && (!latest || *until > *latest)) {
      latest = until;
    }
  }
  return latest;
}

bool LoginThrottleRepository::increment_failures(const std::string& hashed_key) {
  Statement bump(connection_,
                 "UPDATE login_throttle SET failures = failures + 1 WHERE throttle_key = ?");
  return bump.bind_all(hashed_key).execute() > 0;
}

void LoginThrottleRepository::insert(const std::string& hashed_key, const ThrottleState& state) {
  Statement insert(connection_,
                   "INSERT INTO login_throttle (throttle_key, failures, blocked_until,"
                   " updated_at) VALUES (?, ?, ?, ?)");
  insert.bind_all(hashed_key, state.failures, blocked_until_param(state), state.updated_at)
      .execute();
}

ThrottleState LoginThrottleRepository::read(const std::string& hashed_key) {
  Statement read(connection_,
                 "SELECT failures, blocked_until, updated_at FROM login_throttle"
                 " WHERE throttle_key = ?");
  read.bind_all(hashed_key).execute();
  if (!read.fetch()) throw Error(ErrorCode::internal, "a login throttle row vanished");
  ThrottleState state;
  state.failures = read.integer_or(1, 1);
  state.blocked_until = read.timestamp(2).value_or(Timestamp{});
  state.updated_at = read.timestamp(3).value_or(Timestamp{});
  drain(read);
  return state;
}

void LoginThrottleRepository::update(const std::string& hashed_key, const ThrottleState& state) {
  Statement update(connection_,
                   "UPDATE login_throttle SET failures = ?, blocked_until = ?, updated_at = ?"
                   " WHERE throttle_key = ?");
  update.bind_all(state.failures, blocked_until_param(state), state.updated_at, hashed_key)
      .execute();
}

void LoginThrottleRepository::remove(const std::vector<std::string>& hashed_keys) {
  if (hashed_keys.empty()) return;
  Sql sql("DELETE FROM login_throttle WHERE throttle_key IN (");
  sql.append_list(hashed_keys).append(")");
  BoundStatement(connection_, sql).execute();
}

std::int64_t LoginThrottleRepository::remove_updated_before(Timestamp cutoff) {
  Statement remove(connection_, "DELETE FROM login_throttle WHERE updated_at < ?");
  return std::max<std::int64_t>(remove.bind_all(cutoff).execute(), 0);
}

}  // namespace dogcare::storage
