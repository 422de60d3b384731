// The domain services' rules, on the backend chosen by DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "domain_fixture.hpp"

namespace dogcare::testing {
namespace {

std::vector<std::string> names(const std::vector<ItemRef>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.name);
  return out;
}

// ---- dogs ----

using DogsTest = DomainTest;

TEST_F(DogsTest, CreateListUpdateDelete) {
  const auto me = new_user();
  DogInput in{"  Filou ", "Berger", day(2020, 5, 1), "peureux"};
  const Dog dog = dogs_.create(me, in);
  EXPECT_EQ(dog.name, "Filou");
  EXPECT_EQ(dogs_.get(me, dog.id).breed, "Berger");
  ASSERT_EQ(dogs_.list(me).size(), 1u);

  DogPatch patch;
  patch.name = "Filou II";
  patch.breed = "";                 // clears
  patch.birth_date = std::nullopt;  // null clears
  const Dog updated = dogs_.update(me, dog.id, patch);
  EXPECT_EQ(updated.name, "Filou II");
  EXPECT_FALSE(updated.breed);
  EXPECT_FALSE(updated.birth_date);
  EXPECT_EQ(updated.notes, "peureux");
  dogs_.remove(me, dog.id);
  EXPECT_DOGCARE_ERROR(dogs_.get(me, dog.id), ErrorCode::not_found, "");
}

TEST_F(DogsTest, ValidationNamesTheField) {
  const auto me = new_user();
  EXPECT_DOGCARE_ERROR(dogs_.create(me, {"   ", {}, {}, {}}), ErrorCode::invalid_argument, "name");
  EXPECT_DOGCARE_ERROR(dogs_.create(me, {std::string(101, 'x'), {}, {}, {}}),
                       ErrorCode::invalid_argument, "name");
  EXPECT_DOGCARE_ERROR(dogs_.create(me, {"Rex\x01", {}, {}, {}}), ErrorCode::invalid_argument,
                       "name");
  EXPECT_DOGCARE_ERROR(dogs_.create(me, {"Rex", {}, day(2999, 1, 1), {}}),
                       ErrorCode::invalid_argument, "birth_date");
  EXPECT_TRUE(dogs_.list(me).empty());  // nothing half-written
}

TEST_F(DogsTest, AnotherUsersDogIsNotFound) {
  std::string dog;
  const auto alice = user_with_dog(dog);
  const auto bob = new_user();
  EXPECT_DOGCARE_ERROR(dogs_.get(bob, dog), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(dogs_.update(bob, dog, {}), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(dogs_.remove(bob, dog), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(dogs_.get(bob, "not-an-id"), ErrorCode::not_found, "");
  EXPECT_TRUE(dogs_.list(bob).empty());
  EXPECT_EQ(dogs_.get(alice, dog).name, "Rex");
}

// ---- catalog and onboarding ----

using CatalogTest = DomainTest;

TEST_F(CatalogTest, OffersEveryDefaultOfTheOriginalApp) {
  // The Reactive Dog Tracker's defaults (../shared/DESIGN.md, "The domain").
  const auto names = [&](CatalogKind kind) {
    std::set<std::string> out;
    for (const auto& item : catalog_.defaults(kind)) out.insert(item.name);
    return out;
  };
  const auto triggers = names(CatalogKind::trigger);
  for (const char* name :
       {"bruit", "promeneur", "chien", "vélo", "visiteur", "joggeur", "chat", "chien-ennemi",
        "enfant", "voiture", "skate", "moto", "foule", "tonnerre"}) {
    EXPECT_TRUE(triggers.count(name)) << name;
  }
  const auto reactions = names(CatalogKind::reaction);
  for (const char* name : {"aboiement", "tremblement", "fuite", "grognement", "regard fixe",
                           "queue basse", "morsure", "pincement"}) {
    EXPECT_TRUE(reactions.count(name)) << name;
  }
}

TEST_F(CatalogTest, OnboardingCopiesChosenDefaultsNamesTheDogAndMarksTheUser) {
  const auto me = new_user();
  dogs_.create(me, {"Chien", {}, {}, {}});
  const auto triggers = catalog_.defaults(CatalogKind::trigger);
  const auto reactions = catalog_.defaults(CatalogKind::reaction);
  Onboarding choice;
  choice.trigger_ids = {triggers[0].id, triggers[3].id};  // bruit, vélo
  choice.reaction_ids = {reactions[0].id};                // aboiement
  choice.dog_name = "Filou";
  catalog_.onboard(me, choice);

  std::vector<std::string> mine;
  for (const auto& t : catalog_.list(me, CatalogKind::trigger)) mine.push_back(t.name);
  EXPECT_EQ(mine, (std::vector<std::string>{"bruit", "vélo"}));
  EXPECT_EQ(catalog_.list(me, CatalogKind::reaction).size(), 1u);
  EXPECT_EQ(dogs_.list(me).front().name, "Filou");
  auto connection = storage::pool(shared_database()).borrow();
  EXPECT_TRUE(storage::UserRepository(*connection).find(me.user_id)->user.onboarded);
}

TEST_F(CatalogTest, OnboardingIsAllOrNothing) {
  const auto me = new_user();
  const auto triggers = catalog_.defaults(CatalogKind::trigger);
  Onboarding choice;
  choice.trigger_ids = {triggers[0].id, new_id()};  // the second is not a default
  EXPECT_DOGCARE_ERROR(catalog_.onboard(me, choice), ErrorCode::invalid_argument, "trigger_ids[1]");
  EXPECT_TRUE(catalog_.list(me, CatalogKind::trigger).empty());
  auto connection = storage::pool(shared_database()).borrow();
  EXPECT_FALSE(storage::UserRepository(*connection).find(me.user_id)->user.onboarded);
}

TEST_F(CatalogTest, NamesAreUniqueIgnoringCaseAndAccents) {
  const auto me = new_user();
  const auto velo = catalog_.create(me, CatalogKind::trigger, "Vélo");
  EXPECT_DOGCARE_ERROR(catalog_.create(me, CatalogKind::trigger, "velo"), ErrorCode::conflict,
                       "name");
  const auto moto = catalog_.create(me, CatalogKind::trigger, "moto");
  EXPECT_DOGCARE_ERROR(catalog_.rename(me, CatalogKind::trigger, moto.id, "VÉLO"),
                       ErrorCode::conflict, "name");
  EXPECT_EQ(catalog_.rename(me, CatalogKind::trigger, moto.id, "Moto rouge").name, "Moto rouge");
  EXPECT_EQ(catalog_.get(me, CatalogKind::trigger, velo.id).name, "Vélo");
  EXPECT_DOGCARE_ERROR(catalog_.create(me, CatalogKind::reaction, ""), ErrorCode::invalid_argument,
                       "name");
}

TEST_F(CatalogTest, RemovingAnItemInUseArchivesItAndKeepsHistory) {
  std::string dog;
  const auto me = user_with_dog(dog);
  const auto used = catalog_.create(me, CatalogKind::trigger, "joggeur");
  const auto unused = catalog_.create(me, CatalogKind::trigger, "chat");
  const auto o = observations_.create(me, input(day(2024, 6, 1), 3, {used.id}));

  catalog_.remove(me, CatalogKind::trigger, used.id);
  catalog_.remove(me, CatalogKind::trigger, unused.id);
  EXPECT_TRUE(catalog_.list(me, CatalogKind::trigger).empty());  // gone from pickers
  const auto all = catalog_.list(me, CatalogKind::trigger, true);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].archived);
  EXPECT_EQ(names(observations_.get(me, o.id).triggers), std::vector<std::string>{"joggeur"});
  EXPECT_DOGCARE_ERROR(catalog_.get(me, CatalogKind::trigger, unused.id), ErrorCode::not_found, "");

  // Naming it again brings it back.
  const auto back = catalog_.create(me, CatalogKind::trigger, "Joggeur");
  EXPECT_EQ(back.id, used.id);
  EXPECT_EQ(catalog_.list(me, CatalogKind::trigger).size(), 1u);
}

TEST_F(CatalogTest, AnotherUsersItemsAreNotFound) {
  const auto alice = new_user();
  const auto bob = new_user();
  const auto item = catalog_.create(alice, CatalogKind::reaction, "grognement");
  EXPECT_DOGCARE_ERROR(catalog_.get(bob, CatalogKind::reaction, item.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(catalog_.rename(bob, CatalogKind::reaction, item.id, "x"),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(catalog_.remove(bob, CatalogKind::reaction, item.id), ErrorCode::not_found,
                       "");
  EXPECT_EQ(catalog_.get(alice, CatalogKind::reaction, item.id).name, "grognement");
}

// ---- observations ----

using ObservationsTest = DomainTest;

TEST_F(ObservationsTest, CreateByNameAddsToTheCatalogAndOmitsTheOnlyDog) {
  std::string dog;
  const auto me = user_with_dog(dog);
  const auto existing = catalog_.create(me, CatalogKind::trigger, "Vélo");
  auto in = input(day(2024, 6, 14), 4, {"velo", "Promeneur", existing.id}, {"aboiement"},
                  "  Très agité  ");
  in.distance_m = 20;
  in.handler_action = "demi-tour";
  const auto o = observations_.create(me, in);
  EXPECT_EQ(o.dog_id, dog);
  EXPECT_EQ(o.comment, "Très agité");
  EXPECT_EQ(names(o.triggers), (std::vector<std::string>{"Promeneur", "Vélo"}));
  EXPECT_EQ(names(o.reactions), std::vector<std::string>{"aboiement"});
  EXPECT_EQ(o.distance_m, 20);
  EXPECT_EQ(o.created_at, clock_.now());
  EXPECT_EQ(catalog_.list(me, CatalogKind::trigger).size(), 2u);
}

TEST_F(ObservationsTest, ValidationNamesTheFieldAndWritesNothing) {
  std::string dog;
  const auto me = user_with_dog(dog);
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 6, 1), 6)),
                       ErrorCode::invalid_argument, "severity");
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 6, 20), 3)),
                       ErrorCode::invalid_argument, "date");  // the future
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(1970, 1, 1), 3)),
                       ErrorCode::invalid_argument, "date");
  EXPECT_DOGCARE_ERROR(
      observations_.create(me, input(day(2024, 6, 1), 3, {}, {}, std::string(2001, 'x'))),
      ErrorCode::invalid_argument, "comment");
  auto far = input(day(2024, 6, 1), 3);
  far.distance_m = -5;
  EXPECT_DOGCARE_ERROR(observations_.create(me, far), ErrorCode::invalid_argument, "distance_m");
  // A bad reference after a new name: the new name must not be left behind.
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 6, 1), 3, {"nouveau", new_id()})),
                       ErrorCode::invalid_argument, "triggers[1]");
  EXPECT_TRUE(catalog_.list(me, CatalogKind::trigger).empty());
  EXPECT_TRUE(observations_.search(me, {}).items.empty());
  // Tomorrow is the future: the fixture's clock is 14:00 on the 15th in Paris.
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 6, 16), 3)),
                       ErrorCode::invalid_argument, "date");
  EXPECT_TRUE(observations_.search(me, {}).items.empty());
}

// "Today" is the owner's, in their time zone, through the tz database's rules.
TEST_F(ObservationsTest, TodayIsTheOwnersLocalDayAcrossADaylightSavingChange) {
  using namespace std::chrono;
  std::string dog;
  const auto me = user_with_dog(dog);  // Europe/Paris, the default
  // 12:00 UTC on the 15th is already the 16th in Auckland (UTC+12).
  const auto kiwi = domain::PrincipalFactory::for_user(me.user_id, "Pacific/Auckland");
  EXPECT_EQ(observations_.create(kiwi, input(day(2024, 6, 16), 3)).date, day(2024, 6, 16));
  // Paris went from UTC+1 to UTC+2 at 01:00 UTC on 2024-03-31: 22:30 UTC
  // is 23:30 the same day before the change, 00:30 the next day after it.
  clock_.set(sys_days{day(2024, 3, 30)} + hours{22} + minutes{30});
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 3, 31), 3)),
                       ErrorCode::invalid_argument, "date");
  clock_.set(sys_days{day(2024, 3, 31)} + hours{22} + minutes{30});
  EXPECT_EQ(observations_.create(me, input(day(2024, 4, 1), 3)).date, day(2024, 4, 1));
  // New York (UTC-4 in summer) is still on the 31st then.
  const auto nyc = domain::PrincipalFactory::for_user(me.user_id, "America/New_York");
  EXPECT_DOGCARE_ERROR(observations_.create(nyc, input(day(2024, 4, 1), 3)),
                       ErrorCode::invalid_argument, "date");
}

TEST_F(ObservationsTest, TheDogMustBeNamedWhenThereAreSeveral) {
  std::string dog;
  const auto me = user_with_dog(dog);
  const auto second = dogs_.create(me, {"Rox", {}, {}, {}});
  EXPECT_DOGCARE_ERROR(observations_.create(me, input(day(2024, 6, 1), 2)),
                       ErrorCode::invalid_argument, "dog_id");
  auto in = input(day(2024, 6, 1), 2);
  in.dog_id = second.id;
  EXPECT_EQ(observations_.create(me, in).dog_id, second.id);
  EXPECT_DOGCARE_ERROR(observations_.create(new_user(), input(day(2024, 6, 1), 2)),
                       ErrorCode::invalid_argument, "dog_id");  // no dog at all
}

TEST_F(ObservationsTest, PartialUpdateKeepsWhatIsNotGiven) {
  std::string dog;
  const auto me = user_with_dog(dog);
  auto in = input(day(2024, 6, 1), 2, {"chien"}, {"fuite"}, "avant");
  in.recovery_min = 10;
  const auto o = observations_.create(me, in);
  clock_.advance(std::chrono::minutes{5});
  ObservationPatch patch;
  patch.severity = 5;
  patch.triggers = std::vector<std::string>{"chat"};
  patch.recovery_min = std::nullopt;
  const auto updated = observations_.update(me, o.id, patch);
  EXPECT_EQ(updated.severity, 5);
  EXPECT_EQ(updated.comment, "avant");
  EXPECT_EQ(names(updated.triggers), std::vector<std::string>{"chat"});
  EXPECT_EQ(names(updated.reactions), std::vector<std::string>{"fuite"});
  EXPECT_FALSE(updated.recovery_min);
  EXPECT_EQ(updated.created_at, o.created_at);
  EXPECT_GT(updated.updated_at, o.updated_at);
  patch = {};
  patch.severity = 0;
  EXPECT_DOGCARE_ERROR(observations_.update(me, o.id, patch), ErrorCode::invalid_argument,
                       "severity");
  observations_.remove(me, o.id);
  EXPECT_DOGCARE_ERROR(observations_.get(me, o.id), ErrorCode::not_found, "");
}

TEST_F(ObservationsTest, AnotherUsersObservationsAndItemsAreOutOfReach) {
  std::string alice_dog, bob_dog;
  const auto alice = user_with_dog(alice_dog);
  const auto bob = user_with_dog(bob_dog);
  const auto secret = catalog_.create(alice, CatalogKind::trigger, "secret");
  const auto o = observations_.create(alice, input(day(2024, 6, 1), 3, {secret.id}));
  EXPECT_DOGCARE_ERROR(observations_.get(bob, o.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(observations_.update(bob, o.id, {}), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(observations_.remove(bob, o.id), ErrorCode::not_found, "");
  // Linking Alice's trigger or dog into Bob's observation.
  EXPECT_DOGCARE_ERROR(observations_.create(bob, input(day(2024, 6, 1), 3, {secret.id})),
                       ErrorCode::invalid_argument, "triggers[0]");
  auto on_her_dog = input(day(2024, 6, 1), 3);
  on_her_dog.dog_id = alice_dog;
  EXPECT_DOGCARE_ERROR(observations_.create(bob, on_her_dog), ErrorCode::invalid_argument,
                       "dog_id");
  SearchQuery by_trigger;
  by_trigger.triggers = {secret.id};
  EXPECT_TRUE(observations_.search(bob, by_trigger).items.empty());
  std::string csv;
  observations_.export_csv(bob, {}, [&](std::string_view chunk) { csv += chunk; });
  EXPECT_EQ(csv.find("secret"), std::string::npos);
  const auto report = analytics_.report(bob, {});
  EXPECT_EQ(report.observations, 0);
  EXPECT_DOGCARE_ERROR(calendar_.month(bob, alice_dog, 2024, 6), ErrorCode::invalid_argument,
                       "dog_id");
}

// ---- search ----

class SearchTest : public DomainTest {
 protected:
  void SetUp() override {
    velo_ = catalog_.create(me_, CatalogKind::trigger, "vélo").id;
    chien_ = catalog_.create(me_, CatalogKind::trigger, "chien").id;
    fuite_ = catalog_.create(me_, CatalogKind::reaction, "fuite").id;
    // 12 observations over 6 days, two a day.
    for (int i = 0; i < 12; ++i) {
      const auto trigger = i % 3 == 0 ? velo_ : chien_;
      std::vector<std::string> reactions;
      if (i % 4 == 0) reactions.push_back(fuite_);
      ids_.push_back(observations_
                         .create(me_, input(day(2024, 6, 1 + i / 2), 1 + i % 5, {trigger},
                                            reactions, i == 7 ? "Un VÉLO rouge 100%_sûr" : ""))
                         .id);
    }
  }
  std::string dog_, velo_, chien_, fuite_;
  const Principal me_ = user_with_dog(dog_);  // after dog_, which it sets
  std::vector<std::string> ids_;
};

TEST_F(SearchTest, PagesNewestFirstWithAStableCursorAndATotal) {
  SearchQuery q;
  q.limit = 5;
  q.with_total = true;
  std::vector<Observation> seen;
  int pages = 0;
  do {
    const auto page = observations_.search(me_, q);
    EXPECT_EQ(page.total, 12u);
    seen.insert(seen.end(), page.items.begin(), page.items.end());
    q.cursor = page.next_cursor;
    ++pages;
  } while (q.cursor);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 12u);
  for (std::size_t i = 1; i < seen.size(); ++i) {
    EXPECT_TRUE(std::tie(seen[i - 1].date, seen[i - 1].id) > std::tie(seen[i].date, seen[i].id));
  }
  EXPECT_FALSE(seen.front().triggers.empty());  // items come with the page
}

TEST_F(SearchTest, FiltersCombine) {
  SearchQuery text;
  text.text = "velo";
  auto found = observations_.search(me_, text).items;
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, ids_[7]);
  text.text = "100%_S";  // LIKE wildcards are literal
  EXPECT_EQ(observations_.search(me_, text).items.size(), 1u);
  text.text = "%";  // only the comment that holds a percent sign
  EXPECT_EQ(observations_.search(me_, text).items.size(), 1u);

  SearchQuery by_trigger;
  by_trigger.triggers = {velo_};
  EXPECT_EQ(observations_.search(me_, by_trigger).items.size(), 4u);  // i = 0, 3, 6, 9
  by_trigger.reactions = {fuite_};
  EXPECT_EQ(observations_.search(me_, by_trigger).items.size(), 1u);  // i = 0
  SearchQuery range;
  range.from = day(2024, 6, 2);
  range.to = day(2024, 6, 3);
  range.severities = {3, 4};
  for (const auto& o : observations_.search(me_, range).items) {
    EXPECT_GE(o.date, day(2024, 6, 2));
    EXPECT_LE(o.date, day(2024, 6, 3));
    EXPECT_TRUE(o.severity == 3 || o.severity == 4);
  }
  EXPECT_EQ(observations_.search(me_, range).items.size(), 2u);  // i = 2 (sev 3), 3 (sev 4)
}

TEST_F(SearchTest, BadParametersNameTheirField) {
  SearchQuery q;
  q.cursor = "garbage";
  EXPECT_DOGCARE_ERROR(observations_.search(me_, q), ErrorCode::invalid_argument, "cursor");
  q = {};
  q.limit = 0;
  EXPECT_DOGCARE_ERROR(observations_.search(me_, q), ErrorCode::invalid_argument, "limit");
  q = {};
  q.severities = {2, 9};
  EXPECT_DOGCARE_ERROR(observations_.search(me_, q), ErrorCode::invalid_argument, "severity[1]");
  q = {};
  q.from = day(2024, 6, 5);
  q.to = day(2024, 6, 1);
  EXPECT_DOGCARE_ERROR(observations_.search(me_, q), ErrorCode::invalid_argument, "from");
}

TEST_F(SearchTest, ExportsCsvPerRfc4180) {
  observations_.create(me_,
                       input(day(2024, 6, 10), 2, {chien_}, {}, "dit \"bonjour\", puis\nrien"));
  observations_.create(me_, input(day(2024, 6, 11), 2, {}, {}, "=HYPERLINK(\"x\")"));
  std::string csv;
  int chunks = 0;
  SearchQuery all;
  all.limit = 3;  // ignored by the export
  observations_.export_csv(me_, all, [&](std::string_view chunk) {
    csv += chunk;
    ++chunks;
  });
  EXPECT_EQ(csv.rfind("date,dog,severity,triggers,reactions,comment,distance_m,recovery_min,"
                      "handler_action\r\n",
                      0),
            0u);
  EXPECT_NE(csv.find("2024-06-10,Rex,2,chien,,\"dit \"\"bonjour\"\", puis\nrien\",,,\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"x\"\")\","), std::string::npos) << csv;  // defused
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = csv.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, 1u + 14u);
  EXPECT_GE(chunks, 2);
}

TEST_F(SearchTest, PullsTheExportAPieceAtATime) {
  // 400 rows of ~170 bytes: a piece takes two keyset pages.
  for (int i = 0; i < 400; ++i) {
    observations_.create(me_, input(day(2024, 1, 1 + i % 28), 3, {}, {},
                                    "n" + std::to_string(i) + " " + std::string(150, 'x')));
  }
  SearchQuery all;
  all.limit = 2;     // ignored by the export
  all.cursor = "x";  // ignored too
  auto csv = observations_.open_csv_export(me_, all);
  std::vector<std::string> pieces;
  while (auto piece = csv.next()) pieces.push_back(std::move(*piece));
  EXPECT_FALSE(csv.next());  // stays at its end
  ASSERT_GE(pieces.size(), 3u);
  EXPECT_EQ(pieces.front().find("\r\n"), pieces.front().size() - 2);  // the header alone first
  for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
    EXPECT_GE(pieces[i].size(), CsvExport::kPieceBytes) << i;
    EXPECT_LT(pieces[i].size(), CsvExport::kPieceBytes + CsvExport::kPageRows * 200) << i;
    EXPECT_EQ(pieces[i].substr(pieces[i].size() - 2), "\r\n");  // whole rows only
  }
  std::string pulled;
  for (const auto& piece : pieces) pulled += piece;
  std::string pushed;
  observations_.export_csv(me_, {}, [&](std::string_view chunk) { pushed += chunk; });
  EXPECT_EQ(pulled, pushed);
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = pulled.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, 1u + 12u + 400u);
}

TEST_F(SearchTest, AnExportRefusesABadQueryBeforeAnyPiece) {
  SearchQuery q;
  q.from = day(2024, 6, 2);
  q.to = day(2024, 6, 1);
  EXPECT_DOGCARE_ERROR(observations_.open_csv_export(me_, q), ErrorCode::invalid_argument, "from");
  // Another user's export is empty, header alone.
  auto theirs = observations_.open_csv_export(new_user(), {});
  ASSERT_TRUE(theirs.next());
  EXPECT_FALSE(theirs.next());
}

// ---- calendar ----

using CalendarTest = DomainTest;

TEST_F(CalendarTest, DaysCarryTheirHighestSeverityAndBand) {
  std::string dog;
  const auto me = user_with_dog(dog);
  observations_.create(me, input(day(2024, 5, 31), 5));  // another month
  observations_.create(me, input(day(2024, 6, 3), 1));
  observations_.create(me, input(day(2024, 6, 3), 2));
  observations_.create(me, input(day(2024, 6, 7), 3));
  observations_.create(me, input(day(2024, 6, 9), 2));
  observations_.create(me, input(day(2024, 6, 9), 4));
  const auto month = calendar_.month(me, std::nullopt, 2024, 6);
  EXPECT_EQ(month.dog_id, dog);
  ASSERT_EQ(month.days.size(), 3u);
  EXPECT_EQ(month.days[0].date, day(2024, 6, 3));
  EXPECT_EQ(month.days[0].max_severity, 2);
  EXPECT_EQ(month.days[0].band, SeverityBand::green);
  EXPECT_EQ(month.days[0].observations.size(), 2u);
  EXPECT_EQ(month.days[1].band, SeverityBand::orange);
  EXPECT_EQ(month.days[2].max_severity, 4);
  EXPECT_EQ(month.days[2].band, SeverityBand::red);
  EXPECT_DOGCARE_ERROR(calendar_.month(me, std::nullopt, 2024, 13), ErrorCode::invalid_argument,
                       "month");
}

// ---- analytics ----

using AnalyticsTest = DomainTest;

TEST_F(AnalyticsTest, TheFourViewsAndTheTrend) {
  std::string dog;
  const auto me = user_with_dog(dog);
  // Getting better through June: severities 5, 4, 3, 2, 1 on five days.
  for (int i = 0; i < 5; ++i) {
    observations_.create(me, input(day(2024, 6, 1 + 2 * i), 5 - i, {i % 2 ? "vélo" : "chien"},
                                   {"aboiement", i < 2 ? "grognement" : "fuite"}));
  }
  observations_.create(me, input(day(2024, 5, 20), 4, {"chien"}));  // May: 1 of 1 high
  observations_.create(me, input(day(2024, 5, 21), 2, {"chien"}));  // May: 1 of 2 high

  AnalyticsQuery q;
  q.period = Period::this_month;  // June 2024 by the test clock
  const auto r = analytics_.report(me, q);
  EXPECT_EQ(r.from, day(2024, 6, 1));
  EXPECT_EQ(r.to, day(2024, 6, 30));
  EXPECT_EQ(r.observations, 5);

  // 1. triggers x severity: chien at 5, 3, 1; vélo at 4, 2.
  ASSERT_EQ(r.trigger_severity.size(), 5u);
  EXPECT_EQ(r.trigger_severity[0].trigger, "chien");
  EXPECT_EQ(r.trigger_severity[0].severity, 1);
  EXPECT_EQ(r.trigger_severity[4].trigger, "vélo");
  EXPECT_EQ(r.trigger_severity[4].severity, 4);

  // 2. mean per day, with the 7-day rolling mean.
  ASSERT_EQ(r.daily.size(), 5u);
  EXPECT_DOUBLE_EQ(r.daily[0].mean, 5);
  EXPECT_DOUBLE_EQ(r.daily[1].rolling_mean, 4.5);  // June 1 and 3
  EXPECT_DOUBLE_EQ(r.daily[4].rolling_mean, 2.5);  // June 3..9: (4 + 3 + 2 + 1) / 4

  // 3. reactions with the triggers seen alongside.
  ASSERT_EQ(r.reactions.size(), 3u);
  EXPECT_EQ(r.reactions[0].reaction, "aboiement");
  EXPECT_TRUE(valid_id(r.reactions[0].reaction_id));
  EXPECT_TRUE(valid_id(r.reactions[0].triggers[0].trigger_id));
  EXPECT_TRUE(valid_id(r.trigger_severity[0].trigger_id));
  EXPECT_EQ(r.reactions[0].count, 5);
  EXPECT_EQ(r.reactions[0].triggers[0].trigger, "chien");
  EXPECT_EQ(r.reactions[0].triggers[0].count, 3);
  EXPECT_EQ(r.reactions[1].reaction, "fuite");
  EXPECT_EQ(r.reactions[1].count, 3);

  // 4. high intensity: June 2 of 5 against May 1 of 2.
  EXPECT_EQ(r.high_intensity.high, 2);
  EXPECT_EQ(r.high_intensity.total, 5);
  EXPECT_DOUBLE_EQ(r.high_intensity.share, 0.4);
  EXPECT_DOUBLE_EQ(r.high_intensity.previous_share, 0.5);
  EXPECT_NEAR(r.high_intensity.delta, -0.1, 1e-12);

  // 5. trend: one point better every two days.
  EXPECT_EQ(r.trend.direction, TrendDirection::improving);
  EXPECT_NEAR(r.trend.slope_per_day, -0.5, 1e-12);

  q.period = Period::all;
  EXPECT_EQ(analytics_.report(me, q).observations, 7);
  q.period = Period::this_week;  // June 10-16, 2024: nothing
  EXPECT_EQ(analytics_.report(me, q).observations, 0);
  EXPECT_EQ(analytics_.report(me, q).trend.direction, TrendDirection::insufficient_data);
  // No period: from or to make it custom, nothing makes it all time.
  AnalyticsQuery unset;
  EXPECT_EQ(analytics_.report(me, unset).observations, 7);
  unset.from = day(2024, 6, 3);
  const auto since = analytics_.report(me, unset);
  EXPECT_EQ(since.from, day(2024, 6, 3));
  EXPECT_LT(since.observations, 7);
  q.period = Period::custom;
  q.from = day(2024, 6, 5);
  q.to = day(2024, 6, 1);
  EXPECT_DOGCARE_ERROR(analytics_.report(me, q), ErrorCode::invalid_argument, "from");
}

TEST_F(AnalyticsTest, FiguresFollowUpdatesDeletesAndPeriodsCuttingMonths) {
  std::string dog;
  const auto me = user_with_dog(dog);
  const auto a = observations_.create(me, input(day(2024, 3, 15), 5, {"x"}, {"r"}));
  const auto b = observations_.create(me, input(day(2024, 4, 10), 2, {"x", "y"}, {"r"}));
  observations_.create(me, input(day(2024, 5, 20), 4, {"y"}));
  // Whole April, plus March 10-31 and May 1-25 around it.
  AnalyticsQuery custom;
  custom.period = Period::custom;
  custom.from = day(2024, 3, 10);
  custom.to = day(2024, 5, 25);
  const auto summary = [](const AnalyticsReport& r) {
    std::string out;
    for (const auto& c : r.trigger_severity) {
      out += c.trigger + "@" + std::to_string(c.severity) + "=" + std::to_string(c.count) + " ";
    }
    for (const auto& share : r.reactions) {
      out += share.reaction + "=" + std::to_string(share.count) + "(";
      for (const auto& t : share.triggers) out += t.trigger + ":" + std::to_string(t.count) + " ";
      out += ") ";
    }
    for (const auto& d : r.daily) out += format_date(d.date) + ":" + std::to_string(d.mean) + " ";
    return out;
  };
  const std::string before =
      "x@2=1 x@5=1 y@2=1 y@4=1 r=2(x:2 y:1 ) 2024-03-15:5.000000 2024-04-10:2.000000 "
      "2024-05-20:4.000000 ";
  EXPECT_EQ(summary(analytics_.report(me, custom)), before);
  EXPECT_EQ(summary(analytics_.report(me, {})), before);

  ObservationPatch move;
  move.date = day(2024, 4, 1);
  move.severity = 3;
  move.triggers = std::vector<std::string>{"y"};
  observations_.update(me, a.id, move);
  const std::string moved =
      "x@2=1 y@2=1 y@3=1 y@4=1 r=2(y:2 x:1 ) 2024-04-01:3.000000 2024-04-10:2.000000 "
      "2024-05-20:4.000000 ";
  EXPECT_EQ(summary(analytics_.report(me, custom)), moved);
  EXPECT_EQ(summary(analytics_.report(me, {})), moved);

  observations_.remove(me, b.id);
  const std::string removed = "y@3=1 y@4=1 r=1(y:1 ) 2024-04-01:3.000000 2024-05-20:4.000000 ";
  EXPECT_EQ(summary(analytics_.report(me, custom)), removed);
  EXPECT_EQ(summary(analytics_.report(me, {})), removed);
  // A period inside one month reads no monthly summary.
  custom.from = day(2024, 5, 2);
  custom.to = day(2024, 5, 30);
  EXPECT_EQ(summary(analytics_.report(me, custom)), "y@4=1 2024-05-20:4.000000 ");
}

}  // namespace
}  // namespace dogcare::testing

namespace dogcare::testing {
namespace {

// ---- concurrency: the services are called from many threads at once ----

using ConcurrencyTest = DomainTest;

TEST_F(ConcurrencyTest, ManyThreadsWriteAndReadTheSameUsersData) {
  if (backend() == Backend::sqlite_memory) GTEST_SKIP() << "a pool of one connection";
  std::string dog;
  const auto me = user_with_dog(dog);
  constexpr int kThreads = 6, kPerThread = 15;
  std::mutex mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kPerThread; ++i) {
          // The same new names from every thread: creation races on the catalog.
          observations_.create(me, input(day(2024, 6, 1 + i % 10), 1 + (t + i) % 5,
                                         {"course " + std::to_string(i % 3)}, {"fuite"}));
          observations_.search(me, {});
          if (i % 5 == 0) analytics_.report(me, {});
        }
      } catch (const Error& error) {
        const std::lock_guard lock(mutex);
        failures.push_back(error.what());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) ADD_FAILURE() << "a thread failed: " << failure;
  SearchQuery all;
  all.with_total = true;
  const auto total = observations_.search(me, all).total.value_or(0);
  EXPECT_EQ(total, static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(catalog_.list(me, CatalogKind::trigger).size(), 3u);  // no duplicates
  EXPECT_EQ(catalog_.list(me, CatalogKind::reaction).size(), 1u);
}

}  // namespace
}  // namespace dogcare::testing
