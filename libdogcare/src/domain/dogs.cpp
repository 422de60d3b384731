#include "dogcare/dogs.hpp"

#include "core/ids.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/access.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

Dog must_find(storage::DogRepository& dogs, const Principal& principal, const std::string& id) {
  if (!valid_id(id)) throw_not_found("dog");
  auto dog = dogs.find(principal.user_id, id);
  if (!dog) throw_not_found("dog");
  return std::move(*dog);
}

}  // namespace

Dogs::Dogs(Database& database) : Dogs(database, kSystemClock) {}
Dogs::Dogs(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

Dog Dogs::create(const Principal& principal, const DogInput& raw) {
  DogInput input = raw;
  domain::validate(input, domain::local_today(clock_, principal));
  Dog dog;
  assign_fields(input, dog);
  dog.id = new_id();
  dog.owner_id = principal.user_id;
  dog.created_at = dog.updated_at = now_utc();

  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  storage::DogRepository dogs(*connection);
  if (dogs.count(principal.user_id) >= kMaxDogsPerUser) {
    throw_invalid({"name",
                   Rule::limit_reached,
                   {},
                   static_cast<long long>(kMaxDogsPerUser),
                   {},
                   {},
                   "you have reached the limit of " + std::to_string(kMaxDogsPerUser) + " dogs"});
  }
  dogs.insert(dog);
  transaction.commit();
  return dog;
}

std::vector<Dog> Dogs::list(const Principal& principal) {
  auto connection = storage::pool(database_).borrow();
  return storage::DogRepository(*connection)
      .list(principal.user_id, std::nullopt, kMaxDogsPerUser)
      .items;
}

// The owner's dog or a dog shared with the caller.
Dog Dogs::get(const Principal& principal, const std::string& id) {
  auto connection = storage::pool(database_).borrow();
  return domain::dog_access(*connection, principal, id, {AccessView::dog, clock_.now()}).dog;
}

Dog Dogs::update(const Principal& principal, const std::string& id, const DogPatch& raw) {
  DogPatch patch = raw;
  domain::validate(patch, domain::local_today(clock_, principal));
  auto connection = storage::pool(database_).borrow();
  storage::DogRepository dogs(*connection);
  Dog dog = must_find(dogs, principal, id);
  apply_patch(patch, dog);
  dog.updated_at = now_utc();
  if (!dogs.update(dog)) throw_not_found("dog");
  return dog;
}

void Dogs::remove(const Principal& principal, const std::string& id) {
  auto connection = storage::pool(database_).borrow();
  if (!valid_id(id) || !storage::DogRepository(*connection).remove(principal.user_id, id)) {
    throw_not_found("dog");
  }
}

}  // namespace dogcare
