// Persistence of invitations to share a dog: to an account (professional_id,
// absent when no account answered to what the owner typed), or a one-time
// code (only its SHA-256). An invitation is deleted when accepted, so one
// that is used, cancelled or expired is simply not found.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/sharing.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

struct Invitation {
  std::string id;
  std::string dog_id;
  std::string owner_id;
  ShareScope scope = ShareScope::read;
  std::optional<std::string> professional_id;
  std::optional<std::string> invitee;    // as the owner typed it
  std::optional<std::string> code_hash;  // SHA-256 hex of the code
  Timestamp expires_at{};
  Timestamp created_at{};
};

class ShareInvitationRepository {
 public:
  explicit ShareInvitationRepository(Connection& connection) : connection_(connection) {}
  void insert(const Invitation& invitation);
  // Unexpired only.
  std::optional<Invitation> find_for_professional(const std::string& professional_id,
                                                  const std::string& id, Timestamp now);
  std::optional<Invitation> find_by_code_hash(const std::string& code_hash, Timestamp now);
  // Deletes it if still unexpired; false when another accept took it first (single use).
  bool consume(const std::string& id, Timestamp now);
  // The dog's unexpired invitations, oldest first.
  std::vector<PendingInvitation> list_for_dog(const std::string& owner_id,
                                              const std::string& dog_id, Timestamp now);
  // The unexpired invitations to the professional's account, oldest first.
  std::vector<HeldShare> list_for_professional(const std::string& professional_id, Timestamp now);
  bool remove(const std::string& owner_id, const std::string& id);
  std::size_t remove_expired(Timestamp now);
  // Every invitation that is still to be accepted or has expired (not yet purged).
  std::size_t count_unexpired(Timestamp now);
  std::size_t count_expired(Timestamp now);

 private:
  std::optional<Invitation> find_where(const char* condition, const std::string& value,
                                       Timestamp now);
  Connection& connection_;
};

}  // namespace dogcare::storage
