// A dog whose reactions an owner records. Observations are per dog.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dogcare/principal.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

struct Dog {
  std::string id;
  std::string owner_id;
  std::string name;
  std::optional<std::string> breed;
  std::optional<Date> birth_date;
  std::optional<std::string> notes;
  Timestamp created_at{};
  Timestamp updated_at{};
};

inline constexpr std::size_t kMaxDogNameLength = 100;    // code points
inline constexpr std::size_t kMaxBreedLength = 100;      // code points
inline constexpr std::size_t kMaxDogNotesLength = 2000;  // code points
inline constexpr std::size_t kMaxDogsPerUser = 50;

struct DogInput {
  std::string name;
  std::optional<std::string> breed;
  std::optional<Date> birth_date;
  std::optional<std::string> notes;
};

// A partial update: absent members stay as they are; an empty string clears
// an optional text, and clear_birth_date clears the date.
struct DogPatch {
  std::optional<std::string> name;
  std::optional<std::string> breed;
  std::optional<Date> birth_date;
  bool clear_birth_date = false;
  std::optional<std::string> notes;
};

class Database;

class Dogs {
 public:
  explicit Dogs(Database& database) : database_(database) {}
  Dog create(const Principal& principal, const DogInput& input);
  // In creation order.
  std::vector<Dog> list(const Principal& principal);
  Dog get(const Principal& principal, const std::string& id);
  Dog update(const Principal& principal, const std::string& id, const DogPatch& patch);
  // Deletes the dog with its observations.
  void remove(const Principal& principal, const std::string& id);

 private:
  Database& database_;
};

}  // namespace dogcare
