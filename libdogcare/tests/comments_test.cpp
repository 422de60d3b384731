// Comments on a shared dog and the access log of its reads, on the backend
// chosen by DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "dogcare/access_log.hpp"
#include "dogcare/comments.hpp"
#include "dogcare/maintenance.hpp"
#include "sharing_fixture.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono_literals;

class FailingMailer final : public Mailer {
 public:
  void send(const Email&) override { throw Error(ErrorCode::unavailable, "smtp is down"); }
};

// An owner (with an email address) and Rex, one of Rex's observations, and a
// professional with a profile holding a read_comment grant on Rex.
class CommentsTest : public SharingTest {
 protected:
  CommentsTest() : comments_(shared_database(), {}, mail_, clock_), log_(shared_database()) {
    rex_ = dogs_.create(owner_.principal, {"Rex", {}, {}, {}}).id;
    auto on_rex = input(day(2024, 6, 3), 4, {"vélo"}, {}, "au parc");
    on_rex.dog_id = rex_;
    observation_ = observations_.create(owner_.principal, on_rex).id;
    professionals_.set_profile(pro_.principal,
                               {"Claire Martin", ProfessionalKind::behaviourist, {}, {}});
    grant_ = share(owner_.principal, rex_, pro_.principal, ShareScope::read_comment);
  }

  CommentInput text(std::string body, std::optional<std::string> share_id = std::nullopt) {
    return {std::move(body), std::move(share_id)};
  }

  std::vector<std::string> bodies(const CommentPage& page) {
    std::vector<std::string> out;
    for (const auto& c : page.items) out.push_back(c.body);
    return out;
  }

  // A conversation on Rex and its observation, read by the professional, who
  // marked it read.
  void converse() {
    comments_.add_to_dog(pro_.principal, rex_, text("Plan"));
    comments_.add_to_observation(pro_.principal, observation_, text("Trop près"));
    comments_.add_to_dog(owner_.principal, rex_, text("Merci", grant_.id));
    comments_.mark_read(pro_.principal, rex_);
    dogs_.get(pro_.principal, rex_);
  }

  std::vector<AccessView> views(const std::string& dog) {
    std::vector<AccessView> out;
    for (const auto& e : log_.list_for_dog(owner_.principal, dog).items) out.push_back(e.view);
    return out;
  }

  const Account owner_ = account("owner");
  const Account pro_ = account("pro");
  const Principal stranger_ = new_user();
  Comments comments_;
  AccessLog log_;
  std::string rex_, observation_;
  HeldShare grant_;
};

// ---- comments ----

TEST_F(CommentsTest, AProfessionalCommentsTheDogAndAnObservationAndTheOwnerReplies) {
  const auto plan = comments_.add_to_dog(pro_.principal, rex_, text("  Plan : 3 séances LAT.  "));
  EXPECT_EQ(plan.body, "Plan : 3 séances LAT.");  // trimmed
  EXPECT_EQ(plan.dog_id, rex_);
  EXPECT_FALSE(plan.observation_id);
  EXPECT_EQ(plan.author_role, AuthorRole::professional);
  EXPECT_EQ(plan.author_id, pro_.principal.user_id);
  EXPECT_EQ(plan.author_name, "Claire Martin");  // the profile's name
  EXPECT_EQ(plan.share_id, grant_.id);
  EXPECT_TRUE(plan.mine);
  EXPECT_EQ(plan.created_at, clock_.now());

  const auto seen = comments_.dog_thread(owner_.principal, rex_);
  ASSERT_EQ(seen.items.size(), 1u);
  EXPECT_EQ(seen.items[0].id, plan.id);
  EXPECT_FALSE(seen.items[0].mine);
  EXPECT_EQ(seen.items[0].author_name, "Claire Martin");

  clock_.advance(1min);
  const auto reply =
      comments_.add_to_dog(owner_.principal, rex_, text("Merci !", seen.items[0].share_id));
  EXPECT_EQ(reply.author_role, AuthorRole::owner);
  EXPECT_EQ(reply.author_name, owner_.username);  // the username, never the email
  const auto thread = comments_.dog_thread(pro_.principal, rex_);
  EXPECT_EQ(bodies(thread), (std::vector<std::string>{"Plan : 3 séances LAT.", "Merci !"}));
  EXPECT_EQ(thread.items[1].author_name, owner_.username);
  EXPECT_FALSE(thread.items[1].mine);
  for (const auto& c : thread.items) EXPECT_NE(c.author_name, owner_.email);

  // An observation's thread is its own; the dog's thread holds the dog's comments.
  const auto on_observation =
      comments_.add_to_observation(pro_.principal, observation_, text("Trop près du vélo."));
  EXPECT_EQ(on_observation.observation_id, observation_);
  EXPECT_EQ(on_observation.dog_id, rex_);
  comments_.add_to_observation(owner_.principal, observation_, text("Oui, 5 m.", grant_.id));
  EXPECT_EQ(bodies(comments_.observation_thread(owner_.principal, observation_)),
            (std::vector<std::string>{"Trop près du vélo.", "Oui, 5 m."}));
  EXPECT_EQ(bodies(comments_.observation_thread(pro_.principal, observation_)),
            (std::vector<std::string>{"Trop près du vélo.", "Oui, 5 m."}));
  EXPECT_EQ(comments_.dog_thread(owner_.principal, rex_).items.size(), 2u);
}

TEST_F(CommentsTest, EachProfessionalHasTheirOwnConversationWithTheOwner) {
  const auto vet = account("vet");
  const auto vet_grant = share(owner_.principal, rex_, vet.principal, ShareScope::read_comment);
  comments_.add_to_dog(pro_.principal, rex_, text("from the trainer"));
  comments_.add_to_dog(vet.principal, rex_, text("from the vet"));
  comments_.add_to_dog(owner_.principal, rex_, text("to the vet", vet_grant.id));
  EXPECT_EQ(bodies(comments_.dog_thread(pro_.principal, rex_)),
            (std::vector<std::string>{"from the trainer"}));
  EXPECT_EQ(bodies(comments_.dog_thread(vet.principal, rex_)),
            (std::vector<std::string>{"from the vet", "to the vet"}));
  EXPECT_EQ(comments_.dog_thread(owner_.principal, rex_).items.size(), 3u);
  EXPECT_EQ(comments_.unread_count(pro_.principal, rex_), 0u);
  EXPECT_EQ(comments_.unread_count(vet.principal, rex_), 1u);
}

TEST_F(CommentsTest, TheOwnerNamesTheConversationByALiveGrantOfTheDog) {
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(owner_.principal, rex_, text("hello")),
                       ErrorCode::invalid_argument, "share_id");
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(owner_.principal, rex_, text("hello", new_id())),
                       ErrorCode::invalid_argument, "share_id");
  // A grant of another of the owner's dogs is not this dog's conversation.
  const auto other = dogs_.create(owner_.principal, {"Pilou", {}, {}, {}}).id;
  const auto other_grant = share(owner_.principal, other, pro_.principal);
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(owner_.principal, rex_, text("hi", other_grant.id)),
                       ErrorCode::invalid_argument, "share_id");
  // A professional's share_id, if given, is their own grant's.
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(pro_.principal, rex_, text("hi", other_grant.id)),
                       ErrorCode::invalid_argument, "share_id");
  EXPECT_EQ(comments_.add_to_dog(pro_.principal, rex_, text("hi", grant_.id)).share_id, grant_.id);
}

TEST_F(CommentsTest, AReadGrantReadsItsConversationButCannotWrite) {
  const auto reader = account("reader");
  const auto read_grant = share(owner_.principal, rex_, reader.principal, ShareScope::read);
  comments_.add_to_dog(owner_.principal, rex_, text("Voici le plan.", read_grant.id));
  EXPECT_EQ(bodies(comments_.dog_thread(reader.principal, rex_)),
            (std::vector<std::string>{"Voici le plan."}));
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(reader.principal, rex_, text("hello")),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.add_to_observation(reader.principal, observation_, text("hello")),
                       ErrorCode::not_found, "");
  EXPECT_EQ(comments_.dog_thread(owner_.principal, rex_).items.size(), 1u);
}

TEST_F(CommentsTest, ARevokedGrantOrAStrangerLosesTheThread) {
  const auto mine = comments_.add_to_dog(pro_.principal, rex_, text("before"));
  comments_.add_to_observation(pro_.principal, observation_, text("on the observation"));
  const auto expect_lost = [&](const Principal& p) {
    EXPECT_DOGCARE_ERROR(comments_.dog_thread(p, rex_), ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(comments_.observation_thread(p, observation_), ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(comments_.add_to_dog(p, rex_, text("x")), ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(comments_.add_to_observation(p, observation_, text("x")),
                         ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(comments_.unread_count(p, rex_), ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(comments_.mark_read(p, rex_), ErrorCode::not_found, "");
  };
  expect_lost(stranger_);
  EXPECT_EQ(comments_.dog_thread(pro_.principal, rex_).items.size(), 1u);
  sharing_.revoke(owner_.principal, grant_.id);
  expect_lost(pro_.principal);
  // Even their own comment is out of reach once the grant is gone.
  EXPECT_DOGCARE_ERROR(comments_.update(pro_.principal, mine.id, {std::string("after")}),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.remove(pro_.principal, mine.id), ErrorCode::not_found, "");
  // The owner keeps the thread; the revoked conversation has no grant to reply to.
  const auto kept = comments_.dog_thread(owner_.principal, rex_);
  ASSERT_EQ(kept.items.size(), 1u);
  EXPECT_FALSE(kept.items[0].share_id);
  EXPECT_DOGCARE_ERROR(comments_.dog_thread(owner_.principal, new_id()), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.observation_thread(owner_.principal, "nope"), ErrorCode::not_found,
                       "");
}

TEST_F(CommentsTest, OnlyTheAuthorEditsOrDeletesAComment) {
  const auto by_pro = comments_.add_to_dog(pro_.principal, rex_, text("first"));
  const auto by_owner = comments_.add_to_dog(owner_.principal, rex_, text("reply", grant_.id));
  clock_.advance(5min);
  const auto edited = comments_.update(pro_.principal, by_pro.id, {std::string(" second ")});
  EXPECT_EQ(edited.body, "second");
  EXPECT_EQ(edited.created_at, by_pro.created_at);
  EXPECT_EQ(edited.updated_at, clock_.now());
  EXPECT_EQ(comments_.update(pro_.principal, by_pro.id, {}).body, "second");  // absent keeps

  EXPECT_DOGCARE_ERROR(comments_.update(owner_.principal, by_pro.id, {std::string("x")}),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.update(pro_.principal, by_owner.id, {std::string("x")}),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.update(stranger_, by_pro.id, {std::string("x")}),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.remove(owner_.principal, by_pro.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.remove(pro_.principal, by_owner.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(comments_.update(pro_.principal, by_pro.id, {Patch<std::string>::clear()}),
                       ErrorCode::invalid_argument, "body");
  EXPECT_DOGCARE_ERROR(comments_.update(pro_.principal, by_pro.id, {std::string("   ")}),
                       ErrorCode::invalid_argument, "body");

  comments_.remove(pro_.principal, by_pro.id);
  comments_.remove(owner_.principal, by_owner.id);
  EXPECT_TRUE(comments_.dog_thread(owner_.principal, rex_).items.empty());
  EXPECT_DOGCARE_ERROR(comments_.remove(pro_.principal, by_pro.id), ErrorCode::not_found, "");
}

TEST_F(CommentsTest, ABodyHoldsAtMost4000CodePointsAndIsNotBlank) {
  std::string accents;
  for (std::size_t i = 0; i < kMaxCommentBodyLength; ++i) accents += "é";
  EXPECT_EQ(comments_.add_to_dog(pro_.principal, rex_, text(accents)).body, accents);
  std::string emoji;
  for (std::size_t i = 0; i < kMaxCommentBodyLength; ++i) emoji += "\xF0\x9F\x90\x95";  // 🐕
  const auto long_one = comments_.add_to_dog(pro_.principal, rex_, text(emoji));
  EXPECT_EQ(comments_.dog_thread(owner_.principal, rex_).items.back().body, emoji);
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(pro_.principal, rex_, text(accents + "é")),
                       ErrorCode::invalid_argument, "body");
  EXPECT_DOGCARE_ERROR(comments_.update(pro_.principal, long_one.id, {emoji + "x"}),
                       ErrorCode::invalid_argument, "body");
  try {
    comments_.add_to_dog(pro_.principal, rex_, text(accents + "é"));
    ADD_FAILURE() << "no error";
  } catch (const Error& error) {
    ASSERT_EQ(error.violations().size(), 1u);
    EXPECT_EQ(error.violations()[0].rule, Rule::too_long);
    EXPECT_EQ(error.violations()[0].max, static_cast<long long>(kMaxCommentBodyLength));
  }
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(pro_.principal, rex_, text(" \n\t ")),
                       ErrorCode::invalid_argument, "body");
  EXPECT_EQ(comments_.add_to_dog(pro_.principal, rex_, text("ligne 1\nligne 2")).body,
            "ligne 1\nligne 2");
  EXPECT_DOGCARE_ERROR(comments_.add_to_dog(pro_.principal, rex_, text("bell\x07")),
                       ErrorCode::invalid_argument, "body");
}

TEST_F(CommentsTest, AThreadIsPagedOldestFirst) {
  for (int i = 0; i < 5; ++i) {
    comments_.add_to_dog(pro_.principal, rex_, text("c" + std::to_string(i)));
    if (i % 2 == 0) clock_.advance(1s);  // ties on the time are ordered by id
  }
  CommentQuery q;
  q.limit = 2;
  std::vector<std::string> all;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 3);
    const auto page = comments_.dog_thread(owner_.principal, rex_, q);
    for (const auto& body : bodies(page)) all.push_back(body);
    if (!page.next_cursor) break;
    q.cursor = page.next_cursor;
  }
  EXPECT_EQ(all, (std::vector<std::string>{"c0", "c1", "c2", "c3", "c4"}));
  q.cursor = "garbage";
  EXPECT_DOGCARE_ERROR(comments_.dog_thread(owner_.principal, rex_, q), ErrorCode::invalid_argument,
                       "cursor");
  q.cursor.reset();
  q.limit = kMaxCommentPageSize + 1;
  EXPECT_DOGCARE_ERROR(comments_.dog_thread(owner_.principal, rex_, q), ErrorCode::invalid_argument,
                       "limit");
}

TEST_F(CommentsTest, UnreadCountsTheOtherSidesCommentsSinceTheLastRead) {
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 0u);
  comments_.add_to_dog(pro_.principal, rex_, text("one"));
  comments_.add_to_observation(pro_.principal, observation_, text("two"));
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 2u);  // the dog's and its observations'
  EXPECT_EQ(comments_.unread_count(pro_.principal, rex_), 0u);    // one's own never count
  clock_.advance(1min);
  comments_.mark_read(owner_.principal, rex_);
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 0u);
  clock_.advance(1min);
  comments_.add_to_dog(pro_.principal, rex_, text("three"));
  comments_.add_to_dog(owner_.principal, rex_, text("reply", grant_.id));
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 1u);
  EXPECT_EQ(comments_.unread_count(pro_.principal, rex_), 1u);
  clock_.advance(1min);
  comments_.mark_read(pro_.principal, rex_);
  comments_.mark_read(pro_.principal, rex_);  // marking again moves the marker
  EXPECT_EQ(comments_.unread_count(pro_.principal, rex_), 0u);
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 1u);
}

TEST_F(CommentsTest, ANewCommentMailsTheOtherSideUnlessTheyOptedOut) {
  EXPECT_TRUE(comments_.settings(owner_.principal).notify_comments);  // on by default
  comments_.add_to_dog(pro_.principal, rex_, text("Plan"));
  auto sent = mail_->sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent.back().to, owner_.email);
  EXPECT_NE(sent.back().text.find("Claire Martin"), std::string::npos);
  EXPECT_NE(sent.back().subject.find("Rex"), std::string::npos);

  comments_.add_to_dog(owner_.principal, rex_, text("Merci", grant_.id));
  sent = mail_->sent();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent.back().to, pro_.email);
  EXPECT_NE(sent.back().text.find(owner_.username), std::string::npos);
  EXPECT_EQ(sent.back().text.find(owner_.email), std::string::npos);

  EXPECT_FALSE(comments_.set_settings(owner_.principal, {false}).notify_comments);
  EXPECT_FALSE(comments_.settings(owner_.principal).notify_comments);
  comments_.add_to_dog(pro_.principal, rex_, text("Encore"));
  EXPECT_EQ(mail_->sent().size(), 2u);
  comments_.set_settings(owner_.principal, {true});
  comments_.add_to_dog(pro_.principal, rex_, text("Et encore"));
  EXPECT_EQ(mail_->sent().size(), 3u);
}

TEST_F(CommentsTest, AFailingMailerNeverFailsTheComment) {
  Comments failing(shared_database(), {}, std::make_shared<FailingMailer>(), clock_);
  const auto c = failing.add_to_dog(pro_.principal, rex_, text("Plan"));
  EXPECT_EQ(comments_.dog_thread(owner_.principal, rex_).items.at(0).id, c.id);
}

// ---- the access log ----

TEST_F(CommentsTest, EveryViewAProfessionalReadsIsLoggedOncePerTenMinutes) {
  const auto read_everything = [&](const Principal& who) {
    dogs_.get(who, rex_);
    observations_.get(who, observation_);
    SearchQuery q;
    q.dog_id = rex_;
    observations_.search(who, q);
    calendar_.month(who, rex_, 2024, 6);
    AnalyticsQuery a;
    a.dog_id = rex_;
    analytics_.report(who, a);
    observations_.export_csv(who, q, [](std::string_view) {});
    comments_.dog_thread(who, rex_);
  };
  read_everything(owner_.principal);
  EXPECT_TRUE(log_.list_for_dog(owner_.principal, rex_).items.empty());  // owners are not logged

  read_everything(pro_.principal);
  read_everything(pro_.principal);  // the same ten minutes: nothing more
  const auto page = log_.list_for_dog(owner_.principal, rex_);
  ASSERT_EQ(page.items.size(), 7u);
  std::vector<AccessView> seen = views(rex_);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen,
            (std::vector<AccessView>{AccessView::dog, AccessView::observations, AccessView::search,
                                     AccessView::calendar, AccessView::analytics,
                                     AccessView::csv_export, AccessView::comments}));
  for (const auto& entry : page.items) {
    EXPECT_EQ(entry.professional_id, pro_.principal.user_id);
    EXPECT_EQ(entry.professional_name, "Claire Martin");
    EXPECT_EQ(entry.professional_kind, ProfessionalKind::behaviourist);
    EXPECT_EQ(entry.accessed_at, clock_.now());
    EXPECT_EQ(entry.dog_id, rex_);
  }
  // Writing a comment and counting unread ones show no data: not logged.
  comments_.add_to_dog(pro_.principal, rex_, text("x"));
  comments_.unread_count(pro_.principal, rex_);

  clock_.advance(9min);
  dogs_.get(pro_.principal, rex_);
  EXPECT_EQ(views(rex_).size(), 7u);
  clock_.advance(1min);  // the next ten minutes
  dogs_.get(pro_.principal, rex_);
  comments_.observation_thread(pro_.principal, observation_);
  const auto after = log_.list_for_dog(owner_.principal, rex_);
  ASSERT_EQ(after.items.size(), 9u);
  EXPECT_EQ(after.items[0].accessed_at, clock_.now());  // newest first
  EXPECT_EQ(after.items[8].accessed_at, clock_.now() - 10min);
}

TEST_F(CommentsTest, ConcurrentReadsOfOneBucketRecordOneRowAndAllSucceed) {
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 6; ++i) {
    readers.emplace_back([&] {
      try {
        dogs_.get(pro_.principal, rex_);
      } catch (const Error&) {
        ++failures;
      }
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(views(rex_), (std::vector<AccessView>{AccessView::dog}));
}

TEST_F(CommentsTest, TheLogIsTheOwnersAloneAndPaged) {
  const auto nameless = account("nameless");  // no profile: the username, no kind
  share(owner_.principal, rex_, nameless.principal);
  for (int i = 0; i < 3; ++i) {
    dogs_.get(pro_.principal, rex_);
    dogs_.get(nameless.principal, rex_);
    clock_.advance(10min);
  }
  EXPECT_DOGCARE_ERROR(log_.list_for_dog(pro_.principal, rex_), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(log_.list_for_dog(stranger_, rex_), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(log_.list_for_dog(owner_.principal, "nope"), ErrorCode::not_found, "");
  AccessLogQuery q;
  q.limit = 4;
  std::vector<AccessLogEntry> all;
  for (;;) {
    const auto page = log_.list_for_dog(owner_.principal, rex_, q);
    all.insert(all.end(), page.items.begin(), page.items.end());
    if (!page.next_cursor) break;
    q.cursor = page.next_cursor;
  }
  ASSERT_EQ(all.size(), 6u);
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_GE(all[i - 1].accessed_at, all[i].accessed_at);
  }
  const auto by_nameless = std::find_if(all.begin(), all.end(), [&](const AccessLogEntry& e) {
    return e.professional_id == nameless.principal.user_id;
  });
  ASSERT_NE(by_nameless, all.end());
  EXPECT_EQ(by_nameless->professional_name, nameless.username);
  EXPECT_FALSE(by_nameless->professional_kind);
}

TEST_F(CommentsTest, PurgeDeletesLogRowsOlderThanAYear) {
  dogs_.get(pro_.principal, rex_);
  clock_.advance(std::chrono::days{200});
  dogs_.get(pro_.principal, rex_);
  clock_.advance(std::chrono::days{166});  // the first read is a year and a day old
  EXPECT_GE(purge_expired(shared_database(), {}, clock_).access_log_rows, 1u);
  const auto kept = log_.list_for_dog(owner_.principal, rex_);
  ASSERT_EQ(kept.items.size(), 1u);
  EXPECT_EQ(kept.items[0].accessed_at, clock_.now() - std::chrono::days{166});
}

// ---- account deletion ----

TEST_F(CommentsTest, DeletingTheProfessionalKeepsTheirCommentsAsAFormerProfessionals) {
  Accounts accounts(shared_database(), cheap_accounts(), nullptr, clock_);
  converse();
  clock_.advance(1min);
  accounts.delete_account(pro_.principal);

  const auto thread = comments_.dog_thread(owner_.principal, rex_);
  ASSERT_EQ(thread.items.size(), 2u);
  EXPECT_EQ(thread.items[0].body, "Plan");
  EXPECT_EQ(thread.items[0].author_role, AuthorRole::professional);
  EXPECT_FALSE(thread.items[0].author_id);
  EXPECT_FALSE(thread.items[0].author_name);
  EXPECT_FALSE(thread.items[0].share_id);
  EXPECT_EQ(thread.items[1].author_name, owner_.username);
  EXPECT_EQ(comments_.observation_thread(owner_.principal, observation_).items.size(), 1u);
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 2u);
  const auto log = log_.list_for_dog(owner_.principal, rex_);
  ASSERT_EQ(log.items.size(), 1u);
  EXPECT_FALSE(log.items[0].professional_id);
  EXPECT_FALSE(log.items[0].professional_name);
}

TEST_F(CommentsTest, DeletingTheOwnerRemovesTheCommentsAndTheLogOfTheirDogs) {
  Accounts accounts(shared_database(), cheap_accounts(), nullptr, clock_);
  converse();
  ASSERT_EQ(count_rows("SELECT COUNT(*) FROM comments WHERE dog_id = ?", rex_), 3);
  accounts.delete_account(owner_.principal);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM comments WHERE dog_id = ?", rex_), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM dog_access_log WHERE dog_id = ?", rex_), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM comment_reads WHERE dog_id = ?", rex_), 0);
  EXPECT_DOGCARE_ERROR(comments_.dog_thread(pro_.principal, rex_), ErrorCode::not_found, "");
}

TEST_F(CommentsTest, AnObservationMovedToAnotherDogTakesItsThread) {
  comments_.add_to_observation(pro_.principal, observation_, text("Trop près"));
  const auto pilou = dogs_.create(owner_.principal, {"Pilou", {}, {}, {}}).id;
  ObservationPatch move;
  move.dog_id = pilou;
  observations_.update(owner_.principal, observation_, move);
  const auto thread = comments_.observation_thread(owner_.principal, observation_);
  ASSERT_EQ(thread.items.size(), 1u);
  EXPECT_EQ(thread.items[0].dog_id, pilou);
  // Rex's professional no longer reads the observation, nor its thread.
  EXPECT_DOGCARE_ERROR(comments_.observation_thread(pro_.principal, observation_),
                       ErrorCode::not_found, "");
  EXPECT_EQ(comments_.unread_count(owner_.principal, rex_), 0u);
  EXPECT_EQ(comments_.unread_count(owner_.principal, pilou), 1u);
}

TEST_F(CommentsTest, DeletingAnObservationRemovesItsThread) {
  comments_.add_to_observation(pro_.principal, observation_, text("Trop près"));
  observations_.remove(owner_.principal, observation_);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM comments WHERE observation_id = ?", observation_), 0);
  EXPECT_DOGCARE_ERROR(comments_.observation_thread(owner_.principal, observation_),
                       ErrorCode::not_found, "");
}

}  // namespace
}  // namespace dogcare::testing
