// Persistence of password reset tokens (only their hashes).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct PasswordResetToken {
  std::string id;
  std::string user_id;
  std::string token_hash;  // SHA-256 hex of the secret; the secret is never stored
  Timestamp expires_at{};
  std::optional<Timestamp> used_at;
  Timestamp created_at{};
};

class PasswordResetRepository {
 public:
  explicit PasswordResetRepository(Connection& connection) : connection_(connection) {}
  void insert(const PasswordResetToken& token);
  std::optional<PasswordResetToken> find_by_hash(const std::string& token_hash);
  // Marks it used if it is unused and unexpired; false otherwise (single use).
  bool consume(const std::string& id, Timestamp now);
  std::size_t remove_expired(Timestamp now);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
