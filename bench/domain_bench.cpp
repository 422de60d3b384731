// Search, calendar, analytics and login over 1,000 / 100,000 / 1,000,000
// observations of one user, on SQLite and (with DOGCARE_BENCH_PG_DSN) on
// PostgreSQL; and the same queries for a small user beside a huge one, to
// show the cost follows the user's own data only; and a professional's client
// board over 200 shared dogs of 1,000 observations each. Run by bench/run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/text.hpp"
#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/client_board.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/observations.hpp"
#include "domain/principal_factory.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace {

using namespace dogcare;

constexpr int kTriggers = 10;
constexpr int kReactions = 6;
const char* const kComments[] = {"Vélo rapide sur la piste", "Chien en laisse, grognement",
                                 "Joggeur surpris au coin", "", "Calme, bonne balade"};

std::string fixed_id(int group, int kind, long n) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%08d-0000-7000-%04x-%012ld", group, 0x8000 + kind, n);
  return buffer;
}

struct Fixture {
  std::unique_ptr<Database> database;
  // The same data through connections that send every statement as text.
  std::unique_ptr<Database> unprepared;
  // The same data read cell by cell (SQLGetData) instead of bound blocks.
  std::unique_ptr<Database> per_cell;
  const Principal small = domain::principal_for(fixed_id(1, 0xa, 0));  // 1,000 observations
  const Principal large = domain::principal_for(fixed_id(2, 0xa, 0));  // `size` observations
};

// Bulk-generates `count` observations for user `group` inside the database.
void generate(storage::Connection& c, int group, long count, bool analyze = true) {
  storage::Transaction transaction(c);
  storage::UserRecord user;
  user.user.id = fixed_id(group, 0xa, 0);
  user.user.username = "bench" + std::to_string(group);
  user.user.created_at = user.user.updated_at = now_utc();
  user.password_hash = "x";
  storage::UserRepository(c).insert(user);
  Dog dog;
  dog.id = fixed_id(group, 0xd, 0);
  dog.owner_id = user.user.id;
  dog.name = "Rex";
  storage::DogRepository(c).insert(dog);
  for (int i = 0; i < kTriggers; ++i) {
    storage::CatalogRepository(c, CatalogKind::trigger)
        .insert(user.user.id, {fixed_id(group, 0x1, i), "trigger " + std::to_string(i), false});
  }
  for (int i = 0; i < kReactions; ++i) {
    storage::CatalogRepository(c, CatalogKind::reaction)
        .insert(user.user.id, {fixed_id(group, 0x2, i), "reaction " + std::to_string(i), false});
  }
  std::string comment_case = "CASE MOD(n, 5)", key_case = "CASE MOD(n, 5)";
  for (int i = 0; i < 5; ++i) {
    comment_case += " WHEN " + std::to_string(i) + " THEN '" + kComments[i] + "'";
    key_case += " WHEN " + std::to_string(i) + " THEN '" + fold_key(kComments[i]) + "'";
  }
  comment_case += " END";
  key_case += " END";
  const std::string g = std::to_string(group);
  const bool sqlite = c.dialect() == Dialect::sqlite;
  // Ids, dates and links follow n: 1,800 days, severities drifting down.
  const std::string id =
      sqlite
          ? "printf('%08d-0000-7000-%04x-%012d', " + g + ", %K%, n)"
          : "lpad('" + g + "', 8, '0') || '-0000-7000-' || '%KH%' || '-' || lpad(n::text, 12, '0')";
  const auto with_kind = [&](std::string text, int kind, const std::string& number) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%04x", 0x8000 + kind);
    for (auto at = text.find("%K%"); at != std::string::npos; at = text.find("%K%")) {
      text.replace(at, 3, std::to_string(0x8000 + kind));
    }
    for (auto at = text.find("%KH%"); at != std::string::npos; at = text.find("%KH%")) {
      text.replace(at, 4, hex);
    }
    for (auto at = text.find(", n)"); at != std::string::npos; at = text.find(", n)", at + 1)) {
      text.replace(at, 4, ", " + number + ")");
    }
    for (auto at = text.find("(n::text"); at != std::string::npos;
         at = text.find("(n::text", at + 1)) {
      text.replace(at, 8, "((" + number + ")::text");
    }
    return text;
  };
  const std::string seq =
      sqlite ? "WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < " +
                   std::to_string(count) + ") "
             : "";
  const std::string from =
      sqlite ? " FROM seq" : " FROM generate_series(0, " + std::to_string(count - 1) + ") AS s(n)";
  const std::string date =
      sqlite ? "date('2020-01-01', '+' || (n * 1800 / " + std::to_string(count) + ") || ' days')"
             : "DATE '2020-01-01' + (n * 1800 / " + std::to_string(count) + ")::int";
  const std::string severity = "1 + MOD(n + (n * 4 / " + std::to_string(count) + "), 5)";
  const std::string now = sqlite ? "datetime('now')" : "now()";
  const std::string link_tail =
      ", '" + user.user.id + "', '" + dog.id + "', " + date + ", " + severity;
  c.execute(seq +
            "INSERT INTO observations (id, user_id, dog_id, observed_on, severity, comment_text,"
            " comment_key, distance_m, recovery_min, handler_action, created_at, updated_at)"
            " SELECT " +
            with_kind(id, 0xb, "n") + ", '" + user.user.id + "', '" + dog.id + "', " + date + ", " +
            severity + ", " + comment_case + ", " + key_case + ", MOD(n, 50), NULL, NULL, " + now +
            ", " + now + from);
  c.execute(
      seq +
      "INSERT INTO observation_triggers (observation_id, trigger_id, user_id, dog_id, observed_on,"
      " severity) SELECT " +
      with_kind(id, 0xb, "n") + ", " + with_kind(id, 0x1, "MOD(n, 10)") + link_tail + from);
  c.execute(
      seq +
      "INSERT INTO observation_triggers (observation_id, trigger_id, user_id, dog_id, observed_on,"
      " severity) SELECT " +
      with_kind(id, 0xb, "n") + ", " + with_kind(id, 0x1, "MOD(n * 3 + 1, 10)") + link_tail + from +
      " WHERE MOD(n, 3) = 0");
  c.execute(seq +
            "INSERT INTO observation_reactions (observation_id, reaction_id, user_id, dog_id, "
            "observed_on,"
            " severity) SELECT " +
            with_kind(id, 0xb, "n") + ", " + with_kind(id, 0x2, "MOD(n, 6)") + link_tail + from);
  const std::string pair_tail = ", '" + user.user.id + "', '" + dog.id + "', " + date;
  for (const auto& [trigger, where] : {std::pair<std::string, std::string>{"MOD(n, 10)", ""},
                                       {"MOD(n * 3 + 1, 10)", " WHERE MOD(n, 3) = 0"}}) {
    c.execute(seq +
              "INSERT INTO observation_reaction_triggers (observation_id, reaction_id, trigger_id,"
              " user_id, dog_id, observed_on) SELECT " +
              with_kind(id, 0xb, "n") + ", " + with_kind(id, 0x2, "MOD(n, 6)") + ", " +
              with_kind(id, 0x1, trigger) + pair_tail + from + where);
  }
  // The analytics summaries the library keeps on every write, built at once.
  const std::string month = sqlite ? "date(observed_on, 'start of month')"
                                   : "CAST(date_trunc('month', observed_on) AS DATE)";
  const std::string mine = " WHERE user_id = '" + user.user.id + "' GROUP BY user_id, dog_id, ";
  c.execute(
      "INSERT INTO analytics_days (user_id, dog_id, on_day, severity, n)"
      " SELECT user_id, dog_id, observed_on, severity, COUNT(*) FROM observations" +
      mine + "observed_on, severity");
  c.execute(
      "INSERT INTO analytics_month_triggers (user_id, dog_id, in_month, trigger_id, severity, n)"
      " SELECT user_id, dog_id, " +
      month +
      ", trigger_id, severity, COUNT(*)"
      " FROM observation_triggers" +
      mine + month + ", trigger_id, severity");
  c.execute(
      "INSERT INTO analytics_month_reactions (user_id, dog_id, in_month, reaction_id, n)"
      " SELECT user_id, dog_id, " +
      month +
      ", reaction_id, COUNT(*)"
      " FROM observation_reactions" +
      mine + month + ", reaction_id");
  c.execute(
      "INSERT INTO analytics_month_pairs (user_id, dog_id, in_month, reaction_id, trigger_id, n)"
      " SELECT user_id, dog_id, " +
      month +
      ", reaction_id, trigger_id, COUNT(*)"
      " FROM observation_reaction_triggers" +
      mine + month + ", reaction_id, trigger_id");
  transaction.commit();
  if (analyze) c.execute("ANALYZE");
}

// Options for a fresh database `name` on the backend.
DatabaseOptions fresh_database(const std::string& backend, const std::string& name) {
  DatabaseOptions options;
  if (backend == "sqlite") {
    const auto path = std::filesystem::temp_directory_path() / ("dogcare-bench-" + name + ".db");
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    options.connection = path.string();
  } else {
    const std::string admin = std::getenv("DOGCARE_BENCH_PG_DSN");
    storage::Connection c(admin, std::chrono::seconds{5});
    const std::string database = "dogcare_bench_" + name;
    c.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    c.execute("CREATE DATABASE " + database);
    std::string dsn = admin;
    dsn.replace(dsn.find("Database=postgres"), 17, "Database=" + database);
    options.connection = dsn;
  }
  return options;
}

Fixture& fixture(const std::string& backend, long size) {
  static std::map<std::pair<std::string, long>, Fixture> cache;
  auto& f = cache[{backend, size}];
  if (f.database) return f;
  DatabaseOptions options = fresh_database(backend, std::to_string(size));
  f.database = std::make_unique<Database>(options);
  auto c = storage::pool(*f.database).borrow();
  generate(*c, 1, 1000);
  generate(*c, 2, size);
  options.migrate = false;
  options.prepared_statements = false;
  f.unprepared = std::make_unique<Database>(options);
  options.prepared_statements = true;
  options.block_fetch = false;
  f.per_cell = std::make_unique<Database>(options);
  return f;
}

constexpr int kBoardClients = 200;
constexpr long kBoardObservations = 1000;

struct BoardFixture {
  std::unique_ptr<Database> database;
  const Principal professional = domain::principal_for(fixed_id(99, 0xa, 0));
};

// 200 owners of one dog with 1,000 observations each (5 years of entries, the
// last a week before the board's today), every dog shared with one professional, two of the
// owner's comments on every tenth dog.
BoardFixture& board_fixture(const std::string& backend) {
  static std::map<std::string, BoardFixture> cache;
  auto& f = cache[backend];
  if (f.database) return f;
  f.database = std::make_unique<Database>(fresh_database(backend, "board"));
  auto c = storage::pool(*f.database).borrow();
  {
    storage::Transaction transaction(*c);
    storage::UserRecord pro;
    pro.user.id = f.professional.user_id;
    pro.user.username = "bench_professional";
    pro.user.created_at = pro.user.updated_at = now_utc();
    pro.password_hash = "x";
    storage::UserRepository(*c).insert(pro);
    transaction.commit();
  }
  for (int client = 0; client < kBoardClients; ++client) {
    const int group = 100 + client;
    generate(*c, group, kBoardObservations, false);
    storage::Transaction transaction(*c);
    storage::Grant grant{fixed_id(group, 0x5, 0), fixed_id(group, 0xd, 0),  fixed_id(group, 0xa, 0),
                         f.professional.user_id,  ShareScope::read_comment, now_utc()};
    storage::ShareRepository(*c).insert(grant);
    if (client % 10 == 0) {
      for (int k = 0; k < 2; ++k) {
        storage::CommentRecord comment;
        comment.id = fixed_id(group, 0xc, k);
        comment.dog_id = grant.dog_id;
        comment.owner_id = grant.owner_id;
        comment.professional_id = grant.professional_id;
        comment.author_id = grant.owner_id;
        comment.author_role = AuthorRole::owner;
        comment.body = "Bonjour";
        comment.created_at = comment.updated_at = now_utc();
        storage::CommentRepository(*c).insert(comment);
      }
    }
    transaction.commit();
  }
  c->execute("ANALYZE");
  return f;
}

const ManualClock& clock_at_end() {
  static ManualClock clock(std::chrono::sys_days{std::chrono::year{2024} / 12 / 1});
  return clock;
}

enum class Path { bound, unprepared, per_cell };

Database& database_for(Fixture& f, Path path) {
  switch (path) {
    case Path::unprepared:
      return *f.unprepared;
    case Path::per_cell:
      return *f.per_cell;
    case Path::bound:
      break;
  }
  return *f.database;
}

void search_page(benchmark::State& state, const std::string& backend, bool small_user,
                 std::optional<std::string> text, Path path = Path::bound) {
  auto& f = fixture(backend, state.range(0));
  Observations observations(database_for(f, path), clock_at_end());
  SearchQuery q;
  q.text = std::move(text);
  for (auto _ : state) {
    auto page = observations.search(small_user ? f.small : f.large, q);
    benchmark::DoNotOptimize(page);
  }
}

void analytics(benchmark::State& state, const std::string& backend, bool small_user,
               Path path = Path::bound) {
  auto& f = fixture(backend, state.range(0));
  Analytics service(database_for(f, path), clock_at_end());
  for (auto _ : state) {
    auto report = service.report(small_user ? f.small : f.large, {});
    benchmark::DoNotOptimize(report);
  }
}

void calendar(benchmark::State& state, const std::string& backend, Path path = Path::bound) {
  auto& f = fixture(backend, state.range(0));
  Calendar service(database_for(f, path));
  for (auto _ : state) {
    auto month = service.month(f.large, std::nullopt, 2022, 6);
    benchmark::DoNotOptimize(month);
  }
}

void client_board(benchmark::State& state, const std::string& backend) {
  auto& f = board_fixture(backend);
  // A week after the last entries (2024-12-03).
  static const ManualClock clock(std::chrono::sys_days{std::chrono::year{2024} / 12 / 10});
  ClientBoard board(*f.database, clock);
  for (auto _ : state) {
    auto report = board.report(f.professional);
    if (report.clients.size() != static_cast<std::size_t>(kBoardClients)) {
      state.SkipWithError("the board misses clients");
      break;
    }
    benchmark::DoNotOptimize(report);
  }
  state.counters["clients"] = kBoardClients;
}

void login(benchmark::State& state) {
  auto& f = fixture("sqlite", 1000);
  AccountsOptions options;
  options.tokens.keys = {{"k", std::string(32, 'k')}};
  options.tokens.current_kid = "k";
  Accounts accounts(*f.database, options);
  static bool registered = false;
  if (!registered) {
    accounts.register_user(
        {"bench_login", "correct horse", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    registered = true;
  }
  for (auto _ : state) {
    auto token = accounts.login("bench_login", "correct horse");
    benchmark::DoNotOptimize(token.token);  // AccessToken holds a const Principal
  }
}

void register_all() {
  std::vector<std::string> backends{"sqlite"};
  if (std::getenv("DOGCARE_BENCH_PG_DSN")) backends.push_back("postgresql");
  std::vector<long> sizes{1000, 100000};
  if (std::getenv("DOGCARE_BENCH_MILLION")) sizes.push_back(1000000);
  for (const auto& b : backends) {
    for (long n : sizes) {
      const auto reg = [&](const std::string& name, auto fn) {
        benchmark::RegisterBenchmark((name + "/" + b).c_str(), fn)
            ->Arg(n)
            ->Unit(benchmark::kMillisecond)
            ->MinTime(0.5);
      };
      reg("search_first_page",
          [b](benchmark::State& s) { search_page(s, b, false, std::nullopt); });
      // The same page with every statement sent as text (prepared_statements = false).
      reg("search_first_page_unprepared",
          [b](benchmark::State& s) { search_page(s, b, false, std::nullopt, Path::unprepared); });
      // The same reads cell by cell (block_fetch = false).
      reg("search_first_page_per_cell",
          [b](benchmark::State& s) { search_page(s, b, false, std::nullopt, Path::per_cell); });
      reg("analytics_all_time_per_cell",
          [b](benchmark::State& s) { analytics(s, b, false, Path::per_cell); });
      reg("calendar_month_per_cell", [b](benchmark::State& s) { calendar(s, b, Path::per_cell); });
      reg("search_text", [b](benchmark::State& s) { search_page(s, b, false, "velo"); });
      reg("analytics_all_time", [b](benchmark::State& s) { analytics(s, b, false); });
      reg("calendar_month", [b](benchmark::State& s) { calendar(s, b); });
      // The 1,000-observation user beside a user of n observations.
      reg("small_user_search_beside",
          [b](benchmark::State& s) { search_page(s, b, true, "velo"); });
      reg("small_user_analytics_beside", [b](benchmark::State& s) { analytics(s, b, true); });
    }
  }
  for (const auto& b : backends) {
    // 200 clients of 1,000 observations each shared with one professional.
    benchmark::RegisterBenchmark(("client_board_200_clients/" + b).c_str(),
                                 [b](benchmark::State& s) { client_board(s, b); })
        ->Unit(benchmark::kMillisecond)
        ->MinTime(1.0);
  }
  benchmark::RegisterBenchmark("login_argon2id_owasp", login)
      ->Unit(benchmark::kMillisecond)
      ->MinTime(1.0);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
