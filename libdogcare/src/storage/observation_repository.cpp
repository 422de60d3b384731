#include "storage/observation_repository.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "storage/analytics_summaries.hpp"
#include "storage/dialect.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr std::string_view kObservationSelect =
    "SELECT o.id, o.user_id, o.dog_id, o.observed_on, o.severity, o.comment_text, o.distance_m,"
    " o.recovery_min, o.handler_action, o.created_at, o.updated_at,"
    " {ITEMS:observation_triggers:trigger_id:triggers},"
    " {ITEMS:observation_reactions:reaction_id:reactions}"
    " FROM observations o";

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
  o.triggers = parse_items(row.text(12));
  o.reactions = parse_items(row.text(13));
  return o;
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

// The WHERE clause of `q` on observations `o`, always starting with the owner.
Sql where_clause(const std::string& owner_id, const ObservationQuery& q, bool with_cursor) {
  Sql sql(" WHERE o.user_id = ?", owner_id);
  if (q.dog_id) sql.append(" AND o.dog_id = ?", *q.dog_id);
  if (q.from) sql.append(" AND o.observed_on >= ?", *q.from);
  if (q.to) sql.append(" AND o.observed_on <= ?", *q.to);
  if (q.comment_key) {
    sql.append(" AND o.comment_key LIKE ? ESCAPE '!'", like_pattern(*q.comment_key));
  }
  if (!q.severities.empty()) {
    sql.append(" AND o.severity IN (").append_list(q.severities).append(")");
  }
  if (!q.trigger_ids.empty()) {
    sql.append(
           " AND EXISTS (SELECT 1 FROM observation_triggers lt WHERE lt.observation_id = o.id"
           " AND lt.trigger_id IN (")
        .append_list(q.trigger_ids)
        .append("))");
  }
  if (!q.reaction_ids.empty()) {
    sql.append(
           " AND EXISTS (SELECT 1 FROM observation_reactions lr WHERE lr.observation_id = o.id"
           " AND lr.reaction_id IN (")
        .append_list(q.reaction_ids)
        .append("))");
  }
  if (with_cursor && q.after) {
    sql.append(" AND (o.observed_on < ? OR (o.observed_on = ? AND o.id < ?))", q.after->date,
               q.after->date, q.after->id);
  }
  return sql;
}

}  // namespace

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
  SummaryWriter(connection_).apply(o, +1);
}

void ObservationRepository::insert_links(const Observation& o) {
  const auto insert_all = [&](std::string_view table, std::string_view column,
                              const std::vector<ItemRef>& items) {
    for (const std::string& item_id : unique_ids(items)) {
      Sql sql("INSERT INTO ");
      sql.append(table).append(" (observation_id, ").append(column);
      sql.append(", user_id, dog_id, observed_on, severity) VALUES (?, ?, ?, ?, ?, ?)", o.id,
                 item_id, o.owner_id, o.dog_id, o.date, o.severity);
      BoundStatement(connection_, sql).execute();
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

std::optional<Observation> ObservationRepository::find(const std::string& owner_id,
                                                       const std::string& id) {
  Statement query(connection_,
                  std::string(kObservationSelect) + " WHERE o.user_id = ? AND o.id = ?");
  query.bind_all(owner_id, id).execute();
  std::optional<Observation> out;
  if (query.fetch()) out = read_observation(query);
  drain(query);
  return out;
}

Page<Observation, ObservationCursor> ObservationRepository::list(const std::string& owner_id,
                                                                 const ObservationQuery& q) {
  const std::size_t limit = clamp_limit(q.limit);
  Sql sql(kObservationSelect);
  sql.append(where_clause(owner_id, q, true))
      .append(" ORDER BY o.observed_on DESC, o.id DESC {LIMIT}", limit + 1);
  BoundStatement query(connection_, sql);
  query.execute();
  Page<Observation, ObservationCursor> page;
  while (query.fetch()) page.items.push_back(read_observation(query));
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = ObservationCursor{page.items.back().date, page.items.back().id};
  }
  return page;
}

std::size_t ObservationRepository::count(const std::string& owner_id, const ObservationQuery& q) {
  Sql sql("SELECT COUNT(*) FROM observations o");
  sql.append(where_clause(owner_id, q, false));
  return static_cast<std::size_t>(BoundStatement(connection_, sql).scalar());
}

bool ObservationRepository::update(const Observation& o) {
  require_transaction(connection_, "updating an observation");
  const auto before = find(o.owner_id, o.id);
  if (!before) return false;
  SummaryWriter summaries(connection_);
  summaries.apply(*before, -1);
  Statement update(connection_,
                   "UPDATE observations SET dog_id = ?, observed_on = ?, severity = ?,"
                   " comment_text = ?, comment_key = ?, distance_m = ?, recovery_min = ?,"
                   " handler_action = ?, updated_at = ? WHERE user_id = ? AND id = ?");
  update.bind_all(o.dog_id, o.date, std::int64_t{o.severity}, nullable_text(o.comment),
                  nullable_text(fold_key(o.comment, "comment")), optional_param(o.distance_m),
                  optional_param(o.recovery_min), nullable_text(o.handler_action.value_or("")),
                  o.updated_at, o.owner_id, o.id);
  if (update.execute() == 0) return false;
  for (std::string_view table :
       {"observation_triggers", "observation_reactions", "observation_reaction_triggers"}) {
    Sql clear("DELETE FROM ");
    clear.append(table).append(" WHERE user_id = ? AND observation_id = ?", o.owner_id, o.id);
    BoundStatement(connection_, clear).execute();
  }
  insert_links(o);
  summaries.apply(o, +1);
  return true;
}

bool ObservationRepository::remove(const std::string& owner_id, const std::string& id) {
  require_transaction(connection_, "removing an observation");
  const auto before = find(owner_id, id);
  if (!before) return false;
  SummaryWriter(connection_).apply(*before, -1);
  Statement remove(connection_, "DELETE FROM observations WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

}  // namespace dogcare::storage
