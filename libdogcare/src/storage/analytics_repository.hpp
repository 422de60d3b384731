// The aggregates behind the analytics views, computed by the database: whole
// months and days from the summaries (storage/analytics_summaries), the
// partial months at a period's edges from the observation link tables.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "dogcare/analytics.hpp"
#include "storage/analytics_summaries.hpp"
#include "storage/observation_query.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

class AnalyticsRepository {
 public:
  explicit AnalyticsRepository(Connection& connection) : connection_(connection) {}
  // The filters of `query` apply (cursor and limit ignored).
  std::vector<TriggerSeverityCount> trigger_severity(const std::string& owner_id,
                                                     const ObservationQuery& query);
  std::vector<DailyTotal> daily_totals(const std::string& owner_id, const ObservationQuery& query);
  // With the triggers seen alongside each reaction; most frequent first.
  std::vector<ReactionShare> reactions(const std::string& owner_id, const ObservationQuery& query);
  // {observations with severity >= kStrongSeverity, all observations}
  std::pair<int, int> high_intensity(const std::string& owner_id, const ObservationQuery& query);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
