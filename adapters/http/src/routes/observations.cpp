// /observations: create, read, change, delete, search, and the CSV export.
#include "dogcare/observations.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

namespace {

// Streams the export in chunks of about 32 KiB through the request's writer.
Response export_csv(Services& s, Context& c) {
  const auto query = c.query<SearchQuery>();
  std::string buffer;
  bool begun = false;
  auto& writer = *c.request.writer;
  const auto begin = [&] {
    writer.begin(200, {{"Content-Type", "text/csv; charset=utf-8"},
                       {"Content-Disposition", "attachment; filename=\"observations.csv\""}});
    begun = true;
  };
  Response r;
  r.streamed = true;
  try {
    s.observations.export_csv(c.principal, query, [&](std::string_view chunk) {
      buffer += chunk;
      if (buffer.size() >= 32 * 1024) {
        if (!begun) begin();
        writer.write(buffer);
        buffer.clear();
      }
    });
    if (!begun) begin();
    writer.write(buffer);
    writer.finish();
    r.status = 200;
  } catch (...) {
    if (!begun) throw;  // an ordinary error response
    r.status = 200;
    r.aborted = true;
  }
  return r;
}

}  // namespace

std::vector<Route> observation_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/observations", "Search observations, newest first", "observations")
                       .filters<SearchQuery>()
                       .answers<SearchPage>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(
                             200, s.observations.search(c.principal, c.query<SearchQuery>()));
                       }));
  routes.push_back(api("POST", "/observations", "Record an observation", "observations")
                       .reads<ObservationInput>()
                       .answers<Observation>(201, "Created", true)
                       .runs([&s](Context& c) {
                         const auto o =
                             s.observations.create(c.principal, c.body<ObservationInput>());
                         return created(o, std::string(kApiPrefix) + "/observations/" + o.id);
                       }));
  routes.push_back(
      api("GET", "/observations/export.csv", "The search's results as CSV", "observations")
          // Every match in one stream: no pages, no count.
          .filters<SearchQuery>({"limit", "cursor", "total"})
          .answers_raw(200, "RFC 4180 CSV", "text/csv")
          .runs([&s](Context& c) { return export_csv(s, c); }));
  routes.push_back(api("GET", "/observations/{id}", "An observation", "observations")
                       .answers<Observation>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200, s.observations.get(c.principal, c.params[0]));
                       }));
  routes.push_back(api("PATCH", "/observations/{id}", "Change an observation", "observations")
                       .reads<ObservationPatch>()
                       .answers<Observation>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto patch = c.body<ObservationPatch>();
                         return json_reply(200,
                                           s.observations.update(c.principal, c.params[0], patch));
                       }));
  routes.push_back(api("DELETE", "/observations/{id}", "Delete an observation", "observations")
                       .answers_nothing(204, "Deleted")
                       .runs([&s](Context& c) {
                         s.observations.remove(c.principal, c.params[0]);
                         return no_content();
                       }));
  return routes;
}

}  // namespace dogcare::http
