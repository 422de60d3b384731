// /dogs: the user's dogs.
#include "dogcare/dogs.hpp"
#include "http_records.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> dog_routes(Services& s) {
  std::vector<Route> routes;
  routes.push_back(api("GET", "/dogs", "The user's dogs", "dogs")
                       .answers<DogList>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200, DogList{s.dogs.list(c.principal), std::nullopt});
                       }));
  routes.push_back(api("POST", "/dogs", "Add a dog", "dogs")
                       .reads<DogInput>()
                       .answers<Dog>(201, "Created", true)
                       .runs([&s](Context& c) {
                         const auto dog = s.dogs.create(c.principal, c.body<DogInput>());
                         return created(dog, std::string(kApiPrefix) + "/dogs/" + dog.id);
                       }));
  routes.push_back(
      api("GET", "/dogs/{id}", "A dog", "dogs").answers<Dog>(200, "OK").runs([&s](Context& c) {
        return json_reply(200, s.dogs.get(c.principal, c.params[0]));
      }));
  routes.push_back(api("PATCH", "/dogs/{id}", "Change a dog", "dogs")
                       .reads<DogPatch>()
                       .answers<Dog>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto patch = c.body<DogPatch>();
                         return json_reply(200, s.dogs.update(c.principal, c.params[0], patch));
                       }));
  routes.push_back(api("DELETE", "/dogs/{id}", "Delete a dog with its observations", "dogs")
                       .answers_nothing(204, "Deleted")
                       .runs([&s](Context& c) {
                         s.dogs.remove(c.principal, c.params[0]);
                         return no_content();
                       }));
  return routes;
}

}  // namespace dogcare::http
