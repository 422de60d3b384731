// Everything that differs between SQLite, PostgreSQL and Oracle lives here:
// detection, session setup, pagination syntax, error classification, the
// migration lock and how a write transaction begins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

// From SQLGetInfo(SQL_DBMS_NAME).
Dialect detect_dialect(std::string_view dbms_name);

// Turns DatabaseOptions::connection into an ODBC connection string: a value
// without '=' is a SQLite file path.
std::string odbc_connection_string(const std::string& connection);

// Whether SQLGetData can complete a long text of any row of a block fetch
// (after SQLSetPos(SQL_POSITION)), given the driver's SQL_GETDATA_EXTENSIONS.
// Where it cannot, a result with a text column that may outgrow its buffer is
// fetched bound, a row at a time (Statement::bind_result).
bool getdata_within_blocks(Dialect dialect, SQLUINTEGER getdata_extensions);

// Session settings applied to every new connection (SQLite pragmas).
void configure_session(Connection& connection);

// Statements are written once for all databases; the few spots where the
// syntax differs carry a marker that render_sql replaces:
//   {LIMIT}  "LIMIT ?" or "FETCH FIRST ? ROWS ONLY" (binds one integer)
//   {DUAL}   " FROM DUAL" on Oracle, nothing elsewhere
//   {ITEMS:link_table:item_column:item_table}  a scalar subquery packing the
//            items linked to observation `o` as id<US>name<US>name_key joined
//            by <RS> (string aggregation differs)
std::string render_sql(std::string_view sql, Dialect dialect);

// The statements only this dialect runs (session setup, migration lock,
// catalog queries), for tests that parse them.
std::vector<std::string> dialect_statements(Dialect dialect);

// Begins a transaction that will write. SQLite takes the write lock up front
// (BEGIN IMMEDIATE) so concurrent writers queue instead of failing.
void begin_transaction(Connection& connection);
void end_transaction(Connection& connection, bool commit);

// Serialises migrations between processes; held until release_migration_lock.
void acquire_migration_lock(Connection& connection);
void release_migration_lock(Connection& connection);
// Whether a table exists in the connection's schema (name in lower case).
bool table_exists(Connection& connection, std::string_view table);
// Creates schema_migrations if it does not exist yet.
void ensure_migrations_table(Connection& connection);

struct Classified {
  ErrorCode code = ErrorCode::internal;
  std::string field;  // from the constraint name, when known
  bool connection_lost = false;
};

// Maps a failed call's diagnostics to an error code, by SQLSTATE, native code
// and, for SQLite whose driver reports most failures as HY000, its message.
Classified classify(Dialect dialect, const std::vector<Diagnostic>& diagnostics);

// Optional text is stored as NULL when empty on every database, because Oracle
// cannot tell '' from NULL: all dialects then behave alike.
Param nullable_text(std::string_view text);

}  // namespace dogcare::storage
