#include "dogcare/client_board.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <tuple>

#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/analytics_rules.hpp"
#include "storage/client_board_repository.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

using namespace std::chrono;

const SystemClock kSystemClock;

// What the board reads of one dog's days in its window.
struct DogFigures {
  std::vector<storage::DailyTotal> trend_days;  // the trend's period
  std::pair<int, int> this_month{0, 0};         // {strong, total}
  std::pair<int, int> previous_month{0, 0};
  int strong_days = 0;
  std::optional<Date> last_entry;
};

// The order of the alerts when the counts are equal: worsening, then strong
// days, then no recent entry.
int alert_rank(const ClientAlerts& a) {
  return (a.worsening ? 4 : 0) + (a.strong_days ? 2 : 0) + (a.no_recent_entry ? 1 : 0);
}

bool needs_attention_first(const ClientBoardEntry& a, const ClientBoardEntry& b) {
  // No entry at all sorts as the longest without one.
  using Key = std::tuple<int, int, int, const std::string&, const std::string&>;
  const auto key = [](const ClientBoardEntry& e) {
    return Key{-e.attention, -alert_rank(e.alerts),
               -e.days_since_last_entry.value_or(std::numeric_limits<int>::max()), e.dog_name,
               e.dog_id};
  };
  return key(a) < key(b);
}

}  // namespace

ClientBoard::ClientBoard(Database& database) : ClientBoard(database, kSystemClock) {}
ClientBoard::ClientBoard(Database& database, const Clock& clock)
    : database_(database), clock_(clock) {}

ClientBoardReport ClientBoard::report(const Principal& professional) {
  if (professional.user_id.empty()) {
    throw Error(ErrorCode::unauthenticated, "the client board belongs to an account");
  }
  ClientBoardReport board;
  // Today as analytics sees it (the professional's), so the board and a
  // client's analytics agree.
  const Date today = domain::local_today(clock_, professional);
  board.today = today;
  const sys_days t{today};
  const year_month month{today.year(), today.month()};
  const year_month previous = month - months{1};
  const Date trend_from{t - days{kBoardTrendDays - 1}};
  const Date strong_from{t - days{kBoardStrongWindowDays - 1}};
  const Date previous_first{previous / 1};
  const Date window_from = std::min(trend_from, previous_first);
  const Date window_to{month / last};

  auto connection = storage::pool(database_).borrow();
  // 1. The live grants, with the dog's and the owner's names (as Sharing::held shows them).
  const auto grants = storage::ShareRepository(*connection).list_held(professional.user_id);
  if (grants.empty()) return board;

  // 2. Every held dog's days in the window, one query.
  std::map<std::string, DogFigures> figures;
  for (const auto& day : storage::ClientBoardRepository(*connection)
                             .days(professional.user_id, window_from, window_to)) {
    DogFigures& f = figures[day.dog_id];
    const year_month ym{day.date.year(), day.date.month()};
    const auto add = [&](std::pair<int, int>& share) {
      share.first += day.strong;
      share.second += day.count;
    };
    if (ym == month) add(f.this_month);
    if (ym == previous) add(f.previous_month);
    if (day.date >= trend_from && day.date <= today) {
      f.trend_days.push_back({day.date, day.severity_sum, day.count});
    }
    if (day.date >= strong_from && day.date <= today && day.strong > 0) ++f.strong_days;
    f.last_entry = day.date;  // by date within a dog
  }

  // 3. The last entry of the dogs without one in the window, one query (or none).
  std::vector<std::string> older;
  for (const auto& grant : grants) {
    if (!figures.contains(grant.dog_id)) older.push_back(grant.dog_id);
  }
  if (!older.empty()) {
    for (const auto& last : storage::ClientBoardRepository(*connection)
                                .last_days_before(professional.user_id, window_from, older)) {
      figures[last.dog_id].last_entry = last.date;
    }
  }

  // 4. Unread comments of every held dog, one query.
  std::map<std::string, std::size_t> unread;
  for (auto& [dog, count] :
       storage::CommentRepository(*connection).unread_for_professional(professional.user_id)) {
    unread[dog] = count;
  }

  board.clients.reserve(grants.size());
  for (const auto& grant : grants) {
    const DogFigures& f = figures[grant.dog_id];
    ClientBoardEntry& e = board.clients.emplace_back();
    e.share_id = grant.id;
    e.dog_id = grant.dog_id;
    e.dog_name = grant.dog_name;
    e.owner_name = grant.owner_name;
    e.scope = grant.scope;
    e.last_entry = f.last_entry;
    if (f.last_entry)
      e.days_since_last_entry = static_cast<int>((t - sys_days{*f.last_entry}).count());
    e.strong_reactions = domain::high_intensity_share(month, f.this_month, f.previous_month);
    e.trend = domain::trend_of(domain::daily_with_rolling_mean(f.trend_days));
    e.strong_days = f.strong_days;
    if (const auto it = unread.find(grant.dog_id); it != unread.end()) {
      e.unread_comments = static_cast<int>(it->second);
    }
    e.alerts.worsening = e.trend.direction == TrendDirection::worsening;
    e.alerts.strong_days = e.strong_days >= kBoardStrongDaysAlert;
    e.alerts.no_recent_entry =
        !e.days_since_last_entry || *e.days_since_last_entry >= kBoardQuietDays;
    e.attention =
        int{e.alerts.worsening} + int{e.alerts.strong_days} + int{e.alerts.no_recent_entry};
  }
  std::sort(board.clients.begin(), board.clients.end(), needs_attention_first);
  return board;
}

}  // namespace dogcare
