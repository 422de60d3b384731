#include "storage/rows.hpp"

#include <algorithm>
#include <set>

#include "dogcare/error.hpp"

namespace dogcare::storage {

void drain(Statement& statement) {
  while (statement.fetch()) {
  }
}

std::int64_t flag(bool on) {
  return on ? 1 : 0;
}

std::optional<int> optional_int(Statement& row, int column) {
  const auto value = row.integer(column);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<std::string> optional_text(Statement& row, int column) {
  auto value = row.text(column);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::size_t clamp_limit(std::size_t limit) {
  return std::clamp<std::size_t>(limit, 1, kMaxPageSize);
}

void require_transaction(const Connection& connection, const char* operation) {
  if (!connection.in_transaction()) {
    throw Error(ErrorCode::internal, std::string(operation) + " must run inside a transaction");
  }
}

std::vector<std::string> unique_ids(const std::vector<ItemRef>& items) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const ItemRef& item : items) {
    if (seen.insert(item.id).second) out.push_back(item.id);
  }
  return out;
}

}  // namespace dogcare::storage
