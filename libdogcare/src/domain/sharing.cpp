#include "dogcare/sharing.hpp"

#include "core/ids.hpp"
#include "core/metrics.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/access.hpp"
#include "domain/mail_text.hpp"
#include "domain/validation.hpp"
#include "security/secret_token.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

void check_room(storage::ShareRepository& shares, const std::string& dog_id) {
  if (shares.count_for_dog(dog_id) >= kMaxProfessionalsPerDog) {
    throw_conflict("this dog is already shared with " + std::to_string(kMaxProfessionalsPerDog) +
                       " professionals, the most it can be",
                   "dog_id");
  }
}

std::optional<storage::UserRecord> find_account(storage::Connection& connection,
                                                const std::string& username_or_email) {
  storage::UserRepository users(connection);
  if (username_or_email.find('@') != std::string::npos) {
    return users.find_by_email(username_or_email);
  }
  return users.find_by_username(username_or_email);
}

// Turns an invitation the professional may accept into a grant: the
// invitation is consumed (single use, one concurrent accept wins) in the
// caller's transaction. `field` names the input at fault.
HeldShare grant_from(storage::Connection& connection, const Principal& professional,
                     const storage::Invitation& invitation, Timestamp now,
                     const std::string& field) {
  if (invitation.owner_id == professional.user_id) {
    throw_invalid(field, Rule::invalid, "you cannot share a dog with yourself");
  }
  storage::ShareRepository shares(connection);
  if (shares.find(invitation.dog_id, professional.user_id)) {
    throw_conflict("this dog is already shared with you", "dog_id");
  }
  check_room(shares, invitation.dog_id);
  if (!storage::ShareInvitationRepository(connection).consume(invitation.id, now)) {
    throw_not_found("invitation");
  }
  const storage::Grant grant{
      new_id(), invitation.dog_id, invitation.owner_id, professional.user_id, invitation.scope,
      now};
  shares.insert(grant);  // a concurrent accept of another invitation: conflict
  const auto dog = storage::DogRepository(connection).find(invitation.owner_id, invitation.dog_id);
  const auto owner = storage::UserRepository(connection).find(invitation.owner_id);
  if (!dog || !owner) throw_not_found("invitation");
  return {grant.id, dog->id, dog->name, owner->user.username, grant.scope, now, std::nullopt};
}

}  // namespace

Sharing::Sharing(Database& database, SharingOptions options, std::shared_ptr<Mailer> mailer)
    : Sharing(database, std::move(options), std::move(mailer), kSystemClock) {}

Sharing::Sharing(Database& database, SharingOptions options, std::shared_ptr<Mailer> mailer,
                 const Clock& clock)
    : database_(database),
      options_(std::move(options)),
      mailer_(std::move(mailer)),
      clock_(clock) {}

PendingInvitation Sharing::invite(const Principal& owner, const std::string& dog_id,
                                  const ShareInvitationInput& raw) {
  ShareInvitationInput input = raw;
  domain::validate(input, today_utc());
  const Timestamp now = clock_.now();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  const Dog dog = domain::owned_dog(*connection, owner, dog_id);
  const auto account = find_account(*connection, input.professional);
  if (account && account->user.id == owner.user_id) {
    throw_invalid("professional", Rule::invalid, "you cannot share a dog with yourself");
  }
  storage::ShareRepository shares(*connection);
  check_room(shares, dog.id);
  // Stored the same whether or not an account answers (no account
  // discovery); an invitation nobody can accept simply expires.
  storage::Invitation invitation{
      new_id(),
      dog.id,
      owner.user_id,
      input.scope,
      account ? std::optional<std::string>(account->user.id) : std::nullopt,
      input.professional,
      std::nullopt,
      now + std::chrono::duration_cast<Timestamp::duration>(options_.invitation_ttl),
      now};
  storage::ShareInvitationRepository(*connection).insert(invitation);
  transaction.commit();
  metrics::count_invitation(metrics::InvitationEvent::created);

  if (mailer_ && account && account->user.email) {
    try {
      const auto owner_account = storage::UserRepository(*connection).find(owner.user_id);
      mailer_->send(domain::invitation_mail(
          account->user, owner_account ? owner_account->user.username : std::string(), dog.name,
          options_.invitation_ttl, options_.invitation_link));
    } catch (const Error&) {
      // The invitation stands and is listed for the professional; a failed
      // mail must not answer differently (it would reveal the account).
    }
  }
  return {invitation.id, dog.id, invitation.invitee, input.scope, invitation.expires_at, now};
}

ShareCode Sharing::create_code(const Principal& owner, const std::string& dog_id,
                               const ShareCodeRequest& raw) {
  ShareCodeRequest request = raw;
  domain::validate(request, today_utc());
  const Timestamp now = clock_.now();
  const std::string code = security::random_token();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  const Dog dog = domain::owned_dog(*connection, owner, dog_id);
  storage::ShareRepository shares(*connection);
  check_room(shares, dog.id);
  const storage::Invitation invitation{
      new_id(),
      dog.id,
      owner.user_id,
      request.scope,
      std::nullopt,
      std::nullopt,
      security::sha256_hex(code),
      now + std::chrono::duration_cast<Timestamp::duration>(options_.invitation_ttl),
      now};
  storage::ShareInvitationRepository(*connection).insert(invitation);
  transaction.commit();
  metrics::count_invitation(metrics::InvitationEvent::created);
  return {code, invitation.id, dog.id, request.scope, invitation.expires_at};
}

DogSharing Sharing::list_for_dog(const Principal& owner, const std::string& dog_id) {
  auto connection = storage::pool(database_).borrow();
  const Dog dog = domain::owned_dog(*connection, owner, dog_id);
  DogSharing out;
  out.shares = storage::ShareRepository(*connection).list_for_dog(owner.user_id, dog.id);
  out.invitations = storage::ShareInvitationRepository(*connection)
                        .list_for_dog(owner.user_id, dog.id, clock_.now());
  return out;
}

void Sharing::revoke(const Principal& owner, const std::string& share_id) {
  auto connection = storage::pool(database_).borrow();
  if (!valid_id(share_id) ||
      !storage::ShareRepository(*connection).remove_by_owner(owner.user_id, share_id)) {
    throw_not_found("share");
  }
}

void Sharing::cancel_invitation(const Principal& owner, const std::string& invitation_id) {
  auto connection = storage::pool(database_).borrow();
  if (!valid_id(invitation_id) ||
      !storage::ShareInvitationRepository(*connection).remove(owner.user_id, invitation_id)) {
    throw_not_found("invitation");
  }
}

std::vector<HeldShare> Sharing::invitations(const Principal& professional) {
  auto connection = storage::pool(database_).borrow();
  return storage::ShareInvitationRepository(*connection)
      .list_for_professional(professional.user_id, clock_.now());
}

HeldShare Sharing::accept(const Principal& professional, const std::string& invitation_id) {
  if (!valid_id(invitation_id) || professional.user_id.empty()) throw_not_found("invitation");
  const Timestamp now = clock_.now();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  const auto invitation = storage::ShareInvitationRepository(*connection)
                              .find_for_professional(professional.user_id, invitation_id, now);
  if (!invitation) throw_not_found("invitation");
  HeldShare held = grant_from(*connection, professional, *invitation, now, "invitation_id");
  transaction.commit();
  metrics::count_invitation(metrics::InvitationEvent::accepted);
  return held;
}

HeldShare Sharing::accept_code(const Principal& professional, std::string_view code) {
  // A wrong code of any shape, an expired, used or cancelled one: not found.
  if (code.empty() || code.size() > kMaxShareCodeLength || professional.user_id.empty()) {
    throw_not_found("invitation");
  }
  const Timestamp now = clock_.now();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  const auto invitation = storage::ShareInvitationRepository(*connection)
                              .find_by_code_hash(security::sha256_hex(code), now);
  if (!invitation) throw_not_found("invitation");
  HeldShare held = grant_from(*connection, professional, *invitation, now, "code");
  transaction.commit();
  metrics::count_invitation(metrics::InvitationEvent::accepted);
  return held;
}

void Sharing::refresh_metrics() {
  const Timestamp now = clock_.now();
  auto connection = storage::pool(database_).borrow();
  storage::ShareInvitationRepository invitations(*connection);
  metrics::set_sharing_gauges(storage::ShareRepository(*connection).count_all(),
                              invitations.count_unexpired(now), invitations.count_expired(now));
}

std::vector<HeldShare> Sharing::held(const Principal& professional) {
  auto connection = storage::pool(database_).borrow();
  return storage::ShareRepository(*connection).list_held(professional.user_id);
}

void Sharing::leave(const Principal& professional, const std::string& share_id) {
  auto connection = storage::pool(database_).borrow();
  if (!valid_id(share_id) || !storage::ShareRepository(*connection)
                                  .remove_by_professional(professional.user_id, share_id)) {
    throw_not_found("share");
  }
}

}  // namespace dogcare
