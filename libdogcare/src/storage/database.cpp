#include "dogcare/database.hpp"

#include <filesystem>
#include <string>
#include <string_view>

#include "dogcare/error.hpp"
#include "storage/database_impl.hpp"
#include "storage/dialect.hpp"
#include "storage/migrations.hpp"

namespace dogcare {

std::string_view to_string(Dialect dialect) noexcept {
  switch (dialect) {
    case Dialect::sqlite:
      return "sqlite";
    case Dialect::postgresql:
      return "postgresql";
    case Dialect::oracle:
      return "oracle";
  }
  return "unknown";
}

namespace {

storage::PoolOptions pool_options(const DatabaseOptions& options) {
  if (!options.connection_file.empty()) {
    return {{},
            options.connection_file,
            options.pool_size,
            options.borrow_timeout,
            options.validate_after,
            options.login_timeout,
            options.prepared_statements,
            options.block_fetch};
  }
  const std::string odbc = storage::odbc_connection_string(options.connection);
  if (odbc != options.connection) {
    // A SQLite path: make sure its directory exists (var/ on a fresh checkout).
    const auto parent = std::filesystem::path(options.connection).parent_path();
    std::error_code ignored;
    if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  }
  // Each connection to ":memory:" would be a separate, empty database.
  const std::size_t size = options.connection == ":memory:" ? 1 : options.pool_size;
  return {odbc,
          {},
          size,
          options.borrow_timeout,
          options.validate_after,
          options.login_timeout,
          options.prepared_statements,
          options.block_fetch};
}

}  // namespace

Database::Database(DatabaseOptions options) : impl_(std::make_unique<Impl>(pool_options(options))) {
  auto connection = impl_->pool.borrow();
  impl_->dialect = connection->dialect();
  if (options.migrate) storage::run_migrations(*connection);
}

Database::~Database() = default;

Dialect Database::dialect() const noexcept {
  return impl_->dialect;
}

MigrationReport Database::migrate() {
  auto connection = impl_->pool.borrow();
  return storage::run_migrations(*connection);
}

int Database::schema_version() {
  auto connection = impl_->pool.borrow();
  return storage::current_schema_version(*connection);
}

int Database::latest_schema_version() noexcept {
  // Every dialect carries the same versions; SQLite's list is the reference.
  return storage::latest_version(Dialect::sqlite);
}

bool Database::ready() {
  try {
    return schema_version() == latest_schema_version();
  } catch (const Error&) {
    return false;
  }
}

PoolStats Database::pool_stats() const {
  return impl_->pool.stats();
}

void Database::close() {
  impl_->pool.close();
}

}  // namespace dogcare
