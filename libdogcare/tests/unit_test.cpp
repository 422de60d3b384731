// Pure functions of the library: no database.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "dogcare/time.hpp"
#include "dogcare/time_zone.hpp"
#include "storage/dialect.hpp"
#include "storage/migrations.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare {
namespace {

TEST(FoldKey, IgnoresCaseAccentsAndSurroundingSpace) {
  EXPECT_EQ(fold_key("Vélo"), "velo");
  EXPECT_EQ(fold_key("  VÉLO  "), "velo");
  EXPECT_EQ(fold_key("regard   fixe"), "regard fixe");
  EXPECT_EQ(fold_key("Straße"), "strasse");
  EXPECT_EQ(fold_key("poils hérissés"), "poils herisses");
  EXPECT_EQ(fold_key("Ça"), "ca");
  EXPECT_EQ(fold_key("🐕 Chien"), "🐕 chien");
  EXPECT_EQ(fold_key(""), "");
}

TEST(FoldKey, RejectsMalformedUtf8NamingTheField) {
  try {
    fold_key("caf\xC3", "name");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "name");
  }
  EXPECT_FALSE(valid_utf8("\xFF"));
  EXPECT_TRUE(valid_utf8("é🐕"));
  EXPECT_EQ(code_points("é🐕a"), 3u);
}

TEST(Ids, AreCanonicalTimeOrderedUuidV7) {
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_id();
    ASSERT_TRUE(valid_id(id)) << id;
    EXPECT_EQ(id[14], '7');
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
    EXPECT_TRUE(seen.insert(id).second);
    // Time, then a counter within the millisecond: each id sorts after the last.
    EXPECT_GT(id, previous);
    previous = id;
  }
  EXPECT_FALSE(valid_id("not-an-id"));
  EXPECT_FALSE(valid_id("0190c8a2-7c1e-7abc-8def-0123456789g0"));
}

TEST(Months, ParseAndFormat) {
  const auto month = parse_month("2024-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(format_month(*month), "2024-02");
  EXPECT_FALSE(parse_month("2024-13"));
  EXPECT_FALSE(parse_month("2024-2"));
  EXPECT_FALSE(parse_month("24-02x"));
}

TEST(Dates, ParseAndFormat) {
  EXPECT_EQ(format_date(*parse_date("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2024-13-01"));
  EXPECT_FALSE(parse_date("2024-1-01"));
  EXPECT_FALSE(parse_date("2024-01-0x"));
  EXPECT_FALSE(parse_date("+024-01-01"));
  using namespace std::chrono;
  const Timestamp t = sys_days{2024y / 3 / 9} + 7h + 5min + 3s + 42ms;
  EXPECT_EQ(format_timestamp(t), "2024-03-09T07:05:03.042Z");
}

TEST(Migrations, SplitsStatementsOutsideQuotesAndComments) {
  const auto statements = storage::split_statements(
      "-- a comment; with a semicolon\n"
      "CREATE TABLE t (a INT);\n"
      "INSERT INTO t VALUES ('x;y'); -- trailing\n"
      "INSERT INTO t VALUES ('it''s');\n\n");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0], "CREATE TABLE t (a INT)");
  EXPECT_EQ(statements[1], "INSERT INTO t VALUES ('x;y')");
  EXPECT_EQ(statements[2], "INSERT INTO t VALUES ('it''s')");
}

TEST(Migrations, ChecksumsDetectEdits) {
  EXPECT_EQ(storage::migration_checksum("abc").size(), 16u);
  EXPECT_EQ(storage::migration_checksum("abc"), storage::migration_checksum("abc"));
  EXPECT_NE(storage::migration_checksum("abc"), storage::migration_checksum("abd"));
}

TEST(Dialects, AreDetectedFromTheDbmsName) {
  EXPECT_EQ(storage::detect_dialect("SQLite"), Dialect::sqlite);
  EXPECT_EQ(storage::detect_dialect("PostgreSQL"), Dialect::postgresql);
  EXPECT_EQ(storage::detect_dialect("Oracle"), Dialect::oracle);
  EXPECT_THROW(storage::detect_dialect("MySQL"), Error);
  EXPECT_EQ(storage::render_sql("SELECT a FROM t ORDER BY a {LIMIT}", Dialect::oracle),
            "SELECT a FROM t ORDER BY a FETCH FIRST ? ROWS ONLY");
  EXPECT_EQ(storage::render_sql("SELECT a FROM t {LIMIT}", Dialect::postgresql),
            "SELECT a FROM t LIMIT ?");
  EXPECT_EQ(storage::render_sql("SELECT 1", Dialect::sqlite), "SELECT 1");
}

TEST(Dialects, ClassifyConstraintViolationsByDialect) {
  using storage::classify;
  using storage::Diagnostic;
  auto c = classify(Dialect::postgresql, {{"23505", 7,
                                           "ERROR: duplicate key value violates unique constraint "
                                           "\"uq_triggers__name\""}});
  EXPECT_EQ(c.code, ErrorCode::conflict);
  EXPECT_EQ(c.field, "name");
  c = classify(Dialect::postgresql, {{"08S01", 0, "server closed the connection"}});
  EXPECT_EQ(c.code, ErrorCode::unavailable);
  EXPECT_TRUE(c.connection_lost);
  c = classify(Dialect::oracle,
               {{"23000", 1, "ORA-00001: unique constraint (APP.UQ_USERS__USERNAME) violated"}});
  EXPECT_EQ(c.code, ErrorCode::conflict);
  EXPECT_EQ(c.field, "username");
  c = classify(Dialect::oracle, {{"23000", 2290,
                                  "ORA-02290: check constraint (APP.CK_OBSERVATIONS__SEVERITY) "
                                  "violated"}});
  EXPECT_EQ(c.code, ErrorCode::invalid_argument);
  EXPECT_EQ(c.field, "severity");
  c = classify(Dialect::oracle, {{"HY000", 3113, "ORA-03113: end-of-file"}});
  EXPECT_TRUE(c.connection_lost);
  c = classify(Dialect::sqlite,
               {{"HY000", 19, "UNIQUE constraint failed: users.username_key (19)"}});
  EXPECT_EQ(c.code, ErrorCode::conflict);
  EXPECT_EQ(c.field, "username");
  c = classify(Dialect::sqlite, {{"HY000", 1, "no such table: x (1)"}});
  EXPECT_EQ(c.code, ErrorCode::internal);
}

TEST(Dialects, SqlitePathsBecomeConnectionStrings) {
  EXPECT_EQ(storage::odbc_connection_string("var/dogcare.db"),
            "Driver=SQLite3;Database=var/dogcare.db;Timeout=10000;");
  EXPECT_EQ(storage::odbc_connection_string("Driver=X;Server=y"), "Driver=X;Server=y");
}

TEST(SqlBuilder, EachPieceBindsItsOwnValuesInOrder) {
  using storage::Sql;
  Sql sql("SELECT id FROM t WHERE a = ?", std::string("x"));
  sql.append(" AND b IN (").append_list(std::vector<int>{3, 4}).append(")");
  sql.append(" AND c = 'what?' AND d = ?", true);
  sql.append(" ORDER BY id {LIMIT}", std::size_t{11});
  EXPECT_EQ(sql.text(),
            "SELECT id FROM t WHERE a = ? AND b IN (?, ?) AND c = 'what?' AND d = ? ORDER BY id"
            " {LIMIT}");
  const auto& params = sql.params();
  ASSERT_EQ(params.size(), 5u);
  EXPECT_EQ(std::get<std::string>(params[0]), "x");
  EXPECT_EQ(std::get<std::int64_t>(params[1]), 3);
  EXPECT_EQ(std::get<std::int64_t>(params[2]), 4);
  EXPECT_EQ(std::get<std::int64_t>(params[3]), 1);  // booleans as 0/1
  EXPECT_EQ(std::get<std::int64_t>(params[4]), 11);
}

TEST(SqlBuilder, APieceWithTheWrongNumberOfValuesIsRefused) {
  using storage::Sql;
  EXPECT_EQ(storage::count_placeholders("a = ? AND b = '?' AND c = 'it''s ?' {LIMIT}"), 2u);
  EXPECT_THROW(Sql("a = ? AND b = ?", 1), Error);
  EXPECT_THROW(Sql("a = 1", 1), Error);
  Sql list("IN (");
  EXPECT_THROW(list.append_list(std::vector<int>{}), Error);
}

TEST(TimeZones, LocalDatesAndWallClockTimesFollowTheTzDatabase) {
  using namespace std::chrono;
  const auto utc = [](int y, unsigned m, unsigned d, int h, int mi) {
    return Timestamp{sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{mi}};
  };
  const auto wall = [](int y, unsigned m, unsigned d, int h, int mi) {
    return local_time<milliseconds>{local_days{year{y} / month{m} / day{d}} + hours{h} +
                                    minutes{mi}};
  };
  EXPECT_TRUE(known_time_zone("Europe/Paris"));
  EXPECT_TRUE(known_time_zone("UTC"));
  EXPECT_FALSE(known_time_zone("Europe/Atlantis"));
  EXPECT_FALSE(known_time_zone(""));
  const auto names = time_zone_names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_NE(std::find(names.begin(), names.end(), "America/Sao_Paulo"), names.end());

  // Paris: UTC+1 in winter, UTC+2 from 01:00 UTC on 2024-03-31 to 01:00 UTC on 2024-10-27.
  EXPECT_EQ(local_date(utc(2024, 3, 30, 22, 30), "Europe/Paris"), year{2024} / March / 30);
  EXPECT_EQ(local_date(utc(2024, 3, 31, 22, 30), "Europe/Paris"), year{2024} / April / 1);
  EXPECT_EQ(local_date(utc(2024, 10, 27, 22, 30), "Europe/Paris"), year{2024} / October / 27);
  EXPECT_EQ(local_date(utc(2024, 6, 15, 12, 0), "Pacific/Auckland"), year{2024} / June / 16);
  EXPECT_EQ(from_local(wall(2024, 1, 10, 9, 0), "Europe/Paris"), utc(2024, 1, 10, 8, 0));
  EXPECT_EQ(from_local(wall(2024, 7, 10, 9, 0), "Europe/Paris"), utc(2024, 7, 10, 7, 0));
  // 02:30 happened twice on 2024-10-27 (the first, summer time) and never on 2024-03-31.
  EXPECT_EQ(from_local(wall(2024, 10, 27, 2, 30), "Europe/Paris"), utc(2024, 10, 27, 0, 30));
  EXPECT_EQ(from_local(wall(2024, 3, 31, 2, 30), "Europe/Paris"), utc(2024, 3, 31, 1, 30));
  try {
    local_date(utc(2024, 1, 1, 0, 0), "Mars/Olympus_Mons");
    ADD_FAILURE() << "an unknown zone was taken";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "time_zone");
  }
}

}  // namespace
}  // namespace dogcare
