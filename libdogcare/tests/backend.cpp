#include "backend.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>

#include "core/ids.hpp"
#include "storage/odbc.hpp"

namespace dogcare::testing {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  if (line.empty()) throw std::runtime_error("missing " + path.string());
  return line;
}

std::string pg_admin_dsn() {
  return read_file(std::filesystem::path(env("DOGCARE_TEST_PG_STATE")) / "dsn");
}

std::string with_database(std::string dsn, const std::string& database) {
  const std::string key = "Database=postgres;";
  dsn.replace(dsn.find(key), key.size(), "Database=" + database + ";");
  return dsn;
}

// Removes the SQLite files this process created. PostgreSQL databases are
// left to the server, which the postgresql.stop fixture throws away with its
// data: dropping them here meant connecting and waiting on the server inside
// a static destructor, and under ThreadSanitizer that exit hung (twice in CI,
// after every test had passed; never reproduced in 13 runs by hand).
struct Cleanup {
  std::mutex mutex;
  std::filesystem::path temp_dir;
  ~Cleanup() {
    if (!temp_dir.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(temp_dir, ignored);
    }
  }
};

Cleanup& cleanup() {
  static Cleanup instance;
  return instance;
}

}  // namespace

Backend backend() {
  const std::string name = env("DOGCARE_TEST_BACKEND");
  if (name.empty() || name == "sqlite_file") return Backend::sqlite_file;
  if (name == "sqlite_memory") return Backend::sqlite_memory;
  if (name == "postgresql") return Backend::postgresql;
  throw std::runtime_error("unknown DOGCARE_TEST_BACKEND " + name);
}

const char* backend_name() {
  switch (backend()) {
    case Backend::sqlite_file:
      return "sqlite_file";
    case Backend::sqlite_memory:
      return "sqlite_memory";
    case Backend::postgresql:
      return "postgresql";
  }
  return "?";
}

std::string fresh_database() {
  std::string name = "dogcare_" + new_id().substr(24);
  switch (backend()) {
    case Backend::sqlite_memory:
      return ":memory:";
    case Backend::sqlite_file: {
      auto& c = cleanup();
      std::lock_guard lock(c.mutex);
      if (c.temp_dir.empty()) {
        c.temp_dir = std::filesystem::temp_directory_path() / ("dogcare-test-" + new_id());
        std::filesystem::create_directories(c.temp_dir);
      }
      return (c.temp_dir / (name + ".db")).string();
    }
    case Backend::postgresql: {
      storage::Connection admin(pg_admin_dsn(), std::chrono::seconds{5});
      admin.execute("CREATE DATABASE " + name);
      return with_database(pg_admin_dsn(), name);
    }
  }
  return {};
}

DatabaseOptions options_for(const std::string& connection) {
  DatabaseOptions options;
  options.connection = connection;
  if (backend() == Backend::sqlite_memory) options.pool_size = 1;
  return options;
}

// Never destroyed, like the pools of the server: its connections end with
// the process, so nothing at exit waits on a database driver.
Database& shared_database() {
  static auto* database = new Database(options_for(fresh_database()));
  return *database;
}

void restart_postgresql() {
  const std::string command =
      env("DOGCARE_TEST_PG_SCRIPT") + " restart '" + env("DOGCARE_TEST_PG_STATE") + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("restart failed: " + command);
}

}  // namespace dogcare::testing
