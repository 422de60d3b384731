// Services over the shared test database, with principals made directly in
// storage (the accounts service has its own tests).
#pragma once

#include <gtest/gtest.h>

#include "backend.hpp"
#include "core/ids.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "domain/principal_factory.hpp"
#include "fixture.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare::testing {

class DomainTest : public ::testing::Test {
 protected:
  DomainTest()
      : clock_(std::chrono::sys_days{
                   Date{std::chrono::year{2024}, std::chrono::June, std::chrono::day{15}}} +
               std::chrono::hours{12}),
        dogs_(shared_database(), clock_),
        catalog_(shared_database()),
        observations_(shared_database(), clock_),
        calendar_(shared_database(), clock_),
        analytics_(shared_database(), clock_) {}

  // A user with no dog yet.
  Principal new_user() {
    auto connection = storage::pool(shared_database()).borrow();
    storage::UserRecord record;
    record.user.id = new_id();
    record.user.username = "u_" + record.user.id.substr(24);
    record.user.created_at = record.user.updated_at = now_utc();
    record.password_hash = "x";
    storage::UserRepository(*connection).insert(record);
    return domain::principal_for(record.user.id);
  }

  // A user with one dog; returns the principal and sets `dog` to its id.
  Principal user_with_dog(std::string& dog) {
    auto principal = new_user();
    dog = dogs_.create(principal, {"Rex", {}, {}, {}}).id;
    return principal;
  }

  ObservationInput input(Date date, int severity, std::vector<std::string> triggers = {},
                         std::vector<std::string> reactions = {}, std::string comment = {}) {
    ObservationInput in;
    in.date = date;
    in.severity = severity;
    in.triggers = std::move(triggers);
    in.reactions = std::move(reactions);
    in.comment = std::move(comment);
    return in;
  }

  ManualClock clock_;
  Dogs dogs_;
  Catalog catalog_;
  Observations observations_;
  Calendar calendar_;
  Analytics analytics_;
};

}  // namespace dogcare::testing
