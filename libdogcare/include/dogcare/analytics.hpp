// What the observations say over a period: the original's four views and
// the trend that answers "is it getting better?".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/observations.hpp"

namespace dogcare {

enum class Period { all, this_year, this_month, this_week, custom };

struct AnalyticsQuery {
  std::optional<std::string> dog_id;  // all of the user's dogs when absent
  Period period = Period::all;
  std::optional<Date> from;  // custom
  std::optional<Date> to;    // custom
  // The month compared with the one before it (view 4); default: this month.
  std::optional<std::chrono::year_month> month;
};

struct TriggerSeverityCount {
  std::string trigger_id;
  std::string trigger;
  int severity = 0;
  int count = 0;
};

struct DailySeverity {
  Date date{};
  double mean = 0;          // mean severity that day
  int count = 0;            // observations that day
  double rolling_mean = 0;  // mean over the 7 days ending that day
};

struct ReactionShare {
  std::string reaction_id;
  std::string reaction;
  int count = 0;  // observations with this reaction
  struct Companion {
    std::string trigger_id;
    std::string trigger;
    int count = 0;  // observations with this reaction and this trigger
  };
  std::vector<Companion> triggers;  // most frequent first
};

struct HighIntensityShare {
  std::chrono::year_month month{};
  int high = 0;  // severity >= 4
  int total = 0;
  double share = 0;  // high / total, 0 when total is 0
  int previous_high = 0;
  int previous_total = 0;
  double previous_share = 0;
  double delta = 0;  // share - previous_share
};

enum class TrendDirection { improving, stable, worsening, insufficient_data };

std::string_view to_string(TrendDirection direction) noexcept;

struct Trend {
  TrendDirection direction = TrendDirection::insufficient_data;
  // Least-squares slope of the daily mean severity, per day (negative = better).
  double slope_per_day = 0;
  int days = 0;  // days with observations in the period
};

struct AnalyticsReport {
  std::optional<Date> from;  // resolved period (absent bounds: all time)
  std::optional<Date> to;
  int observations = 0;
  std::vector<TriggerSeverityCount> trigger_severity;  // by trigger name, then severity
  std::vector<DailySeverity> daily;                    // in date order
  std::vector<ReactionShare> reactions;                // most frequent first
  HighIntensityShare high_intensity;
  Trend trend;
};

class Clock;

class Analytics {
 public:
  explicit Analytics(Database& database);
  Analytics(Database& database, const Clock& clock);
  AnalyticsReport report(const Principal& principal, const AnalyticsQuery& query);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
