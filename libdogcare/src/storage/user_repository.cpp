#include "storage/user_repository.hpp"

#include "core/text.hpp"
#include "storage/dialect.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr std::string_view kUserColumns =
    "id, username, email, onboarded, token_version, created_at, updated_at, password_hash,"
    " time_zone, language";

UserRecord read_user(Statement& row) {
  UserRecord record;
  record.user.id = row.text_or_empty(1);
  record.user.username = row.text_or_empty(2);
  record.user.email = optional_text(row, 3);
  record.user.onboarded = row.integer_or(4, 0) != 0;
  record.user.token_version = static_cast<int>(row.integer_or(5, 0));
  record.user.created_at = row.timestamp(6).value_or(Timestamp{});
  record.user.updated_at = row.timestamp(7).value_or(Timestamp{});
  record.password_hash = row.text_or_empty(8);
  record.user.time_zone = row.text_or_empty(9);
  record.user.language = parse_name<Language>(row.text_or_empty(10)).value_or(Language::fr);
  return record;
}

Param email_key(const std::optional<std::string>& email) {
  if (!email || email->empty()) return Null{};
  return fold_key(*email, "email");
}

}  // namespace

void UserRepository::insert(const UserRecord& record) {
  const User& u = record.user;
  Statement insert(connection_,
                   "INSERT INTO users (id, username, username_key, email, email_key, password_hash,"
                   " onboarded, token_version, created_at, updated_at, time_zone, language)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(u.id, u.username, fold_key(u.username, "username"),
                  nullable_text(u.email.value_or("")), email_key(u.email), record.password_hash,
                  flag(u.onboarded), std::int64_t{u.token_version}, u.created_at, u.updated_at,
                  u.time_zone, std::string(to_name(u.language)));
  insert.execute();
}

std::optional<UserRecord> UserRepository::find_where(std::string_view column, std::string value) {
  Sql sql("SELECT ");
  sql.append(kUserColumns)
      .append(" FROM users WHERE ")
      .append(column)
      .append(" = ?", std::move(value));
  BoundStatement query(connection_, sql);
  query.execute();
  std::optional<UserRecord> out;
  if (query.fetch()) out = read_user(query);
  drain(query);
  return out;
}

std::optional<UserRecord> UserRepository::find(const std::string& id) {
  return find_where("id", id);
}

std::optional<UserRecord> UserRepository::find_by_username(const std::string& username) {
  return find_where("username_key", fold_key(username, "username"));
}

std::optional<UserRecord> UserRepository::find_by_email(const std::string& email) {
  if (email.empty()) return std::nullopt;
  return find_where("email_key", fold_key(email, "email"));
}

bool UserRepository::update(const UserRecord& record) {
  const User& u = record.user;
  Statement update(connection_,
                   "UPDATE users SET username = ?, username_key = ?, email = ?, email_key = ?,"
                   " password_hash = ?, onboarded = ?, token_version = ?, updated_at = ?,"
                   " time_zone = ?, language = ? WHERE id = ?");
  update.bind_all(u.username, fold_key(u.username, "username"), nullable_text(u.email.value_or("")),
                  email_key(u.email), record.password_hash, flag(u.onboarded),
                  std::int64_t{u.token_version}, u.updated_at, u.time_zone,
                  std::string(to_name(u.language)), u.id);
  return update.execute() > 0;
}

std::optional<int> UserRepository::bump_token_version(const std::string& id, Timestamp now) {
  Statement update(
      connection_,
      "UPDATE users SET token_version = token_version + 1, updated_at = ? WHERE id = ?");
  if (update.bind_all(now, id).execute() == 0) return std::nullopt;
  const auto user = find(id);
  if (!user) return std::nullopt;
  return user->user.token_version;
}

bool UserRepository::remove(const std::string& id) {
  Statement remove(connection_, "DELETE FROM users WHERE id = ?");
  return remove.bind_all(id).execute() > 0;
}

}  // namespace dogcare::storage
