// Persistence of grants: a professional's access to one dog, filtered by
// the dog's owner for the owner's operations and by the professional for
// theirs, so a foreign id behaves exactly like a missing one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "dogcare/sharing.hpp"
#include "storage/columns.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

// A HeldShare's own columns, named alike in dog_shares and share_invitations.
inline constexpr auto kHeldShareColumns = std::tuple{
    Column<HeldShare, std::string>{"id", &HeldShare::id},
    Column<HeldShare, std::string>{"dog_id", &HeldShare::dog_id},
    Column<HeldShare, ShareScope>{"scope", &HeldShare::scope},
    Column<HeldShare, Timestamp>{"created_at", &HeldShare::created_at},
};

struct Grant {
  std::string id;
  std::string dog_id;
  std::string owner_id;
  std::string professional_id;
  ShareScope scope = ShareScope::read;
  Timestamp created_at{};
};

class ShareRepository {
 public:
  explicit ShareRepository(Connection& connection) : connection_(connection) {}
  // A second grant of the same dog to the same professional is a conflict.
  void insert(const Grant& grant);
  // The professional's grant for the dog, if any.
  std::optional<Grant> find(const std::string& dog_id, const std::string& professional_id);
  // A grant of the owner's, by its id.
  std::optional<Grant> find_for_owner(const std::string& owner_id, const std::string& id);
  std::size_t count_for_dog(const std::string& dog_id);
  std::size_t count_all();
  // The dog's grants with each professional's username and profile, oldest first.
  std::vector<DogShare> list_for_dog(const std::string& owner_id, const std::string& dog_id);
  // The professional's grants with each dog's and owner's name, oldest first.
  std::vector<HeldShare> list_held(const std::string& professional_id);
  bool remove_by_owner(const std::string& owner_id, const std::string& id);
  bool remove_by_professional(const std::string& professional_id, const std::string& id);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
