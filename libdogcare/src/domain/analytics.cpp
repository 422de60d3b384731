#include "dogcare/analytics.hpp"

#include <cmath>
#include <deque>

#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/access.hpp"
#include "domain/analytics_rules.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

struct Bounds {
  std::optional<Date> from;
  std::optional<Date> to;
};

Bounds resolve_period(const AnalyticsQuery& query, Date today) {
  using namespace std::chrono;
  const year_month_day t = today;
  const Period period =
      query.period.value_or(query.from || query.to ? Period::custom : Period::all);
  switch (period) {
    case Period::all:
      return {};
    case Period::this_year:
      return {Date{t.year() / January / 1}, Date{t.year() / December / 31}};
    case Period::this_month:
      return {Date{t.year() / t.month() / 1}, Date{t.year() / t.month() / last}};
    case Period::this_week: {
      // ISO weeks start on Monday.
      const sys_days day{today};
      const auto monday = day - (weekday{day} - Monday);
      return {Date{monday}, Date{monday + days{6}}};
    }
    case Period::custom:
      if (!query.from && !query.to) {
        throw_invalid("from", Rule::required, "a custom period needs from or to");
      }
      if (query.from && query.to && *query.from > *query.to) {
        throw_invalid({"from", Rule::too_late, {}, {}, {}, query.to, "from must not be after to"});
      }
      return {query.from, query.to};
  }
  return {};
}

}  // namespace

namespace domain {

std::vector<DailySeverity> daily_with_rolling_mean(const std::vector<storage::DailyTotal>& totals) {
  using namespace std::chrono;
  std::vector<DailySeverity> out;
  std::deque<const storage::DailyTotal*> window;
  long long window_sum = 0, window_count = 0;
  for (const auto& total : totals) {
    window.push_back(&total);
    window_sum += total.severity_sum;
    window_count += total.count;
    while (sys_days{window.front()->date} <= sys_days{total.date} - days{7}) {
      window_sum -= window.front()->severity_sum;
      window_count -= window.front()->count;
      window.pop_front();
    }
    out.push_back({total.date, static_cast<double>(total.severity_sum) / total.count, total.count,
                   static_cast<double>(window_sum) / static_cast<double>(window_count)});
  }
  return out;
}

Trend trend_of(const std::vector<DailySeverity>& daily) {
  using namespace std::chrono;
  Trend trend;
  trend.days = static_cast<int>(daily.size());
  if (trend.days < kTrendMinimumDays) return trend;
  const sys_days origin{daily.front().date};
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& d : daily) {
    const double x = static_cast<double>((sys_days{d.date} - origin).count());
    sx += x;
    sy += d.mean;
    sxx += x * x;
    sxy += x * d.mean;
  }
  const double n = static_cast<double>(daily.size());
  const double denominator = n * sxx - sx * sx;
  trend.slope_per_day = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
  if (trend.slope_per_day <= -kStableSlope) {
    trend.direction = TrendDirection::improving;
  } else if (trend.slope_per_day >= kStableSlope) {
    trend.direction = TrendDirection::worsening;
  } else {
    trend.direction = TrendDirection::stable;
  }
  return trend;
}

HighIntensityShare high_intensity_share(std::chrono::year_month month,
                                        std::pair<int, int> this_month,
                                        std::pair<int, int> previous_month) {
  HighIntensityShare h;
  h.month = month;
  std::tie(h.high, h.total) = this_month;
  std::tie(h.previous_high, h.previous_total) = previous_month;
  h.share = h.total ? static_cast<double>(h.high) / h.total : 0;
  h.previous_share = h.previous_total ? static_cast<double>(h.previous_high) / h.previous_total : 0;
  h.delta = h.share - h.previous_share;
  return h;
}

}  // namespace domain

std::string_view to_string(TrendDirection direction) noexcept {
  return to_name(direction);
}

Analytics::Analytics(Database& database) : Analytics(database, kSystemClock) {}
Analytics::Analytics(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

AnalyticsReport Analytics::report(const Principal& principal, const AnalyticsQuery& query) {
  using namespace std::chrono;
  const Date today = domain::local_today(clock_, principal);
  AnalyticsQuery checked = query;
  domain::validate(checked, today);
  const Bounds bounds = resolve_period(query, today);
  const year_month month = query.month.value_or(year_month{today.year(), today.month()});
  if (!month.ok()) throw_invalid("month", Rule::invalid_format, "month is not valid");

  AnalyticsReport report;
  report.from = bounds.from;
  report.to = bounds.to;

  auto connection = storage::pool(database_).borrow();
  storage::ObservationQuery q;
  // One dog's figures are its owner's rows (the owner's or a shared dog); without a dog, the
  // caller's own dogs.
  std::string owner = principal.user_id;
  if (query.dog_id) {
    const auto access = domain::readable_dog(*connection, principal, query.dog_id,
                                             {AccessView::analytics, clock_.now()});
    q.dog_id = access.dog.id;
    owner = access.dog.owner_id;
  }
  q.from = bounds.from;
  q.to = bounds.to;

  storage::AnalyticsRepository analytics(*connection);
  report.trigger_severity = analytics.trigger_severity(owner, q);
  const auto totals = analytics.daily_totals(owner, q);
  for (const auto& total : totals) report.observations += total.count;
  report.daily = domain::daily_with_rolling_mean(totals);
  report.reactions = analytics.reactions(owner, q);
  report.trend = domain::trend_of(report.daily);

  // View 4 compares whole months, whatever the period.
  const auto share_of = [&](year_month ym) {
    storage::ObservationQuery m;
    m.dog_id = q.dog_id;
    m.from = Date{ym / 1};
    m.to = Date{ym / last};
    return analytics.high_intensity(owner, m);
  };
  report.high_intensity =
      domain::high_intensity_share(month, share_of(month), share_of(month - months{1}));
  return report;
}

}  // namespace dogcare
