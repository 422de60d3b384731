// The views: a month's calendar and the analytics of a period.
#include <algorithm>

#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> view_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/calendar", "A month of one dog, day by day", "views")
                       .filters<CalendarQuery>()
                       .answers<CalendarMonth>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200,
                                           s.calendar.month(c.principal, c.query<CalendarQuery>()));
                       }));
  routes.push_back(api("GET", "/analytics", "What the observations say over a period", "views")
                       .filters<AnalyticsQuery>()
                       .answers<AnalyticsReport>(200, "OK")
                       .runs([&s](Context& c) {
                         auto query = c.query<AnalyticsQuery>();
                         // As documented: without a period, from or to make it custom.
                         const bool period_given = std::any_of(
                             c.request.query.begin(), c.request.query.end(),
                             [](const auto& parameter) { return parameter.first == "period"; });
                         if (!period_given && (query.from || query.to)) {
                           query.period = Period::custom;
                         }
                         return json_reply(200, s.analytics.report(c.principal, query));
                       }));
  return routes;
}

}  // namespace dogcare::http
