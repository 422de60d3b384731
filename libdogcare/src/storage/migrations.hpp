// Versioned schema migrations, embedded in the library at build time from
// libdogcare/sql/<dialect>/NNN_name.sql.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dogcare/database.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct EmbeddedMigration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const EmbeddedMigration> embedded_migrations(Dialect dialect);

// Splits a script into statements at ';' outside quotes and '--' comments.
std::vector<std::string> split_statements(std::string_view script);

// A 16-hex-digit FNV-1a digest: detects a migration edited after it ran.
std::string migration_checksum(std::string_view sql);

// Applies pending migrations under the dialect's migration lock, each in
// its own transaction. Refuses a database whose schema is newer than the
// library, or whose applied migrations were edited since.
MigrationReport run_migrations(Connection& connection);

// Highest applied version, 0 for a database never migrated.
int current_schema_version(Connection& connection);

int latest_version(Dialect dialect);

}  // namespace dogcare::storage
