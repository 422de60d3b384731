#include "dogcare/calendar.hpp"

#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/access.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

}  // namespace

Calendar::Calendar(Database& database) : Calendar(database, kSystemClock) {}
Calendar::Calendar(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

std::string_view to_string(SeverityBand band) noexcept {
  return to_name(band);
}

SeverityBand band_for(int severity) {
  if (severity >= kStrongSeverity) return SeverityBand::red;
  if (severity == 3) return SeverityBand::orange;
  return SeverityBand::green;
}

CalendarMonth Calendar::month(const Principal& principal, const std::optional<std::string>& dog_id,
                              int year, unsigned month) {
  return this->month(principal, CalendarQuery{dog_id, year, static_cast<int>(month)});
}

CalendarMonth Calendar::month(const Principal& principal, const CalendarQuery& raw) {
  using namespace std::chrono;
  CalendarQuery query = raw;
  domain::validate(query, today_utc());
  const year_month ym{std::chrono::year{query.year},
                      std::chrono::month{static_cast<unsigned>(query.month)}};
  CalendarMonth out;
  out.year = query.year;
  out.month = static_cast<unsigned>(query.month);

  auto connection = storage::pool(database_).borrow();
  const auto access = domain::readable_dog(*connection, principal, query.dog_id,
                                           {AccessView::calendar, clock_.now()});
  out.dog_id = access.dog.id;
  storage::ObservationQuery q;
  q.dog_id = out.dog_id;
  q.from = Date{ym / 1};
  q.to = Date{ym / last};
  q.limit = kMaxPageSize;
  storage::ObservationRepository observations(*connection);
  std::vector<Observation> all;
  for (;;) {
    auto page = observations.list(access.dog.owner_id, q);
    for (auto& o : page.items) all.push_back(std::move(o));
    if (!page.next) break;
    q.after = page.next;
  }
  // Newest first from the database: walk backwards to build days in date order.
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (out.days.empty() || out.days.back().date != it->date) {
      out.days.push_back({it->date, 0, SeverityBand::green, {}});
    }
    CalendarDay& day = out.days.back();
    day.max_severity = std::max(day.max_severity, it->severity);
    day.observations.insert(day.observations.begin(), std::move(*it));
  }
  for (auto& day : out.days) day.band = band_for(day.max_severity);
  return out;
}

}  // namespace dogcare
