// The analytics summaries: counts of observations per day (analytics_days)
// and per month (analytics_month_*), kept in step with every write so the
// views read a few rows per day or month instead of every observation.
//
// SummaryWriter is the only code that writes them, SummaryReader the only
// code that reads them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dogcare/observations.hpp"
#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

class SummaryWriter {
 public:
  explicit SummaryWriter(Connection& connection) : connection_(connection) {}
  // Counts the observation into (delta = +1) or out of (delta = -1) every
  // summary, as stored: a creation applies the new observation with +1, a
  // deletion the stored one with -1, an update the stored one with -1 and
  // then the new one with +1. Runs inside the caller's transaction.
  void apply(const Observation& observation, int delta);

 private:
  Connection& connection_;
};

// The summary rows to read: the owner's, of one dog or every dog, between
// two bounds (inclusive; for the monthly summaries, first days of months).
struct SummaryFilter {
  std::optional<std::string> dog_id;
  std::optional<Date> from;
  std::optional<Date> to;
};

struct DailyTotal {
  Date date{};
  int severity_sum = 0;
  int count = 0;
};

// Observations counted by trigger and severity.
struct TriggerSeverityTally {
  std::string trigger_id;
  int severity = 0;
  std::string name;  // the trigger's
  std::string name_key;
  int count = 0;
};

// Observations counted by reaction.
struct ReactionTally {
  std::string reaction_id;
  std::string name;  // the reaction's
  std::string name_key;
  int count = 0;
};

// Observations counted by reaction and trigger seen together.
struct ReactionTriggerTally {
  std::string reaction_id;
  std::string trigger_id;
  std::string name;  // the trigger's
  std::string name_key;
  int count = 0;
};

// Runs a tally query (not yet executed) and reads its rows, bound and in
// blocks; columns in the order of the struct (the summaries' and the link
// tables' queries share them).
class BoundStatement;
std::vector<TriggerSeverityTally> read_trigger_severity(BoundStatement& query);
std::vector<ReactionTally> read_reactions(BoundStatement& query);
std::vector<ReactionTriggerTally> read_reaction_triggers(BoundStatement& query);

class SummaryReader {
 public:
  explicit SummaryReader(Connection& connection) : connection_(connection) {}

  // From the daily summaries, bounds are days.
  // Days with observations, in date order.
  std::vector<DailyTotal> daily_totals(const std::string& owner_id, const SummaryFilter& days);
  // {observations with severity >= kStrongSeverity, all observations}
  std::pair<int, int> strong_and_total(const std::string& owner_id, const SummaryFilter& days);

  // From the monthly summaries, bounds are first days of months.
  std::vector<TriggerSeverityTally> trigger_severity(const std::string& owner_id,
                                                     const SummaryFilter& months);
  std::vector<ReactionTally> reactions(const std::string& owner_id, const SummaryFilter& months);
  std::vector<ReactionTriggerTally> reaction_triggers(const std::string& owner_id,
                                                      const SummaryFilter& months);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
