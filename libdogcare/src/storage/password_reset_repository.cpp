#include "storage/password_reset_repository.hpp"

#include "storage/rows.hpp"

namespace dogcare::storage {

void PasswordResetRepository::insert(const PasswordResetToken& t) {
  Statement insert(connection_,
                   "INSERT INTO password_reset_tokens (id, user_id, token_hash, expires_at,"
                   " used_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_all(t.id, t.user_id, t.token_hash, t.expires_at, optional_param(t.used_at),
                  t.created_at);
  insert.execute();
}

std::optional<PasswordResetToken> PasswordResetRepository::find_by_hash(
    const std::string& token_hash) {
  Statement query(connection_,
                  "SELECT id, user_id, token_hash, expires_at, used_at, created_at"
                  " FROM password_reset_tokens WHERE token_hash = ?");
  query.bind_all(token_hash).execute();
  std::optional<PasswordResetToken> out;
  if (query.fetch()) {
    out = PasswordResetToken{query.text_or_empty(1), query.text_or_empty(2),
                             query.text_or_empty(3), query.timestamp(4).value_or(Timestamp{}),
                             query.timestamp(5),     query.timestamp(6).value_or(Timestamp{})};
  }
  drain(query);
  return out;
}

bool PasswordResetRepository::consume(const std::string& id, Timestamp now) {
  Statement update(connection_,
                   "UPDATE password_reset_tokens SET used_at = ?"
                   " WHERE id = ? AND used_at IS NULL AND expires_at > ?");
  return update.bind_all(now, id, now).execute() == 1;
}

std::size_t PasswordResetRepository::remove_expired(Timestamp now) {
  Statement remove(connection_, "DELETE FROM password_reset_tokens WHERE expires_at <= ?");
  const auto removed = remove.bind_all(now).execute();
  return removed > 0 ? static_cast<std::size_t>(removed) : 0;
}

}  // namespace dogcare::storage
