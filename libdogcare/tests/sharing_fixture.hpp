// Sharing services over the shared test database: accounts with an email
// address, a dog shared by a code, the rows a test counts.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>

#include "dogcare/accounts.hpp"
#include "dogcare/professionals.hpp"
#include "dogcare/sharing.hpp"
#include "domain_fixture.hpp"
#include "recording_mailer.hpp"

namespace dogcare::testing {

inline AccountsOptions cheap_accounts() {
  AccountsOptions options;
  options.tokens.keys = {{"k1", std::string(32, 'a')}};
  options.tokens.current_kid = "k1";
  options.hashing = {1024, 1, 1};
  return options;
}

inline std::int64_t count_rows(const std::string& sql, const std::string& id) {
  auto connection = storage::pool(shared_database()).borrow();
  storage::Statement query(*connection, sql);
  return query.bind_all(id).scalar();
}

class SharingTest : public DomainTest {
 protected:
  SharingTest()
      : mail_(std::make_shared<RecordingMailer>()),
        sharing_(shared_database(), {}, mail_, clock_),
        professionals_(shared_database()) {}

  struct Account {
    Principal principal;
    std::string username;
    std::string email;
  };

  // A user with an email address and no dog.
  Account account(const std::string& prefix) {
    auto connection = storage::pool(shared_database()).borrow();
    storage::UserRecord record;
    record.user.id = new_id();
    record.user.username = prefix + "_" + record.user.id.substr(24);
    record.user.email = record.user.username + "@example.org";
    record.user.created_at = record.user.updated_at = now_utc();
    record.password_hash = "x";
    storage::UserRepository(*connection).insert(record);
    return {domain::principal_for(record.user.id), record.user.username, *record.user.email};
  }

  // The owner's dog shared with `professional` by a code.
  HeldShare share(const Principal& owner, const std::string& dog, const Principal& professional,
                  ShareScope scope = ShareScope::read) {
    const auto code = sharing_.create_code(owner, dog, {scope});
    return sharing_.accept_code(professional, code.code);
  }

  std::shared_ptr<RecordingMailer> mail_;
  Sharing sharing_;
  Professionals professionals_;
};

}  // namespace dogcare::testing
