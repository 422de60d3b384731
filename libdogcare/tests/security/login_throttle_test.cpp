// Login throttling on the database chosen by DOGCARE_TEST_BACKEND.
#include "security/login_throttle.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "backend.hpp"
#include "core/ids.hpp"
#include "dogcare/error.hpp"
#include "storage/database_impl.hpp"

namespace dogcare::security {
namespace {

using namespace std::chrono_literals;
using testing::shared_database;

const Timestamp kStart = Timestamp{std::chrono::sys_days{std::chrono::year{2026} / 11 / 25}} + 8h;

class LoginThrottleTest : public ::testing::Test {
 protected:
  // Keys unique to the test, so tests sharing the database do not meet.
  std::string key(const std::string& name) { return name + ":" + suffix_; }

  storage::PooledConnection borrow() { return storage::pool(shared_database()).borrow(); }

  void fail(const LoginThrottle& throttle, const std::vector<std::string>& keys, int times = 1) {
    auto connection = borrow();
    for (int i = 0; i < times; ++i) throttle.record_failure(*connection, keys);
  }

  // Zero when not blocked; otherwise the rate_limited error's retry_after.
  std::chrono::seconds blocked_for(const LoginThrottle& throttle,
                                   const std::vector<std::string>& keys) {
    auto connection = borrow();
    try {
      throttle.check(*connection, keys);
      return 0s;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::rate_limited) << error.what();
      EXPECT_NE(std::string(error.what()).find(std::to_string(error.retry_after().count())),
                std::string::npos)
          << error.what();
      return error.retry_after();
    }
  }

  std::optional<std::int64_t> stored_failures(const std::string& plain_key) {
    auto connection = borrow();
    storage::Statement query(*connection,
                             "SELECT failures FROM login_throttle WHERE throttle_key = ?");
    query.bind(throttle_key_hash(plain_key)).execute();
    std::optional<std::int64_t> out;
    if (query.fetch()) out = query.integer(1);
    while (query.fetch()) {
    }
    return out;
  }

  ManualClock clock_{kStart};
  ThrottlePolicy policy_;  // 5 free failures, 1 s base, 15 min cap
  std::string suffix_ = new_id();
};

TEST_F(LoginThrottleTest, TheFirstFailuresAreFree) {
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user")}, 5);
  EXPECT_EQ(blocked_for(throttle, {key("user")}), 0s);
  EXPECT_EQ(stored_failures(key("user")), 5);
}

TEST_F(LoginThrottleTest, BackoffDoublesWithEachFailureAfterTheFreeOnes) {
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user")}, 5);
  // Failure f blocks for base * 2^(f - 5): 2, 4, 8, 16, 32 s.
  for (int f = 6; f <= 10; ++f) {
    fail(throttle, {key("user")});
    const std::chrono::seconds expected{1 << (f - 5)};
    EXPECT_EQ(blocked_for(throttle, {key("user")}), expected) << "failure " << f;
    clock_.advance(expected - 1ms);
    EXPECT_EQ(blocked_for(throttle, {key("user")}), 1s) << "failure " << f;
    clock_.advance(1ms);
    EXPECT_EQ(blocked_for(throttle, {key("user")}), 0s) << "failure " << f;
  }
}

TEST_F(LoginThrottleTest, BackoffIsCapped) {
  policy_.max_delay = 20s;
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user")}, 9);  // 9th failure: 16 s
  EXPECT_EQ(blocked_for(throttle, {key("user")}), 16s);
  for (int more = 0; more < 60; ++more) {
    clock_.advance(20s);
    fail(throttle, {key("user")});
    EXPECT_EQ(blocked_for(throttle, {key("user")}), 20s);
  }
  EXPECT_EQ(stored_failures(key("user")), 69);
}

TEST_F(LoginThrottleTest, RetryAfterIsRoundedUpToWholeSeconds) {
  policy_.free_failures = 0;
  policy_.base_delay = 700ms;
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("client")});  // blocked for 1.4 s
  EXPECT_EQ(blocked_for(throttle, {key("client")}), 2s);
  clock_.advance(500ms);  // 0.9 s left
  EXPECT_EQ(blocked_for(throttle, {key("client")}), 1s);
  clock_.advance(899ms);  // 1 ms left
  EXPECT_EQ(blocked_for(throttle, {key("client")}), 1s);
  clock_.advance(1ms);
  EXPECT_EQ(blocked_for(throttle, {key("client")}), 0s);
}

TEST_F(LoginThrottleTest, SuccessResetsTheKey) {
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user"), key("client")}, 7);
  EXPECT_GT(blocked_for(throttle, {key("user")}), 0s);
  {
    auto connection = borrow();
    throttle.reset(*connection, {key("user"), key("client")});
  }
  EXPECT_EQ(blocked_for(throttle, {key("user"), key("client")}), 0s);
  EXPECT_FALSE(stored_failures(key("user")));
  fail(throttle, {key("user")}, 5);  // free again
  EXPECT_EQ(blocked_for(throttle, {key("user")}), 0s);
}

TEST_F(LoginThrottleTest, KeysAreIndependentAndAnyBlockedKeyBlocks) {
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user:alice"), key("client:1")}, 6);
  fail(throttle, {key("user:bob")}, 2);
  EXPECT_EQ(blocked_for(throttle, {key("user:bob")}), 0s);
  EXPECT_EQ(blocked_for(throttle, {key("user:bob"), key("client:2")}), 0s);
  EXPECT_EQ(blocked_for(throttle, {key("user:bob"), key("client:1")}), 2s);
  EXPECT_EQ(blocked_for(throttle, {key("user:alice")}), 2s);
  EXPECT_EQ(stored_failures(key("user:bob")), 2);
  EXPECT_EQ(stored_failures(key("user:alice")), 6);
  EXPECT_FALSE(stored_failures(key("client:2")));
  EXPECT_EQ(blocked_for(throttle, {}), 0s);
}

TEST_F(LoginThrottleTest, TheLongestBlockOfSeveralKeysIsReported) {
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("a")}, 6);  // 2 s
  fail(throttle, {key("b")}, 8);  // 8 s
  EXPECT_EQ(blocked_for(throttle, {key("a"), key("b")}), 8s);
}

TEST_F(LoginThrottleTest, StoresOnlyHashesOfTheKeys) {
  LoginThrottle throttle(policy_, clock_);
  const std::string plain = "user:zoé.secret-name-" + suffix_;
  fail(throttle, {plain}, 6);
  auto connection = borrow();
  storage::Statement by_plain(*connection,
                              "SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?");
  by_plain.bind(plain).execute();
  ASSERT_TRUE(by_plain.fetch());
  EXPECT_EQ(by_plain.integer(1), 0);
  while (by_plain.fetch()) {
  }
  storage::Statement all(*connection, "SELECT throttle_key FROM login_throttle");
  all.execute();
  bool found = false;
  while (all.fetch()) {
    const std::string stored = all.text_or_empty(1);
    EXPECT_EQ(stored.size(), 64u);
    EXPECT_EQ(stored.find_first_not_of("0123456789abcdef"), std::string::npos) << stored;
    EXPECT_EQ(stored.find("zo"), std::string::npos);
    found = found || stored == throttle_key_hash(plain);
  }
  EXPECT_TRUE(found);
  // SHA-256("abc"), FIPS 180-2.
  EXPECT_EQ(throttle_key_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(LoginThrottleTest, OldFailuresAreForgotten) {
  policy_.forget_after = 1h;
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("user")}, 5);
  clock_.advance(1h + 1s);
  fail(throttle, {key("user")});  // would be the 6th; counts as the 1st
  EXPECT_EQ(blocked_for(throttle, {key("user")}), 0s);
  EXPECT_EQ(stored_failures(key("user")), 1);
}

TEST_F(LoginThrottleTest, PruneRemovesOnlyForgottenRows) {
  policy_.forget_after = 1h;
  LoginThrottle throttle(policy_, clock_);
  fail(throttle, {key("old")});
  clock_.advance(30min);
  fail(throttle, {key("recent")});
  clock_.advance(31min);
  {
    auto connection = borrow();
    EXPECT_GE(throttle.prune(*connection), 1);
  }
  EXPECT_FALSE(stored_failures(key("old")));
  EXPECT_EQ(stored_failures(key("recent")), 1);
}

TEST_F(LoginThrottleTest, FailuresInsideACallersTransactionRollBackWithIt) {
  LoginThrottle throttle(policy_, clock_);
  {
    auto connection = borrow();
    storage::Transaction transaction(*connection);
    throttle.record_failure(*connection, {key("user")});
  }  // rolled back
  EXPECT_FALSE(stored_failures(key("user")));
  {
    auto connection = borrow();
    storage::Transaction transaction(*connection);
    throttle.record_failure(*connection, {key("user"), key("user")});  // one key, once
    transaction.commit();
  }
  EXPECT_EQ(stored_failures(key("user")), 1);
}

TEST_F(LoginThrottleTest, ConcurrentFailuresAreAllCounted) {
  LoginThrottle throttle(policy_, clock_);
  constexpr int kThreads = 4;
  constexpr int kEach = 5;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        auto connection = borrow();
        throttle.record_failure(*connection, {key("shared")});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(stored_failures(key("shared")), kThreads * kEach);
}

TEST(LoginThrottlePolicy, DelaysFollowThePolicy) {
  const ManualClock clock{kStart};
  const LoginThrottle throttle({}, clock);
  EXPECT_EQ(throttle.delay_after(0), 0ms);
  EXPECT_EQ(throttle.delay_after(5), 0ms);
  EXPECT_EQ(throttle.delay_after(6), 2s);
  EXPECT_EQ(throttle.delay_after(7), 4s);
  EXPECT_EQ(throttle.delay_after(14), 512s);
  EXPECT_EQ(throttle.delay_after(15), 15min);  // 1024 s, capped
  EXPECT_EQ(throttle.delay_after(1'000'000), 15min);
}

TEST(LoginThrottlePolicy, RefusesInvalidPoliciesNamingTheField) {
  const ManualClock clock{kStart};
  const auto field = [&](ThrottlePolicy policy) {
    try {
      LoginThrottle throttle(policy, clock);
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
      return error.field();
    }
    return std::string("accepted");
  };
  ThrottlePolicy policy;
  policy.free_failures = -1;
  EXPECT_EQ(field(policy), "free_failures");
  policy = {};
  policy.base_delay = 0ms;
  EXPECT_EQ(field(policy), "base_delay");
  policy = {};
  policy.base_delay = 2s;
  policy.max_delay = 1s;
  EXPECT_EQ(field(policy), "max_delay");
  policy = {};
  policy.max_delay = 2h;
  policy.forget_after = 1h;
  EXPECT_EQ(field(policy), "forget_after");
  EXPECT_EQ(field({}), "accepted");
}

}  // namespace
}  // namespace dogcare::security
