// What a dogcare::Database holds: the pool every service borrows from.
#pragma once

#include "dogcare/database.hpp"
#include "storage/pool.hpp"

namespace dogcare {

struct Database::Impl {
  explicit Impl(storage::PoolOptions options) : pool(std::move(options)) {}
  storage::ConnectionPool pool;
  Dialect dialect = Dialect::sqlite;
};

}  // namespace dogcare
