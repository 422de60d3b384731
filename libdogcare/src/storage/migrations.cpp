#include "storage/migrations.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "dogcare/error.hpp"
#include "storage/dialect.hpp"

namespace dogcare::storage {
namespace {

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::map<int, std::string> applied_checksums(Connection& connection) {
  std::map<int, std::string> out;
  Statement query(connection, "SELECT version, checksum FROM schema_migrations");
  query.execute();
  while (query.fetch()) {
    out[static_cast<int>(query.integer_or(1, 0))] = query.text_or_empty(2);
  }
  return out;
}

bool is_applied(Connection& connection, int version) {
  Statement query(connection, "SELECT COUNT(*) FROM schema_migrations WHERE version = ?");
  return query.bind(std::int64_t{version}).scalar() > 0;
}

}  // namespace

std::vector<std::string> split_statements(std::string_view script) {
  std::vector<std::string> out;
  std::string current;
  bool in_quote = false;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (!in_quote && c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      current.push_back('\n');
      continue;
    }
    if (c == '\'') in_quote = !in_quote;  // '' inside a literal toggles twice
    if (!in_quote && c == ';') {
      if (auto statement = trim(current); !statement.empty()) out.push_back(std::move(statement));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  if (auto statement = trim(current); !statement.empty()) out.push_back(std::move(statement));
  return out;
}

std::string migration_checksum(std::string_view sql) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : sql) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return out;
}

int latest_version(Dialect dialect) {
  const auto migrations = embedded_migrations(dialect);
  return migrations.empty() ? 0 : migrations.back().version;
}

int current_schema_version(Connection& connection) {
  if (!table_exists(connection, "schema_migrations")) return 0;
  return static_cast<int>(
      Statement(connection, "SELECT MAX(version) FROM schema_migrations").scalar());
}

MigrationReport run_migrations(Connection& connection) {
  const Dialect dialect = connection.dialect();
  const auto migrations = embedded_migrations(dialect);
  MigrationReport report;
  report.latest_version = latest_version(dialect);

  acquire_migration_lock(connection);
  struct Unlock {
    Connection& connection;
    ~Unlock() {
      try {
        release_migration_lock(connection);
      } catch (...) {
        connection.mark_broken();  // the server drops session locks with the session
      }
    }
  } unlock{connection};

  ensure_migrations_table(connection);
  const auto applied = applied_checksums(connection);
  if (!applied.empty() && applied.rbegin()->first > report.latest_version) {
    throw Error(ErrorCode::unavailable,
                "the database schema (version " + std::to_string(applied.rbegin()->first) +
                    ") is newer than this dogcare (version " +
                    std::to_string(report.latest_version) + "); upgrade dogcare");
  }
  for (const EmbeddedMigration& migration : migrations) {
    const auto found = applied.find(migration.version);
    if (found != applied.end()) {
      if (found->second != migration_checksum(migration.sql)) {
        throw Error(ErrorCode::internal, "migration " + std::to_string(migration.version) +
                                             " was edited after it was applied");
      }
      continue;
    }
    Transaction transaction(connection);
    // Another process may have applied it while this one waited for the lock.
    if (is_applied(connection, migration.version)) {
      transaction.commit();
      continue;
    }
    for (const std::string& statement : split_statements(migration.sql)) {
      connection.execute(statement);
    }
    Statement record(connection,
                     "INSERT INTO schema_migrations (version, name, checksum, applied_at)"
                     " VALUES (?, ?, ?, ?)");
    record
        .bind_all(std::int64_t{migration.version}, std::string(migration.name),
                  migration_checksum(migration.sql), now_utc())
        .execute();
    transaction.commit();
    report.applied.push_back({migration.version, std::string(migration.name)});
  }
  report.schema_version = current_schema_version(connection);
  return report;
}

}  // namespace dogcare::storage
