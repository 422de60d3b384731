// Opening a dogcare database: the embedded SQLite file by default, or any
// ODBC data source (PostgreSQL, Oracle Autonomous Database).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dogcare {

namespace storage {
struct DatabaseAccess;
}

enum class Dialect { sqlite, postgresql, oracle };

std::string_view to_string(Dialect dialect) noexcept;

struct DatabaseOptions {
  // Either an ODBC connection string ("Driver={PostgreSQL Unicode};Server=...")
  // or the path of a SQLite file, created if missing.
  std::string connection = "var/dogcare.db";
  // When set, a file holding the connection string replaces `connection`:
  // the form in which Vault Agent renders short-lived database credentials.
  // The file is checked (at most once a second) when connections are
  // borrowed; once its content changes, new connections use the new string
  // and idle connections opened with the old one are closed, so rotated
  // credentials take effect without a restart. An unreadable file keeps the
  // last string read (at start it is an error). Its content is never shown.
  std::string connection_file;
  std::size_t pool_size = 8;
  // How long a caller waits for a free connection before "unavailable".
  std::chrono::milliseconds borrow_timeout{5000};
  // Idle connections older than this are checked before being handed out,
  // so a restarted server costs no failed request.
  std::chrono::milliseconds validate_after{500};
  std::chrono::seconds login_timeout{5};
  // Apply pending migrations when opening (the embedded default). Servers
  // that migrate in a separate step set this to false.
  bool migrate = true;
  // Each connection prepares a statement once per SQL text and reuses it.
  // Off sends every statement as text (for a pooler that cannot keep
  // prepared statements across transactions, such as PgBouncer in
  // transaction mode; and to measure what preparing saves).
  bool prepared_statements = true;
  // The list, search, calendar and analytics reads bind their columns into
  // typed buffers and fetch rows in blocks. Off reads every cell with its
  // own call (SQLGetData), as before: to measure what binding saves.
  bool block_fetch = true;
};

struct AppliedMigration {
  int version = 0;
  std::string name;
};

struct MigrationReport {
  int schema_version = 0;                 // after the run
  int latest_version = 0;                 // the newest this library knows
  std::vector<AppliedMigration> applied;  // by this run, in order
};

struct PoolStats {
  std::size_t in_use = 0;
  std::size_t idle = 0;
  std::size_t waiting = 0;
  std::size_t capacity = 0;
};

class Database {
 public:
  // Connects (and migrates when options.migrate). Throws dogcare::Error.
  explicit Database(DatabaseOptions options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const noexcept;
  // Applies pending migrations; safe when several processes start at once.
  MigrationReport migrate();
  // The version recorded in the database; 0 when it was never migrated.
  int schema_version();
  static int latest_schema_version() noexcept;
  // True when the database answers and its schema is the one this library expects.
  bool ready();
  PoolStats pool_stats() const;
  // Waits for borrowed connections to come back, then closes every connection.
  void close();

 private:
  // The library's own access to the pool (storage/database_impl.hpp).
  friend struct storage::DatabaseAccess;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare
