#include "storage/observation_repository.hpp"

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "storage/analytics_summaries.hpp"
#include "storage/columns.hpp"
#include "storage/dialect.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

using O = Observation;
// The observations table's plain columns; comment_key (the folded comment)
// and the items are written beside them.
constexpr auto kColumns = std::tuple{
    Column<O, std::string>{"id", &O::id, false},
    Column<O, std::string>{"user_id", &O::owner_id, false},
    Column<O, std::string>{"dog_id", &O::dog_id},
    Column<O, Date>{"observed_on", &O::date},
    Column<O, int>{"severity", &O::severity},
    Column<O, std::string>{"comment_text", &O::comment},
    Column<O, std::optional<int>>{"distance_m", &O::distance_m},
    Column<O, std::optional<int>>{"recovery_min", &O::recovery_min},
    Column<O, std::optional<std::string>>{"handler_action", &O::handler_action},
    Column<O, Timestamp>{"created_at", &O::created_at, false},
    Column<O, Timestamp>{"updated_at", &O::updated_at},
};

const std::string kObservationSelect = "SELECT " + select_list(kColumns, "o") +
                                       ", {ITEMS:observation_triggers:trigger_id:triggers},"
                                       " {ITEMS:observation_reactions:reaction_id:reactions}"
                                       " FROM observations o";

// kObservationSelect's columns as bound for block fetches: the plain ones,
// then the two packed item lists (a few items fit; more are read in pieces).
const std::vector<ResultColumn>& observation_result() {
  static const std::vector<ResultColumn> columns = [] {
    auto out = result_columns(kColumns);
    out.push_back({ColumnKind::text, 512});
    out.push_back({ColumnKind::text, 512});
    return out;
  }();
  return columns;
}

// The observation's items as one column: "id<US>name<US>key<RS>id...",
// where key is the item's stored folded name.
std::vector<ItemRef> parse_items(const std::optional<std::string>& packed) {
  std::vector<ItemRef> items;
  if (!packed || packed->empty()) return items;
  std::vector<std::pair<std::string_view, ItemRef>> keyed;
  std::string_view rest = *packed;
  while (!rest.empty()) {
    const auto end = rest.find('\x1e');
    const std::string_view entry = rest.substr(0, end);
    const auto first = entry.find('\x1f');
    const auto second = first == std::string_view::npos ? first : entry.find('\x1f', first + 1);
    if (second != std::string_view::npos) {
      keyed.emplace_back(entry.substr(second + 1),
                         ItemRef{std::string(entry.substr(0, first)),
                                 std::string(entry.substr(first + 1, second - first - 1))});
    }
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  // Alphabetical as people read it, whatever order the database aggregated in.
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  items.reserve(keyed.size());
  for (auto& entry : keyed) items.push_back(std::move(entry.second));
  return items;
}

Observation read_observation(Statement& row) {
  Observation o;
  const int items = read_columns(row, kColumns, o);
  o.triggers = parse_items(row.text(items));
  o.reactions = parse_items(row.text(items + 1));
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
  static const std::string sql = insert_sql("observations", kColumns, {"comment_key"});
  Statement insert(connection_, sql);
  bind_columns(insert, kColumns, o, false);
  insert.bind(nullable_text(fold_key(o.comment, "comment")));
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
  Statement query(connection_, kObservationSelect + " WHERE o.user_id = ? AND o.id = ?");
  query.bind_result(observation_result(), 1).bind_all(owner_id, id).execute();
  std::optional<Observation> out;
  if (query.fetch()) out = read_observation(query);
  drain(query);
  return out;
}

std::optional<std::string> ObservationRepository::dog_of(const std::string& id) {
  Statement query(connection_, "SELECT dog_id FROM observations WHERE id = ?");
  query.bind_all(id).execute();
  std::optional<std::string> out;
  if (query.fetch()) out = query.text(1);
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
  query.bind_result(observation_result(), limit + 1).execute();
  Page<Observation, ObservationCursor> page;
  page.items.reserve(limit + 1);
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
  static const std::string sql =
      update_sql("observations", kColumns, {"comment_key"}) + " WHERE user_id = ? AND id = ?";
  Statement update(connection_, sql);
  bind_columns(update, kColumns, o, true);
  update.bind_all(nullable_text(fold_key(o.comment, "comment")), o.owner_id, o.id);
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
