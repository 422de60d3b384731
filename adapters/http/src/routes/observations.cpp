// /observations: create, read, change, delete, search, and the CSV export
// (pulled by the server a piece at a time, a few at once per user).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "dogcare/observations.hpp"
#include "problem.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

namespace {

// The exports running per user. A slot is taken before an export opens and
// given back when its stream ends, whatever the reason (completed, client
// gone, write timeout, error): the producer owns it.
class ExportSlots : public std::enable_shared_from_this<ExportSlots> {
 public:
  explicit ExportSlots(std::size_t per_user) : per_user_(per_user) {}

  class Slot {
   public:
    Slot(std::shared_ptr<ExportSlots> slots, std::string user_id)
        : slots_(std::move(slots)), user_id_(std::move(user_id)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { slots_->release(user_id_); }

   private:
    std::shared_ptr<ExportSlots> slots_;
    std::string user_id_;
  };

  // Null when the user already runs as many exports as allowed.
  std::unique_ptr<Slot> acquire(const std::string& user_id) {
    std::lock_guard lock(mutex_);
    auto& running = running_[user_id];
    if (running >= per_user_) return nullptr;
    ++running;
    return std::make_unique<Slot>(shared_from_this(), user_id);
  }

  std::size_t per_user() const { return per_user_; }

 private:
  void release(const std::string& user_id) {
    std::lock_guard lock(mutex_);
    const auto it = running_.find(user_id);
    if (it != running_.end() && --it->second == 0) running_.erase(it);
  }

  const std::size_t per_user_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> running_;
};

// The library's pull export as the server's body producer: each next() runs
// on a worker, reads about 32 KiB of keyset pages and gives its connection
// back.
class CsvProducer final : public BodyProducer {
 public:
  CsvProducer(CsvExport csv, std::unique_ptr<ExportSlots::Slot> slot, Services& services)
      : csv_(std::move(csv)), slot_(std::move(slot)), services_(services) {}

  std::optional<std::string> next() override {
    try {
      return csv_.next();
    } catch (const std::exception& error) {
      services_.log_event("export_failed", error.what());  // the stream is cut short
      throw;
    }
  }

 private:
  CsvExport csv_;
  std::unique_ptr<ExportSlots::Slot> slot_;
  Services& services_;
};

Response too_many_exports(std::size_t limit) {
  // The limit as a member too (RFC 9457 extension), for clients to read.
  Response r = problem_response(
      429,
      "At most " + std::to_string(limit) +
          " CSV exports at once per user (max_exports_per_user); retry when one has finished.",
      {{"limit", static_cast<std::int64_t>(limit)}});
  r.headers.emplace_back("Retry-After", "5");
  return r;
}

// An error before the first piece (bad query, database down) is an ordinary
// problem response; after it, the server closes the connection.
Response export_csv(Services& s, ExportSlots& slots, Context& c) {
  const auto query = c.query<SearchQuery>();
  auto slot = slots.acquire(c.principal.user_id);
  if (!slot) return too_many_exports(slots.per_user());
  Response r;
  r.status = 200;
  r.content_type = "text/csv; charset=utf-8";
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"observations.csv\"");
  r.producer = std::make_shared<CsvProducer>(s.observations.open_csv_export(c.principal, query),
                                             std::move(slot), s);
  return r;
}

}  // namespace

std::vector<Route> observation_routes(Services& s) {
  std::vector<Route> routes;
  auto slots = std::make_shared<ExportSlots>(s.config.max_exports_per_user);
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
          // Every match in one stream: no pages, no count; at most
          // max_exports_per_user at once per user (429 beyond).
          .filters<SearchQuery>({"limit", "cursor", "total"})
          .answers_raw(200, "RFC 4180 CSV", "text/csv")
          .runs([&s, slots](Context& c) { return export_csv(s, *slots, c); }));
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
