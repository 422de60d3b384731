#include "storage/dog_repository.hpp"

#include <optional>
#include <string>
#include <tuple>

#include "storage/columns.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr auto kColumns = std::tuple{
    Column<Dog, std::string>{"id", &Dog::id, false},
    Column<Dog, std::string>{"user_id", &Dog::owner_id, false},
    Column<Dog, std::string>{"name", &Dog::name},
    Column<Dog, std::optional<std::string>>{"breed", &Dog::breed},
    Column<Dog, std::optional<Date>>{"birth_date", &Dog::birth_date},
    Column<Dog, std::optional<std::string>>{"notes", &Dog::notes},
    Column<Dog, Timestamp>{"created_at", &Dog::created_at, false},
    Column<Dog, Timestamp>{"updated_at", &Dog::updated_at},
};

const std::string kDogSelect = "SELECT " + select_list(kColumns, "d") + " FROM dogs d";

Dog read_dog(Statement& row) {
  Dog dog;
  read_columns(row, kColumns, dog);
  return dog;
}

}  // namespace

void DogRepository::insert(const Dog& dog) {
  static const std::string sql = insert_sql("dogs", kColumns);
  Statement insert(connection_, sql);
  bind_columns(insert, kColumns, dog, false);
  insert.execute();
}

std::optional<Dog> DogRepository::find(const std::string& owner_id, const std::string& id) {
  Statement query(connection_, kDogSelect + " WHERE d.user_id = ? AND d.id = ?");
  query.bind_all(owner_id, id).execute();
  std::optional<Dog> out;
  if (query.fetch()) out = read_dog(query);
  drain(query);
  return out;
}

Page<Dog, std::string> DogRepository::list(const std::string& owner_id,
                                           const std::optional<std::string>& after,
                                           std::size_t limit) {
  limit = clamp_limit(limit);
  Sql sql(kDogSelect);
  sql.append(" WHERE d.user_id = ?", owner_id);
  if (after) sql.append(" AND d.id > ?", *after);
  sql.append(" ORDER BY d.id {LIMIT}", limit + 1);
  BoundStatement query(connection_, sql);
  query.execute();
  Page<Dog, std::string> page;
  while (query.fetch()) page.items.push_back(read_dog(query));
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = page.items.back().id;
  }
  return page;
}

std::size_t DogRepository::count(const std::string& owner_id) {
  Statement query(connection_, "SELECT COUNT(*) FROM dogs WHERE user_id = ?");
  return static_cast<std::size_t>(query.bind_all(owner_id).scalar());
}

bool DogRepository::update(const Dog& dog) {
  static const std::string sql = update_sql("dogs", kColumns) + " WHERE user_id = ? AND id = ?";
  Statement update(connection_, sql);
  bind_columns(update, kColumns, dog, true);
  update.bind_all(dog.owner_id, dog.id);
  return update.execute() > 0;
}

bool DogRepository::remove(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM dogs WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

}  // namespace dogcare::storage
