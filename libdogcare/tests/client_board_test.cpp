// The client board of a professional, on the backend chosen by
// DOGCARE_TEST_BACKEND: the alerts (with the test clock), the order, what
// appears and what never does, unread comments, the trend as analytics has it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dogcare/access_log.hpp"
#include "dogcare/client_board.hpp"
#include "dogcare/comments.hpp"
#include "sharing_fixture.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono_literals;

// Today is 2024-06-15 (DomainTest's clock). An owner and a professional.
class ClientBoardTest : public SharingTest {
 protected:
  ClientBoardTest()
      : board_(shared_database(), clock_), comments_(shared_database(), {}, mail_, clock_) {}

  std::string dog(const std::string& name) {
    return dogs_.create(owner_.principal, {name, {}, {}, {}}).id;
  }

  // A dog of the owner's, shared with the professional.
  std::string shared(const std::string& name, ShareScope scope = ShareScope::read) {
    const auto id = dog(name);
    share(owner_.principal, id, pro_.principal, scope);
    return id;
  }

  void observe(const std::string& dog_id, Date date, int severity) {
    auto in = input(date, severity);
    in.dog_id = dog_id;
    observations_.create(owner_.principal, in);
  }

  const ClientBoardEntry& entry(const ClientBoardReport& board, const std::string& dog_id) {
    for (const auto& e : board.clients) {
      if (e.dog_id == dog_id) return e;
    }
    ADD_FAILURE() << "no such dog on the board";
    static const ClientBoardEntry none;
    return none;
  }

  std::vector<std::string> names(const ClientBoardReport& board) {
    std::vector<std::string> out;
    for (const auto& e : board.clients) out.push_back(e.dog_name);
    return out;
  }

  // The analytics of the board's trend period, read by the owner.
  AnalyticsReport analytics_of(const std::string& dog_id) {
    AnalyticsQuery q;
    q.dog_id = dog_id;
    q.period = Period::custom;
    q.from = day(2024, 5, 17);
    q.to = day(2024, 6, 15);
    return analytics_.report(owner_.principal, q);
  }

  Account owner_ = account("owner");
  Account pro_ = account("pro");
  ClientBoard board_;
  Comments comments_;
};

TEST_F(ClientBoardTest, AProfessionalWithoutGrantsHasAnEmptyBoard) {
  const auto board = board_.report(pro_.principal);
  EXPECT_EQ(board.today, day(2024, 6, 15));
  EXPECT_TRUE(board.clients.empty());
  EXPECT_DOGCARE_ERROR(board_.report(Principal{}), ErrorCode::unauthenticated, "");
}

TEST_F(ClientBoardTest, AnEntryHasTheDogTheOwnerTheLastEntryAndTheMonthsShares) {
  const auto rex = shared("Rex", ShareScope::read_comment);
  observe(rex, day(2024, 5, 10), 5);
  observe(rex, day(2024, 5, 11), 2);
  observe(rex, day(2024, 6, 3), 4);
  observe(rex, day(2024, 6, 3), 1);
  observe(rex, day(2024, 6, 12), 2);
  observe(rex, day(2024, 6, 12), 3);

  const auto board = board_.report(pro_.principal);
  ASSERT_EQ(board.clients.size(), 1u);
  const auto& e = board.clients.front();
  EXPECT_EQ(e.dog_id, rex);
  EXPECT_EQ(e.dog_name, "Rex");
  EXPECT_EQ(e.owner_name, owner_.username);
  EXPECT_EQ(e.scope, ShareScope::read_comment);
  EXPECT_EQ(e.last_entry, day(2024, 6, 12));
  EXPECT_EQ(e.days_since_last_entry, 3);
  EXPECT_EQ(e.strong_reactions.month, std::chrono::year{2024} / std::chrono::June);
  EXPECT_EQ(e.strong_reactions.high, 1);
  EXPECT_EQ(e.strong_reactions.total, 4);
  EXPECT_DOUBLE_EQ(e.strong_reactions.share, 0.25);
  EXPECT_EQ(e.strong_reactions.previous_high, 1);
  EXPECT_EQ(e.strong_reactions.previous_total, 2);
  EXPECT_DOUBLE_EQ(e.strong_reactions.delta, -0.25);
  EXPECT_EQ(e.strong_days, 0);
  EXPECT_EQ(e.unread_comments, 0);

  // The same figures as the dog's analytics for this month.
  AnalyticsQuery q;
  q.dog_id = rex;
  const auto h = analytics_.report(owner_.principal, q).high_intensity;
  EXPECT_EQ(e.strong_reactions.high, h.high);
  EXPECT_EQ(e.strong_reactions.total, h.total);
  EXPECT_EQ(e.strong_reactions.previous_high, h.previous_high);
  EXPECT_EQ(e.strong_reactions.previous_total, h.previous_total);
}

TEST_F(ClientBoardTest, TheTrendIsTheAnalyticsTrendOfTheLastThirtyDays) {
  const auto worse = shared("Worse");
  const auto better = shared("Better");
  const auto flat = shared("Flat");
  observe(worse, day(2024, 5, 1), 5);  // before the period: not counted
  for (int i = 0; i < 6; ++i) {
    const Date d{std::chrono::sys_days{day(2024, 6, 1)} + std::chrono::days{2 * i}};
    observe(worse, d, 1 + i * 4 / 5);
    observe(better, d, 5 - i * 4 / 5);
    observe(flat, d, 3);
  }
  const auto board = board_.report(pro_.principal);
  for (const auto& [id, direction] :
       {std::pair{worse, TrendDirection::worsening}, std::pair{better, TrendDirection::improving},
        std::pair{flat, TrendDirection::stable}}) {
    const auto& e = entry(board, id);
    const auto expected = analytics_of(id).trend;
    EXPECT_EQ(e.trend.direction, direction) << e.dog_name;
    EXPECT_EQ(e.trend.direction, expected.direction) << e.dog_name;
    EXPECT_DOUBLE_EQ(e.trend.slope_per_day, expected.slope_per_day) << e.dog_name;
    EXPECT_EQ(e.trend.days, expected.days) << e.dog_name;
  }
  EXPECT_TRUE(entry(board, worse).alerts.worsening);
  EXPECT_FALSE(entry(board, better).alerts.worsening);
  EXPECT_FALSE(entry(board, flat).alerts.worsening);
}

TEST_F(ClientBoardTest, FewerThanThreeDaysIsNotEnoughData) {
  const auto rex = shared("Rex");
  const auto none = shared("Nothing");
  observe(rex, day(2024, 6, 10), 1);
  observe(rex, day(2024, 6, 14), 5);
  observe(rex, day(2024, 6, 14), 5);
  const auto board = board_.report(pro_.principal);
  EXPECT_EQ(entry(board, rex).trend.direction, TrendDirection::insufficient_data);
  EXPECT_EQ(entry(board, rex).trend.days, 2);
  EXPECT_EQ(analytics_of(rex).trend.direction, TrendDirection::insufficient_data);
  EXPECT_FALSE(entry(board, rex).alerts.worsening);
  EXPECT_EQ(entry(board, none).trend.direction, TrendDirection::insufficient_data);
  EXPECT_EQ(entry(board, none).trend.days, 0);
}

TEST_F(ClientBoardTest, ThreeStrongDaysInTheLastSevenRaiseAnAlertThatTheClockEnds) {
  const auto rex = shared("Rex");
  observe(rex, day(2024, 6, 9), 4);
  observe(rex, day(2024, 6, 9), 5);  // one day, however many strong observations
  observe(rex, day(2024, 6, 11), 5);
  observe(rex, day(2024, 6, 14), 4);
  observe(rex, day(2024, 6, 15), 2);
  auto e = entry(board_.report(pro_.principal), rex);
  EXPECT_EQ(e.strong_days, 3);
  EXPECT_TRUE(e.alerts.strong_days);

  clock_.advance(24h);  // 2024-06-16: the 9th leaves the last seven days
  e = entry(board_.report(pro_.principal), rex);
  EXPECT_EQ(e.strong_days, 2);
  EXPECT_FALSE(e.alerts.strong_days);
}

TEST_F(ClientBoardTest, FourteenDaysWithoutAnEntryRaiseAnAlert) {
  const auto rex = shared("Rex");
  const auto never = shared("Never");
  observe(rex, day(2024, 6, 2), 2);
  auto board = board_.report(pro_.principal);
  EXPECT_EQ(entry(board, rex).days_since_last_entry, 13);
  EXPECT_FALSE(entry(board, rex).alerts.no_recent_entry);
  EXPECT_FALSE(entry(board, never).last_entry.has_value());
  EXPECT_FALSE(entry(board, never).days_since_last_entry.has_value());
  EXPECT_TRUE(entry(board, never).alerts.no_recent_entry);

  clock_.advance(24h);
  board = board_.report(pro_.principal);
  EXPECT_EQ(entry(board, rex).days_since_last_entry, 14);
  EXPECT_TRUE(entry(board, rex).alerts.no_recent_entry);
  EXPECT_EQ(entry(board, rex).attention, 1);
}

TEST_F(ClientBoardTest, AnEntryLongBeforeTheWindowIsStillTheLastEntry) {
  const auto rex = shared("Rex");
  observe(rex, day(2023, 1, 5), 3);
  observe(rex, day(2023, 11, 20), 3);
  const auto e = entry(board_.report(pro_.principal), rex);
  EXPECT_EQ(e.last_entry, day(2023, 11, 20));
  EXPECT_EQ(e.days_since_last_entry, 208);
  EXPECT_TRUE(e.alerts.no_recent_entry);
  EXPECT_EQ(e.strong_reactions.total, 0);
  EXPECT_EQ(e.strong_reactions.previous_total, 0);
}

TEST_F(ClientBoardTest, WhoNeedsAttentionFirst) {
  // Two alerts: worsening and strong days.
  const auto both = shared("Both");
  observe(both, day(2024, 6, 5), 1);
  observe(both, day(2024, 6, 10), 2);
  for (int d = 13; d <= 15; ++d) observe(both, day(2024, 6, d), 5);
  // One alert each, by rank: worsening, strong days, no recent entry (never, then oldest).
  const auto worsening = shared("Worsening");
  observe(worsening, day(2024, 6, 1), 1);
  observe(worsening, day(2024, 6, 5), 2);
  observe(worsening, day(2024, 6, 9), 3);
  const auto strong = shared("Strong");
  for (int d = 1; d <= 15; ++d) observe(strong, day(2024, 6, d), 4);
  const auto quiet = shared("Quiet");
  observe(quiet, day(2024, 5, 20), 2);
  const auto never = shared("Never");
  // No alert: the longest without an entry first, then by name.
  const auto zorro = shared("Zorro");
  const auto alba = shared("Alba");
  const auto older = shared("Older");
  for (int d = 1; d <= 15; ++d) {
    observe(zorro, day(2024, 6, d), 2);
    observe(alba, day(2024, 6, d), 2);
    if (d <= 12) observe(older, day(2024, 6, d), 2);
  }
  const auto board = board_.report(pro_.principal);
  EXPECT_EQ(names(board), (std::vector<std::string>{"Both", "Worsening", "Strong", "Never", "Quiet",
                                                    "Older", "Alba", "Zorro"}));
  EXPECT_EQ(entry(board, both).attention, 2);
  EXPECT_TRUE(entry(board, both).alerts.worsening);
  EXPECT_TRUE(entry(board, both).alerts.strong_days);
  EXPECT_EQ(entry(board, strong).trend.direction, TrendDirection::stable);
  EXPECT_EQ(entry(board, alba).attention, 0);
  (void)never;
  (void)quiet;
  (void)worsening;
}

TEST_F(ClientBoardTest, OnlyLiveGrantsAppearNeverTheOwnersOtherDogs) {
  const auto rex = shared("Rex");
  const auto kept = shared("Kept");
  dog("Private");
  const auto stranger = account("stranger");
  std::string theirs;
  {
    theirs = dogs_.create(stranger.principal, {"Foreign", {}, {}, {}}).id;
    auto in = input(day(2024, 6, 14), 5);
    in.dog_id = theirs;
    observations_.create(stranger.principal, in);
  }
  EXPECT_EQ(names(board_.report(pro_.principal)).size(), 2u);

  const auto grants = sharing_.list_for_dog(owner_.principal, rex).shares;
  ASSERT_EQ(grants.size(), 1u);
  sharing_.revoke(owner_.principal, grants.front().id);
  auto board = board_.report(pro_.principal);
  ASSERT_EQ(board.clients.size(), 1u);
  EXPECT_EQ(board.clients.front().dog_id, kept);

  sharing_.leave(pro_.principal, board.clients.front().share_id);
  EXPECT_TRUE(board_.report(pro_.principal).clients.empty());
  // The owner's own board holds none of their dogs.
  EXPECT_TRUE(board_.report(owner_.principal).clients.empty());
}

TEST_F(ClientBoardTest, UnreadCommentsAreTheOwnersInTheConversationSinceTheMarker) {
  const auto rex = shared("Rex", ShareScope::read_comment);
  const auto milo = shared("Milo", ShareScope::read_comment);
  const auto other = account("other");
  const auto grant = [&](const std::string& dog_id, const std::string& username) {
    for (const auto& s : sharing_.list_for_dog(owner_.principal, dog_id).shares) {
      if (s.professional_username == username) return s.id;
    }
    return std::string();
  };
  share(owner_.principal, rex, other.principal, ShareScope::read_comment);
  comments_.add_to_dog(pro_.principal, rex, {"Mon plan", {}});  // one's own: never unread
  comments_.add_to_dog(owner_.principal, rex, {"Merci", grant(rex, pro_.username)});
  comments_.add_to_dog(owner_.principal, rex, {"Question", grant(rex, pro_.username)});
  comments_.add_to_dog(owner_.principal, rex, {"Pour l'autre", grant(rex, other.username)});
  comments_.add_to_dog(owner_.principal, milo, {"Bonjour", grant(milo, pro_.username)});

  auto board = board_.report(pro_.principal);
  EXPECT_EQ(entry(board, rex).unread_comments, 2);
  EXPECT_EQ(entry(board, rex).unread_comments,
            static_cast<int>(comments_.unread_count(pro_.principal, rex)));
  EXPECT_EQ(entry(board, milo).unread_comments, 1);
  EXPECT_EQ(entry(board_.report(other.principal), rex).unread_comments, 1);

  comments_.mark_read(pro_.principal, rex);
  clock_.advance(1min);
  board = board_.report(pro_.principal);
  EXPECT_EQ(entry(board, rex).unread_comments, 0);
  EXPECT_EQ(entry(board, milo).unread_comments, 1);
  comments_.add_to_dog(owner_.principal, rex, {"Encore", grant(rex, pro_.username)});
  EXPECT_EQ(entry(board_.report(pro_.principal), rex).unread_comments, 1);
}

TEST_F(ClientBoardTest, OpeningTheBoardRecordsNothingInTheAccessLog) {
  const auto rex = shared("Rex");
  observe(rex, day(2024, 6, 14), 3);
  board_.report(pro_.principal);
  EXPECT_TRUE(AccessLog(shared_database()).list_for_dog(owner_.principal, rex).items.empty());
}

}  // namespace
}  // namespace dogcare::testing
