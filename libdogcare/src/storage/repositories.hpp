// Persistence of every entity. Each repository works on a borrowed
// connection; every query about owned data is filtered by its owner, so a
// foreign id behaves exactly like a missing one. Repositories never begin
// transactions: the caller does, and methods that write several statements
// require one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/analytics.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"
#include "dogcare/users.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

template <typename T, typename Cursor>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;  // absent on the last page
};

// ---- users ----

struct UserRecord {
  User user;
  std::string password_hash;
};

class UserRepository {
 public:
  explicit UserRepository(Connection& connection) : connection_(connection) {}
  void insert(const UserRecord& record);
  std::optional<UserRecord> find(const std::string& id);
  std::optional<UserRecord> find_by_username(const std::string& username);
  std::optional<UserRecord> find_by_email(const std::string& email);
  // Writes username, email, onboarded, password hash, token version, updated_at.
  bool update(const UserRecord& record);
  // Revokes every token: returns the new version, nullopt if no such user.
  std::optional<int> bump_token_version(const std::string& id, Timestamp now);
  // Deletes the user and, by cascade, everything the user owns.
  bool remove(const std::string& id);

 private:
  std::optional<UserRecord> find_where(std::string_view column, std::string value);
  Connection& connection_;
};

// ---- dogs ----

class DogRepository {
 public:
  explicit DogRepository(Connection& connection) : connection_(connection) {}
  void insert(const Dog& dog);
  std::optional<Dog> find(const std::string& owner_id, const std::string& id);
  // In creation order; the cursor is the last dog's id.
  Page<Dog, std::string> list(const std::string& owner_id, const std::optional<std::string>& after,
                              std::size_t limit);
  std::size_t count(const std::string& owner_id);
  bool update(const Dog& dog);
  // Deletes the dog and its observations.
  bool remove(const std::string& owner_id, const std::string& id);

 private:
  Connection& connection_;
};

// ---- catalog: triggers and reactions ----

class CatalogRepository {
 public:
  CatalogRepository(Connection& connection, CatalogKind kind);
  void insert(const std::string& owner_id, const CatalogItem& item);
  std::optional<CatalogItem> find(const std::string& owner_id, const std::string& id);
  std::size_t count(const std::string& owner_id);
  // By name, case- and accent-insensitively (archived items included).
  std::optional<CatalogItem> find_by_name(const std::string& owner_id, const std::string& name);
  // Alphabetical by folded name; the cursor is the last item's folded name.
  Page<CatalogItem, std::string> list(const std::string& owner_id, bool include_archived,
                                      const std::optional<std::string>& after, std::size_t limit);
  bool rename(const std::string& owner_id, const std::string& id, const std::string& name);
  bool set_archived(const std::string& owner_id, const std::string& id, bool archived);
  // Whether any observation links the item.
  bool in_use(const std::string& owner_id, const std::string& id);
  bool remove(const std::string& owner_id, const std::string& id);

  std::vector<DefaultCatalogItem> defaults();

 private:
  Connection& connection_;
  CatalogKind kind_;
  std::string table_;        // triggers | reactions
  std::string link_table_;   // observation_triggers | observation_reactions
  std::string link_column_;  // trigger_id | reaction_id
};

// ---- observations ----

// Position in the newest-first order of observations.
struct ObservationCursor {
  Date date{};
  std::string id;
  bool operator==(const ObservationCursor&) const = default;
};

// Every filter is optional; the ones given must all match.
struct ObservationQuery {
  std::optional<std::string> dog_id;
  std::optional<Date> from;                // inclusive
  std::optional<Date> to;                  // inclusive
  std::optional<std::string> comment_key;  // a fold_key()ed substring of the comment
  std::vector<std::string> trigger_ids;    // any of
  std::vector<std::string> reaction_ids;   // any of
  std::vector<int> severities;             // any of
  std::optional<ObservationCursor> after;
  std::size_t limit = kDefaultPageSize;
};

class ObservationRepository {
 public:
  explicit ObservationRepository(Connection& connection) : connection_(connection) {}
  // Inserts the observation with its trigger and reaction links (by id;
  // names are read back by find). Requires a transaction.
  void insert(const Observation& observation);
  std::optional<Observation> find(const std::string& owner_id, const std::string& id);
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
  // Adds (delta = 1) or takes away (-1) the observation from the summaries.
  void adjust_summaries(const Observation& observation, int delta);
  Connection& connection_;
};

// ---- analytics: aggregates computed by the database ----

struct DailyTotal {
  Date date{};
  int severity_sum = 0;
  int count = 0;
};

class AnalyticsRepository {
 public:
  explicit AnalyticsRepository(Connection& connection) : connection_(connection) {}
  // The filters of `query` apply (cursor and limit ignored).
  std::vector<TriggerSeverityCount> trigger_severity(const std::string& owner_id,
                                                     const ObservationQuery& query);
  std::vector<DailyTotal> daily_totals(const std::string& owner_id, const ObservationQuery& query);
  // With the triggers seen alongside each reaction; most frequent first.
  std::vector<ReactionShare> reactions(const std::string& owner_id, const ObservationQuery& query);
  // {observations with severity >= 4, all observations}
  std::pair<int, int> high_intensity(const std::string& owner_id, const ObservationQuery& query);

 private:
  Connection& connection_;
};

// ---- password reset tokens ----

struct PasswordResetToken {
  std::string id;
  std::string user_id;
  std::string token_hash;  // SHA-256 hex of the secret; the secret is never stored
  Timestamp expires_at{};
  std::optional<Timestamp> used_at;
  Timestamp created_at{};
};

class PasswordResetRepository {
 public:
  explicit PasswordResetRepository(Connection& connection) : connection_(connection) {}
  void insert(const PasswordResetToken& token);
  std::optional<PasswordResetToken> find_by_hash(const std::string& token_hash);
  // Marks it used if it is unused and unexpired; false otherwise (single use).
  bool consume(const std::string& id, Timestamp now);
  std::size_t remove_expired(Timestamp now);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
