// What the observations say over a period: the original's four views and
// the trend that answers "is it getting better?".
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/observations.hpp"
#include "dogcare/record.hpp"

namespace dogcare {

enum class Period { all, this_year, this_month, this_week, custom };

struct AnalyticsQuery {
  std::optional<std::string> dog_id;  // all of the user's dogs when absent
  // Absent: custom when from or to is given, else all.
  std::optional<Period> period;
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

template <>
struct EnumDescription<Period> {
  static constexpr std::string_view name = "Period";
  static constexpr std::array<std::pair<Period, std::string_view>, 5> values{{
      {Period::all, "all"},
      {Period::this_year, "this_year"},
      {Period::this_month, "this_month"},
      {Period::this_week, "this_week"},
      {Period::custom, "custom"},
  }};
};

template <>
struct EnumDescription<TrendDirection> {
  static constexpr std::string_view name = "TrendDirection";
  static constexpr std::array<std::pair<TrendDirection, std::string_view>, 4> values{{
      {TrendDirection::improving, "improving"},
      {TrendDirection::stable, "stable"},
      {TrendDirection::worsening, "worsening"},
      {TrendDirection::insufficient_data, "insufficient_data"},
  }};
};

template <>
struct Description<AnalyticsQuery> {
  static constexpr std::string_view name = "AnalyticsQuery";
  static constexpr std::string_view doc = "The period (and dog) the analytics cover.";
  static constexpr auto fields = std::tuple{
      field(&AnalyticsQuery::dog_id, {"dog_id", Presence::optional, Limits{}.formatted("uuid"),
                                      "Only this dog; all when absent."}),
      field(&AnalyticsQuery::period,
            {"period",
             Presence::optional,
             {},
             "all, this_year, this_month, this_week, or custom (from/to); custom when from or to "
             "is given."}),
      field(&AnalyticsQuery::from, {"from", Presence::optional, {}, "Custom period: first day."}),
      field(&AnalyticsQuery::to, {"to", Presence::optional, {}, "Custom period: last day."}),
      field(&AnalyticsQuery::month, {"month",
                                     Presence::optional,
                                     {},
                                     "The month compared with the one before; default: this one."}),
  };
};

template <>
struct Description<TriggerSeverityCount> {
  static constexpr std::string_view name = "TriggerSeverityCount";
  static constexpr std::string_view doc = "Observations with one trigger at one severity.";
  static constexpr auto fields = std::tuple{
      field(&TriggerSeverityCount::trigger_id,
            {"trigger_id", Presence::required, Limits{}.formatted("uuid"), "The trigger's id."}),
      field(&TriggerSeverityCount::trigger, {"trigger", Presence::required, {}, "Its name."}),
      field(&TriggerSeverityCount::severity, {"severity", Presence::required, {}, "The severity."}),
      field(&TriggerSeverityCount::count, {"count", Presence::required, {}, "Observations."}),
  };
};

template <>
struct Description<DailySeverity> {
  static constexpr std::string_view name = "DailySeverity";
  static constexpr std::string_view doc = "The mean severity of a day.";
  static constexpr auto fields = std::tuple{
      field(&DailySeverity::date, {"date", Presence::required, {}, "The day."}),
      field(&DailySeverity::mean, {"mean", Presence::required, {}, "Mean severity that day."}),
      field(&DailySeverity::count, {"count", Presence::required, {}, "Observations that day."}),
      field(&DailySeverity::rolling_mean,
            {"rolling_mean", Presence::required, {}, "Mean over the 7 days ending that day."}),
  };
};

template <>
struct Description<ReactionShare::Companion> {
  static constexpr std::string_view name = "ReactionCompanion";
  static constexpr std::string_view doc = "A trigger seen with a reaction.";
  static constexpr auto fields = std::tuple{
      field(&ReactionShare::Companion::trigger_id,
            {"trigger_id", Presence::required, Limits{}.formatted("uuid"), "The trigger's id."}),
      field(&ReactionShare::Companion::trigger, {"trigger", Presence::required, {}, "Its name."}),
      field(&ReactionShare::Companion::count,
            {"count", Presence::required, {}, "Observations with both."}),
  };
};

template <>
struct Description<ReactionShare> {
  static constexpr std::string_view name = "ReactionShare";
  static constexpr std::string_view doc = "How often a reaction occurs, and with what.";
  static constexpr auto fields = std::tuple{
      field(&ReactionShare::reaction_id,
            {"reaction_id", Presence::required, Limits{}.formatted("uuid"), "The reaction's id."}),
      field(&ReactionShare::reaction, {"reaction", Presence::required, {}, "Its name."}),
      field(&ReactionShare::count,
            {"count", Presence::required, {}, "Observations with this reaction."}),
      field(&ReactionShare::triggers,
            {"triggers", Presence::required, {}, "Triggers seen with it, most frequent first."}),
  };
};

template <>
struct Description<HighIntensityShare> {
  static constexpr std::string_view name = "HighIntensityShare";
  static constexpr std::string_view doc =
      "The share of strong reactions (severity 4 or 5) in a month and the month before.";
  static constexpr auto fields = std::tuple{
      field(&HighIntensityShare::month, {"month", Presence::required, {}, "The month."}),
      field(&HighIntensityShare::high, {"high", Presence::required, {}, "Strong reactions."}),
      field(&HighIntensityShare::total, {"total", Presence::required, {}, "All observations."}),
      field(&HighIntensityShare::share, {"share", Presence::required, {}, "high / total, or 0."}),
      field(&HighIntensityShare::previous_high,
            {"previous_high", Presence::required, {}, "The month before: strong reactions."}),
      field(&HighIntensityShare::previous_total,
            {"previous_total", Presence::required, {}, "The month before: all observations."}),
      field(&HighIntensityShare::previous_share,
            {"previous_share", Presence::required, {}, "The month before: the share."}),
      field(&HighIntensityShare::delta,
            {"delta", Presence::required, {}, "share - previous_share."}),
  };
};

template <>
struct Description<Trend> {
  static constexpr std::string_view name = "Trend";
  static constexpr std::string_view doc = "Is it getting better?";
  static constexpr auto fields = std::tuple{
      field(&Trend::direction, {"direction", Presence::required, {}, "The verdict."}),
      field(&Trend::slope_per_day,
            {"slope_per_day",
             Presence::required,
             {},
             "Least-squares slope of the daily mean severity, per day (negative = better)."}),
      field(&Trend::days, {"days", Presence::required, {}, "Days with observations."}),
  };
};

template <>
struct Description<AnalyticsReport> {
  static constexpr std::string_view name = "AnalyticsReport";
  static constexpr std::string_view doc = "What the observations say over a period.";
  static constexpr auto fields = std::tuple{
      field(&AnalyticsReport::from,
            {"from", Presence::optional, {}, "The period's first day; null: all time."}),
      field(&AnalyticsReport::to,
            {"to", Presence::optional, {}, "The period's last day; null: all time."}),
      field(&AnalyticsReport::observations,
            {"observations", Presence::required, {}, "Observations in the period."}),
      field(&AnalyticsReport::trigger_severity,
            {"trigger_severity", Presence::required, {}, "By trigger name, then severity."}),
      field(&AnalyticsReport::daily, {"daily", Presence::required, {}, "In date order."}),
      field(&AnalyticsReport::reactions,
            {"reactions", Presence::required, {}, "Most frequent first."}),
      field(&AnalyticsReport::high_intensity,
            {"high_intensity", Presence::required, {}, "This month against the one before."}),
      field(&AnalyticsReport::trend, {"trend", Presence::required, {}, "The trend."}),
  };
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
