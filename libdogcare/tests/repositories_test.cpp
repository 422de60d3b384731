// Every repository operation, constraint mapping and owner isolation, on the
// backend chosen by DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include "fixture.hpp"

namespace dogcare::testing {
namespace {

using storage::CatalogRepository;
using storage::DogRepository;
using storage::ObservationCursor;
using storage::ObservationQuery;
using storage::ObservationRepository;
using storage::PasswordResetRepository;
using storage::PasswordResetToken;
using storage::Transaction;
using storage::UserRecord;
using storage::UserRepository;

// ---- users ----

using UserRepositoryTest = StorageTest;

TEST_F(UserRepositoryTest, InsertsAndFindsByIdUsernameAndEmailIgnoringCaseAndAccents) {
  UserRecord record;
  record.user.id = new_id();
  record.user.username = "Zoé_" + record.user.id.substr(30);
  record.user.email = "Zoe." + record.user.id.substr(30) + "@Example.org";
  record.user.created_at = record.user.updated_at = now_utc();
  record.password_hash = "hash";
  UserRepository users(connection());
  users.insert(record);

  const auto by_id = users.find(record.user.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->user.username, record.user.username);
  EXPECT_EQ(by_id->user.email, record.user.email);
  EXPECT_EQ(by_id->password_hash, "hash");
  EXPECT_FALSE(by_id->user.onboarded);
  EXPECT_EQ(by_id->user.created_at, record.user.created_at);

  const auto by_name = users.find_by_username("ZOE_" + record.user.id.substr(30));
  ASSERT_TRUE(by_name);
  EXPECT_EQ(by_name->user.id, record.user.id);
  const auto by_email = users.find_by_email("zoe." + record.user.id.substr(30) + "@example.ORG");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->user.id, record.user.id);
  EXPECT_FALSE(users.find(new_id()));
}

TEST_F(UserRepositoryTest, UsernameAndEmailCollideCaseAndAccentInsensitively) {
  UserRepository users(connection());
  const std::string suffix = new_id().substr(28);
  UserRecord first;
  first.user.id = new_id();
  first.user.username = "Hélène" + suffix;
  first.user.email = "h" + suffix + "@example.org";
  first.user.created_at = first.user.updated_at = now_utc();
  first.password_hash = "h";
  users.insert(first);

  UserRecord same_name = first;
  same_name.user.id = new_id();
  same_name.user.username = "HELENE" + suffix;
  same_name.user.email = std::nullopt;
  EXPECT_DOGCARE_ERROR(users.insert(same_name), ErrorCode::conflict, "username");

  UserRecord same_email = first;
  same_email.user.id = new_id();
  same_email.user.username = "other" + suffix;
  same_email.user.email = "H" + suffix + "@EXAMPLE.org";
  EXPECT_DOGCARE_ERROR(users.insert(same_email), ErrorCode::conflict, "email");
}

TEST_F(UserRepositoryTest, AccountsWithoutEmailDoNotCollide) {
  make_user("noemail");
  make_user("noemail");  // two NULL emails are allowed on every database
  SUCCEED();
}

TEST_F(UserRepositoryTest, UpdatesProfileAndBumpsTokenVersion) {
  UserRepository users(connection());
  auto record = *users.find(make_user());
  record.user.username = "renamed_" + record.user.id.substr(28);
  record.user.email = "new" + record.user.id.substr(28) + "@example.org";
  record.user.onboarded = true;
  record.password_hash = "new-hash";
  record.user.updated_at = now_utc();
  ASSERT_TRUE(users.update(record));
  const auto stored = users.find(record.user.id);
  EXPECT_EQ(stored->user.username, record.user.username);
  EXPECT_EQ(stored->user.email, record.user.email);
  EXPECT_TRUE(stored->user.onboarded);
  EXPECT_EQ(stored->password_hash, "new-hash");

  EXPECT_EQ(users.bump_token_version(record.user.id, now_utc()), 1);
  EXPECT_EQ(users.bump_token_version(record.user.id, now_utc()), 2);
  EXPECT_FALSE(users.bump_token_version(new_id(), now_utc()));

  record.user.email = std::nullopt;  // clearing the email stores NULL
  record.user.token_version = 2;
  ASSERT_TRUE(users.update(record));
  EXPECT_FALSE(users.find(record.user.id)->user.email);
}

TEST_F(UserRepositoryTest, RemovingAUserRemovesEverythingItOwns) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto trigger = make_item(owner, CatalogKind::trigger, "vélo");
  const auto reaction = make_item(owner, CatalogKind::reaction, "aboiement");
  auto o = observation(owner, dog, day(2024, 5, 1));
  o.triggers = {{trigger.id, ""}};
  o.reactions = {{reaction.id, ""}};
  insert(o);
  PasswordResetRepository(connection())
      .insert({new_id(), owner, new_id() + new_id().substr(8), now_utc() + std::chrono::minutes(30),
               std::nullopt, now_utc()});

  ASSERT_TRUE(UserRepository(connection()).remove(owner));
  EXPECT_FALSE(UserRepository(connection()).find(owner));
  EXPECT_FALSE(DogRepository(connection()).find(owner, dog));
  EXPECT_FALSE(CatalogRepository(connection(), CatalogKind::trigger).find(owner, trigger.id));
  EXPECT_FALSE(ObservationRepository(connection()).find(owner, o.id));
  storage::Statement links(connection(),
                           "SELECT COUNT(*) FROM observation_triggers WHERE user_id = ?");
  links.bind(owner).execute();
  ASSERT_TRUE(links.fetch());
  EXPECT_EQ(links.integer(1), 0);
  EXPECT_FALSE(UserRepository(connection()).remove(owner));
}

// ---- dogs ----

using DogRepositoryTest = StorageTest;

TEST_F(DogRepositoryTest, CreateReadUpdateDelete) {
  const auto owner = make_user();
  Dog dog;
  dog.id = new_id();
  dog.owner_id = owner;
  dog.name = "Filou";
  dog.breed = "Border collie";
  dog.birth_date = day(2020, 2, 29);
  dog.notes = "Peur des vélos";
  dog.created_at = dog.updated_at = now_utc();
  DogRepository dogs(connection());
  dogs.insert(dog);

  auto stored = dogs.find(owner, dog.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->name, "Filou");
  EXPECT_EQ(stored->breed, "Border collie");
  EXPECT_EQ(stored->birth_date, day(2020, 2, 29));
  EXPECT_EQ(stored->notes, "Peur des vélos");

  stored->name = "Filou II";
  stored->breed = std::nullopt;
  stored->birth_date = std::nullopt;
  ASSERT_TRUE(dogs.update(*stored));
  stored = dogs.find(owner, dog.id);
  EXPECT_EQ(stored->name, "Filou II");
  EXPECT_FALSE(stored->breed);
  EXPECT_FALSE(stored->birth_date);
  EXPECT_EQ(dogs.count(owner), 1u);

  ASSERT_TRUE(dogs.remove(owner, dog.id));
  EXPECT_FALSE(dogs.find(owner, dog.id));
  EXPECT_FALSE(dogs.remove(owner, dog.id));
}

TEST_F(DogRepositoryTest, ListsInCreationOrderWithKeysetPages) {
  const auto owner = make_user();
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(make_dog(owner, "dog" + std::to_string(i)));
  std::sort(ids.begin(), ids.end());

  DogRepository dogs(connection());
  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  int pages = 0;
  do {
    const auto page = dogs.list(owner, cursor, 2);
    for (const auto& dog : page.items) seen.push_back(dog.id);
    cursor = page.next;
    ++pages;
  } while (cursor);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, ids);
}

TEST_F(DogRepositoryTest, AnotherOwnerSeesNothing) {
  const auto alice = make_user("alice");
  const auto bob = make_user("bob");
  const auto dog_id = make_dog(alice);
  DogRepository dogs(connection());
  EXPECT_FALSE(dogs.find(bob, dog_id));
  EXPECT_TRUE(dogs.list(bob, std::nullopt, 10).items.empty());
  EXPECT_EQ(dogs.count(bob), 0u);
  auto stolen = *dogs.find(alice, dog_id);
  stolen.owner_id = bob;
  stolen.name = "stolen";
  EXPECT_FALSE(dogs.update(stolen));
  EXPECT_FALSE(dogs.remove(bob, dog_id));
  EXPECT_EQ(dogs.find(alice, dog_id)->name, "Rex");
}

TEST_F(DogRepositoryTest, DeletingADogDeletesItsObservations) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto o = observation(owner, dog, day(2024, 1, 2));
  insert(o);
  ASSERT_TRUE(DogRepository(connection()).remove(owner, dog));
  EXPECT_FALSE(ObservationRepository(connection()).find(owner, o.id));
}

// ---- catalog ----

class CatalogRepositoryTest : public StorageTest,
                              public ::testing::WithParamInterface<CatalogKind> {};

TEST_P(CatalogRepositoryTest, NamesAreUniquePerUserIgnoringCaseAndAccents) {
  const auto owner = make_user();
  CatalogRepository items(connection(), GetParam());
  const auto velo = make_item(owner, GetParam(), "Vélo");
  EXPECT_DOGCARE_ERROR(make_item(owner, GetParam(), "velo"), ErrorCode::conflict, "name");
  EXPECT_DOGCARE_ERROR(make_item(owner, GetParam(), "  VÉLO "), ErrorCode::conflict, "name");
  // Another user may have the same name.
  make_item(make_user(), GetParam(), "velo");

  const auto found = items.find_by_name(owner, "VELO");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, velo.id);
  EXPECT_EQ(found->name, "Vélo");
}

TEST_P(CatalogRepositoryTest, RenameOntoAnExistingNameIsAConflict) {
  const auto owner = make_user();
  CatalogRepository items(connection(), GetParam());
  const auto a = make_item(owner, GetParam(), "chien");
  make_item(owner, GetParam(), "chat");
  EXPECT_DOGCARE_ERROR(items.rename(owner, a.id, "Chat"), ErrorCode::conflict, "name");
  ASSERT_TRUE(items.rename(owner, a.id, "Chien noir"));
  EXPECT_EQ(items.find(owner, a.id)->name, "Chien noir");
}

TEST_P(CatalogRepositoryTest, ListsAlphabeticallyWithPagesAndHidesArchived) {
  const auto owner = make_user();
  CatalogRepository items(connection(), GetParam());
  for (const char* name : {"voiture", "Bruit", "enfant", "Âne", "chat"}) {
    make_item(owner, GetParam(), name);
  }
  std::vector<std::string> names;
  std::optional<std::string> cursor;
  do {
    const auto page = items.list(owner, false, cursor, 2);
    for (const auto& item : page.items) names.push_back(item.name);
    cursor = page.next;
  } while (cursor);
  EXPECT_EQ(names, (std::vector<std::string>{"Âne", "Bruit", "chat", "enfant", "voiture"}));

  const auto chat = items.find_by_name(owner, "chat");
  ASSERT_TRUE(items.set_archived(owner, chat->id, true));
  EXPECT_EQ(items.list(owner, false, std::nullopt, 10).items.size(), 4u);
  const auto all = items.list(owner, true, std::nullopt, 10).items;
  ASSERT_EQ(all.size(), 5u);
  EXPECT_TRUE(all[2].archived);
}

TEST_P(CatalogRepositoryTest, KnowsWhetherObservationsUseAnItem) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  CatalogRepository items(connection(), GetParam());
  const auto used = make_item(owner, GetParam(), "utilisé");
  const auto unused = make_item(owner, GetParam(), "libre");
  auto o = observation(owner, dog, day(2024, 3, 3));
  (GetParam() == CatalogKind::trigger ? o.triggers : o.reactions) = {{used.id, ""}};
  insert(o);
  EXPECT_TRUE(items.in_use(owner, used.id));
  EXPECT_FALSE(items.in_use(owner, unused.id));
  ASSERT_TRUE(items.remove(owner, unused.id));
  EXPECT_FALSE(items.find(owner, unused.id));
}

TEST_P(CatalogRepositoryTest, AnotherOwnerSeesNothing) {
  const auto alice = make_user("alice");
  const auto bob = make_user("bob");
  CatalogRepository items(connection(), GetParam());
  const auto item = make_item(alice, GetParam(), "moto");
  EXPECT_FALSE(items.find(bob, item.id));
  EXPECT_FALSE(items.find_by_name(bob, "moto"));
  EXPECT_TRUE(items.list(bob, true, std::nullopt, 10).items.empty());
  EXPECT_FALSE(items.rename(bob, item.id, "hack"));
  EXPECT_FALSE(items.set_archived(bob, item.id, true));
  EXPECT_FALSE(items.remove(bob, item.id));
  EXPECT_EQ(items.find(alice, item.id)->name, "moto");
}

TEST_P(CatalogRepositoryTest, DefaultCatalogIsSeededInOrder) {
  const auto defaults = CatalogRepository(connection(), GetParam()).defaults();
  ASSERT_GE(defaults.size(), 10u);
  for (std::size_t i = 0; i < defaults.size(); ++i) {
    EXPECT_EQ(defaults[i].position, static_cast<int>(i + 1));
    EXPECT_EQ(defaults[i].kind, GetParam());
  }
  if (GetParam() == CatalogKind::trigger) {
    EXPECT_EQ(defaults[0].name, "bruit");
    EXPECT_EQ(defaults[3].name, "vélo");
  } else {
    EXPECT_EQ(defaults[0].name, "aboiement");
    EXPECT_EQ(defaults[4].name, "regard fixe");
  }
}

INSTANTIATE_TEST_SUITE_P(Kinds, CatalogRepositoryTest,
                         ::testing::Values(CatalogKind::trigger, CatalogKind::reaction),
                         [](const auto& info) { return std::string(to_string(info.param)); });

// ---- observations ----

using ObservationRepositoryTest = StorageTest;

TEST_F(ObservationRepositoryTest, RoundTripsEveryFieldWithLinks) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto velo = make_item(owner, CatalogKind::trigger, "vélo");
  const auto chien = make_item(owner, CatalogKind::trigger, "chien");
  const auto aboiement = make_item(owner, CatalogKind::reaction, "aboiement");
  auto o = observation(owner, dog, day(2024, 2, 29), 4);
  o.comment = "Très agité 🐕 près du parc — « ça va mieux »";
  o.triggers = {{velo.id, ""}, {chien.id, ""}, {velo.id, ""}};  // duplicates are ignored
  o.reactions = {{aboiement.id, ""}};
  o.distance_m = 15;
  o.recovery_min = 0;
  o.handler_action = "demi-tour, friandises";
  insert(o);

  const auto stored = ObservationRepository(connection()).find(owner, o.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->dog_id, dog);
  EXPECT_EQ(stored->date, day(2024, 2, 29));
  EXPECT_EQ(stored->severity, 4);
  EXPECT_EQ(stored->comment, o.comment);
  EXPECT_EQ(stored->triggers, (std::vector<ItemRef>{{chien.id, "chien"}, {velo.id, "vélo"}}));
  EXPECT_EQ(stored->reactions, (std::vector<ItemRef>{{aboiement.id, "aboiement"}}));
  EXPECT_EQ(stored->distance_m, 15);
  EXPECT_EQ(stored->recovery_min, 0);
  EXPECT_EQ(stored->handler_action, "demi-tour, friandises");
  EXPECT_EQ(stored->created_at, o.created_at);
}

TEST_F(ObservationRepositoryTest, EmptyAndLargeCommentsRoundTrip) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  auto empty = observation(owner, dog, day(2024, 1, 1));
  insert(empty);
  EXPECT_EQ(ObservationRepository(connection()).find(owner, empty.id)->comment, "");
  EXPECT_FALSE(ObservationRepository(connection()).find(owner, empty.id)->distance_m);

  auto large = observation(owner, dog, day(2024, 1, 2));
  for (int i = 0; i < 20000; ++i) large.comment += "é🐕x";  // 140 KB of UTF-8
  insert(large);
  EXPECT_EQ(ObservationRepository(connection()).find(owner, large.id)->comment, large.comment);
}

TEST_F(ObservationRepositoryTest, ListsNewestFirstWithStableKeysetPages) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto other_dog = make_dog(owner, "Other");
  std::vector<Observation> all;
  for (int i = 0; i < 7; ++i) {
    // Several per day, so the id breaks ties.
    all.push_back(observation(owner, i % 2 ? dog : other_dog, day(2024, 6, 1 + i / 3)));
    insert(all.back());
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::tie(a.date, a.id) > std::tie(b.date, b.id);
  });

  ObservationRepository observations(connection());
  ObservationQuery query;
  query.limit = 3;
  std::vector<std::string> seen;
  do {
    const auto page = observations.list(owner, query);
    for (const auto& o : page.items) seen.push_back(o.id);
    query.after = page.next;
  } while (query.after);
  std::vector<std::string> expected;
  for (const auto& o : all) expected.push_back(o.id);
  EXPECT_EQ(seen, expected);

  ObservationQuery one_dog;
  one_dog.dog_id = dog;
  for (const auto& o : observations.list(owner, one_dog).items) EXPECT_EQ(o.dog_id, dog);
  EXPECT_EQ(observations.list(owner, one_dog).items.size(), 3u);
}

TEST_F(ObservationRepositoryTest, UpdateReplacesFieldsAndLinks) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto a = make_item(owner, CatalogKind::trigger, "a");
  const auto b = make_item(owner, CatalogKind::trigger, "b");
  auto o = observation(owner, dog, day(2024, 4, 4), 2);
  o.triggers = {{a.id, ""}};
  o.comment = "avant";
  insert(o);

  o.severity = 5;
  o.comment = "après";
  o.triggers = {{b.id, ""}};
  o.distance_m = 3;
  o.updated_at = now_utc();
  {
    Transaction transaction(connection());
    ASSERT_TRUE(ObservationRepository(connection()).update(o));
    transaction.commit();
  }
  const auto stored = ObservationRepository(connection()).find(owner, o.id);
  EXPECT_EQ(stored->severity, 5);
  EXPECT_EQ(stored->comment, "après");
  EXPECT_EQ(stored->triggers, (std::vector<ItemRef>{{b.id, "b"}}));
  EXPECT_EQ(stored->distance_m, 3);

  {
    Transaction transaction(connection());
    ASSERT_TRUE(ObservationRepository(connection()).remove(owner, o.id));
    transaction.commit();
  }
  EXPECT_FALSE(ObservationRepository(connection()).find(owner, o.id));
}

TEST_F(ObservationRepositoryTest, SeverityOutsideOneToFiveIsRefusedByTheDatabase) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  EXPECT_DOGCARE_ERROR(insert(observation(owner, dog, day(2024, 1, 1), 6)),
                       ErrorCode::invalid_argument, "severity");
  EXPECT_DOGCARE_ERROR(insert(observation(owner, dog, day(2024, 1, 1), 0)),
                       ErrorCode::invalid_argument, "severity");
  auto negative = observation(owner, dog, day(2024, 1, 1));
  negative.distance_m = -1;
  EXPECT_DOGCARE_ERROR(insert(negative), ErrorCode::invalid_argument, "distance_m");
  EXPECT_TRUE(ObservationRepository(connection()).list(owner, {}).items.empty());
}

TEST_F(ObservationRepositoryTest, CannotLinkAnotherOwnersDogTriggerOrReaction) {
  const auto alice = make_user("alice");
  const auto bob = make_user("bob");
  const auto alice_dog = make_dog(alice);
  const auto bob_dog = make_dog(bob);
  const auto bob_trigger = make_item(bob, CatalogKind::trigger, "secret");
  const auto bob_reaction = make_item(bob, CatalogKind::reaction, "secret");

  EXPECT_DOGCARE_ERROR(insert(observation(alice, bob_dog, day(2024, 1, 1))),
                       ErrorCode::invalid_argument, "*");
  auto with_trigger = observation(alice, alice_dog, day(2024, 1, 1));
  with_trigger.triggers = {{bob_trigger.id, ""}};
  EXPECT_DOGCARE_ERROR(insert(with_trigger), ErrorCode::invalid_argument, "*");
  auto with_reaction = observation(alice, alice_dog, day(2024, 1, 1));
  with_reaction.reactions = {{bob_reaction.id, ""}};
  EXPECT_DOGCARE_ERROR(insert(with_reaction), ErrorCode::invalid_argument, "*");
  // The failed transactions left nothing behind, not even the observation rows.
  EXPECT_FALSE(ObservationRepository(connection()).find(alice, with_trigger.id));
  EXPECT_FALSE(ObservationRepository(connection()).find(alice, with_reaction.id));
  EXPECT_TRUE(ObservationRepository(connection()).list(alice, {}).items.empty());
}

TEST_F(ObservationRepositoryTest, AnotherOwnerSeesNothing) {
  const auto alice = make_user("alice");
  const auto bob = make_user("bob");
  const auto dog = make_dog(alice);
  auto o = observation(alice, dog, day(2024, 1, 1));
  insert(o);
  ObservationRepository observations(connection());
  EXPECT_FALSE(observations.find(bob, o.id));
  EXPECT_TRUE(observations.list(bob, {}).items.empty());
  ObservationQuery by_dog;
  by_dog.dog_id = dog;
  EXPECT_TRUE(observations.list(bob, by_dog).items.empty());
  auto hijack = o;
  hijack.owner_id = bob;
  hijack.severity = 1;
  {
    Transaction transaction(connection());
    EXPECT_FALSE(observations.update(hijack));
  }
  {
    Transaction transaction(connection());
    EXPECT_FALSE(observations.remove(bob, o.id));
  }
  EXPECT_EQ(observations.find(alice, o.id)->severity, 3);
}

TEST_F(ObservationRepositoryTest, MultiStatementWritesRequireATransaction) {
  const auto owner = make_user();
  const auto o = observation(owner, make_dog(owner), day(2024, 1, 1));
  EXPECT_DOGCARE_ERROR(ObservationRepository(connection()).insert(o), ErrorCode::internal, "");
  EXPECT_DOGCARE_ERROR(ObservationRepository(connection()).update(o), ErrorCode::internal, "");
  EXPECT_DOGCARE_ERROR(ObservationRepository(connection()).remove(owner, o.id), ErrorCode::internal,
                       "");
}

TEST_F(ObservationRepositoryTest, RolledBackTransactionLeavesNothing) {
  const auto owner = make_user();
  const auto dog = make_dog(owner);
  const auto o = observation(owner, dog, day(2024, 1, 1));
  {
    Transaction transaction(connection());
    ObservationRepository(connection()).insert(o);
    // destroyed without commit
  }
  EXPECT_FALSE(ObservationRepository(connection()).find(owner, o.id));
}

// ---- password reset tokens ----

using PasswordResetRepositoryTest = StorageTest;

TEST_F(PasswordResetRepositoryTest, TokensAreSingleUseAndExpire) {
  const auto owner = make_user();
  PasswordResetRepository tokens(connection());
  const auto now = now_utc();
  PasswordResetToken live{
      new_id(),     owner, new_id() + new_id().substr(8), now + std::chrono::minutes(30),
      std::nullopt, now};
  PasswordResetToken expired{new_id(),
                             owner,
                             new_id() + new_id().substr(8),
                             now - std::chrono::minutes(1),
                             std::nullopt,
                             now - std::chrono::minutes(31)};
  tokens.insert(live);
  tokens.insert(expired);

  const auto found = tokens.find_by_hash(live.token_hash);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_id, owner);
  EXPECT_EQ(found->expires_at, live.expires_at);
  EXPECT_FALSE(found->used_at);

  EXPECT_TRUE(tokens.consume(live.id, now));
  EXPECT_FALSE(tokens.consume(live.id, now));  // single use
  EXPECT_EQ(tokens.find_by_hash(live.token_hash)->used_at, now);
  EXPECT_FALSE(tokens.consume(expired.id, now));
  EXPECT_GE(tokens.remove_expired(now), 1u);
  EXPECT_FALSE(tokens.find_by_hash(expired.token_hash));
  EXPECT_FALSE(tokens.find_by_hash("unknown"));

  auto duplicate = live;
  duplicate.id = new_id();
  EXPECT_DOGCARE_ERROR(tokens.insert(duplicate), ErrorCode::conflict, "token_hash");
}

}  // namespace
}  // namespace dogcare::testing
