// The original Reactive Dog Tracker's SQLite database, read whole and
// read-only through the library's SQLite ODBC path (a connection of its own,
// without the session setup that would change its journal mode, and with
// query_only on: the file is never written).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dogcare::storage {

struct V1User {
  std::int64_t id = 0;
  std::string username;
  std::string created_at;  // as stored: local Paris time, no offset
};

struct V1Item {  // a trigger or a reaction
  std::int64_t id = 0;
  std::string name;
  std::optional<std::int64_t> user_id;  // NULL: the defaults (and words entries created)
};

struct V1Entry {
  std::int64_t id = 0;
  std::optional<std::int64_t> user_id;
  std::string entry_date;  // "YYYY-MM-DD", as stored
  std::string severity;    // as stored (SQLite keeps whatever was given)
  std::optional<std::string> comment;
  std::optional<std::string> created_at;
};

struct V1Link {  // the link tables have no key: `copies` rows said the same
  std::int64_t entry_id = 0;
  std::int64_t item_id = 0;
  std::int64_t copies = 1;
};

struct V1Database {
  std::vector<V1User> users;  // by id
  std::vector<V1Item> triggers;
  std::vector<V1Item> reactions;
  std::vector<V1Entry> entries;  // by id
  std::vector<V1Link> trigger_links;
  std::vector<V1Link> reaction_links;
};

// Throws invalid_argument on field "from" when the file is missing, its path
// cannot be given to the driver, or it is not a Reactive Dog Tracker database.
V1Database read_v1_database(const std::string& path);

}  // namespace dogcare::storage
