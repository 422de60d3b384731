// Persistence of user accounts. Like every repository it works on a
// borrowed connection and never begins a transaction: the caller does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dogcare/time.hpp"
#include "dogcare/users.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct UserRecord {
  User user;
  std::string password_hash;
};

class UserRepository {
 public:
  explicit UserRepository(Connection& connection) : connection_(connection) {}
  void insert(const UserRecord& record);
  std::optional<UserRecord> find(const std::string& id);
  std::optional<UserRecord> find_by_username(const std::string& username);
  std::optional<UserRecord> find_by_email(const std::string& email);
  // Writes username, email, onboarded, password hash, token version, updated_at.
  bool update(const UserRecord& record);
  // Revokes every token: returns the new version, nullopt if no such user.
  std::optional<int> bump_token_version(const std::string& id, Timestamp now);
  // Deletes the user and, by cascade, everything the user owns.
  bool remove(const std::string& id);

 private:
  std::optional<UserRecord> find_where(std::string_view column, std::string value);
  Connection& connection_;
};

}  // namespace dogcare::storage
