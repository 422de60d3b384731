#include "storage/user_settings_repository.hpp"

#include "storage/rows.hpp"

namespace dogcare::storage {
namespace {

bool update(Connection& connection, const std::string& user_id, bool on, Timestamp at) {
  Statement update(
      connection, "UPDATE user_settings SET notify_comments = ?, updated_at = ? WHERE user_id = ?");
  return update.bind_all(flag(on), at, user_id).execute() > 0;
}

}  // namespace

std::optional<bool> UserSettingsRepository::notify_comments(const std::string& user_id) {
  Statement query(connection_, "SELECT notify_comments FROM user_settings WHERE user_id = ?");
  query.bind_all(user_id).execute();
  std::optional<bool> out;
  if (query.fetch()) out = query.integer_or(1, 1) != 0;
  drain(query);
  return out;
}

void UserSettingsRepository::set_notify_comments(const std::string& user_id, bool on,
                                                 Timestamp at) {
  update_or_insert([&] { return update(connection_, user_id, on, at); },
                   [&] {
                     Statement insert(connection_,
                                      "INSERT INTO user_settings (user_id, notify_comments,"
                                      " updated_at) VALUES (?, ?, ?)");
                     insert.bind_all(user_id, flag(on), at).execute();
                   });
}

}  // namespace dogcare::storage
