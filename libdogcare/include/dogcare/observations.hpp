// An observation: what happened with one dog on one day (the original's
// daily entry), with the optional incident detail trainers ask for; and
// search over them, with CSV export.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

inline constexpr int kMinSeverity = 1;
inline constexpr int kMaxSeverity = 5;
// From this severity on an observation is strong: red in the calendar, "high" in analytics.
inline constexpr int kStrongSeverity = 4;
inline constexpr std::size_t kMaxCommentLength = 2000;       // code points
inline constexpr std::size_t kMaxHandlerActionLength = 500;  // code points
inline constexpr std::size_t kMaxItemsPerObservation = 50;   // triggers, and reactions
inline constexpr int kMaxDistanceMetres = 100000;
inline constexpr int kMaxRecoveryMinutes = 1440;
inline constexpr std::size_t kDefaultPageSize = 50;
inline constexpr std::size_t kMaxPageSize = 500;

struct ItemRef {
  std::string id;
  std::string name;
  bool operator==(const ItemRef&) const = default;
};

struct Observation {
  std::string id;
  std::string owner_id;
  std::string dog_id;
  Date date{};
  int severity = kMinSeverity;  // 1 (barely) .. 5 (worst)
  std::string comment;
  std::vector<ItemRef> triggers;    // alphabetical
  std::vector<ItemRef> reactions;   // alphabetical
  std::optional<int> distance_m;    // distance to the trigger, metres
  std::optional<int> recovery_min;  // time to calm down, minutes
  std::optional<std::string> handler_action;
  Timestamp created_at{};
  Timestamp updated_at{};
};

struct ObservationInput {
  std::optional<std::string> dog_id;  // may be omitted when the user has one dog
  Date date{};
  int severity = 0;
  std::string comment;
  // Each entry is an item id, or a name: an unknown name creates the item
  // in the user's catalog (the original's "or add a new one").
  std::vector<std::string> triggers;
  std::vector<std::string> reactions;
  std::optional<int> distance_m;
  std::optional<int> recovery_min;
  std::optional<std::string> handler_action;
};

// A partial update: absent members stay; clear_* empties an optional detail.
struct ObservationPatch {
  std::optional<std::string> dog_id;
  std::optional<Date> date;
  std::optional<int> severity;
  std::optional<std::string> comment;
  std::optional<std::vector<std::string>> triggers;
  std::optional<std::vector<std::string>> reactions;
  std::optional<int> distance_m;
  bool clear_distance_m = false;
  std::optional<int> recovery_min;
  bool clear_recovery_min = false;
  std::optional<std::string> handler_action;  // empty clears it
};

struct SearchQuery {
  std::optional<std::string> text;  // in the comment, ignoring case and accents
  std::optional<Date> from;         // inclusive
  std::optional<Date> to;           // inclusive
  std::optional<std::string> dog_id;
  std::vector<std::string> triggers;   // ids: any of them
  std::vector<std::string> reactions;  // ids: any of them
  std::vector<int> severities;         // any of them
  std::size_t limit = kDefaultPageSize;
  std::optional<std::string> cursor;  // next_cursor of the previous page
  bool with_total = false;
};

struct SearchPage {
  std::vector<Observation> items;  // newest first
  std::optional<std::string> next_cursor;
  std::optional<std::size_t> total;  // when asked for
};

class Database;
class Clock;

class Observations {
 public:
  explicit Observations(Database& database);
  Observations(Database& database, const Clock& clock);

  Observation create(const Principal& principal, const ObservationInput& input);
  Observation get(const Principal& principal, const std::string& id);
  Observation update(const Principal& principal, const std::string& id,
                     const ObservationPatch& patch);
  void remove(const Principal& principal, const std::string& id);

  SearchPage search(const Principal& principal, const SearchQuery& query);

  // Writes every result of `query` (limit and cursor ignored) as RFC 4180 CSV,
  // UTF-8, header first, in chunks to `sink`: a page at a time, never the
  // whole table in memory.
  void export_csv(const Principal& principal, const SearchQuery& query,
                  const std::function<void(std::string_view)>& sink);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
