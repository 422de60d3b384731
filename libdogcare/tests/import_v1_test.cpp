// The import of the original Reactive Dog Tracker's database
// (fixtures/v1, made by the original application itself), on every backend.
#include "dogcare/import_v1.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "backend.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "domain/principal_factory.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare::testing {
namespace {

namespace fs = std::filesystem;

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A writable copy of the fixture in a fresh directory.
fs::path fixture_copy() {
  const fs::path dir = fs::temp_directory_path() / ("dogcare-v1-" + new_id());
  fs::create_directories(dir);
  const fs::path copy = dir / "reactive-dog-tracker.sqlite3";
  fs::copy_file(DOGCARE_V1_FIXTURE, copy);
  fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write);
  return copy;
}

AccountsOptions fast_accounts() {
  AccountsOptions options;
  options.tokens.keys = {{"k1", std::string(32, 'a')}};
  options.tokens.current_kid = "k1";
  options.hashing = {1024, 1, 1};
  return options;
}

const ImportV1User& user_of(const ImportV1Report& report, const std::string& v1_username) {
  const auto found =
      std::find_if(report.users.begin(), report.users.end(),
                   [&](const ImportV1User& user) { return user.v1_username == v1_username; });
  if (found == report.users.end()) throw std::runtime_error("no report for " + v1_username);
  return *found;
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

class ImportV1Test : public ::testing::Test {
 protected:
  ImportV1Test() : database_(options_for(fresh_database())), source_(fixture_copy()) {}
  ~ImportV1Test() override { fs::remove_all(source_.parent_path()); }

  ImportV1Report run(std::optional<std::string> user = std::nullopt,
                     std::optional<std::string> into = std::nullopt, bool dry_run = false) {
    ImportV1Options options;
    options.source = source_.string();
    options.user = std::move(user);
    options.into = std::move(into);
    options.dry_run = dry_run;
    options.reset_link = "https://dogcare.test/?reset_token=";
    return import_v1(database_, options);
  }

  std::int64_t count(const std::string& sql, std::optional<std::string> value = std::nullopt) {
    auto connection = storage::pool(database_).borrow();
    storage::Statement query(*connection, sql);
    if (value) query.bind(*value);
    return query.scalar();
  }

  std::string user_id(const std::string& username) {
    auto connection = storage::pool(database_).borrow();
    auto user = storage::UserRepository(*connection).find_by_username(username);
    return user ? user->user.id : std::string{};
  }

  // The user's observations on `date` (newest first).
  std::vector<Observation> on(const std::string& username, const std::string& date) {
    const SystemClock clock;
    Observations observations(database_, clock);
    SearchQuery query;
    query.from = query.to = parse_date(date);
    return observations.search(domain::principal_for(user_id(username)), query).items;
  }

  static std::vector<std::string> names(const std::vector<ItemRef>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(fold_key(item.name));
    std::sort(out.begin(), out.end());
    return out;
  }

  Database database_;
  fs::path source_;
};

TEST_F(ImportV1Test, EveryUserComesOverWithTheCountsOfTheOriginal) {
  const std::string before = file_bytes(source_);
  const auto report = run();
  ASSERT_EQ(report.users.size(), 4u);
  // Counted in the fixture: SELECT user_id, COUNT(*) FROM daily_entries GROUP BY user_id.
  const auto& celia = user_of(report, "celia");
  EXPECT_EQ(celia.outcome, ImportV1Outcome::imported);
  EXPECT_TRUE(celia.account_created);
  EXPECT_EQ(celia.username, "celia");
  EXPECT_EQ(celia.observations, 400);
  // Distinct (entry, folded trigger) pairs: 398 link rows, one repeated.
  EXPECT_EQ(celia.trigger_links, 397);
  EXPECT_EQ(celia.reaction_links, 418);
  EXPECT_EQ(celia.duplicate_links, 11);
  // Her own 6 (Tondeuse among them) and the defaults her entries used, by folded name.
  EXPECT_EQ(celia.triggers_created, 12);
  EXPECT_EQ(celia.reactions_created, 6);
  EXPECT_TRUE(mentions(celia.merged, "velo + vélo")) << ::testing::PrintToString(celia.merged);
  EXPECT_EQ(user_of(report, "marc.dupont").observations, 120);
  EXPECT_EQ(user_of(report, "marc.dupont").username, "marc.dupont");
  const auto& zoe = user_of(report, "Zoé_B");
  EXPECT_EQ(zoe.observations, 35);
  EXPECT_EQ(zoe.username, "Zoe_B");  // 'é' is refused by the new rules
  EXPECT_TRUE(mentions(zoe.notes, "mapped to « Zoe_B »"));
  const auto& empty = user_of(report, "empty_user");
  EXPECT_EQ(empty.outcome, ImportV1Outcome::skipped);
  EXPECT_TRUE(user_id("empty_user").empty());

  const std::string celia_id = user_id("celia");
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations WHERE user_id = ?", celia_id), 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations WHERE user_id = ?", user_id("Zoe_B")), 35);
  EXPECT_EQ(count("SELECT COUNT(*) FROM dogs WHERE user_id = ? AND name = 'Mon chien'", celia_id),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM triggers WHERE user_id = ?", celia_id), 12);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM triggers WHERE user_id = ? AND name_key = 'velo'", celia_id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observation_triggers WHERE user_id = ?", celia_id), 397);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v1_imports"), 3);
  EXPECT_EQ(file_bytes(source_), before);  // read, never written
}

TEST_F(ImportV1Test, EntriesKeepTheirDateSeverityCommentAndItems) {
  run();
  // V1 entry 4 (celia): multi-line comment, triggers bruit + vélo.
  auto day = on("celia", "2025-01-12");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].severity, 1);
  EXPECT_EQ(day[0].comment, "a tiré sur la laisse\npuis s'est calmé");
  EXPECT_EQ(names(day[0].triggers), (std::vector<std::string>{"bruit", "velo"}));
  EXPECT_EQ(names(day[0].reactions), (std::vector<std::string>{"grognement", "regard fixe"}));
  // V1 entry 1 (celia): the default "velo" is her "vélo" now.
  day = on("celia", "2025-05-11");
  const auto first = std::find_if(day.begin(), day.end(), [](const Observation& o) {
    return o.comment == "Réaction très forte au vélo";
  });
  ASSERT_NE(first, day.end());
  EXPECT_EQ(first->triggers.size(), 1u);
  EXPECT_EQ(first->triggers[0].name, "vélo");
  // created_at was 16:26:59.651 Paris time (winter: UTC+1).
  EXPECT_EQ(format_timestamp(first->created_at), "2026-12-02T15:26:59.651Z");
  // V1 entry 529 (Zoé_B): "«ça va mieux»", vélo linked twice in V1, once here.
  day = on("Zoe_B", "2025-10-17");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].comment, "«ça va mieux»");
  EXPECT_EQ(day[0].severity, 4);
  ASSERT_EQ(day[0].triggers.size(), 1u);
  EXPECT_EQ(day[0].triggers[0].name, "vélo");
  // V1 entry 526 (Zoé_B): empty comment, reactions only.
  day = on("Zoe_B", "2025-04-18");
  ASSERT_EQ(day.size(), 1u);
  EXPECT_EQ(day[0].comment, "");
  EXPECT_TRUE(day[0].triggers.empty());
  EXPECT_EQ(names(day[0].reactions), (std::vector<std::string>{"fuite", "regard fixe"}));
}

TEST_F(ImportV1Test, TheAccountCannotLogInUntilItsPasswordIsSetByTheResetLink) {
  const auto report = run("marc.dupont");
  const auto& marc = user_of(report, "marc.dupont");
  ASSERT_TRUE(marc.reset_link);
  const std::string prefix = "https://dogcare.test/?reset_token=";
  ASSERT_EQ(marc.reset_link->rfind(prefix, 0), 0u);
  Accounts accounts(database_, fast_accounts());
  for (const char* guess : {"", "!v1-import: no password yet", "marc.dupont"}) {
    try {
      accounts.login("marc.dupont", guess);
      ADD_FAILURE() << "logged in without a password";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::unauthenticated);
    }
  }
  accounts.confirm_password_reset(marc.reset_link->substr(prefix.size()), "a new password");
  const auto token = accounts.login("marc.dupont", "a new password");
  EXPECT_FALSE(token.token.empty());
  // The link is single use, and a later run no longer offers one.
  EXPECT_THROW(
      accounts.confirm_password_reset(marc.reset_link->substr(prefix.size()), "another one"),
      Error);
  const auto again = run("marc.dupont");
  EXPECT_EQ(again.users[0].outcome, ImportV1Outcome::already_imported);
  EXPECT_FALSE(again.users[0].reset_link);
}

TEST_F(ImportV1Test, ADryRunReportsTheSameAndWritesNothing) {
  const auto dry = run(std::nullopt, std::nullopt, true);
  EXPECT_TRUE(dry.dry_run);
  EXPECT_EQ(user_of(dry, "celia").observations, 400);
  EXPECT_EQ(user_of(dry, "Zoé_B").username, "Zoe_B");
  EXPECT_FALSE(user_of(dry, "celia").reset_link);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM triggers"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v1_imports"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM password_reset_tokens"), 0);
  const auto real = run();
  EXPECT_EQ(user_of(real, "celia").observations, 400);
}

TEST_F(ImportV1Test, RunningItTwiceImportsNothingTwice) {
  run();
  const auto second = run();
  for (const auto& user : second.users) {
    EXPECT_NE(user.outcome, ImportV1Outcome::imported) << user.v1_username;
    EXPECT_EQ(user.observations, 0);
  }
  EXPECT_EQ(user_of(second, "celia").outcome, ImportV1Outcome::already_imported);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 555);
  EXPECT_EQ(count("SELECT COUNT(*) FROM dogs"), 3);
}

TEST_F(ImportV1Test, OneUserIntoAnExistingAccountMergesItsCatalog) {
  Accounts accounts(database_, fast_accounts());
  const auto owner = accounts.register_user({"owner_zoe", "a password!", {}, {}, {}, {}});
  {
    auto connection = storage::pool(database_).borrow();
    storage::CatalogRepository(*connection, CatalogKind::trigger)
        .insert(owner.id, {new_id(), "Vélo", false});
  }
  const auto report = run("Zoé_B", "owner_zoe");
  ASSERT_EQ(report.users.size(), 1u);
  const auto& zoe = report.users[0];
  EXPECT_EQ(zoe.outcome, ImportV1Outcome::imported);
  EXPECT_FALSE(zoe.account_created);
  EXPECT_FALSE(zoe.reset_link);
  EXPECT_EQ(zoe.username, "owner_zoe");
  EXPECT_EQ(zoe.observations, 35);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM dogs WHERE user_id = ?", owner.id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations WHERE user_id = ?", owner.id), 35);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM triggers WHERE user_id = ? AND name_key = 'velo'", owner.id), 1);
  EXPECT_TRUE(mentions(zoe.merged, "into the account's « Vélo »"));
  // The account's password is untouched.
  EXPECT_NO_THROW(accounts.login("owner_zoe", "a password!"));
  EXPECT_EQ(run("Zoé_B", "owner_zoe").users[0].outcome, ImportV1Outcome::already_imported);
}

TEST_F(ImportV1Test, BadOptionsNameTheOption) {
  const auto field_of = [&](auto call) {
    try {
      call();
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
      return error.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field_of([&] { run(std::nullopt, "someone"); }), "into");
  EXPECT_EQ(field_of([&] { run("celia", "nobody_here"); }), "into");
  EXPECT_EQ(field_of([&] { run("nobody"); }), "user");
  source_ = source_.parent_path() / "missing.sqlite3";
  EXPECT_EQ(field_of([&] { run(); }), "from");
  EXPECT_FALSE(fs::exists(source_));  // never created
  EXPECT_EQ(count("SELECT COUNT(*) FROM users"), 0);
}

TEST_F(ImportV1Test, ASeverityOutsideOneToFiveIsTakenAsTheNearestAndSaid) {
  {
    storage::Connection v1("Driver=SQLite3;Database=" + source_.string() + ";",
                           std::chrono::seconds{5});
    v1.execute("UPDATE daily_entries SET severity = 9 WHERE id = 522");
    v1.execute("UPDATE daily_entries SET severity = 0 WHERE id = 527");
  }
  const auto report = run("Zoé_B");
  const auto& zoe = report.users[0];
  EXPECT_EQ(zoe.observations, 35);
  EXPECT_TRUE(mentions(zoe.notes, "entry #522 (2025-01-18): severity 9 is outside 1-5: taken as 5"))
      << ::testing::PrintToString(zoe.notes);
  EXPECT_TRUE(
      mentions(zoe.notes, "entry #527 (2025-01-08): severity 0 is outside 1-5: taken as 1"));
  EXPECT_EQ(on("Zoe_B", "2025-01-18").at(0).severity, 5);
  EXPECT_EQ(on("Zoe_B", "2025-01-08").at(0).severity, 1);
}

TEST_F(ImportV1Test, AFailingUserIsRolledBackAloneAndTheReportSaysSo) {
  {
    // More own triggers than an account may hold: Zoé_B's import must fail.
    storage::Connection v1("Driver=SQLite3;Database=" + source_.string() + ";",
                           std::chrono::seconds{5});
    for (int i = 1; i <= 501; ++i) {
      storage::Statement(v1, "INSERT INTO triggers (name, user_id) VALUES (?, 3)")
          .bind("mot " + std::to_string(i))
          .execute();
    }
  }
  const auto report = run();
  const auto& zoe = user_of(report, "Zoé_B");
  EXPECT_EQ(zoe.outcome, ImportV1Outcome::failed);
  EXPECT_NE(zoe.reason.find("nothing of this user was written"), std::string::npos) << zoe.reason;
  EXPECT_TRUE(user_id("Zoe_B").empty());
  EXPECT_EQ(user_of(report, "celia").outcome, ImportV1Outcome::imported);
  EXPECT_EQ(user_of(report, "marc.dupont").outcome, ImportV1Outcome::imported);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 520);
  EXPECT_EQ(count("SELECT COUNT(*) FROM v1_imports"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM dogs"), 2);
}

}  // namespace
}  // namespace dogcare::testing
