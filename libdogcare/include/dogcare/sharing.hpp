// Sharing a dog with a professional: an owner invites one (by username or
// email, or with a one-time code), the professional accepts while logged
// in, and holds a grant with a scope until the owner revokes it or the
// professional leaves. A grant lets its holder read that dog's data
// (observations, search, calendar, analytics, export) and nothing else.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/mailer.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

// What a grant allows: reading the dog's data, or reading and commenting.
enum class ShareScope { read, read_comment };

template <>
struct EnumDescription<ShareScope> {
  static constexpr std::string_view name = "ShareScope";
  static constexpr std::array<std::pair<ShareScope, std::string_view>, 2> values{
      {{ShareScope::read, "read"}, {ShareScope::read_comment, "read_comment"}}};
};

inline constexpr std::size_t kMaxProfessionalsPerDog = 20;
inline constexpr std::chrono::hours kShareInvitationTtl{7 * 24};
inline constexpr std::size_t kMaxShareCodeLength = 128;
// The invitee as typed: a username (3-50) or an email address (<= 254).
inline constexpr std::size_t kMaxInviteeLength = 254;

struct SharingOptions {
  // How long an invitation (by account or by code) can be accepted.
  std::chrono::hours invitation_ttl = kShareInvitationTtl;
  // The page a mailed invitation points to (the professional logs in there).
  std::string invitation_link = "http://localhost:8501/";
};

// An owner's invitation of a professional by username or email.
struct ShareInvitationInput {
  std::string professional;  // a username or an email address
  ShareScope scope = ShareScope::read;
};

// An owner's request for a one-time code.
struct ShareCodeRequest {
  ShareScope scope = ShareScope::read;
};

// A one-time code, returned once to the owner: only its hash is stored.
struct ShareCode {
  std::string code;
  std::string invitation_id;
  std::string dog_id;
  ShareScope scope = ShareScope::read;
  Timestamp expires_at{};
};

// A pending invitation, as its dog's owner sees it. An invitation by
// username or email reads the same whether or not an account answers to it.
struct PendingInvitation {
  std::string id;
  std::string dog_id;
  std::optional<std::string> invitee;  // as the owner typed it; absent for a code
  ShareScope scope = ShareScope::read;
  Timestamp expires_at{};
  Timestamp created_at{};
};

// A grant, as its dog's owner sees it: who holds it, with their profile.
struct DogShare {
  std::string id;
  std::string dog_id;
  std::string professional_username;
  std::optional<ProfessionalProfile> profile;
  ShareScope scope = ShareScope::read;
  Timestamp created_at{};
};

// Everything shared of one dog, for its owner.
struct DogSharing {
  std::vector<DogShare> shares;
  std::vector<PendingInvitation> invitations;
};

// A grant or an invitation as the professional sees it: the dog's name and
// the owner's display name (their username), never the owner's email, other
// dogs or other professionals.
struct HeldShare {
  std::string id;  // the grant's id (leave), or the invitation's (accept)
  std::string dog_id;
  std::string dog_name;
  std::string owner_name;
  ShareScope scope = ShareScope::read;
  Timestamp created_at{};
  std::optional<Timestamp> expires_at;  // invitations only
};

namespace share_fields {
inline constexpr FieldInfo id{"id", Presence::required, Limits{}.formatted("uuid"),
                              "The grant's or invitation's id."};
inline constexpr FieldInfo dog_id{"dog_id", Presence::required, Limits{}.formatted("uuid"),
                                  "The shared dog."};
inline constexpr FieldInfo scope{
    "scope", Presence::required, {}, "read, or read_comment (read and comment)."};
inline constexpr FieldInfo professional{"professional", Presence::required,
                                        Limits{}.length(1, kMaxInviteeLength),
                                        "The professional's username or email address."};
inline constexpr FieldInfo invitee{
    "invitee", Presence::optional, {}, "Whom the invitation is for, as typed; absent for a code."};
inline constexpr FieldInfo code{"code", Presence::required, Limits{}.length(1, kMaxShareCodeLength),
                                "The one-time code; shown once."};
inline constexpr FieldInfo expires_at{
    "expires_at", Presence::required, {}, "Until when it can be accepted."};
inline constexpr FieldInfo created_at{"created_at", Presence::required, {}, "When it was made."};
}  // namespace share_fields

template <>
struct Description<ShareInvitationInput> {
  static constexpr std::string_view name = "ShareInvitationInput";
  static constexpr std::string_view doc = "Invites a professional to one dog.";
  static constexpr auto fields = std::tuple{
      field(&ShareInvitationInput::professional, share_fields::professional),
      field(&ShareInvitationInput::scope, share_fields::scope),
  };
};

template <>
struct Description<ShareCodeRequest> {
  static constexpr std::string_view name = "ShareCodeRequest";
  static constexpr std::string_view doc = "Asks for a one-time code sharing one dog.";
  static constexpr auto fields = std::tuple{
      field(&ShareCodeRequest::scope, share_fields::scope),
  };
};

template <>
struct Description<ShareCode> {
  static constexpr std::string_view name = "ShareCode";
  static constexpr std::string_view doc =
      "A one-time code for a professional: valid 7 days, single use; shown once.";
  static constexpr auto fields = std::tuple{
      field(&ShareCode::code, share_fields::code),
      field(&ShareCode::invitation_id,
            {"invitation_id", Presence::required, Limits{}.formatted("uuid"),
             "The invitation, for cancelling it."}),
      field(&ShareCode::dog_id, share_fields::dog_id),
      field(&ShareCode::scope, share_fields::scope),
      field(&ShareCode::expires_at, share_fields::expires_at),
  };
};

template <>
struct Description<PendingInvitation> {
  static constexpr std::string_view name = "PendingInvitation";
  static constexpr std::string_view doc = "An invitation not yet accepted.";
  static constexpr auto fields = std::tuple{
      field(&PendingInvitation::id, share_fields::id),
      field(&PendingInvitation::dog_id, share_fields::dog_id),
      field(&PendingInvitation::invitee, share_fields::invitee),
      field(&PendingInvitation::scope, share_fields::scope),
      field(&PendingInvitation::expires_at, share_fields::expires_at),
      field(&PendingInvitation::created_at, share_fields::created_at),
  };
};

template <>
struct Description<DogShare> {
  static constexpr std::string_view name = "DogShare";
  static constexpr std::string_view doc = "A professional's access to one dog.";
  static constexpr auto fields = std::tuple{
      field(&DogShare::id, share_fields::id),
      field(&DogShare::dog_id, share_fields::dog_id),
      field(&DogShare::professional_username,
            {"professional_username", Presence::required, {}, "The professional's username."}),
      field(&DogShare::profile,
            {"profile", Presence::optional, {}, "The professional's profile, if they have one."}),
      field(&DogShare::scope, share_fields::scope),
      field(&DogShare::created_at, share_fields::created_at),
  };
};

template <>
struct Description<DogSharing> {
  static constexpr std::string_view name = "DogSharing";
  static constexpr std::string_view doc = "Who holds or was offered access to one dog.";
  static constexpr auto fields = std::tuple{
      field(&DogSharing::shares, {"shares", Presence::required, {}, "The live grants."}),
      field(&DogSharing::invitations,
            {"invitations", Presence::required, {}, "The pending invitations."}),
  };
};

template <>
struct Description<HeldShare> {
  static constexpr std::string_view name = "HeldShare";
  static constexpr std::string_view doc = "A dog shared with the caller, or offered to them.";
  static constexpr auto fields = std::tuple{
      field(&HeldShare::id, share_fields::id),
      field(&HeldShare::dog_id, share_fields::dog_id),
      field(&HeldShare::dog_name, {"dog_name", Presence::required, {}, "The dog's name."}),
      field(&HeldShare::owner_name,
            {"owner_name", Presence::required, {}, "The owner's display name."}),
      field(&HeldShare::scope, share_fields::scope),
      field(&HeldShare::created_at, share_fields::created_at),
      field(&HeldShare::expires_at,
            {"expires_at", Presence::optional, {}, "An invitation's last moment to accept."}),
  };
};

class Database;
class Clock;

class Sharing {
 public:
  // `mailer` tells an invited professional who has an email address; without
  // one, invitations are only listed for them.
  Sharing(Database& database, SharingOptions options = {},
          std::shared_ptr<Mailer> mailer = nullptr);
  Sharing(Database& database, SharingOptions options, std::shared_ptr<Mailer> mailer,
          const Clock& clock);

  // ---- the owner of the dog ----
  // Invites the account with this username or email. Answers the same
  // whether or not one exists (no account discovery): the invitation as
  // the owner typed it, listed with the dog's others until it expires.
  PendingInvitation invite(const Principal& owner, const std::string& dog_id,
                           const ShareInvitationInput& input);
  // A one-time code bound to the dog and the scope.
  ShareCode create_code(const Principal& owner, const std::string& dog_id,
                        const ShareCodeRequest& request);
  // The dog's grants (with each professional's profile) and pending invitations.
  DogSharing list_for_dog(const Principal& owner, const std::string& dog_id);
  void revoke(const Principal& owner, const std::string& share_id);
  void cancel_invitation(const Principal& owner, const std::string& invitation_id);

  // ---- the professional ----
  // The invitations addressed to the caller's account, not yet expired.
  std::vector<HeldShare> invitations(const Principal& professional);
  HeldShare accept(const Principal& professional, const std::string& invitation_id);
  HeldShare accept_code(const Principal& professional, std::string_view code);
  // The grants the caller holds.
  std::vector<HeldShare> held(const Principal& professional);

  // Sets dogcare_shares_active and dogcare_invitations{state} from the
  // database: figures of every replica at once, which a server refreshes
  // now and then on a worker (never on a scrape).
  void refresh_metrics();
  void leave(const Principal& professional, const std::string& share_id);

 private:
  Database& database_;
  SharingOptions options_;
  std::shared_ptr<Mailer> mailer_;
  const Clock& clock_;
};

}  // namespace dogcare
