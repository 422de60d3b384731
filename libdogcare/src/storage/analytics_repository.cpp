#include "storage/analytics_repository.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "dogcare/error.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

// A period cut into whole months, read from the monthly summaries, and the
// days before and after them, read from the link tables.
struct MonthSplit {
  std::optional<SummaryFilter> months;  // the whole months, if any
  std::vector<SummaryFilter> edges;     // days outside them
};

MonthSplit split_by_month(const ObservationQuery& q) {
  using namespace std::chrono;
  const std::optional<Date>& from = q.from;
  const std::optional<Date>& to = q.to;
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
    out.edges.push_back({q.dog_id, from, to});
    return out;
  }
  SummaryFilter months{q.dog_id, std::nullopt, std::nullopt};
  if (first) {
    months.from = Date{*first / 1};
    if (*from < *months.from) {
      out.edges.push_back({q.dog_id, from, Date{sys_days{*months.from} - days{1}}});
    }
  }
  if (final) {
    months.to = Date{*final / 1};
    const Date end{*final / last};
    if (*to > end) out.edges.push_back({q.dog_id, Date{sys_days{end} + days{1}}, to});
  }
  out.months = months;
  return out;
}

void require_period_filters_only(const ObservationQuery& q) {
  if (q.comment_key || !q.trigger_ids.empty() || !q.reaction_ids.empty() || !q.severities.empty()) {
    throw Error(ErrorCode::internal, "analytics filter by owner, dog and period only");
  }
}

SummaryFilter day_filter(const ObservationQuery& q) {
  return {q.dog_id, q.from, q.to};
}

// The dog and period filters on a link table (alias l), whose rows carry
// copies of their observation's owner, dog, date and severity.
Sql link_where(const std::string& owner_id, const SummaryFilter& days) {
  Sql sql(" WHERE l.user_id = ?", owner_id);
  if (days.dog_id) sql.append(" AND l.dog_id = ?", *days.dog_id);
  if (days.from) sql.append(" AND l.observed_on >= ?", *days.from);
  if (days.to) sql.append(" AND l.observed_on <= ?", *days.to);
  return sql;
}

// The days at a period's edges, counted from the link tables into the same
// tallies as the monthly summaries.
class EdgeReader {
 public:
  explicit EdgeReader(Connection& connection) : connection_(connection) {}

  std::vector<TriggerSeverityTally> trigger_severity(const std::string& owner_id,
                                                     const SummaryFilter& days) {
    // Aggregated first, named after: the join touches one row per group.
    Sql sql(
        "SELECT a.trigger_id, a.severity, t.name, t.name_key, a.n FROM"
        " (SELECT l.trigger_id, l.severity, COUNT(*) AS n FROM observation_triggers l");
    sql.append(link_where(owner_id, days))
        .append(" GROUP BY l.trigger_id, l.severity) a JOIN triggers t ON t.id = a.trigger_id");
    BoundStatement query(connection_, sql);
    return read_trigger_severity(query);
  }

  std::vector<ReactionTally> reactions(const std::string& owner_id, const SummaryFilter& days) {
    Sql sql(
        "SELECT a.reaction_id, r.name, r.name_key, a.n FROM"
        " (SELECT l.reaction_id, COUNT(*) AS n FROM observation_reactions l");
    sql.append(link_where(owner_id, days))
        .append(" GROUP BY l.reaction_id) a JOIN reactions r ON r.id = a.reaction_id");
    BoundStatement query(connection_, sql);
    return read_reactions(query);
  }

  std::vector<ReactionTriggerTally> reaction_triggers(const std::string& owner_id,
                                                      const SummaryFilter& days) {
    Sql sql(
        "SELECT a.reaction_id, a.trigger_id, t.name, t.name_key, a.n FROM"
        " (SELECT l.reaction_id, l.trigger_id, COUNT(*) AS n"
        " FROM observation_reaction_triggers l");
    sql.append(link_where(owner_id, days))
        .append(" GROUP BY l.reaction_id, l.trigger_id) a JOIN triggers t ON t.id = a.trigger_id");
    BoundStatement query(connection_, sql);
    return read_reaction_triggers(query);
  }

 private:
  Connection& connection_;
};

// Counts summed over the whole months and the edges of a period.
struct Tally {
  std::string name;
  std::string name_key;
  int count = 0;
};

template <typename Key, typename Row, typename KeyOf>
void accumulate(std::map<Key, Tally>& into, const std::vector<Row>& rows, KeyOf key_of) {
  for (const Row& row : rows) {
    Tally& tally = into[key_of(row)];
    tally.name = row.name;
    tally.name_key = row.name_key;
    tally.count += row.count;
  }
}

}  // namespace

std::vector<TriggerSeverityCount> AnalyticsRepository::trigger_severity(const std::string& owner_id,
                                                                        const ObservationQuery& q) {
  require_period_filters_only(q);
  const MonthSplit split = split_by_month(q);
  using Key = std::pair<std::string, int>;  // trigger, severity
  std::map<Key, Tally> tallies;
  const auto key_of = [](const TriggerSeverityTally& row) {
    return Key{row.trigger_id, row.severity};
  };
  if (split.months) {
    accumulate(tallies, SummaryReader(connection_).trigger_severity(owner_id, *split.months),
               key_of);
  }
  EdgeReader edges(connection_);
  for (const auto& edge : split.edges) {
    accumulate(tallies, edges.trigger_severity(owner_id, edge), key_of);
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
  return SummaryReader(connection_).daily_totals(owner_id, day_filter(q));
}

std::vector<ReactionShare> AnalyticsRepository::reactions(const std::string& owner_id,
                                                          const ObservationQuery& q) {
  require_period_filters_only(q);
  const MonthSplit split = split_by_month(q);
  std::map<std::string, Tally> reactions;
  const auto reaction_of = [](const ReactionTally& row) { return row.reaction_id; };
  using PairKey = std::pair<std::string, std::string>;  // reaction, trigger
  std::map<PairKey, Tally> pairs;
  const auto pair_of = [](const ReactionTriggerTally& row) {
    return PairKey{row.reaction_id, row.trigger_id};
  };
  if (split.months) {
    SummaryReader summaries(connection_);
    accumulate(reactions, summaries.reactions(owner_id, *split.months), reaction_of);
    accumulate(pairs, summaries.reaction_triggers(owner_id, *split.months), pair_of);
  }
  EdgeReader edges(connection_);
  for (const auto& edge : split.edges) {
    accumulate(reactions, edges.reactions(owner_id, edge), reaction_of);
    accumulate(pairs, edges.reaction_triggers(owner_id, edge), pair_of);
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
  return SummaryReader(connection_).strong_and_total(owner_id, day_filter(q));
}

}  // namespace dogcare::storage
