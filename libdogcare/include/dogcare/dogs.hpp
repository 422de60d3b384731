// A dog whose reactions an owner records. Observations are per dog.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
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

// A partial update: absent members stay, null clears (an empty text too).
struct DogPatch {
  Patch<std::string> name;
  Patch<std::string> breed;
  Patch<Date> birth_date;
  Patch<std::string> notes;
};

namespace dog_fields {
inline constexpr FieldInfo id{"id", Presence::required, Limits{}.formatted("uuid"),
                              "The dog's id."};
inline constexpr FieldInfo name{"name", Presence::required, Limits{}.length(1, kMaxDogNameLength),
                                "The dog's name."};
inline constexpr FieldInfo breed{"breed", Presence::optional, Limits{}.length(0, kMaxBreedLength),
                                 "The breed, in the owner's words."};
inline constexpr FieldInfo birth_date{
    "birth_date", Presence::optional,
    Limits{}.dates(Date{std::chrono::year{1980}, std::chrono::January, std::chrono::day{1}}, 0),
    "The date of birth, or an estimate."};
inline constexpr FieldInfo notes{"notes", Presence::optional,
                                 Limits{}.length(0, kMaxDogNotesLength).lines(),
                                 "Free notes about the dog."};
inline constexpr FieldInfo created_at{"created_at", Presence::required, {}, "When it was added."};
inline constexpr FieldInfo updated_at{
    "updated_at", Presence::required, {}, "When it last changed."};
}  // namespace dog_fields

template <>
struct Description<Dog> {
  static constexpr std::string_view name = "Dog";
  static constexpr std::string_view doc = "A dog whose reactions its owner records.";
  static constexpr auto fields = std::tuple{
      field(&Dog::id, dog_fields::id),
      field(&Dog::name, dog_fields::name),
      field(&Dog::breed, dog_fields::breed),
      field(&Dog::birth_date, dog_fields::birth_date),
      field(&Dog::notes, dog_fields::notes),
      field(&Dog::created_at, dog_fields::created_at),
      field(&Dog::updated_at, dog_fields::updated_at),
  };
};

template <>
struct Description<DogInput> {
  static constexpr std::string_view name = "DogInput";
  static constexpr std::string_view doc = "A new dog.";
  static constexpr auto fields = std::tuple{
      field(&DogInput::name, dog_fields::name),
      field(&DogInput::breed, dog_fields::breed),
      field(&DogInput::birth_date, dog_fields::birth_date),
      field(&DogInput::notes, dog_fields::notes),
  };
};

template <>
struct Description<DogPatch> {
  static constexpr std::string_view name = "DogPatch";
  static constexpr std::string_view doc =
      "Changes to a dog: an absent member stays, null clears it.";
  static constexpr auto fields = std::tuple{
      field(&DogPatch::name, dog_fields::name),
      field(&DogPatch::breed, dog_fields::breed),
      field(&DogPatch::birth_date, dog_fields::birth_date),
      field(&DogPatch::notes, dog_fields::notes),
  };
};

class Database;
class Clock;

class Dogs {
 public:
  explicit Dogs(Database& database);
  // `clock` dates a professional's reads in the access log.
  Dogs(Database& database, const Clock& clock);
  Dog create(const Principal& principal, const DogInput& input);
  // In creation order.
  std::vector<Dog> list(const Principal& principal);
  Dog get(const Principal& principal, const std::string& id);
  Dog update(const Principal& principal, const std::string& id, const DogPatch& patch);
  // Deletes the dog with its observations.
  void remove(const Principal& principal, const std::string& id);

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace dogcare
