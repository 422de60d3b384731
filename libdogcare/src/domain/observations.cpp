#include "dogcare/observations.hpp"

#include <chrono>
#include <map>
#include <random>
#include <thread>

#include "core/ids.hpp"
#include "core/metrics.hpp"
#include "core/text.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/cursor.hpp"
#include "domain/rules.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

void check_incident(const std::optional<int>& distance_m, const std::optional<int>& recovery_min) {
  if (distance_m) domain::check_range(*distance_m, 0, kMaxDistanceMetres, "distance_m");
  if (recovery_min) domain::check_range(*recovery_min, 0, kMaxRecoveryMinutes, "recovery_min");
}

// Two requests naming the same new trigger (or first touching the same
// summary row) at once both try to create it; the loser's transaction rolls
// back and, run again, finds the row. Deadlocks and serialization failures
// are conflicts too. Under heavy contention one transaction can lose several
// races in a row, so it runs up to kAttempts times, with a short randomized
// pause that spreads the contenders apart.
constexpr int kAttempts = 5;

template <typename Body>
void retry_on_conflict(Body body) {
  for (int attempt = 1;; ++attempt) {
    try {
      body();
      return;
    } catch (const Error& error) {
      if (error.code() != ErrorCode::conflict || attempt == kAttempts) throw;
    }
    thread_local std::minstd_rand jitter{std::random_device{}()};
    const int ceiling_ms = 1 << attempt;  // 2, 4, 8, 16 ms
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % ceiling_ms));
  }
}

Observation must_find(storage::ObservationRepository& observations, const Principal& principal,
                      const std::string& id) {
  if (!valid_id(id)) throw_not_found("observation");
  auto found = observations.find(principal.user_id, id);
  if (!found) throw_not_found("observation");
  return std::move(*found);
}

}  // namespace

Observations::Observations(Database& database) : Observations(database, kSystemClock) {}
Observations::Observations(Database& database, const Clock& clock)
    : database_(database), clock_(clock) {}

Observation Observations::create(const Principal& principal, const ObservationInput& input) {
  const Date today{std::chrono::floor<std::chrono::days>(clock_.now())};
  domain::check_observation_date(input.date, today, "date");
  domain::check_range(input.severity, kMinSeverity, kMaxSeverity, "severity");
  check_incident(input.distance_m, input.recovery_min);
  Observation o;
  o.id = new_id();
  o.owner_id = principal.user_id;
  o.date = input.date;
  o.severity = input.severity;
  o.comment = domain::comment_text(input.comment, "comment");
  o.distance_m = input.distance_m;
  o.recovery_min = input.recovery_min;
  o.handler_action = domain::optional_text(input.handler_action.value_or(""), "handler_action",
                                           kMaxHandlerActionLength, true);
  o.created_at = o.updated_at = clock_.now();

  auto connection = storage::pool(database_).borrow();
  retry_on_conflict([&] {
    storage::Transaction transaction(*connection);
    o.dog_id = domain::resolve_dog(*connection, principal.user_id, input.dog_id);
    o.triggers = domain::resolve_items(*connection, principal.user_id, CatalogKind::trigger,
                                       input.triggers, "triggers");
    o.reactions = domain::resolve_items(*connection, principal.user_id, CatalogKind::reaction,
                                        input.reactions, "reactions");
    storage::ObservationRepository(*connection).insert(o);
    transaction.commit();
  });
  metrics::count_observation_created();
  storage::ObservationRepository observations(*connection);
  return must_find(observations, principal, o.id);
}

Observation Observations::get(const Principal& principal, const std::string& id) {
  auto connection = storage::pool(database_).borrow();
  storage::ObservationRepository observations(*connection);
  return must_find(observations, principal, id);
}

Observation Observations::update(const Principal& principal, const std::string& id,
                                 const ObservationPatch& patch) {
  const Date today{std::chrono::floor<std::chrono::days>(clock_.now())};
  if (patch.date) domain::check_observation_date(*patch.date, today, "date");
  if (patch.severity) domain::check_range(*patch.severity, kMinSeverity, kMaxSeverity, "severity");
  check_incident(patch.distance_m, patch.recovery_min);

  auto connection = storage::pool(database_).borrow();
  storage::ObservationRepository observations(*connection);
  retry_on_conflict([&] {
    storage::Transaction transaction(*connection);
    Observation o = must_find(observations, principal, id);
    if (patch.dog_id) o.dog_id = domain::resolve_dog(*connection, principal.user_id, patch.dog_id);
    if (patch.date) o.date = *patch.date;
    if (patch.severity) o.severity = *patch.severity;
    if (patch.comment) o.comment = domain::comment_text(*patch.comment, "comment");
    if (patch.clear_distance_m) o.distance_m = std::nullopt;
    if (patch.distance_m) o.distance_m = patch.distance_m;
    if (patch.clear_recovery_min) o.recovery_min = std::nullopt;
    if (patch.recovery_min) o.recovery_min = patch.recovery_min;
    if (patch.handler_action) {
      o.handler_action = domain::optional_text(*patch.handler_action, "handler_action",
                                               kMaxHandlerActionLength, true);
    }
    if (patch.triggers) {
      o.triggers = domain::resolve_items(*connection, principal.user_id, CatalogKind::trigger,
                                         *patch.triggers, "triggers");
    }
    if (patch.reactions) {
      o.reactions = domain::resolve_items(*connection, principal.user_id, CatalogKind::reaction,
                                          *patch.reactions, "reactions");
    }
    o.updated_at = clock_.now();
    if (!observations.update(o)) throw_not_found("observation");
    transaction.commit();
  });
  return must_find(observations, principal, id);
}

void Observations::remove(const Principal& principal, const std::string& id) {
  if (!valid_id(id)) throw_not_found("observation");
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  if (!storage::ObservationRepository(*connection).remove(principal.user_id, id)) {
    throw_not_found("observation");
  }
  transaction.commit();
}

SearchPage Observations::search(const Principal& principal, const SearchQuery& query) {
  storage::ObservationQuery q = domain::to_storage_query(query);
  auto connection = storage::pool(database_).borrow();
  storage::ObservationRepository observations(*connection);
  auto page = observations.list(principal.user_id, q);
  SearchPage out;
  out.items = std::move(page.items);
  if (page.next) out.next_cursor = domain::encode_cursor(*page.next);
  if (query.with_total) out.total = observations.count(principal.user_id, q);
  return out;
}

}  // namespace dogcare
