// What a dogcare::Database holds: the pool every service borrows from.
#pragma once

#include <utility>

#include "dogcare/database.hpp"
#include "storage/pool.hpp"

namespace dogcare {

struct Database::Impl {
  explicit Impl(storage::PoolOptions options) : pool(std::move(options)) {}
  storage::ConnectionPool pool;
  Dialect dialect = Dialect::sqlite;
};

namespace storage {

// Database::impl_ for the library alone: this header is not installed.
struct DatabaseAccess {
  static Database::Impl& impl(Database& database) noexcept { return *database.impl_; }
};

// The pool every service borrows its connections from.
inline ConnectionPool& pool(Database& database) noexcept {
  return DatabaseAccess::impl(database).pool;
}

}  // namespace storage
}  // namespace dogcare
