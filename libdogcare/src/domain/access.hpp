// Who may read a dog's data, written once: its owner, or a professional
// holding a live grant for that dog. Every read of a dog's data (the dog,
// its observations, search, calendar, analytics, export) asks here, then
// reads the owner's rows (observations link the owner's catalog items, so a
// professional sees the owner's names). Writes stay the owner's alone: they
// are filtered by the caller as owner, so a professional's write finds nothing.
#pragma once

#include <optional>
#include <string>

#include "dogcare/dogs.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/sharing.hpp"
#include "storage/odbc.hpp"

namespace dogcare::domain {

enum class DogRole { owner, professional };

struct DogAccess {
  Dog dog;  // dog.owner_id: whose rows hold the dog's data
  DogRole role = DogRole::owner;
  std::optional<ShareScope> scope;  // a professional's grant
};

// The dog if the principal may read it; nullopt when it is missing,
// malformed, or someone else's without a live grant for the principal.
std::optional<DogAccess> find_dog_access(storage::Connection& connection,
                                         const Principal& principal, const std::string& dog_id);

// The same, "not found" otherwise (an id the operation is about).
DogAccess dog_access(storage::Connection& connection, const Principal& principal,
                     const std::string& dog_id);

// A dog named by a query (calendar, analytics): the given one if readable,
// else invalid_argument on dog_id (unknown); absent, the principal's only
// own dog (resolve_dog).
DogAccess readable_dog(storage::Connection& connection, const Principal& principal,
                       const std::optional<std::string>& dog_id);

// Whose rows a listing reads (search, export): the dog's owner when the
// listing is filtered by a dog the principal may read; otherwise the
// principal's own, where another user's dog matches nothing. A listing
// without a dog covers only the principal's own dogs, never shared ones.
std::string listing_owner(const Principal& principal, const std::optional<DogAccess>& access);

}  // namespace dogcare::domain
