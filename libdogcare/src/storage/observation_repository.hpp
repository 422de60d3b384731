// Persistence of observations with their trigger and reaction links. Every
// write keeps the analytics summaries in step (storage/analytics_summaries),
// so writes require a transaction.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "dogcare/observations.hpp"
#include "storage/observation_query.hpp"
#include "storage/odbc.hpp"
#include "storage/page.hpp"

namespace dogcare::storage {

class ObservationRepository {
 public:
  explicit ObservationRepository(Connection& connection) : connection_(connection) {}
  // Inserts the observation with its trigger and reaction links (by id;
  // names are read back by find). Requires a transaction.
  void insert(const Observation& observation);
  std::optional<Observation> find(const std::string& owner_id, const std::string& id);
  // The dog of an observation, whoever owns it: only for asking the access
  // rule (domain/access.hpp) whether the caller may read it.
  std::optional<std::string> dog_of(const std::string& id);
  // Newest first (date, then id), with triggers and reactions: one round trip.
  Page<Observation, ObservationCursor> list(const std::string& owner_id,
                                            const ObservationQuery& query);
  // How many match (cursor and limit ignored).
  std::size_t count(const std::string& owner_id, const ObservationQuery& query);
  // Replaces every field and the links. Requires a transaction.
  bool update(const Observation& observation);
  // Requires a transaction (the analytics summaries are adjusted too).
  bool remove(const std::string& owner_id, const std::string& id);

 private:
  void insert_links(const Observation& observation);
  Connection& connection_;
};

}  // namespace dogcare::storage
