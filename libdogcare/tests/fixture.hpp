// A connection to the shared test database and helpers that make owned data.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "backend.hpp"
#include "core/ids.hpp"
#include "dogcare/error.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare::testing {

class StorageTest : public ::testing::Test {
 protected:
  StorageTest() : connection_(storage::pool(shared_database()).borrow()) {}

  storage::Connection& connection() { return *connection_; }

  // A new user with a unique name; returns its id.
  std::string make_user(const std::string& prefix = "user") {
    storage::UserRecord record;
    record.user.id = new_id();
    record.user.username = prefix + "_" + record.user.id.substr(28);
    record.user.created_at = record.user.updated_at = now_utc();
    record.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    storage::UserRepository(connection()).insert(record);
    return record.user.id;
  }

  std::string make_dog(const std::string& owner, const std::string& name = "Rex") {
    Dog dog;
    dog.id = new_id();
    dog.owner_id = owner;
    dog.name = name;
    dog.created_at = dog.updated_at = now_utc();
    storage::DogRepository(connection()).insert(dog);
    return dog.id;
  }

  CatalogItem make_item(const std::string& owner, CatalogKind kind, const std::string& name) {
    CatalogItem item{new_id(), name, false};
    storage::CatalogRepository(connection(), kind).insert(owner, item);
    return item;
  }

  Observation observation(const std::string& owner, const std::string& dog, Date date,
                          int severity = 3) {
    Observation o;
    o.id = new_id();
    o.owner_id = owner;
    o.dog_id = dog;
    o.date = date;
    o.severity = severity;
    o.created_at = o.updated_at = now_utc();
    return o;
  }

  void insert(const Observation& o) {
    storage::Transaction transaction(connection());
    storage::ObservationRepository(connection()).insert(o);
    transaction.commit();
  }

 private:
  storage::PooledConnection connection_;
};

// Expects `statement` to throw dogcare::Error with `code` (and `field` if given).
#define EXPECT_DOGCARE_ERROR(statement, expected_code, expected_field)                   \
  do {                                                                                   \
    try {                                                                                \
      statement;                                                                         \
      ADD_FAILURE() << "no dogcare::Error thrown by " #statement;                        \
    } catch (const ::dogcare::Error& error) {                                            \
      EXPECT_EQ(::dogcare::to_string(error.code()), ::dogcare::to_string(expected_code)) \
          << error.what();                                                               \
      if (std::string(expected_field) != "*") {                                          \
        EXPECT_EQ(error.field(), expected_field) << error.what();                        \
      }                                                                                  \
    }                                                                                    \
  } while (false)

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace dogcare::testing
