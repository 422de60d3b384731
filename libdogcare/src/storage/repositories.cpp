#include "storage/repositories.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "storage/dialect.hpp"

namespace dogcare::storage {
namespace {

void drain(Statement& statement) {
  while (statement.fetch()) {
  }
}

std::int64_t flag(bool on) {
  return on ? 1 : 0;
}

std::optional<int> optional_int(Statement& row, int column) {
  const auto value = row.integer(column);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<std::string> optional_text(Statement& row, int column) {
  auto value = row.text(column);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::size_t clamp_limit(std::size_t limit) {
  return std::clamp<std::size_t>(limit, 1, kMaxPageSize);
}

std::string placeholders(std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

void require_transaction(const Connection& connection, const char* operation) {
  if (!connection.in_transaction()) {
    throw Error(ErrorCode::internal, std::string(operation) + " must run inside a transaction");
  }
}

// ---- users ----

constexpr std::string_view kUserColumns =
    "id, username, email, onboarded, token_version, created_at, updated_at, password_hash";

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
  return record;
}

Param email_key(const std::optional<std::string>& email) {
  if (!email || email->empty()) return Null{};
  return fold_key(*email, "email");
}

// ---- dogs ----

constexpr std::string_view kDogColumns =
    "id, user_id, name, breed, birth_date, notes, created_at, updated_at";

Dog read_dog(Statement& row) {
  Dog dog;
  dog.id = row.text_or_empty(1);
  dog.owner_id = row.text_or_empty(2);
  dog.name = row.text_or_empty(3);
  dog.breed = optional_text(row, 4);
  dog.birth_date = row.date(5);
  dog.notes = optional_text(row, 6);
  dog.created_at = row.timestamp(7).value_or(Timestamp{});
  dog.updated_at = row.timestamp(8).value_or(Timestamp{});
  return dog;
}

// ---- observations ----

Observation read_observation(Statement& row) {
  Observation o;
  o.id = row.text_or_empty(1);
  o.owner_id = row.text_or_empty(2);
  o.dog_id = row.text_or_empty(3);
  o.date = row.date(4).value_or(Date{});
  o.severity = static_cast<int>(row.integer_or(5, 0));
  o.comment = row.text(6).value_or(std::string{});
  o.distance_m = optional_int(row, 7);
  o.recovery_min = optional_int(row, 8);
  o.handler_action = optional_text(row, 9);
  o.created_at = row.timestamp(10).value_or(Timestamp{});
  o.updated_at = row.timestamp(11).value_or(Timestamp{});
  return o;
}

std::vector<std::string> unique_ids(const std::vector<ItemRef>& items) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const ItemRef& item : items) {
    if (seen.insert(item.id).second) out.push_back(item.id);
  }
  return out;
}

}  // namespace

// ---- UserRepository ----

void UserRepository::insert(const UserRecord& record) {
  const User& u = record.user;
  Statement insert(connection_,
                   "INSERT INTO users (id, username, username_key, email, email_key, password_hash,"
                   " onboarded, token_version, created_at, updated_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(u.id, u.username, fold_key(u.username, "username"),
                  nullable_text(u.email.value_or("")), email_key(u.email), record.password_hash,
                  flag(u.onboarded), std::int64_t{u.token_version}, u.created_at, u.updated_at);
  insert.execute();
}

std::optional<UserRecord> UserRepository::find_where(std::string_view column, std::string value) {
  Statement query(connection_, "SELECT " + std::string(kUserColumns) + " FROM users WHERE " +
                                   std::string(column) + " = ?");
  query.bind(std::move(value)).execute();
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
                   " password_hash = ?, onboarded = ?, token_version = ?, updated_at = ?"
                   " WHERE id = ?");
  update.bind_all(u.username, fold_key(u.username, "username"), nullable_text(u.email.value_or("")),
                  email_key(u.email), record.password_hash, flag(u.onboarded),
                  std::int64_t{u.token_version}, u.updated_at, u.id);
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

// ---- DogRepository ----

void DogRepository::insert(const Dog& dog) {
  Statement insert(connection_,
                   "INSERT INTO dogs (id, user_id, name, breed, birth_date, notes, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(dog.id, dog.owner_id, dog.name, nullable_text(dog.breed.value_or("")),
                  optional_param(dog.birth_date), nullable_text(dog.notes.value_or("")),
                  dog.created_at, dog.updated_at);
  insert.execute();
}

std::optional<Dog> DogRepository::find(const std::string& owner_id, const std::string& id) {
  Statement query(connection_,
                  "SELECT " + std::string(kDogColumns) + " FROM dogs WHERE user_id = ? AND id = ?");
  query.bind_all(owner_id, id).execute();
  std::optional<Dog> out;
  if (query.fetch()) out = read_dog(query);
  drain(query);
  return out;
}

Page<Dog, std::string> DogRepository::list(const std::string& owner_id,
                                           const std::optional<std::string>& after,
                                           std::size_t limit) {
  limit = clamp_limit(limit);
  std::string sql = "SELECT " + std::string(kDogColumns) + " FROM dogs WHERE user_id = ?";
  if (after) sql += " AND id > ?";
  sql += " ORDER BY id";
  Statement query(connection_, sql + " {LIMIT}");
  query.bind(owner_id);
  if (after) query.bind(*after);
  query.bind(static_cast<std::int64_t>(limit + 1)).execute();
  Page<Dog, std::string> page;
  while (query.fetch()) page.items.push_back(read_dog(query));
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = page.items.back().id;
  }
  return page;
}

std::size_t DogRepository::count(const std::string& owner_id) {
  Statement query(connection_, "SELECT COUNT(*) FROM dogs WHERE user_id = ?");
  return static_cast<std::size_t>(query.bind_all(owner_id).scalar());
}

bool DogRepository::update(const Dog& dog) {
  Statement update(connection_,
                   "UPDATE dogs SET name = ?, breed = ?, birth_date = ?, notes = ?, updated_at = ?"
                   " WHERE user_id = ? AND id = ?");
  update.bind_all(dog.name, nullable_text(dog.breed.value_or("")), optional_param(dog.birth_date),
                  nullable_text(dog.notes.value_or("")), dog.updated_at, dog.owner_id, dog.id);
  return update.execute() > 0;
}

bool DogRepository::remove(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM dogs WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

// ---- CatalogRepository ----

CatalogRepository::CatalogRepository(Connection& connection, CatalogKind kind)
    : connection_(connection),
      kind_(kind),
      table_(kind == CatalogKind::trigger ? "triggers" : "reactions"),
      link_table_(kind == CatalogKind::trigger ? "observation_triggers" : "observation_reactions"),
      link_column_(kind == CatalogKind::trigger ? "trigger_id" : "reaction_id") {}

void CatalogRepository::insert(const std::string& owner_id, const CatalogItem& item) {
  Statement insert(connection_, "INSERT INTO " + table_ +
                                    " (id, user_id, name, name_key, archived, created_at)"
                                    " VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind_all(item.id, owner_id, item.name, fold_key(item.name, "name"), flag(item.archived),
                  now_utc());
  insert.execute();
}

std::optional<CatalogItem> CatalogRepository::find(const std::string& owner_id,
                                                   const std::string& id) {
  Statement query(connection_,
                  "SELECT id, name, archived FROM " + table_ + " WHERE user_id = ? AND id = ?");
  query.bind_all(owner_id, id).execute();
  std::optional<CatalogItem> out;
  if (query.fetch()) {
    out = CatalogItem{query.text_or_empty(1), query.text_or_empty(2), query.integer_or(3, 0) != 0};
  }
  drain(query);
  return out;
}

std::size_t CatalogRepository::count(const std::string& owner_id) {
  Statement query(connection_, "SELECT COUNT(*) FROM " + table_ + " WHERE user_id = ?");
  return static_cast<std::size_t>(query.bind_all(owner_id).scalar());
}

std::optional<CatalogItem> CatalogRepository::find_by_name(const std::string& owner_id,
                                                           const std::string& name) {
  Statement query(connection_, "SELECT id, name, archived FROM " + table_ +
                                   " WHERE user_id = ? AND name_key = ?");
  query.bind_all(owner_id, fold_key(name, "name")).execute();
  std::optional<CatalogItem> out;
  if (query.fetch()) {
    out = CatalogItem{query.text_or_empty(1), query.text_or_empty(2), query.integer_or(3, 0) != 0};
  }
  drain(query);
  return out;
}

Page<CatalogItem, std::string> CatalogRepository::list(const std::string& owner_id,
                                                       bool include_archived,
                                                       const std::optional<std::string>& after,
                                                       std::size_t limit) {
  limit = clamp_limit(limit);
  std::string sql = "SELECT id, name, archived, name_key FROM " + table_ + " WHERE user_id = ?";
  if (!include_archived) sql += " AND archived = 0";
  if (after) sql += " AND name_key > ?";
  sql += " ORDER BY name_key";
  Statement query(connection_, sql + " {LIMIT}");
  query.bind(owner_id);
  if (after) query.bind(*after);
  query.bind(static_cast<std::int64_t>(limit + 1)).execute();
  Page<CatalogItem, std::string> page;
  std::vector<std::string> keys;
  while (query.fetch()) {
    page.items.push_back(
        {query.text_or_empty(1), query.text_or_empty(2), query.integer_or(3, 0) != 0});
    keys.push_back(query.text_or_empty(4));
  }
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = keys[limit - 1];
  }
  return page;
}

bool CatalogRepository::rename(const std::string& owner_id, const std::string& id,
                               const std::string& name) {
  Statement update(connection_,
                   "UPDATE " + table_ + " SET name = ?, name_key = ? WHERE user_id = ? AND id = ?");
  return update.bind_all(name, fold_key(name, "name"), owner_id, id).execute() > 0;
}

bool CatalogRepository::set_archived(const std::string& owner_id, const std::string& id,
                                     bool archived) {
  Statement update(connection_,
                   "UPDATE " + table_ + " SET archived = ? WHERE user_id = ? AND id = ?");
  return update.bind_all(flag(archived), owner_id, id).execute() > 0;
}

bool CatalogRepository::in_use(const std::string& owner_id, const std::string& id) {
  Statement query(connection_, "SELECT COUNT(*) FROM " + link_table_ + " WHERE user_id = ? AND " +
                                   link_column_ + " = ?");
  return query.bind_all(owner_id, id).scalar() > 0;
}

bool CatalogRepository::remove(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM " + table_ + " WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

std::vector<DefaultCatalogItem> CatalogRepository::defaults() {
  Statement query(connection_,
                  "SELECT id, name, sort_order FROM default_catalog WHERE kind = ?"
                  " ORDER BY sort_order");
  query.bind_all(std::string(to_string(kind_))).execute();
  std::vector<DefaultCatalogItem> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), kind_, query.text_or_empty(2),
                   static_cast<int>(query.integer_or(3, 0))});
  }
  return out;
}

// ---- ObservationRepository ----

void ObservationRepository::insert(const Observation& o) {
  require_transaction(connection_, "inserting an observation");
  Statement insert(connection_,
                   "INSERT INTO observations (id, user_id, dog_id, observed_on, severity,"
                   " comment_text, comment_key, distance_m, recovery_min, handler_action,"
                   " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(o.id, o.owner_id, o.dog_id, o.date, std::int64_t{o.severity},
                  nullable_text(o.comment), nullable_text(fold_key(o.comment, "comment")),
                  optional_param(o.distance_m), optional_param(o.recovery_min),
                  nullable_text(o.handler_action.value_or("")), o.created_at, o.updated_at);
  insert.execute();
  insert_links(o);
  adjust_summaries(o, +1);
}

void ObservationRepository::insert_links(const Observation& o) {
  const auto insert_all = [&](const std::string& table, const std::string& column,
                              const std::vector<ItemRef>& items) {
    for (const std::string& item_id : unique_ids(items)) {
      Statement link(connection_, "INSERT INTO " + table + " (observation_id, " + column +
                                      ", user_id, dog_id, observed_on, severity)"
                                      " VALUES (?, ?, ?, ?, ?, ?)");
      link.bind_all(o.id, item_id, o.owner_id, o.dog_id, o.date, std::int64_t{o.severity})
          .execute();
    }
  };
  insert_all("observation_triggers", "trigger_id", o.triggers);
  insert_all("observation_reactions", "reaction_id", o.reactions);
  const auto triggers = unique_ids(o.triggers);
  for (const std::string& reaction_id : unique_ids(o.reactions)) {
    for (const std::string& trigger_id : triggers) {
      Statement pair(connection_,
                     "INSERT INTO observation_reaction_triggers (observation_id, reaction_id,"
                     " trigger_id, user_id, dog_id, observed_on) VALUES (?, ?, ?, ?, ?, ?)");
      pair.bind_all(o.id, reaction_id, trigger_id, o.owner_id, o.dog_id, o.date).execute();
    }
  }
}

namespace {

// The observation's items as one column: "id<US>name<RS>id<US>name...".
std::vector<ItemRef> parse_items(const std::optional<std::string>& packed) {
  std::vector<ItemRef> items;
  if (!packed || packed->empty()) return items;
  std::string_view rest = *packed;
  while (!rest.empty()) {
    const auto end = rest.find('\x1e');
    const std::string_view entry = rest.substr(0, end);
    const auto separator = entry.find('\x1f');
    if (separator != std::string_view::npos) {
      items.push_back(
          {std::string(entry.substr(0, separator)), std::string(entry.substr(separator + 1))});
    }
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  // Alphabetical as people read it, whatever order the database aggregated in.
  std::vector<std::pair<std::string, ItemRef>> keyed;
  for (auto& item : items) keyed.emplace_back(fold_key(item.name), std::move(item));
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  items.clear();
  for (auto& entry : keyed) items.push_back(std::move(entry.second));
  return items;
}

constexpr std::string_view kObservationSelect =
    "SELECT o.id, o.user_id, o.dog_id, o.observed_on, o.severity, o.comment_text, o.distance_m,"
    " o.recovery_min, o.handler_action, o.created_at, o.updated_at,"
    " {ITEMS:observation_triggers:trigger_id:triggers},"
    " {ITEMS:observation_reactions:reaction_id:reactions}"
    " FROM observations o";

Observation read_full_observation(Statement& row) {
  Observation o = read_observation(row);
  o.triggers = parse_items(row.text(12));
  o.reactions = parse_items(row.text(13));
  return o;
}

// The WHERE clause of `query`, always starting with the owner; bind_where
// binds its parameters in the same order.
std::string where_clause(const ObservationQuery& q, bool with_cursor) {
  std::string sql = " WHERE o.user_id = ?";
  if (q.dog_id) sql += " AND o.dog_id = ?";
  if (q.from) sql += " AND o.observed_on >= ?";
  if (q.to) sql += " AND o.observed_on <= ?";
  if (q.comment_key) sql += " AND o.comment_key LIKE ? ESCAPE '!'";
  if (!q.severities.empty()) {
    sql += " AND o.severity IN (" + placeholders(q.severities.size()) + ")";
  }
  if (!q.trigger_ids.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM observation_triggers lt WHERE lt.observation_id = o.id"
        " AND lt.trigger_id IN (" +
        placeholders(q.trigger_ids.size()) + "))";
  }
  if (!q.reaction_ids.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM observation_reactions lr WHERE lr.observation_id = o.id"
        " AND lr.reaction_id IN (" +
        placeholders(q.reaction_ids.size()) + "))";
  }
  if (with_cursor && q.after) {
    sql += " AND (o.observed_on < ? OR (o.observed_on = ? AND o.id < ?))";
  }
  return sql;
}

std::string like_pattern(std::string_view key) {
  std::string out = "%";
  for (char c : key) {
    if (c == '%' || c == '_' || c == '!') out.push_back('!');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

void bind_where(Statement& statement, const std::string& owner_id, const ObservationQuery& q,
                bool with_cursor) {
  statement.bind(owner_id);
  if (q.dog_id) statement.bind(*q.dog_id);
  if (q.from) statement.bind(*q.from);
  if (q.to) statement.bind(*q.to);
  if (q.comment_key) statement.bind(like_pattern(*q.comment_key));
  for (int severity : q.severities) statement.bind(std::int64_t{severity});
  for (const auto& id : q.trigger_ids) statement.bind(id);
  for (const auto& id : q.reaction_ids) statement.bind(id);
  if (with_cursor && q.after) statement.bind_all(q.after->date, q.after->date, q.after->id);
}

}  // namespace

std::optional<Observation> ObservationRepository::find(const std::string& owner_id,
                                                       const std::string& id) {
  Statement query(connection_,
                  std::string(kObservationSelect) + " WHERE o.user_id = ? AND o.id = ?");
  query.bind_all(owner_id, id).execute();
  std::optional<Observation> out;
  if (query.fetch()) out = read_full_observation(query);
  drain(query);
  return out;
}

Page<Observation, ObservationCursor> ObservationRepository::list(const std::string& owner_id,
                                                                 const ObservationQuery& q) {
  const std::size_t limit = clamp_limit(q.limit);
  Statement query(connection_, std::string(kObservationSelect) + where_clause(q, true) +
                                   " ORDER BY o.observed_on DESC, o.id DESC {LIMIT}");
  bind_where(query, owner_id, q, true);
  query.bind(static_cast<std::int64_t>(limit + 1)).execute();
  Page<Observation, ObservationCursor> page;
  while (query.fetch()) page.items.push_back(read_full_observation(query));
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = ObservationCursor{page.items.back().date, page.items.back().id};
  }
  return page;
}

std::size_t ObservationRepository::count(const std::string& owner_id, const ObservationQuery& q) {
  Statement query(connection_, "SELECT COUNT(*) FROM observations o" + where_clause(q, false));
  bind_where(query, owner_id, q, false);
  return static_cast<std::size_t>(query.scalar());
}

bool ObservationRepository::update(const Observation& o) {
  require_transaction(connection_, "updating an observation");
  const auto before = find(o.owner_id, o.id);
  if (!before) return false;
  adjust_summaries(*before, -1);
  Statement update(connection_,
                   "UPDATE observations SET dog_id = ?, observed_on = ?, severity = ?,"
                   " comment_text = ?, comment_key = ?, distance_m = ?, recovery_min = ?,"
                   " handler_action = ?, updated_at = ? WHERE user_id = ? AND id = ?");
  update.bind_all(o.dog_id, o.date, std::int64_t{o.severity}, nullable_text(o.comment),
                  nullable_text(fold_key(o.comment, "comment")), optional_param(o.distance_m),
                  optional_param(o.recovery_min), nullable_text(o.handler_action.value_or("")),
                  o.updated_at, o.owner_id, o.id);
  if (update.execute() == 0) return false;
  for (const char* table :
       {"observation_triggers", "observation_reactions", "observation_reaction_triggers"}) {
    Statement clear(connection_, std::string("DELETE FROM ") + table +
                                     " WHERE user_id = ? AND observation_id = ?");
    clear.bind_all(o.owner_id, o.id).execute();
  }
  insert_links(o);
  adjust_summaries(o, +1);
  return true;
}

bool ObservationRepository::remove(const std::string& owner_id, const std::string& id) {
  require_transaction(connection_, "removing an observation");
  const auto before = find(owner_id, id);
  if (!before) return false;
  adjust_summaries(*before, -1);
  Statement remove(connection_, "DELETE FROM observations WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

namespace {

Date month_of(Date date) {
  return Date{date.year(), date.month(), std::chrono::day{1}};
}

// Adds delta to the count of one summary row, creating it when missing.
// A concurrent creation of the same row surfaces as a conflict; the
// services run their transaction again.
void add_to_summary(Connection& connection, const std::string& table,
                    const std::vector<std::string>& columns, const std::vector<Param>& key,
                    int delta) {
  std::string where;
  for (const auto& column : columns)
    where += (where.empty() ? " WHERE " : " AND ") + column + " = ?";
  Statement update(connection, "UPDATE " + table + " SET n = n + ?" + where);
  update.bind(std::int64_t{delta});
  for (const auto& value : key) update.bind(value);
  if (update.execute() > 0 || delta < 0) return;
  std::string names, marks;
  for (const auto& column : columns) {
    names += column + ", ";
    marks += "?, ";
  }
  Statement insert(connection,
                   "INSERT INTO " + table + " (" + names + "n) VALUES (" + marks + "?)");
  for (const auto& value : key) insert.bind(value);
  insert.bind(std::int64_t{delta}).execute();
}

}  // namespace

void ObservationRepository::adjust_summaries(const Observation& o, int delta) {
  const Date month = month_of(o.date);
  add_to_summary(connection_, "analytics_days", {"user_id", "on_day", "dog_id", "severity"},
                 {o.owner_id, o.date, o.dog_id, std::int64_t{o.severity}}, delta);
  const auto triggers = unique_ids(o.triggers);
  const auto reactions = unique_ids(o.reactions);
  for (const auto& trigger : triggers) {
    add_to_summary(connection_, "analytics_month_triggers",
                   {"user_id", "in_month", "dog_id", "trigger_id", "severity"},
                   {o.owner_id, month, o.dog_id, trigger, std::int64_t{o.severity}}, delta);
  }
  for (const auto& reaction : reactions) {
    add_to_summary(connection_, "analytics_month_reactions",
                   {"user_id", "in_month", "dog_id", "reaction_id"},
                   {o.owner_id, month, o.dog_id, reaction}, delta);
    for (const auto& trigger : triggers) {
      add_to_summary(connection_, "analytics_month_pairs",
                     {"user_id", "in_month", "dog_id", "reaction_id", "trigger_id"},
                     {o.owner_id, month, o.dog_id, reaction, trigger}, delta);
    }
  }
}

// ---- AnalyticsRepository ----

namespace {

// A period cut into whole months, read from the monthly summaries, and the
// days before and after them, read from the link tables.
struct MonthSplit {
  bool months = false;              // any whole month to read
  std::optional<Date> first_month;  // inclusive; absent: unbounded
  std::optional<Date> last_month;   // inclusive; absent: unbounded
  std::vector<std::pair<std::optional<Date>, std::optional<Date>>> edges;
};

MonthSplit split_by_month(const std::optional<Date>& from, const std::optional<Date>& to) {
  using namespace std::chrono;
  MonthSplit out;
  std::optional<year_month> first, final;
  if (from) {
    const year_month ym{from->year(), from->month()};
    first = from->day() == day{1} ? ym : ym + months{1};
  }
  if (to) {
    const year_month ym{to->year(), to->month()};
    final = Date{ym / last} == *to ? ym : ym - months{1};
  }
  if (first && final && *first > *final) {
    out.edges.emplace_back(from, to);
    return out;
  }
  out.months = true;
  if (first) {
    out.first_month = Date{*first / 1};
    if (*from < *out.first_month) {
      out.edges.emplace_back(from, Date{sys_days{*out.first_month} - days{1}});
    }
  }
  if (final) {
    out.last_month = Date{*final / 1};
    const Date end{*final / last};
    if (*to > end) out.edges.emplace_back(Date{sys_days{end} + days{1}}, to);
  }
  return out;
}

std::string summary_where(const ObservationQuery& q, const MonthSplit& split) {
  std::string sql = " WHERE s.user_id = ?";
  if (q.dog_id) sql += " AND s.dog_id = ?";
  if (split.first_month) sql += " AND s.in_month >= ?";
  if (split.last_month) sql += " AND s.in_month <= ?";
  return sql;
}

void bind_summary_where(Statement& statement, const std::string& owner_id,
                        const ObservationQuery& q, const MonthSplit& split) {
  statement.bind(owner_id);
  if (q.dog_id) statement.bind(*q.dog_id);
  if (split.first_month) statement.bind(*split.first_month);
  if (split.last_month) statement.bind(*split.last_month);
}

ObservationQuery edge_query(const ObservationQuery& q,
                            const std::pair<std::optional<Date>, std::optional<Date>>& edge) {
  ObservationQuery out;
  out.dog_id = q.dog_id;
  out.from = edge.first;
  out.to = edge.second;
  return out;
}

// The period and dog filters of analytics, on a link table (alias l), whose
// rows carry copies of their observation's owner, dog, date and severity.
std::string link_where(const ObservationQuery& q) {
  std::string sql = " WHERE l.user_id = ?";
  if (q.dog_id) sql += " AND l.dog_id = ?";
  if (q.from) sql += " AND l.observed_on >= ?";
  if (q.to) sql += " AND l.observed_on <= ?";
  return sql;
}

void bind_link_where(Statement& statement, const std::string& owner_id, const ObservationQuery& q) {
  statement.bind(owner_id);
  if (q.dog_id) statement.bind(*q.dog_id);
  if (q.from) statement.bind(*q.from);
  if (q.to) statement.bind(*q.to);
}

void require_period_filters_only(const ObservationQuery& q) {
  if (q.comment_key || !q.trigger_ids.empty() || !q.reaction_ids.empty() || !q.severities.empty()) {
    throw Error(ErrorCode::internal, "analytics filter by owner, dog and period only");
  }
}

// Sums rows (key columns..., name, name_key, count) from several queries.
struct Tally {
  std::string name;
  std::string name_key;
  int count = 0;
};

template <typename Key, typename ReadKey>
void accumulate(Statement& query, std::map<Key, Tally>& into, int name_column, ReadKey read_key) {
  query.execute();
  while (query.fetch()) {
    Tally& tally = into[read_key(query)];
    tally.name = query.text_or_empty(name_column);
    tally.name_key = query.text_or_empty(name_column + 1);
    tally.count += static_cast<int>(query.integer_or(name_column + 2, 0));
  }
}

}  // namespace

std::vector<TriggerSeverityCount> AnalyticsRepository::trigger_severity(const std::string& owner_id,
                                                                        const ObservationQuery& q) {
  require_period_filters_only(q);
  const MonthSplit split = split_by_month(q.from, q.to);
  using Key = std::pair<std::string, int>;  // trigger, severity
  std::map<Key, Tally> tallies;
  const auto read_key = [](Statement& row) {
    return Key{row.text_or_empty(1), static_cast<int>(row.integer_or(2, 0))};
  };
  if (split.months) {
    Statement query(connection_,
                    "SELECT a.trigger_id, a.severity, t.name, t.name_key, a.n FROM"
                    " (SELECT s.trigger_id, s.severity, SUM(s.n) AS n"
                    " FROM analytics_month_triggers s" +
                        summary_where(q, split) +
                        " GROUP BY s.trigger_id, s.severity) a"
                        " JOIN triggers t ON t.id = a.trigger_id");
    bind_summary_where(query, owner_id, q, split);
    accumulate(query, tallies, 3, read_key);
  }
  for (const auto& edge : split.edges) {
    const ObservationQuery e = edge_query(q, edge);
    // Aggregated first, named after: the join touches one row per group.
    Statement query(connection_,
                    "SELECT a.trigger_id, a.severity, t.name, t.name_key, a.n FROM"
                    " (SELECT l.trigger_id, l.severity, COUNT(*) AS n FROM observation_triggers l" +
                        link_where(e) +
                        " GROUP BY l.trigger_id, l.severity) a"
                        " JOIN triggers t ON t.id = a.trigger_id");
    bind_link_where(query, owner_id, e);
    accumulate(query, tallies, 3, read_key);
  }
  std::vector<std::pair<std::string, TriggerSeverityCount>> sorted;
  for (const auto& [key, tally] : tallies) {
    if (tally.count > 0) {
      sorted.push_back({tally.name_key, {key.first, tally.name, key.second, tally.count}});
    }
  }
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.severity) < std::tie(b.first, b.second.severity);
  });
  std::vector<TriggerSeverityCount> out;
  for (auto& entry : sorted) out.push_back(std::move(entry.second));
  return out;
}

std::vector<DailyTotal> AnalyticsRepository::daily_totals(const std::string& owner_id,
                                                          const ObservationQuery& q) {
  require_period_filters_only(q);
  std::string sql =
      "SELECT s.on_day, SUM(s.severity * s.n), SUM(s.n) FROM analytics_days s WHERE s.user_id = ?";
  if (q.dog_id) sql += " AND s.dog_id = ?";
  if (q.from) sql += " AND s.on_day >= ?";
  if (q.to) sql += " AND s.on_day <= ?";
  sql += " GROUP BY s.on_day HAVING SUM(s.n) > 0 ORDER BY s.on_day";
  Statement query(connection_, sql);
  query.bind(owner_id);
  if (q.dog_id) query.bind(*q.dog_id);
  if (q.from) query.bind(*q.from);
  if (q.to) query.bind(*q.to);
  query.execute();
  std::vector<DailyTotal> out;
  while (query.fetch()) {
    out.push_back({query.date(1).value_or(Date{}), static_cast<int>(query.integer_or(2, 0)),
                   static_cast<int>(query.integer_or(3, 0))});
  }
  return out;
}

std::vector<ReactionShare> AnalyticsRepository::reactions(const std::string& owner_id,
                                                          const ObservationQuery& q) {
  require_period_filters_only(q);
  const MonthSplit split = split_by_month(q.from, q.to);
  std::map<std::string, Tally> reactions;
  const auto read_reaction = [](Statement& row) { return row.text_or_empty(1); };
  using PairKey = std::pair<std::string, std::string>;  // reaction, trigger
  std::map<PairKey, Tally> pairs;
  const auto read_pair = [](Statement& row) {
    return PairKey{row.text_or_empty(1), row.text_or_empty(2)};
  };
  if (split.months) {
    Statement per_reaction(
        connection_,
        "SELECT a.reaction_id, r.name, r.name_key, a.n FROM"
        " (SELECT s.reaction_id, SUM(s.n) AS n FROM analytics_month_reactions s" +
            summary_where(q, split) +
            " GROUP BY s.reaction_id) a"
            " JOIN reactions r ON r.id = a.reaction_id");
    bind_summary_where(per_reaction, owner_id, q, split);
    accumulate(per_reaction, reactions, 2, read_reaction);
    Statement per_pair(connection_,
                       "SELECT a.reaction_id, a.trigger_id, t.name, t.name_key, a.n FROM"
                       " (SELECT s.reaction_id, s.trigger_id, SUM(s.n) AS n"
                       " FROM analytics_month_pairs s" +
                           summary_where(q, split) +
                           " GROUP BY s.reaction_id, s.trigger_id) a"
                           " JOIN triggers t ON t.id = a.trigger_id");
    bind_summary_where(per_pair, owner_id, q, split);
    accumulate(per_pair, pairs, 3, read_pair);
  }
  for (const auto& edge : split.edges) {
    const ObservationQuery e = edge_query(q, edge);
    Statement per_reaction(connection_,
                           "SELECT a.reaction_id, r.name, r.name_key, a.n FROM"
                           " (SELECT l.reaction_id, COUNT(*) AS n FROM observation_reactions l" +
                               link_where(e) +
                               " GROUP BY l.reaction_id) a"
                               " JOIN reactions r ON r.id = a.reaction_id");
    bind_link_where(per_reaction, owner_id, e);
    accumulate(per_reaction, reactions, 2, read_reaction);
    Statement per_pair(connection_,
                       "SELECT a.reaction_id, a.trigger_id, t.name, t.name_key, a.n FROM"
                       " (SELECT l.reaction_id, l.trigger_id, COUNT(*) AS n"
                       " FROM observation_reaction_triggers l" +
                           link_where(e) +
                           " GROUP BY l.reaction_id, l.trigger_id) a"
                           " JOIN triggers t ON t.id = a.trigger_id");
    bind_link_where(per_pair, owner_id, e);
    accumulate(per_pair, pairs, 3, read_pair);
  }
  const auto by_count_then_name = [](const auto& a, const auto& b) {
    return a.first.count != b.first.count ? a.first.count > b.first.count
                                          : a.first.name_key < b.first.name_key;
  };
  std::vector<std::pair<Tally, ReactionShare>> sorted;
  for (const auto& [id, tally] : reactions) {
    if (tally.count > 0) sorted.push_back({tally, {id, tally.name, tally.count, {}}});
  }
  std::sort(sorted.begin(), sorted.end(), by_count_then_name);
  std::vector<ReactionShare> out;
  std::map<std::string, std::size_t> index;
  for (auto& entry : sorted) {
    index[entry.second.reaction_id] = out.size();
    out.push_back(std::move(entry.second));
  }
  std::vector<std::pair<Tally, std::pair<std::string, ReactionShare::Companion>>> companions;
  for (const auto& [key, tally] : pairs) {
    if (tally.count > 0 && index.count(key.first)) {
      companions.push_back({tally, {key.first, {key.second, tally.name, tally.count}}});
    }
  }
  std::sort(companions.begin(), companions.end(), by_count_then_name);
  for (auto& [tally, entry] : companions) {
    out[index[entry.first]].triggers.push_back(std::move(entry.second));
  }
  return out;
}

std::pair<int, int> AnalyticsRepository::high_intensity(const std::string& owner_id,
                                                        const ObservationQuery& q) {
  require_period_filters_only(q);
  std::string sql =
      "SELECT COALESCE(SUM(CASE WHEN s.severity >= 4 THEN s.n ELSE 0 END), 0),"
      " COALESCE(SUM(s.n), 0) FROM analytics_days s WHERE s.user_id = ?";
  if (q.dog_id) sql += " AND s.dog_id = ?";
  if (q.from) sql += " AND s.on_day >= ?";
  if (q.to) sql += " AND s.on_day <= ?";
  Statement query(connection_, sql);
  query.bind(owner_id);
  if (q.dog_id) query.bind(*q.dog_id);
  if (q.from) query.bind(*q.from);
  if (q.to) query.bind(*q.to);
  query.execute();
  query.fetch();
  const std::pair<int, int> out{static_cast<int>(query.integer_or(1, 0)),
                                static_cast<int>(query.integer_or(2, 0))};
  drain(query);
  return out;
}

// ---- PasswordResetRepository ----

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
