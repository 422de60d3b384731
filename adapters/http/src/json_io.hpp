// JSON <-> the library's structs. Only the shape is checked here (types,
// presence, date syntax); every rule on the values is the library's.
#pragma once

#include <boost/json/value.hpp>
#include <stdexcept>
#include <string>

#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/observations.hpp"

namespace dogcare::http {

// A body that does not have the shape of the operation's input; `path` is a
// JSON path ("$.triggers[2]").
class ShapeError : public std::runtime_error {
 public:
  ShapeError(std::string path, const std::string& message)
      : std::runtime_error(message), path_(std::move(path)) {}
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

// Parses a body that must be a JSON object (bad JSON or bad UTF-8: ShapeError "$").
boost::json::object parse_object(const std::string& body);

Registration registration_from(const boost::json::object& body);
ProfileUpdate profile_update_from(const boost::json::object& body);
DogInput dog_input_from(const boost::json::object& body);
DogPatch dog_patch_from(const boost::json::object& body);
Onboarding onboarding_from(const boost::json::object& body);
ObservationInput observation_input_from(const boost::json::object& body);
ObservationPatch observation_patch_from(const boost::json::object& body);

// A required string member.
std::string required_string(const boost::json::object& body, const char* name);

boost::json::object to_json(const User& user);
boost::json::object to_json(const AccessToken& token);
boost::json::object to_json(const Dog& dog);
boost::json::object to_json(const CatalogItem& item);
boost::json::object to_json(const DefaultCatalogItem& item);
boost::json::object to_json(const Observation& observation);
boost::json::object to_json(const SearchPage& page);
boost::json::object to_json(const CalendarMonth& month);
boost::json::object to_json(const AnalyticsReport& report);

}  // namespace dogcare::http
