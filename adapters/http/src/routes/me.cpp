// /me: the signed-in account.
#include "dogcare/accounts.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> me_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/me", "The signed-in account", "me")
                       .answers<User>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200, s.current_accounts()->me(c.principal));
                       }));
  routes.push_back(api("PATCH", "/me", "Change the username or the email", "me")
                       .reads<ProfileUpdate>()
                       .answers<User>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto update = c.body<ProfileUpdate>();
                         return json_reply(
                             200, s.current_accounts()->update_profile(c.principal, update));
                       }));
  routes.push_back(api("DELETE", "/me", "Delete the account with all its data", "me")
                       .answers_nothing(204, "Deleted")
                       .runs([&s](Context& c) {
                         s.current_accounts()->delete_account(c.principal);
                         return no_content();
                       }));
  routes.push_back(api("PUT", "/me/password", "Change the password; revokes every token", "me")
                       .reads<PasswordChange>()
                       .answers_nothing(204, "Changed")
                       .runs([&s](Context& c) {
                         const auto change = c.body<PasswordChange>();
                         s.current_accounts()->change_password(c.principal, change.current_password,
                                                               change.new_password);
                         return no_content();
                       }));
  return routes;
}

}  // namespace dogcare::http
