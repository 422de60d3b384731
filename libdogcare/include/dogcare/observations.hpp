// An observation: what happened with one dog on one day (the original's
// daily entry), with the optional incident detail trainers ask for; and
// search over them, with CSV export.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "dogcare/catalog.hpp"
#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
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
inline constexpr std::size_t kMaxSearchTextLength = 200;  // code points
inline constexpr Date kEarliestObservationDate{std::chrono::year{1990}, std::chrono::January,
                                               std::chrono::day{1}};

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

// A partial update: absent members stay, null clears (an empty comment or
// list too).
struct ObservationPatch {
  Patch<std::string> dog_id;
  Patch<Date> date;
  Patch<int> severity;
  Patch<std::string> comment;
  Patch<std::vector<std::string>> triggers;
  Patch<std::vector<std::string>> reactions;
  Patch<int> distance_m;
  Patch<int> recovery_min;
  Patch<std::string> handler_action;
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

namespace observation_fields {
inline constexpr FieldInfo id{"id", Presence::required, Limits{}.formatted("uuid"),
                              "The observation's id."};
inline constexpr FieldInfo dog_id{"dog_id", Presence::optional, Limits{}.formatted("uuid"),
                                  "The dog; may be omitted when the user has one dog."};
inline constexpr FieldInfo date{
    "date", Presence::required, Limits{}.dates(kEarliestObservationDate, 0),
    "The day it happened, in the owner's time zone; up to their today."};
inline constexpr FieldInfo severity{"severity", Presence::required,
                                    Limits{}.between(kMinSeverity, kMaxSeverity),
                                    "How strong the reaction was: 1 (barely) to 5 (worst)."};
inline constexpr FieldInfo comment{"comment", Presence::optional,
                                   Limits{}.length(0, kMaxCommentLength).lines(),
                                   "What happened, in the owner's words."};
inline constexpr FieldInfo triggers{
    "triggers", Presence::optional,
    Limits{}.length(1, kMaxCatalogNameLength).items(kMaxItemsPerObservation),
    "What set the dog off: item ids, or names (an unknown name is added to the catalog)."};
inline constexpr FieldInfo reactions{
    "reactions", Presence::optional,
    Limits{}.length(1, kMaxCatalogNameLength).items(kMaxItemsPerObservation),
    "How the dog reacted: item ids, or names (an unknown name is added to the catalog)."};
inline constexpr FieldInfo distance_m{"distance_m", Presence::optional,
                                      Limits{}.between(0, kMaxDistanceMetres),
                                      "Distance to the trigger, in metres."};
inline constexpr FieldInfo recovery_min{"recovery_min", Presence::optional,
                                        Limits{}.between(0, kMaxRecoveryMinutes),
                                        "Time the dog took to calm down, in minutes."};
inline constexpr FieldInfo handler_action{"handler_action", Presence::optional,
                                          Limits{}.length(0, kMaxHandlerActionLength).lines(),
                                          "What the handler did."};
inline constexpr FieldInfo trigger_refs{
    "triggers", Presence::required, {}, "What set the dog off, alphabetical."};
inline constexpr FieldInfo reaction_refs{
    "reactions", Presence::required, {}, "How the dog reacted, alphabetical."};
inline constexpr FieldInfo created_at{
    "created_at", Presence::required, {}, "When it was recorded."};
inline constexpr FieldInfo updated_at{
    "updated_at", Presence::required, {}, "When it last changed."};
}  // namespace observation_fields

template <>
struct Description<ItemRef> {
  static constexpr std::string_view name = "ItemRef";
  static constexpr std::string_view doc = "A catalog item as an observation names it.";
  static constexpr auto fields = std::tuple{
      field(&ItemRef::id, {"id", Presence::required, Limits{}.formatted("uuid"), "The item's id."}),
      field(&ItemRef::name, {"name", Presence::required, {}, "The item's name."}),
  };
};

template <>
struct Description<Observation> {
  // In this order the CSV export's columns too.
  static constexpr std::string_view name = "Observation";
  static constexpr std::string_view doc = "What happened with one dog on one day.";
  static constexpr auto fields = std::tuple{
      field(&Observation::id, observation_fields::id),
      field(&Observation::date, observation_fields::date),
      field(&Observation::dog_id,
            FieldInfo{"dog_id", Presence::required, Limits{}.formatted("uuid"), "The dog."}),
      field(&Observation::severity, observation_fields::severity),
      field(&Observation::triggers, observation_fields::trigger_refs),
      field(&Observation::reactions, observation_fields::reaction_refs),
      field(&Observation::comment,
            FieldInfo{"comment", Presence::required, observation_fields::comment.limits,
                      observation_fields::comment.doc}),
      field(&Observation::distance_m, observation_fields::distance_m),
      field(&Observation::recovery_min, observation_fields::recovery_min),
      field(&Observation::handler_action, observation_fields::handler_action),
      field(&Observation::created_at, observation_fields::created_at),
      field(&Observation::updated_at, observation_fields::updated_at),
  };
};

template <>
struct Description<ObservationInput> {
  static constexpr std::string_view name = "ObservationInput";
  static constexpr std::string_view doc = "A new observation.";
  static constexpr auto fields = std::tuple{
      field(&ObservationInput::dog_id, observation_fields::dog_id),
      field(&ObservationInput::date, observation_fields::date),
      field(&ObservationInput::severity, observation_fields::severity),
      field(&ObservationInput::comment, observation_fields::comment),
      field(&ObservationInput::triggers, observation_fields::triggers),
      field(&ObservationInput::reactions, observation_fields::reactions),
      field(&ObservationInput::distance_m, observation_fields::distance_m),
      field(&ObservationInput::recovery_min, observation_fields::recovery_min),
      field(&ObservationInput::handler_action, observation_fields::handler_action),
  };
};

template <>
struct Description<ObservationPatch> {
  static constexpr std::string_view name = "ObservationPatch";
  static constexpr std::string_view doc =
      "Changes to an observation: an absent member stays, null clears it.";
  static constexpr auto fields = std::tuple{
      field(&ObservationPatch::dog_id,
            FieldInfo{"dog_id", Presence::required, Limits{}.formatted("uuid"),
                      "Moves it to this dog."}),
      field(&ObservationPatch::date, observation_fields::date),
      field(&ObservationPatch::severity, observation_fields::severity),
      field(&ObservationPatch::comment, observation_fields::comment),
      field(&ObservationPatch::triggers, observation_fields::triggers),
      field(&ObservationPatch::reactions, observation_fields::reactions),
      field(&ObservationPatch::distance_m, observation_fields::distance_m),
      field(&ObservationPatch::recovery_min, observation_fields::recovery_min),
      field(&ObservationPatch::handler_action, observation_fields::handler_action),
  };
};

template <>
struct Description<SearchQuery> {
  static constexpr std::string_view name = "SearchQuery";
  static constexpr std::string_view doc = "Which observations to list, newest first.";
  static constexpr auto fields = std::tuple{
      field(&SearchQuery::text, {"q", Presence::optional, Limits{}.length(0, kMaxSearchTextLength),
                                 "Words in the comment, ignoring case and accents."}),
      field(&SearchQuery::from, {"from", Presence::optional, {}, "From this date, inclusive."}),
      field(&SearchQuery::to, {"to", Presence::optional, {}, "Up to this date, inclusive."}),
      field(&SearchQuery::dog_id,
            {"dog_id", Presence::optional, Limits{}.formatted("uuid"), "Only this dog."}),
      field(&SearchQuery::triggers, {"trigger", Presence::optional,
                                     Limits{}.items(kMaxItemsPerObservation).formatted("uuid"),
                                     "Trigger ids: observations with any of them."}),
      field(&SearchQuery::reactions, {"reaction", Presence::optional,
                                      Limits{}.items(kMaxItemsPerObservation).formatted("uuid"),
                                      "Reaction ids: observations with any of them."}),
      field(&SearchQuery::severities,
            {"severity", Presence::optional, Limits{}.between(kMinSeverity, kMaxSeverity).items(5),
             "Severities: observations with any of them."}),
      field(&SearchQuery::limit, {"limit", Presence::optional, Limits{}.between(1, kMaxPageSize),
                                  "Observations per page."}),
      field(&SearchQuery::cursor,
            {"cursor", Presence::optional, {}, "The next_cursor of the previous page."}),
      field(&SearchQuery::with_total,
            {"total", Presence::optional, {}, "Count every match (costs a query)."}),
  };
};

template <>
struct Description<SearchPage> {
  static constexpr std::string_view name = "SearchPage";
  static constexpr std::string_view doc = "A page of observations, newest first.";
  static constexpr auto fields = std::tuple{
      field(&SearchPage::items, {"items", Presence::required, {}, "The observations."}),
      field(&SearchPage::next_cursor, {"next_cursor",
                                       Presence::optional,
                                       {},
                                       "Pass as cursor for the next page; null on the last."}),
      field(&SearchPage::total,
            {"total", Presence::optional, {}, "Every match, when asked for with total=true."}),
  };
};

class Database;
class Clock;

// A CSV export read a piece at a time (a pull model): each next() borrows a
// database connection for one keyset page and gives it back before it
// returns, so a reader that stops reading holds no connection and no thread.
class CsvExport {
 public:
  // A piece is at least about this many bytes (but the last): keyset pages are
  // read until it is reached.
  static constexpr std::size_t kPieceBytes = 32 * 1024;
  // Rows read per keyset page.
  static constexpr std::size_t kPageRows = 128;

  CsvExport(CsvExport&&) noexcept;
  CsvExport& operator=(CsvExport&&) noexcept;
  ~CsvExport();

  // The header, then the rows a piece at a time; std::nullopt once
  // every row was given. Throws dogcare::Error (unavailable, ...) when a page
  // cannot be read; the export may then not be resumed.
  std::optional<std::string> next();

 private:
  friend class Observations;
  struct State;
  explicit CsvExport(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

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

  // Every result of `query` (limit and cursor ignored) as RFC 4180 CSV, UTF-8,
  // header first, a piece at a time (CsvExport::next), never the whole table
  // in memory. The query is validated here: a bad one throws before any piece.
  CsvExport open_csv_export(const Principal& principal, const SearchQuery& query);
  // The same export pushed to `sink`, piece by piece (a loop over next()).
  void export_csv(const Principal& principal, const SearchQuery& query,
                  const std::function<void(std::string_view)>& sink);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
