// A professional's client board: every dog shared with them (a live grant),
// with what tells who needs attention first — the last entry, the month's
// share of strong reactions against the month before, the trend, unread
// comments and three alerts — computed from the analytics summaries with a
// handful of queries for the whole board, whatever the number of clients.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "dogcare/analytics.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
#include "dogcare/sharing.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

// The trend covers the days from today - 29 to today (the analytics of a
// custom period with these bounds answer the same trend).
inline constexpr int kBoardTrendDays = 30;
// "Three strong days in the last seven": days with an observation of
// severity >= 4 (kStrongSeverity) among today and the six days before.
inline constexpr int kBoardStrongWindowDays = 7;
inline constexpr int kBoardStrongDaysAlert = 3;
// "No entry for 14 days": the last entry is 14 days old or older, or there is none.
inline constexpr int kBoardQuietDays = 14;

// What calls for the professional's attention.
struct ClientAlerts {
  bool worsening = false;        // the trend is worsening
  bool strong_days = false;      // >= 3 strong days among the last 7
  bool no_recent_entry = false;  // nothing for 14 days or more, or nothing ever
};

// One shared dog on the board.
struct ClientBoardEntry {
  std::string share_id;  // the caller's grant
  std::string dog_id;
  std::string dog_name;
  std::string owner_name;  // the owner's display name (their username), never an email
  ShareScope scope = ShareScope::read;
  std::optional<Date> last_entry;            // the latest day with an observation
  std::optional<int> days_since_last_entry;  // today - last_entry, in days
  // This month against the month before, as analytics view 4 computes it.
  HighIntensityShare strong_reactions;
  Trend trend;          // over the last kBoardTrendDays days, as analytics computes it
  int strong_days = 0;  // days with a strong observation among the last 7
  int unread_comments = 0;
  ClientAlerts alerts;
  int attention = 0;  // how many alerts are raised (0-3)
};

// The board, who needs attention first: more alerts first; at equal count,
// by the alerts themselves (worsening, then strong days, then no recent
// entry); then the longest without an entry first (none at all before any);
// then by dog name, then by dog id.
struct ClientBoardReport {
  Date today{};  // the day the board was computed for: the caller's local day
  std::vector<ClientBoardEntry> clients;
};

template <>
struct Description<ClientAlerts> {
  static constexpr std::string_view name = "ClientAlerts";
  static constexpr std::string_view doc = "What calls for the professional's attention.";
  static constexpr auto fields = std::tuple{
      field(&ClientAlerts::worsening,
            {"worsening", Presence::required, {}, "The trend is worsening."}),
      field(&ClientAlerts::strong_days,
            {"strong_days",
             Presence::required,
             {},
             "Three days or more with a strong reaction (severity 4 or 5) in the last seven."}),
      field(&ClientAlerts::no_recent_entry, {"no_recent_entry",
                                             Presence::required,
                                             {},
                                             "No entry for 14 days or more, or none at all."}),
  };
};

template <>
struct Description<ClientBoardEntry> {
  static constexpr std::string_view name = "ClientBoardEntry";
  static constexpr std::string_view doc = "A dog shared with the caller, on their board.";
  static constexpr auto fields = std::tuple{
      field(&ClientBoardEntry::share_id,
            {"share_id", Presence::required, Limits{}.formatted("uuid"), "The caller's grant."}),
      field(&ClientBoardEntry::dog_id, share_fields::dog_id),
      field(&ClientBoardEntry::dog_name, {"dog_name", Presence::required, {}, "The dog's name."}),
      field(&ClientBoardEntry::owner_name,
            {"owner_name", Presence::required, {}, "The owner's display name."}),
      field(&ClientBoardEntry::scope, share_fields::scope),
      field(&ClientBoardEntry::last_entry,
            {"last_entry", Presence::optional, {}, "The latest day with an observation."}),
      field(&ClientBoardEntry::days_since_last_entry,
            {"days_since_last_entry",
             Presence::optional,
             {},
             "Days from the last entry to today; absent without one."}),
      field(&ClientBoardEntry::strong_reactions,
            {"strong_reactions",
             Presence::required,
             {},
             "The share of strong reactions this month against the month before."}),
      field(&ClientBoardEntry::trend,
            {"trend", Presence::required, {}, "The trend over the last 30 days."}),
      field(&ClientBoardEntry::strong_days, {"strong_days",
                                             Presence::required,
                                             {},
                                             "Days with a strong reaction among the last seven."}),
      field(&ClientBoardEntry::unread_comments,
            {"unread_comments", Presence::required, {}, "The owner's comments not yet read."}),
      field(&ClientBoardEntry::alerts, {"alerts", Presence::required, {}, "The alerts."}),
      field(&ClientBoardEntry::attention,
            {"attention", Presence::required, {}, "How many alerts are raised."}),
  };
};

template <>
struct Description<ClientBoardReport> {
  static constexpr std::string_view name = "ClientBoardReport";
  static constexpr std::string_view doc =
      "Every dog shared with the caller, who needs attention first.";
  static constexpr auto fields = std::tuple{
      field(&ClientBoardReport::today,
            {"today", Presence::required, {}, "The day the board was computed for."}),
      field(&ClientBoardReport::clients,
            {"clients", Presence::required, {}, "Who needs attention first."}),
  };
};

class Database;
class Clock;

class ClientBoard {
 public:
  explicit ClientBoard(Database& database);
  ClientBoard(Database& database, const Clock& clock);

  // The caller's board: the dogs of their live grants only. Records nothing
  // in the access log (see docs/domain.md, "Client board").
  ClientBoardReport report(const Principal& professional);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
