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
#include "domain/access.hpp"
#include "domain/cursor.hpp"
#include "domain/rules.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

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

Observation Observations::create(const Principal& principal, const ObservationInput& raw) {
  ObservationInput input = raw;
  domain::validate(input, domain::local_today(clock_, principal));
  Observation o;
  // Triggers and reactions are names or ids here, items there: resolved below.
  assign_fields(input, o, {"dog_id", "triggers", "reactions"});
  o.id = new_id();
  o.owner_id = principal.user_id;
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
  if (!valid_id(id)) throw_not_found("observation");
  auto connection = storage::pool(database_).borrow();
  storage::ObservationRepository observations(*connection);
  const auto dog_id = observations.dog_of(id);
  const auto access = dog_id ? domain::find_dog_access(*connection, principal, *dog_id,
                                                       {AccessView::observations, clock_.now()})
                             : std::nullopt;
  if (!access) throw_not_found("observation");
  auto found = observations.find(access->dog.owner_id, id);
  if (!found) throw_not_found("observation");
  return std::move(*found);
}

Observation Observations::update(const Principal& principal, const std::string& id,
                                 const ObservationPatch& raw) {
  ObservationPatch patch = raw;
  domain::validate(patch, domain::local_today(clock_, principal));

  auto connection = storage::pool(database_).borrow();
  storage::ObservationRepository observations(*connection);
  retry_on_conflict([&] {
    storage::Transaction transaction(*connection);
    Observation o = must_find(observations, principal, id);
    if (patch.dog_id.has_value()) {
      o.dog_id = domain::resolve_dog(*connection, principal.user_id, patch.dog_id.value());
    }
    apply_patch(patch, o, {"dog_id", "triggers", "reactions"});
    if (!patch.triggers.absent()) {
      o.triggers = domain::resolve_items(
          *connection, principal.user_id, CatalogKind::trigger,
          patch.triggers.has_value() ? patch.triggers.value() : std::vector<std::string>{},
          "triggers");
    }
    if (!patch.reactions.absent()) {
      o.reactions = domain::resolve_items(
          *connection, principal.user_id, CatalogKind::reaction,
          patch.reactions.has_value() ? patch.reactions.value() : std::vector<std::string>{},
          "reactions");
    }
    o.updated_at = clock_.now();
    if (!observations.update(o)) throw_not_found("observation");
    if (patch.dog_id.has_value()) {
      storage::CommentRepository(*connection).move_observation_thread(o.id, o.dog_id);
    }
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
  const std::string owner = domain::listing_owner(
      principal, q.dog_id ? domain::find_dog_access(*connection, principal, *q.dog_id,
                                                    {AccessView::search, clock_.now()})
                          : std::nullopt);
  storage::ObservationRepository observations(*connection);
  auto page = observations.list(owner, q);
  SearchPage out;
  out.items = std::move(page.items);
  if (page.next) out.next_cursor = domain::encode_cursor(*page.next);
  if (query.with_total) out.total = observations.count(owner, q);
  return out;
}

}  // namespace dogcare
