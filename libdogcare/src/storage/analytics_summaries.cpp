#include "storage/analytics_summaries.hpp"

#include <string_view>

#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

Date month_of(Date date) {
  return Date{date.year(), date.month(), std::chrono::day{1}};
}

using SummaryKey = std::vector<std::pair<std::string_view, Param>>;  // column, value

// Adds delta to the count of one summary row, creating it when missing.
// A concurrent creation of the same row surfaces as a conflict; the
// services run their transaction again.
void add_to_summary(Connection& connection, std::string_view table, const SummaryKey& key,
                    int delta) {
  Sql update("UPDATE ");
  update.append(table).append(" SET n = n + ?", delta);
  std::string_view separator = " WHERE ";
  for (const auto& [column, value] : key) {
    update.append(separator).append(column).append(" = ?", value);
    separator = " AND ";
  }
  if (BoundStatement(connection, update).execute() > 0 || delta < 0) return;
  Sql insert("INSERT INTO ");
  insert.append(table).append(" (");
  for (const auto& entry : key) insert.append(entry.first).append(", ");
  insert.append("n) VALUES (");
  for (const auto& entry : key) insert.append("?, ", entry.second);
  insert.append("?)", delta);
  BoundStatement(connection, insert).execute();
}

// " WHERE s.user_id = ? AND ..." over summary rows `s`, whose period column
// (on_day or in_month) is `period_column`.
Sql summary_where(const std::string& owner_id, const SummaryFilter& filter,
                  std::string_view period_column) {
  Sql sql(" WHERE s.user_id = ?", owner_id);
  if (filter.dog_id) sql.append(" AND s.dog_id = ?", *filter.dog_id);
  if (filter.from) sql.append(" AND s.").append(period_column).append(" >= ?", *filter.from);
  if (filter.to) sql.append(" AND s.").append(period_column).append(" <= ?", *filter.to);
  return sql;
}

}  // namespace

void SummaryWriter::apply(const Observation& o, int delta) {
  require_transaction(connection_, "changing the analytics summaries");
  const Date month = month_of(o.date);
  add_to_summary(connection_, "analytics_days",
                 {{"user_id", o.owner_id},
                  {"on_day", o.date},
                  {"dog_id", o.dog_id},
                  {"severity", std::int64_t{o.severity}}},
                 delta);
  const auto triggers = unique_ids(o.triggers);
  const auto reactions = unique_ids(o.reactions);
  for (const auto& trigger : triggers) {
    add_to_summary(connection_, "analytics_month_triggers",
                   {{"user_id", o.owner_id},
                    {"in_month", month},
                    {"dog_id", o.dog_id},
                    {"trigger_id", trigger},
                    {"severity", std::int64_t{o.severity}}},
                   delta);
  }
  for (const auto& reaction : reactions) {
    add_to_summary(connection_, "analytics_month_reactions",
                   {{"user_id", o.owner_id},
                    {"in_month", month},
                    {"dog_id", o.dog_id},
                    {"reaction_id", reaction}},
                   delta);
    for (const auto& trigger : triggers) {
      add_to_summary(connection_, "analytics_month_pairs",
                     {{"user_id", o.owner_id},
                      {"in_month", month},
                      {"dog_id", o.dog_id},
                      {"reaction_id", reaction},
                      {"trigger_id", trigger}},
                     delta);
    }
  }
}

// The tallies' columns: ids, counts, then the item's name and folded name.
constexpr std::size_t kTallyBlock = 256;
const ResultColumn kText{ColumnKind::text, ResultColumn::kDefaultTextBytes};
const ResultColumn kInteger{ColumnKind::integer, 0};

std::vector<ResultColumn> trigger_severity_result() {
  return {kText, kInteger, kText, kText, kInteger};
}
std::vector<ResultColumn> reactions_result() {
  return {kText, kText, kText, kInteger};
}
std::vector<ResultColumn> reaction_triggers_result() {
  return {kText, kText, kText, kText, kInteger};
}

std::vector<TriggerSeverityTally> read_trigger_severity(BoundStatement& query) {
  query.bind_result(trigger_severity_result(), kTallyBlock).execute();
  std::vector<TriggerSeverityTally> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), static_cast<int>(query.integer_or(2, 0)),
                   query.text_or_empty(3), query.text_or_empty(4),
                   static_cast<int>(query.integer_or(5, 0))});
  }
  return out;
}

std::vector<ReactionTally> read_reactions(BoundStatement& query) {
  query.bind_result(reactions_result(), kTallyBlock).execute();
  std::vector<ReactionTally> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), query.text_or_empty(2), query.text_or_empty(3),
                   static_cast<int>(query.integer_or(4, 0))});
  }
  return out;
}

std::vector<ReactionTriggerTally> read_reaction_triggers(BoundStatement& query) {
  query.bind_result(reaction_triggers_result(), kTallyBlock).execute();
  std::vector<ReactionTriggerTally> out;
  while (query.fetch()) {
    out.push_back({query.text_or_empty(1), query.text_or_empty(2), query.text_or_empty(3),
                   query.text_or_empty(4), static_cast<int>(query.integer_or(5, 0))});
  }
  return out;
}

std::vector<DailyTotal> SummaryReader::daily_totals(const std::string& owner_id,
                                                    const SummaryFilter& days) {
  Sql sql("SELECT s.on_day, SUM(s.severity * s.n), SUM(s.n) FROM analytics_days s");
  sql.append(summary_where(owner_id, days, "on_day"))
      .append(" GROUP BY s.on_day HAVING SUM(s.n) > 0 ORDER BY s.on_day");
  BoundStatement query(connection_, sql);
  // Fixed-width columns: one block holds a year of days, on every driver.
  query.bind_result({{ColumnKind::date, 0}, kInteger, kInteger}, 512).execute();
  std::vector<DailyTotal> out;
  while (query.fetch()) {
    out.push_back({query.date(1).value_or(Date{}), static_cast<int>(query.integer_or(2, 0)),
                   static_cast<int>(query.integer_or(3, 0))});
  }
  return out;
}

std::pair<int, int> SummaryReader::strong_and_total(const std::string& owner_id,
                                                    const SummaryFilter& days) {
  Sql sql("SELECT COALESCE(SUM(CASE WHEN s.severity >= ? THEN s.n ELSE 0 END), 0),",
          kStrongSeverity);
  sql.append(" COALESCE(SUM(s.n), 0) FROM analytics_days s")
      .append(summary_where(owner_id, days, "on_day"));
  BoundStatement query(connection_, sql);
  query.bind_result({kInteger, kInteger}, 1).execute();
  query.fetch();
  const std::pair<int, int> out{static_cast<int>(query.integer_or(1, 0)),
                                static_cast<int>(query.integer_or(2, 0))};
  drain(query);
  return out;
}

std::vector<TriggerSeverityTally> SummaryReader::trigger_severity(const std::string& owner_id,
                                                                  const SummaryFilter& months) {
  // Aggregated first, named after: the join touches one row per group.
  Sql sql(
      "SELECT a.trigger_id, a.severity, t.name, t.name_key, a.n FROM"
      " (SELECT s.trigger_id, s.severity, SUM(s.n) AS n FROM analytics_month_triggers s");
  sql.append(summary_where(owner_id, months, "in_month"))
      .append(" GROUP BY s.trigger_id, s.severity) a JOIN triggers t ON t.id = a.trigger_id");
  BoundStatement query(connection_, sql);
  return read_trigger_severity(query);
}

std::vector<ReactionTally> SummaryReader::reactions(const std::string& owner_id,
                                                    const SummaryFilter& months) {
  Sql sql(
      "SELECT a.reaction_id, r.name, r.name_key, a.n FROM"
      " (SELECT s.reaction_id, SUM(s.n) AS n FROM analytics_month_reactions s");
  sql.append(summary_where(owner_id, months, "in_month"))
      .append(" GROUP BY s.reaction_id) a JOIN reactions r ON r.id = a.reaction_id");
  BoundStatement query(connection_, sql);
  return read_reactions(query);
}

std::vector<ReactionTriggerTally> SummaryReader::reaction_triggers(const std::string& owner_id,
                                                                   const SummaryFilter& months) {
  Sql sql(
      "SELECT a.reaction_id, a.trigger_id, t.name, t.name_key, a.n FROM"
      " (SELECT s.reaction_id, s.trigger_id, SUM(s.n) AS n FROM analytics_month_pairs s");
  sql.append(summary_where(owner_id, months, "in_month"))
      .append(" GROUP BY s.reaction_id, s.trigger_id) a JOIN triggers t ON t.id = a.trigger_id");
  BoundStatement query(connection_, sql);
  return read_reaction_triggers(query);
}

}  // namespace dogcare::storage
