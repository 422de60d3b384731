#include "storage/dog_repository.hpp"

#include "storage/dialect.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr std::string_view kDogSelect =
    "SELECT id, user_id, name, breed, birth_date, notes, created_at, updated_at FROM dogs";

Dog read_dog(Statement& row) {
  Dog dog;
  dog.id = row.text_or_empty(1);
  dog.owner_id = row.text_or_empty(2);
  dog.name = row.text_or_empty(3);
  dog.breed = optional_text(row, 4);
  dog.birth_date = row.date(5);
  dog.notes = optional_text(row, 6);
  dog.created_at = row.timestamp(7).value_or(Timestamp{});
  dog.updated_at = row.timestamp(8).value_or(Timestamp{});
  return dog;
}

}  // namespace

void DogRepository::insert(const Dog& dog) {
  Statement insert(connection_,
                   "INSERT INTO dogs (id, user_id, name, breed, birth_date, notes, created_at,"
                   " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind_all(dog.id, dog.owner_id, dog.name, nullable_text(dog.breed.value_or("")),
                  optional_param(dog.birth_date), nullable_text(dog.notes.value_or("")),
                  dog.created_at, dog.updated_at);
  insert.execute();
}

std::optional<Dog> DogRepository::find(const std::string& owner_id, const std::string& id) {
  Statement query(connection_, std::string(kDogSelect) + " WHERE user_id = ? AND id = ?");
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
  sql.append(" WHERE user_id = ?", owner_id);
  if (after) sql.append(" AND id > ?", *after);
  sql.append(" ORDER BY id {LIMIT}", limit + 1);
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
  Statement update(connection_,
                   "UPDATE dogs SET name = ?, breed = ?, birth_date = ?, notes = ?, updated_at = ?"
                   " WHERE user_id = ? AND id = ?");
  update.bind_all(dog.name, nullable_text(dog.breed.value_or("")), optional_param(dog.birth_date),
                  nullable_text(dog.notes.value_or("")), dog.updated_at, dog.owner_id, dog.id);
  return update.execute() > 0;
}

bool DogRepository::remove(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM dogs WHERE user_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

}  // namespace dogcare::storage
