// Persistence of a user's settings; a user without a row has every default.
#pragma once

#include <optional>
#include <string>

#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

class UserSettingsRepository {
 public:
  explicit UserSettingsRepository(Connection& connection) : connection_(connection) {}
  // Whether the user is mailed of new comments; nullopt: never set (the default).
  std::optional<bool> notify_comments(const std::string& user_id);
  // Outside a transaction: a concurrent first setting of the same user wins, then this one.
  void set_notify_comments(const std::string& user_id, bool on, Timestamp at);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
