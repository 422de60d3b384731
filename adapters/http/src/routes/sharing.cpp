// Sharing a dog with professionals: the owner's invitations, codes and
// grants under /dogs/{id}, /shares and /invitations; the professional's
// under /me and /share-codes; the caller's own profile as a professional.
#include "dogcare/sharing.hpp"
#include "dogcare/client_board.hpp"
#include "dogcare/professionals.hpp"
#include "http_records.hpp"
#include "problem.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> professional_profile_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/me/professional-profile",
                       "The caller's professional profile; 404 without one", "sharing")
                       .answers<ProfessionalProfile>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto profile = s.professionals.profile(c.principal);
                         if (!profile) return problem_response(404, "No professional profile.");
                         return json_reply(200, *profile);
                       }));
  routes.push_back(api("PUT", "/me/professional-profile",
                       "Create or replace the caller's professional profile", "sharing")
                       .reads<ProfessionalProfileInput>()
                       .answers<ProfessionalProfile>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto input = c.body<ProfessionalProfileInput>();
                         return json_reply(200, s.professionals.set_profile(c.principal, input));
                       }));
  routes.push_back(api("DELETE", "/me/professional-profile",
                       "Remove the caller's professional profile; their grants stay", "sharing")
                       .answers_nothing(204, "Removed, or there was none")
                       .runs([&s](Context& c) {
                         s.professionals.clear_profile(c.principal);
                         return no_content();
                       }));
  return routes;
}

std::vector<Route> sharing_routes(Services& s) {
  std::vector<Route> routes;
  // ---- the owner of the dog ----
  routes.push_back(
      api("POST", "/dogs/{id}/invitations",
          "Invite a professional by username or email; the same answer whether or not an "
          "account matches",
          "sharing")
          .reads<ShareInvitationInput>()
          .answers<PendingInvitation>(201, "Invited (pending until accepted or expired)")
          .runs([&s](Context& c) {
            const auto input = c.body<ShareInvitationInput>();
            return json_reply(201, s.sharing->invite(c.principal, c.params[0], input));
          }));
  routes.push_back(
      api("POST", "/dogs/{id}/share-codes",
          "Make a one-time code sharing the dog; the code is shown only here", "sharing")
          .reads<ShareCodeRequest>()
          .answers<ShareCode>(201, "Created")
          .runs([&s](Context& c) {
            const auto request = c.body<ShareCodeRequest>();
            return json_reply(201, s.sharing->create_code(c.principal, c.params[0], request));
          }));
  routes.push_back(
      api("GET", "/dogs/{id}/shares", "Who holds or was offered access to the dog", "sharing")
          .answers<DogSharing>(200, "OK")
          .runs([&s](Context& c) {
            return json_reply(200, s.sharing->list_for_dog(c.principal, c.params[0]));
          }));
  routes.push_back(
      api("DELETE", "/shares/{id}", "Revoke a professional's access to a dog", "sharing")
          .answers_nothing(204, "Revoked")
          .runs([&s](Context& c) {
            s.sharing->revoke(c.principal, c.params[0]);
            return no_content();
          }));
  routes.push_back(
      api("DELETE", "/invitations/{id}", "Cancel a pending invitation or code", "sharing")
          .answers_nothing(204, "Cancelled")
          .runs([&s](Context& c) {
            s.sharing->cancel_invitation(c.principal, c.params[0]);
            return no_content();
          }));
  // ---- the professional ----
  routes.push_back(
      api("GET", "/me/invitations", "The invitations addressed to the caller", "sharing")
          .answers<HeldShareList>(200, "OK")
          .runs([&s](Context& c) {
            return json_reply(200,
                              HeldShareList{s.sharing->invitations(c.principal), std::nullopt});
          }));
  routes.push_back(api("POST", "/me/invitations/{id}/accept",
                       "Accept an invitation: the caller holds the grant", "sharing")
                       .answers<HeldShare>(200, "The grant")
                       .runs([&s](Context& c) {
                         return json_reply(200, s.sharing->accept(c.principal, c.params[0]));
                       }));
  routes.push_back(api("POST", "/share-codes/accept",
                       "Accept a one-time code: the caller holds the grant", "sharing")
                       .reads<ShareCodeInput>()
                       .limited_per_client()
                       .answers<HeldShare>(200, "The grant")
                       .runs([&s](Context& c) {
                         const auto input = c.body<ShareCodeInput>();
                         return json_reply(200, s.sharing->accept_code(c.principal, input.code));
                       }));
  routes.push_back(
      api("GET", "/me/shared-dogs", "The dogs shared with the caller", "sharing")
          .answers<HeldShareList>(200, "OK")
          .runs([&s](Context& c) {
            return json_reply(200, HeldShareList{s.sharing->held(c.principal), std::nullopt});
          }));
  routes.push_back(
      api("GET", "/clients",
          "The caller's client board: every dog shared with them, who needs "
          "attention first",
          "sharing")
          .answers<ClientBoardReport>(200, "OK")
          .runs([&s](Context& c) { return json_reply(200, s.client_board.report(c.principal)); }));
  routes.push_back(
      api("DELETE", "/me/shared-dogs/{id}", "Give up access to a shared dog", "sharing")
          .answers_nothing(204, "Left")
          .runs([&s](Context& c) {
            s.sharing->leave(c.principal, c.params[0]);
            return no_content();
          }));
  return routes;
}

}  // namespace dogcare::http
