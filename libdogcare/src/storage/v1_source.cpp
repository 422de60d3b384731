#include "storage/v1_source.hpp"

#include <filesystem>
#include <memory>

#include "dogcare/error.hpp"
#include "storage/odbc.hpp"
#include "storage/rows.hpp"

namespace dogcare::storage {
namespace {

constexpr const char* kTables[] = {"users",
                                   "triggers",
                                   "reactions",
                                   "daily_entries",
                                   "daily_entry_triggers",
                                   "daily_entry_reactions"};

[[noreturn]] void bad_source(const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message, "from");
}

std::vector<V1Item> read_items(Connection& connection, const char* table) {
  Statement query(connection,
                  std::string("SELECT id, name, user_id FROM ") + table + " ORDER BY id");
  query.execute();
  std::vector<V1Item> out;
  while (query.fetch()) {
    out.push_back({query.integer_or(1, 0), query.text_or_empty(2), query.integer(3)});
  }
  return out;
}

std::vector<V1Link> read_links(Connection& connection, const char* table, const char* column) {
  // Plain SQL that any dialect reads the same (the SQL trace checks it as Oracle's too).
  Statement query(connection, std::string("SELECT entry_id, ") + column + ", COUNT(*) FROM " +
                                  table + " GROUP BY entry_id, " + column + " ORDER BY entry_id, " +
                                  column);
  query.execute();
  std::vector<V1Link> out;
  while (query.fetch()) {
    const auto entry = query.integer(1);
    const auto item = query.integer(2);
    if (entry && item) out.push_back({*entry, *item, query.integer_or(3, 1)});
  }
  return out;
}

}  // namespace

V1Database read_v1_database(const std::string& path) {
  if (path.empty()) bad_source("--from: the path of the original app's database is required");
  if (path.find_first_of(";{}=") != std::string::npos) {
    bad_source("--from: the path must not contain ';', '{', '}' or '='");
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) bad_source("--from: no such file: " + path);
  // NoCreat: a path that vanished is an error, never a new empty file.
  std::unique_ptr<Connection> opened;
  try {
    opened = std::make_unique<Connection>(
        "Driver=SQLite3;Database=" + path + ";NoCreat=1;Timeout=10000;", std::chrono::seconds{5},
        false, false, false);
    opened->execute("PRAGMA query_only = ON");
    for (const char* table : kTables) {
      Statement exists(*opened,
                       "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
      if (exists.bind(std::string(table)).scalar() == 0) {
        bad_source("--from: " + path + " is not a Reactive Dog Tracker database (no table " +
                   table + ")");
      }
    }
  } catch (const Error& error) {
    if (error.code() == ErrorCode::invalid_argument) throw;
    bad_source("--from: " + path + " cannot be read as a SQLite database");
  }
  Connection& connection = *opened;
  V1Database out;
  {
    Statement query(connection, "SELECT id, username, created_at FROM users ORDER BY id");
    query.execute();
    while (query.fetch()) {
      out.users.push_back({query.integer_or(1, 0), query.text_or_empty(2), query.text_or_empty(3)});
    }
  }
  out.triggers = read_items(connection, "triggers");
  out.reactions = read_items(connection, "reactions");
  {
    Statement query(connection,
                    "SELECT id, user_id, entry_date, severity, comment, created_at"
                    " FROM daily_entries ORDER BY id");
    query.execute();
    while (query.fetch()) {
      out.entries.push_back({query.integer_or(1, 0), query.integer(2), query.text_or_empty(3),
                             query.text_or_empty(4), query.text(5), query.text(6)});
    }
  }
  out.trigger_links = read_links(connection, "daily_entry_triggers", "trigger_id");
  out.reaction_links = read_links(connection, "daily_entry_reactions", "reaction_id");
  return out;
}

}  // namespace dogcare::storage
