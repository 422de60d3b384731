#include "domain/access.hpp"

#include "core/ids.hpp"
#include "dogcare/error.hpp"
#include "domain/rules.hpp"
#include "storage/repositories.hpp"

namespace dogcare::domain {

std::optional<DogAccess> find_dog_access_unrecorded(storage::Connection& connection,
                                                    const Principal& principal,
                                                    const std::string& dog_id) {
  if (!valid_id(dog_id) || principal.user_id.empty()) return std::nullopt;
  storage::DogRepository dogs(connection);
  if (auto own = dogs.find(principal.user_id, dog_id)) {
    return DogAccess{std::move(*own), DogRole::owner, std::nullopt, std::nullopt};
  }
  const auto grant = storage::ShareRepository(connection).find(dog_id, principal.user_id);
  if (!grant) return std::nullopt;
  auto shared = dogs.find(grant->owner_id, dog_id);
  if (!shared) return std::nullopt;
  return DogAccess{std::move(*shared), DogRole::professional, grant->scope, grant->id};
}

std::optional<DogAccess> find_dog_access(storage::Connection& connection,
                                         const Principal& principal, const std::string& dog_id,
                                         const DogRead& read) {
  auto access = find_dog_access_unrecorded(connection, principal, dog_id);
  if (access && access->role == DogRole::professional) {
    const auto bucket = std::chrono::duration_cast<Timestamp::duration>(kAccessLogBucket).count();
    storage::AccessLogRepository(connection)
        .record({new_id(), access->dog.id, access->dog.owner_id, principal.user_id, read.view,
                 read.at.time_since_epoch().count() / bucket, read.at});
  }
  return access;
}

DogAccess dog_access(storage::Connection& connection, const Principal& principal,
                     const std::string& dog_id, const DogRead& read) {
  auto access = find_dog_access(connection, principal, dog_id, read);
  if (!access) throw_not_found("dog");
  return std::move(*access);
}

Dog owned_dog(storage::Connection& connection, const Principal& owner, const std::string& dog_id) {
  if (!valid_id(dog_id)) throw_not_found("dog");
  auto dog = storage::DogRepository(connection).find(owner.user_id, dog_id);
  if (!dog) throw_not_found("dog");
  return std::move(*dog);
}

DogAccess readable_dog(storage::Connection& connection, const Principal& principal,
                       const std::optional<std::string>& dog_id, const DogRead& read) {
  if (dog_id) {
    auto access = find_dog_access(connection, principal, *dog_id, read);
    if (!access) throw_invalid("dog_id", Rule::unknown, "dog_id does not name a dog you can read");
    return std::move(*access);
  }
  const std::string own = resolve_dog(connection, principal.user_id, std::nullopt);
  return dog_access(connection, principal, own, read);
}

std::string listing_owner(const Principal& principal, const std::optional<DogAccess>& access) {
  return access ? access->dog.owner_id : principal.user_id;
}

}  // namespace dogcare::domain
