// The access log of a shared dog: every read of the dog's data by a
// professional is recorded (who, when, which view), at most once per
// professional, dog and view in 10 minutes, kept a year, and shown to the
// dog's owner alone ("Qui a consulté le journal de Rex"). Owners' own reads
// record nothing.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/principal.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

// Which view of a dog's data a professional read.
enum class AccessView { dog, observations, search, calendar, analytics, csv_export, comments };

template <>
struct EnumDescription<AccessView> {
  static constexpr std::string_view name = "AccessView";
  static constexpr std::array<std::pair<AccessView, std::string_view>, 7> values{
      {{AccessView::dog, "dog"},
       {AccessView::observations, "observations"},
       {AccessView::search, "search"},
       {AccessView::calendar, "calendar"},
       {AccessView::analytics, "analytics"},
       {AccessView::csv_export, "export"},
       {AccessView::comments, "comments"}}};
};

// Reads of the same view within one bucket are one row.
inline constexpr std::chrono::minutes kAccessLogBucket{10};
// Rows older than this are deleted by purge_expired (dogcare-admin purge).
inline constexpr std::chrono::days kAccessLogRetention{365};
inline constexpr std::size_t kDefaultAccessLogPageSize = 50;
inline constexpr std::size_t kMaxAccessLogPageSize = 500;

// One recorded read, as the dog's owner sees it.
struct AccessLogEntry {
  std::string id;
  std::string dog_id;
  // Absent once the professional's account is deleted: adapters show "a
  // former professional" in the reader's language.
  std::optional<std::string> professional_id;
  // The professional's profile display name, else their username.
  std::optional<std::string> professional_name;
  std::optional<ProfessionalKind> professional_kind;  // when they have a profile
  AccessView view = AccessView::dog;
  Timestamp accessed_at{};  // the first read of the bucket
};

struct AccessLogQuery {
  std::size_t limit = kDefaultAccessLogPageSize;
  std::optional<std::string> cursor;  // next_cursor of the previous page
};

struct AccessLogPage {
  std::vector<AccessLogEntry> items;  // newest first
  std::optional<std::string> next_cursor;
};

namespace access_log_fields {
inline constexpr FieldInfo limit{"limit", Presence::optional,
                                 Limits{}.between(1, kMaxAccessLogPageSize), "Rows per page."};
}  // namespace access_log_fields

template <>
struct Description<AccessLogEntry> {
  static constexpr std::string_view name = "AccessLogEntry";
  static constexpr std::string_view doc = "A professional's read of a dog's data.";
  static constexpr auto fields = std::tuple{
      field(&AccessLogEntry::id,
            {"id", Presence::required, Limits{}.formatted("uuid"), "The entry's id."}),
      field(&AccessLogEntry::dog_id,
            {"dog_id", Presence::required, Limits{}.formatted("uuid"), "The dog read."}),
      field(&AccessLogEntry::professional_id,
            {"professional_id", Presence::optional, Limits{}.formatted("uuid"),
             "Who read it; absent once their account is deleted (a former professional)."}),
      field(&AccessLogEntry::professional_name,
            {"professional_name",
             Presence::optional,
             {},
             "Their profile's display name, else their username."}),
      field(&AccessLogEntry::professional_kind,
            {"professional_kind", Presence::optional, {}, "trainer, behaviourist or vet."}),
      field(&AccessLogEntry::view,
            {"view",
             Presence::required,
             {},
             "dog, observations, search, calendar, analytics, export or comments."}),
      field(&AccessLogEntry::accessed_at,
            {"accessed_at", Presence::required, {}, "When (the first read in 10 minutes)."}),
  };
};

template <>
struct Description<AccessLogQuery> {
  static constexpr std::string_view name = "AccessLogQuery";
  static constexpr std::string_view doc = "A page of a dog's access log, newest first.";
  static constexpr auto fields = std::tuple{
      field(&AccessLogQuery::limit, access_log_fields::limit),
      field(&AccessLogQuery::cursor, page_fields::cursor),
  };
};

template <>
struct Description<AccessLogPage> {
  static constexpr std::string_view name = "AccessLogPage";
  static constexpr std::string_view doc = "Who read a dog's data, newest first.";
  static constexpr auto fields = std::tuple{
      field(&AccessLogPage::items, {"items", Presence::required, {}, "The entries."}),
      field(&AccessLogPage::next_cursor, page_fields::next_cursor),
  };
};

class Database;

class AccessLog {
 public:
  explicit AccessLog(Database& database) : database_(database) {}
  // The dog's log, for its owner only (anyone else: not_found).
  AccessLogPage list_for_dog(const Principal& owner, const std::string& dog_id,
                             const AccessLogQuery& query = {});

 private:
  Database& database_;
};

}  // namespace dogcare
