#include "storage/dialect.hpp"

#include <algorithm>
#include <cctype>

namespace dogcare::storage {
namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Constraints are named <kind>_<table>__<field> in every dialect, so the field
// at fault can be named without showing the driver's message.
std::string field_from_constraint(std::string_view name) {
  const auto separator = name.find("__");
  if (separator == std::string_view::npos) return {};
  std::string field(name.substr(separator + 2));
  while (!field.empty() &&
         !(std::isalnum(static_cast<unsigned char>(field.back())) || field.back() == '_')) {
    field.pop_back();
  }
  return field;
}

// Text between `start` and the next `end` after it, or empty.
std::string_view between(std::string_view text, std::string_view start, std::string_view end) {
  const auto from = text.find(start);
  if (from == std::string_view::npos) return {};
  const auto begin = from + start.size();
  const auto to = text.find(end, begin);
  return text.substr(begin, to == std::string_view::npos ? std::string_view::npos : to - begin);
}

Classified classify_sqlite(const Diagnostic& d) {
  // The SQLite driver reports constraint failures as HY000 with SQLite's text.
  const std::string_view m = d.message;
  if (contains(m, "UNIQUE constraint failed")) {
    // "UNIQUE constraint failed: users.username_key" -> "username"
    std::string column(between(m, "failed: ", " ("));
    if (const auto comma = column.rfind(", "); comma != std::string::npos) {
      column = column.substr(comma + 2);
    }
    if (const auto dot = column.find('.'); dot != std::string::npos)
      column = column.substr(dot + 1);
    if (column.ends_with("_key")) column.resize(column.size() - 4);
    return {ErrorCode::conflict, column, false};
  }
  if (contains(m, "CHECK constraint failed")) {
    return {ErrorCode::invalid_argument,
            field_from_constraint(between(m, "CHECK constraint failed: ", " (")), false};
  }
  if (contains(m, "FOREIGN KEY constraint failed") || contains(m, "NOT NULL constraint failed")) {
    return {ErrorCode::invalid_argument, {}, false};
  }
  if (contains(m, "database is locked") || contains(m, "database is busy")) {
    return {ErrorCode::unavailable, {}, false};
  }
  if (contains(m, "unable to open") || contains(m, "disk I/O error")) {
    return {ErrorCode::unavailable, {}, true};
  }
  return {};
}

Classified classify_postgresql(const Diagnostic& d) {
  const std::string_view s = d.sqlstate;
  const std::string field = field_from_constraint(between(d.message, "constraint \"", "\""));
  if (s == "23505") return {ErrorCode::conflict, field, false};
  if (s == "23503" || s == "23514" || s == "23502" || s.starts_with("22")) {
    return {ErrorCode::invalid_argument, field, false};
  }
  if (s == "40001" || s == "40P01") return {ErrorCode::conflict, {}, false};
  if (s.starts_with("08") || s.starts_with("57P") || s == "HYT00" || s == "HYT01") {
    return {ErrorCode::unavailable, {}, true};
  }
  if (s.starts_with("53")) return {ErrorCode::unavailable, {}, false};
  return {};
}

Classified classify_oracle(const Diagnostic& d) {
  // ORA-nnnnn arrives as the native error; constraint names are upper case.
  const std::string field =
      field_from_constraint(lowercase(between(d.message, "constraint (", ")")));
  switch (d.native_error) {
    case 1:  // unique constraint violated
      return {ErrorCode::conflict, field.empty() ? std::string{} : field, false};
    case 1400:   // cannot insert NULL
    case 2290:   // check constraint violated
    case 2291:   // parent key not found
    case 2292:   // child record found
    case 12899:  // value too large for column
    case 1438:   // value larger than precision
    case 1841:   // invalid year
    case 1847:   // invalid day of month
      return {ErrorCode::invalid_argument, field, false};
    case 60:    // deadlock
    case 8177:  // cannot serialize
      return {ErrorCode::conflict, {}, false};
    case 28:     // session killed
    case 1012:   // not logged on
    case 1089:   // shutdown in progress
    case 3113:   // end-of-file on communication channel
    case 3114:   // not connected
    case 3135:   // connection lost contact
    case 12170:  // connect timeout
    case 12514:  // listener does not know service
    case 12541:  // no listener
      return {ErrorCode::unavailable, {}, true};
    default:
      break;
  }
  if (d.sqlstate.starts_with("08") || d.sqlstate == "HYT00" || d.sqlstate == "HYT01") {
    return {ErrorCode::unavailable, {}, true};
  }
  return {};
}

}  // namespace

Dialect detect_dialect(std::string_view dbms_name) {
  const std::string name = lowercase(dbms_name);
  if (contains(name, "sqlite")) return Dialect::sqlite;
  if (contains(name, "postgres")) return Dialect::postgresql;
  if (contains(name, "oracle")) return Dialect::oracle;
  throw Error(ErrorCode::unavailable,
              "unsupported database: dogcare runs on SQLite, PostgreSQL or Oracle");
}

bool getdata_within_blocks(Dialect dialect, SQLUINTEGER getdata_extensions) {
  const bool declared =
      (getdata_extensions & SQL_GD_BLOCK) != 0 && (getdata_extensions & SQL_GD_BOUND) != 0;
  switch (dialect) {
    case Dialect::sqlite:
      // The SQLite ODBC driver (libsqliteodbc 0.9998) does not declare
      // SQL_GD_BLOCK, and rightly: its SQLGetData reads the block's last row
      // whatever the position, and SQLSetPos(n, SQL_POSITION) moves its
      // forward-only cursor n - 1 rows further, so the next block skips rows.
      return false;
    case Dialect::postgresql:
      // psqlODBC declares SQL_GD_BLOCK and SQL_GD_BOUND, and SQLGetData after
      // SQLSetPos reads the positioned row from its first byte (tested).
    case Dialect::oracle:
      // Oracle's driver is trusted on its declaration (not testable here).
      return declared;
  }
  return false;
}

std::string odbc_connection_string(const std::string& connection) {
  if (connection.find('=') != std::string::npos) return connection;
  if (connection.find_first_of(";{}") != std::string::npos) {
    throw Error(ErrorCode::invalid_argument, "a SQLite path must not contain ';', '{' or '}'",
                "connection");
  }
  // Timeout: how long SQLite waits on a locked database (ms), not a login timeout.
  return "Driver=SQLite3;Database=" + connection + ";Timeout=10000;";
}

namespace {

// The statements that exist in one dialect only, gathered so that tests can
// parse them all (tests/sql checks Oracle's without an Oracle server).
struct DialectSql {
  std::vector<std::string_view> session_setup;
  std::string_view migration_lock;    // empty: none needed
  std::string_view migration_unlock;  // empty: none needed
  std::string_view table_exists;      // binds the table name
  bool upper_case_names = false;      // how the catalog stores unquoted names
  std::string_view create_migrations_table;
};

const DialectSql& dialect_sql(Dialect dialect) {
  static const DialectSql sqlite{
      {"PRAGMA foreign_keys = ON",
       // Readers never wait on the writer, and a commit is an append to the WAL.
       "PRAGMA journal_mode = WAL",
       // The durability promise (docs/architecture.md, "Durability on SQLite"):
       // a commit survives the process being killed (the WAL is in the OS page
       // cache before SQLite returns); only an OS crash or power loss may lose
       // the last commits, never consistency. FULL would fsync every commit.
       "PRAGMA synchronous = NORMAL",
       // Reads through shared memory-mapped pages instead of a small private
       // cache per connection: analytics scan large covering indexes.
       "PRAGMA mmap_size = 268435456",
       // Per connection (pool of 8): with mmap serving reads, 2 MiB for dirty
       // and hot pages keeps the server's RSS small.
       "PRAGMA cache_size = -2048",
       // Analytics' GROUP BY and ORDER BY temporaries stay off the disk.
       "PRAGMA temp_store = MEMORY",
       // Checkpoint every ~4 MiB of WAL (SQLite's default, stated), and give the
       // file back after a burst instead of keeping it at its largest.
       "PRAGMA wal_autocheckpoint = 1000", "PRAGMA journal_size_limit = 67108864",
       // The driver's Timeout=10000 sets it too; stated here so it cannot drift:
       // writers queue for up to 10 s on BEGIN IMMEDIATE instead of failing.
       "PRAGMA busy_timeout = 10000"},
      // Each migration runs under BEGIN IMMEDIATE, which already serialises writers.
      {},
      {},
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
      false,
      // IF NOT EXISTS: a concurrent process may create it first.
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
      " name VARCHAR(200) NOT NULL, checksum VARCHAR(16) NOT NULL,"
      " applied_at TIMESTAMP NOT NULL)"};
  static const DialectSql postgresql{
      {"SET TIME ZONE 'UTC'"},
      "SELECT pg_advisory_lock(727270001)",
      "SELECT pg_advisory_unlock(727270001)",
      "SELECT COUNT(*) FROM information_schema.tables"
      " WHERE table_schema = current_schema() AND table_name = ?",
      false,
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
      " name VARCHAR(200) NOT NULL, checksum VARCHAR(16) NOT NULL,"
      " applied_at TIMESTAMP(3) NOT NULL)"};
  static const DialectSql oracle{
      {"ALTER SESSION SET TIME_ZONE = 'UTC'"},
      // A session-held user lock (X mode, 120 s wait) that survives the
      // implicit commits of Oracle's DDL.
      "DECLARE r INTEGER; BEGIN r := DBMS_LOCK.REQUEST(727270001, 6, 120, FALSE);"
      " IF r NOT IN (0, 4) THEN"
      " RAISE_APPLICATION_ERROR(-20001, 'dogcare migration lock not acquired'); END IF; END;",
      "DECLARE r INTEGER; BEGIN r := DBMS_LOCK.RELEASE(727270001); END;",
      "SELECT COUNT(*) FROM user_tables WHERE table_name = ?",
      true,
      "CREATE TABLE schema_migrations (version NUMBER(10) PRIMARY KEY,"
      " name VARCHAR2(200 CHAR) NOT NULL, checksum VARCHAR2(16 CHAR) NOT NULL,"
      " applied_at TIMESTAMP(3) NOT NULL)"};
  switch (dialect) {
    case Dialect::sqlite:
      return sqlite;
    case Dialect::postgresql:
      return postgresql;
    case Dialect::oracle:
      return oracle;
  }
  return sqlite;
}

void execute_if_any(Connection& connection, std::string_view sql) {
  if (!sql.empty()) connection.execute(sql);
}

}  // namespace

std::vector<std::string> dialect_statements(Dialect dialect) {
  const DialectSql& d = dialect_sql(dialect);
  std::vector<std::string> out(d.session_setup.begin(), d.session_setup.end());
  for (std::string_view sql :
       {d.migration_lock, d.migration_unlock, d.table_exists, d.create_migrations_table}) {
    if (!sql.empty()) out.emplace_back(sql);
  }
  return out;
}

void configure_session(Connection& connection) {
  for (std::string_view sql : dialect_sql(connection.dialect()).session_setup) {
    connection.execute(sql);
  }
}

std::string render_sql(std::string_view sql, Dialect dialect) {
  const auto replace_all = [](std::string& text, std::string_view marker,
                              std::string_view replacement) {
    for (auto at = text.find(marker); at != std::string::npos;
         at = text.find(marker, at + replacement.size())) {
      text.replace(at, marker.size(), replacement);
    }
  };
  std::string out(sql);
  const bool oracle = dialect == Dialect::oracle;
  replace_all(out, "{LIMIT}", oracle ? "FETCH FIRST ? ROWS ONLY" : "LIMIT ?");
  replace_all(out, "{DUAL}", oracle ? " FROM DUAL" : "");
  // {ITEMS:link_table:item_column:item_table}: the items linked to observation
  // `o`, as "id<US>name<US>name_key" joined by <RS>, in one column (the stored
  // folded name orders them without folding each name again).
  static constexpr std::string_view kItems = "{ITEMS:";
  for (auto at = out.find(kItems); at != std::string::npos; at = out.find(kItems, at)) {
    const auto close = out.find('}', at);
    std::vector<std::string> parts;
    std::string_view args(out.data() + at + kItems.size(), close - at - kItems.size());
    for (auto colon = args.find(':'); colon != std::string_view::npos; colon = args.find(':')) {
      parts.emplace_back(args.substr(0, colon));
      args.remove_prefix(colon + 1);
    }
    parts.emplace_back(args);
    if (parts.size() != 3) throw Error(ErrorCode::internal, "malformed {ITEMS} marker");
    std::string aggregate;
    switch (dialect) {
      case Dialect::sqlite:
        aggregate = "group_concat(i.id || char(31) || i.name || char(31) || i.name_key, char(30))";
        break;
      case Dialect::postgresql:
        aggregate = "string_agg(i.id || chr(31) || i.name || chr(31) || i.name_key, chr(30))";
        break;
      case Dialect::oracle:
        aggregate =
            "LISTAGG(i.id || CHR(31) || i.name || CHR(31) || i.name_key, CHR(30))"
            " WITHIN GROUP (ORDER BY i.name_key)";
        break;
    }
    const std::string subquery = "(SELECT " + aggregate + " FROM " + parts[0] + " l JOIN " +
                                 parts[2] + " i ON i.id = l." + parts[1] +
                                 " WHERE l.observation_id = o.id)";
    out.replace(at, close - at + 1, subquery);
    at += subquery.size();
  }
  return out;
}

void begin_transaction(Connection& connection) {
  if (connection.dialect() == Dialect::sqlite) {
    connection.execute("BEGIN IMMEDIATE");
  } else {
    connection.set_autocommit(false);
  }
}

void end_transaction(Connection& connection, bool commit) {
  if (connection.dialect() == Dialect::sqlite) {
    connection.execute(commit ? "COMMIT" : "ROLLBACK");
    return;
  }
  if (commit) {
    connection.commit();
  } else {
    connection.rollback();
  }
  connection.set_autocommit(true);
}

void acquire_migration_lock(Connection& connection) {
  execute_if_any(connection, dialect_sql(connection.dialect()).migration_lock);
}

void release_migration_lock(Connection& connection) {
  execute_if_any(connection, dialect_sql(connection.dialect()).migration_unlock);
}

bool table_exists(Connection& connection, std::string_view table) {
  const DialectSql& d = dialect_sql(connection.dialect());
  std::string name(table);
  if (d.upper_case_names) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  }
  Statement query(connection, d.table_exists);
  return query.bind(std::move(name)).scalar() > 0;
}

void ensure_migrations_table(Connection& connection) {
  if (table_exists(connection, "schema_migrations")) return;
  connection.execute(dialect_sql(connection.dialect()).create_migrations_table);
}

Classified classify(Dialect dialect, const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    Classified c;
    switch (dialect) {
      case Dialect::sqlite:
        c = classify_sqlite(d);
        break;
      case Dialect::postgresql:
        c = classify_postgresql(d);
        break;
      case Dialect::oracle:
        c = classify_oracle(d);
        break;
    }
    if (c.code != ErrorCode::internal) return c;
  }
  return {};
}

Param nullable_text(std::string_view text) {
  if (text.empty()) return Null{};
  return std::string(text);
}

}  // namespace dogcare::storage
