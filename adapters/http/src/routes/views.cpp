// The views: a month's calendar and the analytics of a period.
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
                         return json_reply(
                             200, s.analytics.report(c.principal, c.query<AnalyticsQuery>()));
                       }));
  return routes;
}

}  // namespace dogcare::http
