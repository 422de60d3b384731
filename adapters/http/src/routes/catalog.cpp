// The catalog: the default items, onboarding, and the user's triggers and
// reactions (the same routes for both kinds).
#include "dogcare/catalog.hpp"
#include "dogcare/accounts.hpp"
#include "http_records.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> catalog_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/catalog/defaults", "The default catalog", "catalog")
                       .answers<DefaultCatalog>(200, "OK")
                       .runs([&s](Context&) {
                         return json_reply(
                             200, DefaultCatalog{s.catalog.defaults(CatalogKind::trigger),
                                                 s.catalog.defaults(CatalogKind::reaction)});
                       }));
  routes.push_back(
      api("POST", "/onboarding", "Pick a starting catalog and name the first dog", "catalog")
          .reads<Onboarding>()
          .answers<User>(200, "OK")
          .runs([&s](Context& c) {
            s.catalog.onboard(c.principal, c.body<Onboarding>());
            return json_reply(200, s.current_accounts()->me(c.principal));
          }));

  for (const auto kind : {CatalogKind::trigger, CatalogKind::reaction}) {
    const std::string base = kind == CatalogKind::trigger ? "/triggers" : "/reactions";
    const std::string location = std::string(kApiPrefix) + base + "/";
    const bool triggers = kind == CatalogKind::trigger;
    routes.push_back(
        api("GET", base, triggers ? "The user's triggers" : "The user's reactions", "catalog")
            .filters<CatalogListQuery>()
            .answers<CatalogList>(200, "OK")
            .runs([&s, kind](Context& c) {
              const auto query = c.query<CatalogListQuery>();
              return json_reply(
                  200, CatalogList{s.catalog.list(c.principal, kind, query.include_archived),
                                   std::nullopt});
            }));
    routes.push_back(api("POST", base, triggers ? "Add a trigger" : "Add a reaction", "catalog")
                         .reads<CatalogItemInput>()
                         .answers<CatalogItem>(201, "Created", true)
                         .runs([&s, kind, location](Context& c) {
                           const auto item =
                               s.catalog.create(c.principal, kind, c.body<CatalogItemInput>().name);
                           return created(item, location + item.id);
                         }));
    routes.push_back(api("GET", base + "/{id}", triggers ? "A trigger" : "A reaction", "catalog")
                         .answers<CatalogItem>(200, "OK")
                         .runs([&s, kind](Context& c) {
                           return json_reply(200, s.catalog.get(c.principal, kind, c.params[0]));
                         }));
    routes.push_back(
        api("PATCH", base + "/{id}", triggers ? "Rename a trigger" : "Rename a reaction", "catalog")
            .reads<CatalogItemInput>()
            .answers<CatalogItem>(200, "OK")
            .runs([&s, kind](Context& c) {
              const auto name = c.body<CatalogItemInput>().name;
              return json_reply(200, s.catalog.rename(c.principal, kind, c.params[0], name));
            }));
    routes.push_back(api("DELETE", base + "/{id}",
                         triggers ? "Delete a trigger (archived if observations use it)"
                                  : "Delete a reaction (archived if observations use it)",
                         "catalog")
                         .answers_nothing(204, "Deleted or archived")
                         .runs([&s, kind](Context& c) {
                           s.catalog.remove(c.principal, kind, c.params[0]);
                           return no_content();
                         }));
  }
  return routes;
}

}  // namespace dogcare::http
