// Persistence of what was brought over from the original Reactive Dog
// Tracker (table v1_imports): one row per V1 user, keyed by its identity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dogcare/time.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct V1Import {
  std::string v1_key;  // SHA-256 hex of the V1 user's identity
  std::int64_t v1_user_id = 0;
  std::string v1_username;
  std::string user_id;
  std::string dog_id;
  std::int64_t observations = 0;
  Timestamp imported_at{};
};

class V1ImportRepository {
 public:
  explicit V1ImportRepository(Connection& connection) : connection_(connection) {}
  void insert(const V1Import& import);
  std::optional<V1Import> find(const std::string& v1_key);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
