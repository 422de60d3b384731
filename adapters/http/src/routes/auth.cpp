// /auth: registration, login (JSON or an OAuth2 password form), token
// revocation, password reset. Open routes, rate-limited per client.
#include "dogcare/accounts.hpp"
#include "http_records.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> auth_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("POST", "/auth/register", "Create an account with its first dog", "auth")
                       .open()
                       .reads<Registration>()
                       .answers<User>(201, "Created", true)
                       .runs([&s](Context& c) {
                         const auto user =
                             s.current_accounts()->register_user(c.body<Registration>());
                         return created(user, std::string(kApiPrefix) + "/me");
                       }));
  routes.push_back(api("POST", "/auth/login", "Log in (JSON, or an OAuth2 password form)", "auth")
                       .open()
                       .reads<Credentials>(Body::json_or_form)
                       .answers<AccessToken>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto credentials = c.body<Credentials>();
                         const auto token = s.current_accounts()->login(
                             credentials.username, credentials.password, c.request.client_address);
                         Response r = json_reply(200, token);
                         r.user_id = token.principal.user_id;
                         r.headers.emplace_back("Cache-Control", "no-store");
                         return r;
                       }));
  routes.push_back(api("POST", "/auth/logout-all", "Revoke every token of the account", "auth")
                       .answers_nothing(204, "Revoked")
                       .runs([&s](Context& c) {
                         s.current_accounts()->logout_everywhere(c.principal);
                         return no_content();
                       }));
  routes.push_back(
      api("POST", "/auth/password-reset/request", "Mail a password reset link", "auth")
          .open()
          .reads<PasswordResetRequest>()
          .answers<Accepted>(202, "Accepted, whether or not an account has this address")
          .runs([&s](Context& c) {
            s.current_accounts()->request_password_reset(c.body<PasswordResetRequest>().email);
            return json_reply(
                202, Accepted{"If an account has this address, a reset link is on its way."});
          }));
  routes.push_back(
      api("POST", "/auth/password-reset/confirm", "Set a new password with a reset token", "auth")
          .open()
          .reads<PasswordResetConfirmation>()
          .answers_nothing(204, "Changed; every token is revoked")
          .runs([&s](Context& c) {
            const auto confirmation = c.body<PasswordResetConfirmation>();
            s.current_accounts()->confirm_password_reset(confirmation.token,
                                                         confirmation.new_password);
            return no_content();
          }));
  return routes;
}

}  // namespace dogcare::http
