// Who may read a dog's data, written once: its owner, or a professional
// holding a live grant for that dog. Every read of a dog's data (the dog,
// its observations, search, calendar, analytics, export, comments) asks
// here, which records a professional's read in the access log, then
// reads the owner's rows (observations link the owner's catalog items, so a
// professional sees the owner's names). Writes stay the owner's alone: they
// are filtered by the caller as owner, so a professional's write finds nothing.
#pragma once

#include <optional>
#include <string>

#include "dogcare/access_log.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/sharing.hpp"
#include "storage/odbc.hpp"

namespace dogcare::domain {

enum class DogRole { owner, professional };

struct DogAccess {
  Dog dog;  // dog.owner_id: whose rows hold the dog's data
  DogRole role = DogRole::owner;
  std::optional<ShareScope> scope;      // a professional's grant
  std::optional<std::string> share_id;  // and its id
};

// What the caller is about to read, for the access log.
struct DogRead {
  AccessView view = AccessView::dog;
  Timestamp at{};
};

// The dog if the principal may read it; nullopt when it is missing,
// malformed, or someone else's without a live grant for the principal. A
// professional's read is recorded in the access log (at most one row per
// professional, dog and view in kAccessLogBucket); an owner's is not.
// Outside a transaction (the log's insert may be refused by a concurrent one).
std::optional<DogAccess> find_dog_access(storage::Connection& connection,
                                         const Principal& principal, const std::string& dog_id,
                                         const DogRead& read);

// The same rule where nothing of the dog's data is shown (a comment written,
// a count of unread comments): nothing is recorded.
std::optional<DogAccess> find_dog_access_unrecorded(storage::Connection& connection,
                                                    const Principal& principal,
                                                    const std::string& dog_id);

// find_dog_access, "not found" otherwise (an id the operation is about).
DogAccess dog_access(storage::Connection& connection, const Principal& principal,
                     const std::string& dog_id, const DogRead& read);

// Only the owner shares a dog, lists its sharing and reads its access log:
// anyone else, a professional holding a grant included, finds no such dog
// (not_found).
Dog owned_dog(storage::Connection& connection, const Principal& owner, const std::string& dog_id);

// A dog named by a query (calendar, analytics): the given one if readable,
// else invalid_argument on dog_id (unknown); absent, the principal's only
// own dog (resolve_dog).
DogAccess readable_dog(storage::Connection& connection, const Principal& principal,
                       const std::optional<std::string>& dog_id, const DogRead& read);

// Whose rows a listing reads (search, export): the dog's owner when the
// listing is filtered by a dog the principal may read; otherwise the
// principal's own, where another user's dog matches nothing. A listing
// without a dog covers only the principal's own dogs, never shared ones.
std::string listing_owner(const Principal& principal, const std::optional<DogAccess>& access);

}  // namespace dogcare::domain
