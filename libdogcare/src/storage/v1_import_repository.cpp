#include "storage/v1_import_repository.hpp"

#include "storage/rows.hpp"

namespace dogcare::storage {

void V1ImportRepository::insert(const V1Import& i) {
  Statement insert(connection_,
                   "INSERT INTO v1_imports (v1_key, v1_user_id, v1_username, user_id, dog_id,"
                   " observations, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(i.v1_key, i.v1_user_id, i.v1_username, i.user_id, i.dog_id, i.observations,
                  i.imported_at);
  insert.execute();
}

std::optional<V1Import> V1ImportRepository::find(const std::string& v1_key) {
  Statement query(connection_,
                  "SELECT v1_key, v1_user_id, v1_username, user_id, dog_id, observations,"
                  " imported_at FROM v1_imports WHERE v1_key = ?");
  query.bind_all(v1_key).execute();
  std::optional<V1Import> out;
  if (query.fetch()) {
    out = V1Import{query.text_or_empty(1),
                   query.integer_or(2, 0),
                   query.text_or_empty(3),
                   query.text_or_empty(4),
                   query.text_or_empty(5),
                   query.integer_or(6, 0),
                   query.timestamp(7).value_or(Timestamp{})};
  }
  drain(query);
  return out;
}

}  // namespace dogcare::storage
