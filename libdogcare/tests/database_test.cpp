// Opening, migrating, pooling and recovering, on the backend chosen by
// DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "core/ids.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"
#include "domain/principal_factory.hpp"
#include "fixture.hpp"
#include "storage/dialect.hpp"
#include "storage/migrations.hpp"
#include "storage/repositories.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono_literals;

int count_rows(storage::Connection& connection, const std::string& sql) {
  storage::Statement query(connection, sql);
  query.execute();
  query.fetch();
  const auto n = static_cast<int>(query.integer_or(1, -1));
  while (query.fetch()) {
  }
  return n;
}

TEST(Migrations, FreshDatabaseGetsTheWholeSchemaOnce) {
  Database database(options_for(fresh_database()));
  EXPECT_EQ(database.schema_version(), Database::latest_schema_version());
  EXPECT_TRUE(database.ready());
  auto connection = storage::pool(database).borrow();
  for (const char* table :
       {"users", "dogs", "triggers", "reactions", "observations", "observation_triggers",
        "observation_reaction_triggers", "observation_reactions", "password_reset_tokens",
        "default_catalog", "schema_migrations", "analytics_days", "analytics_month_triggers",
        "analytics_month_reactions", "analytics_month_pairs", "login_throttle"}) {
    EXPECT_TRUE(storage::table_exists(*connection, table)) << table;
  }
  EXPECT_EQ(count_rows(*connection, "SELECT COUNT(*) FROM schema_migrations"),
            Database::latest_schema_version());
  EXPECT_EQ(count_rows(*connection, "SELECT COUNT(*) FROM default_catalog WHERE kind = 'trigger'"),
            17);  // 14 of the first catalog + 3 of the original (004)
  EXPECT_EQ(count_rows(*connection, "SELECT COUNT(*) FROM default_catalog WHERE kind = 'reaction'"),
            12);  // 10 + 2
}

TEST(Migrations, RunningAgainIsANoOp) {
  Database database(options_for(fresh_database()));
  const auto report = database.migrate();
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(report.schema_version, report.latest_version);
}

TEST(Migrations, AFirstRunReportsWhatItApplied) {
  auto options = options_for(fresh_database());
  options.migrate = false;
  Database database(options);
  EXPECT_EQ(database.schema_version(), 0);
  EXPECT_FALSE(database.ready());
  const auto report = database.migrate();
  ASSERT_EQ(report.applied.size(), static_cast<std::size_t>(report.latest_version));
  EXPECT_EQ(report.applied.front().version, 1);
  EXPECT_EQ(report.applied.front().name, "schema");
  EXPECT_TRUE(database.ready());
}

TEST(Migrations, RefusesADatabaseNewerThanTheLibrary) {
  Database database(options_for(fresh_database()));
  {
    auto connection = storage::pool(database).borrow();
    storage::Statement insert(*connection,
                              "INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                              " VALUES (?, ?, ?, ?)");
    insert.bind_all(std::int64_t{999}, std::string("future"), std::string("0000000000000000"),
                    now_utc());
    insert.execute();
  }
  EXPECT_DOGCARE_ERROR(database.migrate(), ErrorCode::unavailable, "");
  EXPECT_FALSE(database.ready());
}

TEST(Migrations, RefusesAMigrationEditedAfterItRan) {
  Database database(options_for(fresh_database()));
  {
    auto connection = storage::pool(database).borrow();
    connection->execute(
        "UPDATE schema_migrations SET checksum = 'ffffffffffffffff' WHERE version = 1");
  }
  EXPECT_DOGCARE_ERROR(database.migrate(), ErrorCode::internal, "");
}

TEST(Migrations, ConcurrentStartsApplyEachMigrationExactlyOnce) {
  if (backend() == Backend::sqlite_memory) {
    GTEST_SKIP() << "an in-memory database belongs to a single connection";
  }
  const std::string connection = fresh_database();
  constexpr int kProcesses = 4;
  std::atomic<int> ready{0};
  std::vector<std::future<std::size_t>> runs;
  for (int i = 0; i < kProcesses; ++i) {
    runs.push_back(std::async(std::launch::async, [&] {
      auto options = options_for(connection);
      options.migrate = false;
      options.pool_size = 1;
      Database database(options);
      ++ready;
      while (ready < kProcesses) std::this_thread::yield();
      return database.migrate().applied.size();
    }));
  }
  std::size_t applied = 0;
  for (auto& run : runs) applied += run.get();
  EXPECT_EQ(applied, static_cast<std::size_t>(Database::latest_schema_version()));
  Database check(options_for(connection));
  auto c = storage::pool(check).borrow();
  EXPECT_EQ(count_rows(*c, "SELECT COUNT(*) FROM schema_migrations"),
            Database::latest_schema_version());
  EXPECT_EQ(count_rows(*c, "SELECT COUNT(*) FROM default_catalog"), 29);
}

TEST(Migrations, EveryDialectCarriesTheSameVersions) {
  const auto reference = storage::embedded_migrations(Dialect::sqlite);
  for (Dialect dialect : {Dialect::postgresql, Dialect::oracle}) {
    const auto migrations = storage::embedded_migrations(dialect);
    ASSERT_EQ(migrations.size(), reference.size()) << to_string(dialect);
    for (std::size_t i = 0; i < reference.size(); ++i) {
      EXPECT_EQ(migrations[i].version, reference[i].version);
      EXPECT_EQ(migrations[i].name, reference[i].name);
      EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1)) << "versions must be contiguous";
    }
  }
}

TEST(PreparedStatements, AreParsedOncePerConnectionAndText) {
  Database database(options_for(fresh_database()));
  auto connection = storage::pool(database).borrow();
  const auto before = connection->prepare_count();
  for (int i = 0; i < 20; ++i) {
    storage::Statement query(*connection, "SELECT COUNT(*) FROM dogs WHERE user_id = ?");
    query.bind_all(std::string("nobody"));
    EXPECT_EQ(query.scalar(), 0);
  }
  EXPECT_EQ(connection->prepare_count(), before + 1);

  // Two at once with the same text: each has its own handle.
  storage::Statement outer(*connection, "SELECT version FROM schema_migrations ORDER BY version");
  outer.execute();
  ASSERT_TRUE(outer.fetch());
  {
    storage::Statement inner(*connection, "SELECT version FROM schema_migrations ORDER BY version");
    EXPECT_EQ(inner.scalar(), 1);
  }
  EXPECT_EQ(outer.integer_or(1, 0), 1);
}

TEST(PreparedStatements, CanBeTurnedOffForPoolersThatCannotKeepThem) {
  auto options = options_for(fresh_database());
  options.prepared_statements = false;
  Database database(options);
  auto connection = storage::pool(database).borrow();
  for (int i = 0; i < 3; ++i) {
    storage::Statement query(*connection, "SELECT COUNT(*) FROM dogs WHERE user_id = ?");
    query.bind_all(std::string("nobody"));
    EXPECT_EQ(query.scalar(), 0);
  }
  EXPECT_EQ(connection->prepare_count(), 0u);
}

TEST(PreparedStatements, KeepABoundedNumberIdle) {
  Database database(options_for(fresh_database()));
  auto connection = storage::pool(database).borrow();
  const auto run = [&](std::size_t n) {
    storage::Statement query(*connection, "SELECT " + std::to_string(n) + "{DUAL}");
    EXPECT_EQ(query.scalar(), static_cast<std::int64_t>(n));
  };
  run(0);
  for (std::size_t n = 1; n <= storage::Connection::kMaxIdleStatements; ++n) run(n);
  const auto before = connection->prepare_count();
  run(storage::Connection::kMaxIdleStatements);  // recent: still prepared
  EXPECT_EQ(connection->prepare_count(), before);
  run(0);  // the least recently used went when the cache was full
  EXPECT_EQ(connection->prepare_count(), before + 1);
}

TEST(PreparedStatements, ServeTheDomainsHotPathsWithoutParsingAgain) {
  auto options = options_for(fresh_database());
  options.pool_size = 1;
  Database database(options);
  auto& pool = storage::pool(database);
  std::string user_id;
  {
    auto connection = pool.borrow();
    storage::UserRecord record;
    record.user.id = new_id();
    record.user.username = "prepared";
    record.user.created_at = record.user.updated_at = now_utc();
    record.password_hash = "x";
    storage::UserRepository(*connection).insert(record);
    user_id = record.user.id;
  }
  const Principal me = domain::principal_for(user_id);
  Dogs dogs(database);
  Observations observations(database);
  dogs.create(me, {"Rex", {}, {}, {}});
  ObservationInput in;
  in.date = today_utc();
  in.severity = 3;
  in.triggers = {"vélo"};
  const auto warm = [&] {
    observations.create(me, in);
    (void)observations.search(me, SearchQuery{});
  };
  warm();
  const auto before = pool.borrow()->prepare_count();
  for (int i = 0; i < 5; ++i) warm();
  EXPECT_EQ(pool.borrow()->prepare_count(), before);
}

TEST(Pool, ExhaustionWaitsThenTimesOutAsUnavailable) {
  if (backend() == Backend::sqlite_memory) GTEST_SKIP() << "a pool of one connection";
  auto options = options_for(fresh_database());
  options.pool_size = 2;
  options.borrow_timeout = 200ms;
  Database database(options);
  auto& pool = storage::pool(database);
  auto first = pool.borrow();
  auto second = pool.borrow();
  EXPECT_EQ(database.pool_stats().in_use, 2u);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_DOGCARE_ERROR(pool.borrow(), ErrorCode::unavailable, "");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 200ms);

  // A waiter gets the connection as soon as one comes back.
  auto waiter = std::async(std::launch::async, [&] {
    auto c = pool.borrow();
    return c->ping();
  });
  while (database.pool_stats().waiting == 0) std::this_thread::sleep_for(1ms);
  { auto released = std::move(first); }
  EXPECT_TRUE(waiter.get());
  EXPECT_EQ(database.pool_stats().capacity, 2u);
  EXPECT_LE(database.pool_stats().in_use + database.pool_stats().idle, 2u);
}

TEST(Pool, ManyThreadsShareABoundedPool) {
  if (backend() == Backend::sqlite_memory) GTEST_SKIP() << "a pool of one connection";
  auto options = options_for(fresh_database());
  options.pool_size = 3;
  Database database(options);
  std::atomic<int> peak{0}, pings{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto c = storage::pool(database).borrow();
        peak = std::max(peak.load(), static_cast<int>(database.pool_stats().in_use));
        if (c->ping()) ++pings;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(pings, 200);
  EXPECT_LE(peak, 3);
  EXPECT_EQ(database.pool_stats().in_use, 0u);
}

TEST(Pool, CloseRefusesNewBorrowsAndWaitsForBorrowedOnes) {
  if (backend() == Backend::sqlite_memory) GTEST_SKIP() << "a pool of one connection";
  Database database(options_for(fresh_database()));
  auto borrowed = std::make_unique<storage::PooledConnection>(storage::pool(database).borrow());
  auto closing = std::async(std::launch::async, [&] { database.close(); });
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(closing.wait_for(0ms), std::future_status::timeout);  // still waiting
  borrowed.reset();
  closing.get();
  EXPECT_DOGCARE_ERROR(storage::pool(database).borrow(), ErrorCode::unavailable, "");
  EXPECT_EQ(database.pool_stats().in_use + database.pool_stats().idle, 0u);
}

TEST(Pool, ReconnectsAfterTheServerRestarts) {
  if (backend() != Backend::postgresql) GTEST_SKIP() << "only a server can restart";
  auto options = options_for(fresh_database());
  options.pool_size = 2;
  options.validate_after = 0ms;
  Database database(options);
  ASSERT_TRUE(database.ready());
  restart_postgresql();  // kills every open connection
  EXPECT_TRUE(database.ready());
  EXPECT_EQ(database.schema_version(), Database::latest_schema_version());
}

TEST(Pool, AConnectionLostMidUseIsReportedAndDiscarded) {
  if (backend() != Backend::postgresql) GTEST_SKIP() << "only a server can restart";
  auto options = options_for(fresh_database());
  options.pool_size = 1;
  Database database(options);
  {
    auto connection = storage::pool(database).borrow();
    restart_postgresql();
    EXPECT_DOGCARE_ERROR(connection->execute("SELECT 1"), ErrorCode::unavailable, "");
    EXPECT_TRUE(connection->broken());
  }
  EXPECT_EQ(database.pool_stats().idle, 0u);  // discarded, not returned
  EXPECT_TRUE(database.ready());              // a fresh connection
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::trunc) << content << "\n";
  // A distinct modification time even on coarse-grained file systems.
  std::filesystem::last_write_time(
      path, std::filesystem::last_write_time(path) + std::chrono::seconds{2});
}

// As Vault Agent rotates short-lived credentials: the pool follows the file.
TEST(Pool, FollowsAConnectionFileAsItChanges) {
  const auto dir = std::filesystem::path(::testing::TempDir());
  const auto file = dir / ("connection-" + std::to_string(::getpid()) + ".txt");
  // Two distinct databases: in-memory SQLite has only one, so files stand in.
  const auto distinct = [&](const char* name) {
    return backend() == Backend::sqlite_memory
               ? (dir / (name + std::to_string(::getpid()) + ".db")).string()
               : fresh_database();
  };
  const std::string first = distinct("first-"), second = distinct("second-");
  write_file(file, first);
  DatabaseOptions options;
  options.connection_file = file.string();
  options.pool_size = 2;
  Database database(options);  // migrates the first database
  {
    auto connection = storage::pool(database).borrow();
    EXPECT_TRUE(storage::table_exists(*connection, "users"));
  }
  EXPECT_EQ(database.pool_stats().idle, 1u);

  write_file(file, second);             // never migrated
  std::this_thread::sleep_for(1100ms);  // the file is looked at once a second at most
  {
    auto connection = storage::pool(database).borrow();
    EXPECT_FALSE(storage::table_exists(*connection, "users"));
  }
  EXPECT_EQ(database.pool_stats().idle, 1u);  // the old connection was closed, not kept

  // A file gone mid-rotation keeps the last good string.
  std::filesystem::remove(file);
  std::this_thread::sleep_for(1100ms);
  EXPECT_FALSE(storage::table_exists(*storage::pool(database).borrow(), "users"));
  database.close();

  // At start, a missing file is an error that names the file, not a secret.
  EXPECT_DOGCARE_ERROR(Database{options}, ErrorCode::unavailable, "");
  write_file(file, "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Uid=u;Pwd=s3cr3t-pw;");
  options.login_timeout = 2s;
  try {
    Database unreachable(options);
    FAIL() << "connected to nothing";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unavailable);
    EXPECT_EQ(std::string(error.what()).find("s3cr3t"), std::string::npos);
  }
  std::filesystem::remove(file);
}

TEST(Errors, AnUnreachableServerNeverLeaksTheConnectionString) {
  DatabaseOptions options;
  options.connection =
      "Driver={PostgreSQL Unicode};Server=127.0.0.1;Port=1;Database=x;Uid=u;Pwd=s3cr3t-pw;";
  options.login_timeout = 2s;
  try {
    Database database(options);
    FAIL() << "connected to nothing";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unavailable);
    EXPECT_EQ(std::string(error.what()).find("s3cr3t"), std::string::npos);
    EXPECT_EQ(std::string(error.what()).find("127.0.0.1"), std::string::npos);
  }
}

TEST(Errors, ASqlitePathCannotSmuggleConnectionAttributes) {
  DatabaseOptions options;
  options.connection = "var/x.db;{Driver}";
  EXPECT_DOGCARE_ERROR(Database{options}, ErrorCode::invalid_argument, "connection");
}

TEST(Errors, SyntaxErrorsAreInternalWithoutDriverText) {
  auto connection = storage::pool(shared_database()).borrow();
  try {
    connection->execute("SELEC nonsense");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_EQ(std::string(error.what()).find("SELEC"), std::string::npos);
  }
  EXPECT_FALSE(connection->broken());
}

}  // namespace
}  // namespace dogcare::testing
