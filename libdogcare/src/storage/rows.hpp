// What every repository does with rows and arguments: reading optional
// columns, finishing a result set, limiting pages, requiring transactions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

// Reads the remaining rows so the statement can be reused or closed cleanly.
void drain(Statement& statement);

// A boolean as the 0/1 integer every dialect stores.
std::int64_t flag(bool on);

std::optional<int> optional_int(Statement& row, int column);
// Empty text reads as absent (Oracle stores '' as NULL; the others follow).
std::optional<std::string> optional_text(Statement& row, int column);

// A requested page size within 1..kMaxPageSize.
std::size_t clamp_limit(std::size_t limit);

// Throws Error(internal) unless the connection is inside a transaction.
void require_transaction(const Connection& connection, const char* operation);

// Changes a row, or makes it: `update` (true when it changed a row), else
// `insert`; when a concurrent insert of the same key won, `update` again.
// Outside a transaction: on PostgreSQL a refused insert would end it.
template <class Update, class Insert>
void update_or_insert(Update&& update, Insert&& insert) {
  if (update()) return;
  try {
    insert();
  } catch (const Error& error) {
    if (error.code() != ErrorCode::conflict) throw;
    update();
  }
}

// The ids of `items`, first occurrence kept, in order.
std::vector<std::string> unique_ids(const std::vector<ItemRef>& items);

}  // namespace dogcare::storage
