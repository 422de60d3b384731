// The library's metrics move with what happens.
#include <gtest/gtest.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "dogcare/accounts.hpp"
#include "dogcare/metrics.hpp"
#include "domain_fixture.hpp"

namespace dogcare::testing {
namespace {

// The value of the sample whose text line starts with `prefix`, or -1.
double sample(const std::string& prefix) {
  const std::string text = prometheus::TextSerializer().Serialize(metrics_registry()->Collect());
  const auto at = text.find("\n" + prefix);
  if (at == std::string::npos) return -1;
  const auto value = text.find(' ', at + 1 + prefix.size());
  return std::stod(text.substr(value + 1, text.find('\n', value) - value - 1));
}

using MetricsTest = DomainTest;

TEST_F(MetricsTest, CountLoginsObservationsQueriesAndPoolUse) {
  AccountsOptions options;
  options.tokens.keys = {{"k", std::string(32, 'k')}};
  options.tokens.current_kid = "k";
  options.hashing = {1024, 1, 1};
  Accounts accounts(shared_database(), options, nullptr, clock_);
  const std::string name = "m" + new_id().substr(26);
  accounts.register_user(
      {name, "password 1", std::nullopt, std::nullopt, std::nullopt, std::nullopt});

  const double successes = sample("dogcare_logins_total{result=\"success\"}");
  const double failures = sample("dogcare_logins_total{result=\"failure\"}");
  const double created = sample("dogcare_observations_created_total");
  const double queries = sample("dogcare_db_query_duration_seconds_count");
  const auto token = accounts.login(name, "password 1");
  EXPECT_THROW(accounts.login(name, "password 2"), Error);
  observations_.create(token.principal, input(day(2024, 6, 1), 2));

  EXPECT_EQ(sample("dogcare_logins_total{result=\"success\"}"), successes + 1);
  EXPECT_EQ(sample("dogcare_logins_total{result=\"failure\"}"), failures + 1);
  EXPECT_EQ(sample("dogcare_observations_created_total"), created + 1);
  EXPECT_GT(sample("dogcare_db_query_duration_seconds_count"), queries + 3);
  const std::string text = prometheus::TextSerializer().Serialize(metrics_registry()->Collect());
  EXPECT_NE(text.find("dogcare_db_pool_connections{pool="), std::string::npos);
  EXPECT_NE(text.find("state=\"capacity\""), std::string::npos);
}

}  // namespace
}  // namespace dogcare::testing
