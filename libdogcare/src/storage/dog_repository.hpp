// Persistence of dogs, always filtered by their owner: a foreign id behaves
// exactly like a missing one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "dogcare/dogs.hpp"
#include "storage/odbc.hpp"
#include "storage/page.hpp"

namespace dogcare::storage {

class DogRepository {
 public:
  explicit DogRepository(Connection& connection) : connection_(connection) {}
  void insert(const Dog& dog);
  std::optional<Dog> find(const std::string& owner_id, const std::string& id);
  // In creation order; the cursor is the last dog's id.
  Page<Dog, std::string> list(const std::string& owner_id, const std::optional<std::string>& after,
                              std::size_t limit);
  std::size_t count(const std::string& owner_id);
  bool update(const Dog& dog);
  // Deletes the dog and its observations.
  bool remove(const std::string& owner_id, const std::string& id);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
