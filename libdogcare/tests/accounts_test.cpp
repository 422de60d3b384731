// Accounts and security flows, on the backend chosen by DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "dogcare/accounts.hpp"
#include "dogcare/maintenance.hpp"
#include "domain_fixture.hpp"
#include "recording_mailer.hpp"
#include "security/password_hasher.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono_literals;

AccountsOptions fast_options() {
  AccountsOptions options;
  options.tokens.keys = {{"k1", std::string(32, 'a')}, {"k2", std::string(32, 'b')}};
  options.tokens.current_kid = "k2";
  options.hashing = {1024, 1, 1};  // cheap for tests; production uses OWASP's
  options.reset_link = "https://dogcare.test/?reset_token=";
  return options;
}

class AccountsTest : public DomainTest {
 protected:
  AccountsTest()
      : mailer_(std::make_shared<RecordingMailer>()),
        accounts_(shared_database(), fast_options(), mailer_, clock_) {}

  std::string unique(const std::string& prefix) { return prefix + new_id().substr(28); }

  User register_user(const std::string& username, const std::string& password = "correct horse",
                     std::optional<std::string> email = std::nullopt) {
    return accounts_.register_user(
        {username, password, std::move(email), std::nullopt, std::nullopt, std::nullopt});
  }

  std::string token_from_mail() {
    const auto sent = mailer_->sent();
    EXPECT_FALSE(sent.empty());
    if (sent.empty()) return {};
    const auto& text = sent.back().text;
    const auto at = text.find("reset_token=");
    const auto end = text.find('\n', at);
    return text.substr(at + 12, end - at - 12);
  }

  std::shared_ptr<RecordingMailer> mailer_;
  Accounts accounts_;
};

TEST_F(AccountsTest, RegisterCreatesTheAccountAndItsFirstDog) {
  const auto name = unique("Alice.");
  const User user = register_user(name, "correct horse", "alice@example.org");
  EXPECT_EQ(user.username, name);
  EXPECT_FALSE(user.onboarded);
  const auto dogs = dogs_.list(domain::principal_for(user.id));
  ASSERT_EQ(dogs.size(), 1u);
  EXPECT_EQ(dogs[0].name, "Mon chien");
  EXPECT_DOGCARE_ERROR(register_user(name), ErrorCode::conflict, "username");
  EXPECT_DOGCARE_ERROR(register_user(unique("other"), "correct horse", "ALICE@example.org"),
                       ErrorCode::conflict, "email");
}

TEST_F(AccountsTest, RegistrationRulesNameTheField) {
  EXPECT_DOGCARE_ERROR(register_user("ab"), ErrorCode::invalid_argument, "username");
  EXPECT_DOGCARE_ERROR(register_user("bad name"), ErrorCode::invalid_argument, "username");
  EXPECT_DOGCARE_ERROR(register_user("zoé" + new_id().substr(30)), ErrorCode::invalid_argument,
                       "username");
  EXPECT_DOGCARE_ERROR(register_user(unique("u"), "short"), ErrorCode::invalid_argument,
                       "password");
  EXPECT_DOGCARE_ERROR(register_user(unique("u"), std::string(129, 'p')),
                       ErrorCode::invalid_argument, "password");
  EXPECT_DOGCARE_ERROR(register_user(unique("u"), "correct horse", "not-an-email"),
                       ErrorCode::invalid_argument, "email");
  // No composition rules: eight spaces-and-letters are fine; accents count as one.
  register_user(unique("u"), "ééééééee");
}

TEST_F(AccountsTest, LoginIssuesATokenThatAuthenticates) {
  const auto name = unique("bob");
  const User user = register_user(name);
  const auto token = accounts_.login(name, "correct horse", "10.0.0.1");
  EXPECT_EQ(token.expires_in, 30min);
  EXPECT_EQ(token.principal.user_id, user.id);
  EXPECT_EQ(accounts_.authenticate(token.token).user_id, user.id);
  // Usernames are case-insensitive at login.
  accounts_.login("BOB" + name.substr(3), "correct horse");
  EXPECT_DOGCARE_ERROR(accounts_.login(name, "wrong password"), ErrorCode::unauthenticated, "");
  EXPECT_DOGCARE_ERROR(accounts_.login("nobody-" + name, "correct horse"),
                       ErrorCode::unauthenticated, "");
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(token.token + "x"), ErrorCode::unauthenticated, "");
}

TEST_F(AccountsTest, TokensExpire) {
  const auto name = unique("carol");
  register_user(name);
  const auto token = accounts_.login(name, "correct horse");
  clock_.advance(29min);
  accounts_.authenticate(token.token);
  clock_.advance(2min);
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(token.token), ErrorCode::unauthenticated, "");
}

TEST_F(AccountsTest, RepeatedFailuresAreRateLimitedAndSuccessResets) {
  const auto name = unique("dave");
  register_user(name);
  for (int i = 0; i < 5; ++i) {
    EXPECT_DOGCARE_ERROR(accounts_.login(name, "nope nope", "ip-1"), ErrorCode::unauthenticated,
                         "");
  }
  EXPECT_DOGCARE_ERROR(accounts_.login(name, "nope nope", "ip-1"), ErrorCode::unauthenticated, "");
  try {
    accounts_.login(name, "correct horse", "ip-2");  // blocked: the account key
    FAIL() << "not rate limited";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::rate_limited);
    EXPECT_GE(error.retry_after(), 1s);
  }
  clock_.advance(3s);
  accounts_.login(name, "correct horse", "ip-2");  // allowed again, and resets the account
  EXPECT_DOGCARE_ERROR(accounts_.login(name, "nope nope", "ip-2"), ErrorCode::unauthenticated, "");
}

TEST_F(AccountsTest, StaleThrottleRowsAreForgottenByLaterFailures) {
  const auto count_rows = [] {
    auto connection = storage::pool(shared_database()).borrow();
    return storage::Statement(*connection, "SELECT COUNT(*) FROM login_throttle").scalar();
  };
  EXPECT_DOGCARE_ERROR(accounts_.login(unique("ghost"), "wrong password", "ip-old"),
                       ErrorCode::unauthenticated, "");
  const auto before = count_rows();
  EXPECT_GE(before, 2);
  clock_.advance(std::chrono::hours{25});  // past forget_after (24 h)
  EXPECT_DOGCARE_ERROR(accounts_.login(unique("ghost"), "wrong password", "ip-new"),
                       ErrorCode::unauthenticated, "");
  EXPECT_LE(count_rows(), 2);  // only the two keys of the new failure remain
}

TEST_F(AccountsTest, ASuccessfulLoginDoesNotClearTheClientsThrottle) {
  // An attacker guessing at many accounts from one address, who also owns an account.
  const auto own = unique("own");
  register_user(own);
  for (int i = 0; i < 6; ++i) {
    EXPECT_DOGCARE_ERROR(accounts_.login(unique("victim"), "guess guess", "ip-9"),
                         ErrorCode::unauthenticated, "");
  }
  clock_.advance(3s);  // past the block, but the client still counts 6 failures
  accounts_.login(own, "correct horse", "ip-9");
  EXPECT_DOGCARE_ERROR(accounts_.login(unique("victim"), "guess guess", "ip-9"),
                       ErrorCode::unauthenticated, "");
  EXPECT_DOGCARE_ERROR(accounts_.login(unique("victim"), "guess guess", "ip-9"),
                       ErrorCode::rate_limited, "");
}

TEST_F(AccountsTest, LogoutEverywhereAndPasswordChangeRevokeTokens) {
  const auto name = unique("erin");
  register_user(name);
  const auto first = accounts_.login(name, "correct horse");
  accounts_.logout_everywhere(first.principal);
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(first.token), ErrorCode::unauthenticated, "");

  const auto second = accounts_.login(name, "correct horse");
  EXPECT_DOGCARE_ERROR(accounts_.change_password(second.principal, "wrong one", "new password 1"),
                       ErrorCode::invalid_argument, "current_password");
  accounts_.authenticate(second.token);
  accounts_.change_password(second.principal, "correct horse", "new password 1");
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(second.token), ErrorCode::unauthenticated, "");
  EXPECT_DOGCARE_ERROR(accounts_.login(name, "correct horse"), ErrorCode::unauthenticated, "");
  accounts_.login(name, "new password 1");
}

TEST_F(AccountsTest, ProfileChanges) {
  const auto name = unique("fred");
  const User user = register_user(name, "correct horse", name + "@example.org");
  const auto taken = unique("gina");
  register_user(taken);
  ProfileUpdate update;
  update.username = taken;
  EXPECT_DOGCARE_ERROR(accounts_.update_profile(domain::principal_for(user.id), update),
                       ErrorCode::conflict, "username");
  update.username = name + "_x";
  update.email = "";
  const User changed = accounts_.update_profile(domain::principal_for(user.id), update);
  EXPECT_EQ(changed.username, name + "_x");
  EXPECT_FALSE(changed.email);
  EXPECT_EQ(accounts_.me(domain::principal_for(user.id)).username, name + "_x");
}

TEST_F(AccountsTest, MailsAreWrittenInTheAccountsLanguage) {
  const auto name = unique("jade");
  const auto email = name + "@example.org";
  const User user = register_user(name, "correct horse", email);
  EXPECT_EQ(user.language, Language::fr);
  accounts_.request_password_reset(email);
  ASSERT_EQ(mailer_->sent().size(), 1u);
  EXPECT_EQ(mailer_->sent()[0].subject, "dogcare : réinitialiser votre mot de passe");
  EXPECT_NE(mailer_->sent()[0].text.find("Bonjour " + name), std::string::npos);

  ProfileUpdate update;
  update.language = Language::en;
  EXPECT_EQ(accounts_.update_profile(domain::principal_for(user.id), update).language,
            Language::en);
  EXPECT_EQ(accounts_.me(domain::principal_for(user.id)).language, Language::en);
  accounts_.request_password_reset(email);
  ASSERT_EQ(mailer_->sent().size(), 2u);
  const Email english = mailer_->sent()[1];  // sent() answers a copy
  EXPECT_EQ(english.subject, "dogcare: reset your password");
  EXPECT_NE(english.text.find("Hello " + name + ",\n\nTo choose a new password"),
            std::string::npos);
  EXPECT_EQ(english.text.find("Bonjour"), std::string::npos);
  EXPECT_FALSE(token_from_mail().empty());  // the same link, whatever the language

  const auto other = unique("kim");
  const User chosen = accounts_.register_user(
      {other, "correct horse", std::nullopt, std::nullopt, std::nullopt, Language::en});
  EXPECT_EQ(chosen.language, Language::en);
}

TEST_F(AccountsTest, DeletingTheAccountRemovesEverythingAndItsTokens) {
  const auto name = unique("hugo");
  register_user(name);
  const auto token = accounts_.login(name, "correct horse");
  const auto o = observations_.create(token.principal, input(day(2024, 6, 1), 3, {"vélo"}));
  accounts_.delete_account(token.principal);
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(token.token), ErrorCode::unauthenticated, "");
  EXPECT_DOGCARE_ERROR(observations_.get(token.principal, o.id), ErrorCode::not_found, "");
  EXPECT_TRUE(dogs_.list(token.principal).empty());
  EXPECT_DOGCARE_ERROR(accounts_.login(name, "correct horse"), ErrorCode::unauthenticated, "");
}

TEST_F(AccountsTest, PasswordResetIsSingleUseExpiresAndRevokesTokens) {
  const auto name = unique("iris");
  const auto email = name + "@example.org";
  register_user(name, "correct horse", email);
  const auto session = accounts_.login(name, "correct horse");

  accounts_.request_password_reset("unknown-" + email);  // answers the same, sends nothing
  EXPECT_TRUE(mailer_->sent().empty());
  accounts_.request_password_reset(email);
  ASSERT_EQ(mailer_->sent().size(), 1u);
  EXPECT_EQ(mailer_->sent()[0].to, email);
  const std::string token = token_from_mail();
  EXPECT_GE(token.size(), 40u);

  EXPECT_DOGCARE_ERROR(accounts_.confirm_password_reset(token, "short"),
                       ErrorCode::invalid_argument, "new_password");
  accounts_.confirm_password_reset(token, "brand new secret");
  EXPECT_DOGCARE_ERROR(accounts_.authenticate(session.token), ErrorCode::unauthenticated, "");
  accounts_.login(name, "brand new secret");
  EXPECT_DOGCARE_ERROR(accounts_.confirm_password_reset(token, "another secret"),
                       ErrorCode::invalid_argument, "token");  // single use

  accounts_.request_password_reset(email);
  const std::string late = token_from_mail();
  clock_.advance(31min);
  EXPECT_DOGCARE_ERROR(accounts_.confirm_password_reset(late, "another secret"),
                       ErrorCode::invalid_argument, "token");
  // The stored token is a hash: the database does not hold the secret.
  auto connection = storage::pool(shared_database()).borrow();
  storage::Statement query(*connection,
                           "SELECT COUNT(*) FROM password_reset_tokens WHERE token_hash = ?");
  query.bind(late).execute();
  ASSERT_TRUE(query.fetch());
  EXPECT_EQ(query.integer(1), 0);
}

TEST_F(AccountsTest, PasswordsAreStoredAsArgon2idAndRehashedWhenTheCostRises) {
  const auto name = unique("jade");
  const User user = register_user(name);
  auto stored = [&] {
    auto connection = storage::pool(shared_database()).borrow();
    return storage::UserRepository(*connection).find(user.id)->password_hash;
  };
  EXPECT_EQ(stored().rfind("$argon2id$v=19$m=1024,t=1,p=1$", 0), 0u) << stored();
  auto stronger = fast_options();
  stronger.hashing = {19456, 2, 1};  // OWASP
  Accounts upgraded(shared_database(), stronger, nullptr, clock_);
  upgraded.login(name, "correct horse");
  EXPECT_EQ(stored().rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << stored();
  accounts_.login(name, "correct horse");  // still verifies with its stored parameters
}

TEST_F(AccountsTest, ATokenSignedWithARetiredKeyStillVerifiesWhileListed) {
  const auto name = unique("kim");
  register_user(name);
  auto old_options = fast_options();
  old_options.tokens.current_kid = "k1";
  Accounts old_signer(shared_database(), old_options, nullptr, clock_);
  const auto token = old_signer.login(name, "correct horse");
  accounts_.authenticate(token.token);  // k1 is still listed
  auto rotated = fast_options();
  rotated.tokens.keys = {{"k2", std::string(32, 'b')}};
  Accounts after_rotation(shared_database(), rotated, nullptr, clock_);
  EXPECT_DOGCARE_ERROR(after_rotation.authenticate(token.token), ErrorCode::unauthenticated, "");
}

TEST_F(AccountsTest, PurgeRemovesExpiredResetTokensAndKeepsLiveOnes) {
  const auto reset_tokens = [](const std::string& user_id) {
    auto connection = storage::pool(shared_database()).borrow();
    storage::Statement count(*connection,
                             "SELECT COUNT(*) FROM password_reset_tokens WHERE user_id = ?");
    count.bind(user_id).execute();
    EXPECT_TRUE(count.fetch());
    return count.integer(1);
  };
  const auto old_name = unique("olga"), new_name = unique("nina");
  const User old_user = register_user(old_name, "correct horse", old_name + "@example.org");
  const User new_user = register_user(new_name, "correct horse", new_name + "@example.org");
  accounts_.request_password_reset(old_name + "@example.org");
  clock_.advance(31min);  // past the 30-minute lifetime
  accounts_.request_password_reset(new_name + "@example.org");
  const std::string live = token_from_mail();
  EXPECT_EQ(reset_tokens(old_user.id), 1);

  const auto report = purge_expired(shared_database(), fast_options().throttling, clock_);
  EXPECT_GE(report.reset_tokens, 1u);  // other tests' expired tokens may go too
  EXPECT_EQ(reset_tokens(old_user.id), 0);
  EXPECT_EQ(reset_tokens(new_user.id), 1);
  accounts_.confirm_password_reset(live, "brand new secret");  // the live one still works
}

// The key file as Vault Agent renders it: a new file moved over the old one.
void render_keys(const std::filesystem::path& file, const std::string& content) {
  const auto staged = file.string() + ".new";
  std::ofstream(staged, std::ios::trunc) << content;
  std::filesystem::rename(staged, file);
}

TEST_F(AccountsTest, ARotatedKeyFileIsPickedUpAndARetiredKeyIsRefused) {
  const auto file = std::filesystem::path(::testing::TempDir()) / ("jwt-keys-" + new_id());
  const std::string a(32, 'a'), b(32, 'b');
  render_keys(file, "k1=" + a + "\n");
  // Checked on every call, so the test needs no sleep.
  auto keys = std::make_shared<SigningKeySource>(file, 0ms);
  Accounts accounts(shared_database(), fast_options(), keys, nullptr, clock_);
  const auto name = unique("rota");
  register_user(name);
  const auto old_token = accounts.login(name, "correct horse");
  EXPECT_EQ(accounts.authenticate(old_token.token).user_id, old_token.principal.user_id);

  render_keys(file, "k2=" + b + "\nk1=" + a + "\n");  // k2 signs from now on, k1 verifies
  const auto new_token = accounts.login(name, "correct horse");
  EXPECT_EQ(keys->current()->current_kid, "k2");
  EXPECT_EQ(keys->generation(), 2u);
  accounts.authenticate(old_token.token);
  accounts.authenticate(new_token.token);
  // The fixed-key Accounts of the fixture lists k2 too: the new token is k2's.
  accounts_.authenticate(new_token.token);

  render_keys(file, "k2=" + b + "\n");  // k1 retired: its tokens are refused at once
  EXPECT_DOGCARE_ERROR(accounts.authenticate(old_token.token), ErrorCode::unauthenticated, "");
  accounts.authenticate(new_token.token);

  render_keys(file, "k3=too-short\n");  // unusable: the keys in effect stay
  accounts.authenticate(new_token.token);
  EXPECT_NE(keys->last_error().find("not usable"), std::string::npos) << keys->last_error();
  EXPECT_EQ(keys->last_error().find("too-short"), std::string::npos);
  EXPECT_THROW(keys->reload(), Error);
  accounts.authenticate(new_token.token);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace dogcare::testing
