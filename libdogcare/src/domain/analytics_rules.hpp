// The analytics rules the views share (Analytics, ClientBoard): the daily
// means with their rolling mean, the trend and its thresholds, the share of
// strong reactions of a month against the month before.
#pragma once

#include <chrono>
#include <utility>
#include <vector>

#include "dogcare/analytics.hpp"
#include "storage/analytics_summaries.hpp"

namespace dogcare::domain {

// A slope below this many severity points per day (0.3 a month) is "stable".
inline constexpr double kStableSlope = 0.01;
inline constexpr int kTrendMinimumDays = 3;

// Days with observations (in date order) as daily means with the 7-day rolling mean.
std::vector<DailySeverity> daily_with_rolling_mean(const std::vector<storage::DailyTotal>& totals);

// The least-squares slope of the daily means and its verdict.
Trend trend_of(const std::vector<DailySeverity>& daily);

// {strong, total} of a month and of the month before, as view 4 shows them.
HighIntensityShare high_intensity_share(std::chrono::year_month month,
                                        std::pair<int, int> this_month,
                                        std::pair<int, int> previous_month);

}  // namespace dogcare::domain
