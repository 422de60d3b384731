#include "core/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <atomic>
#include <string>

#include "dogcare/metrics.hpp"

namespace dogcare {
namespace {

struct Instruments {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& logins = prometheus::BuildCounter()
                                                        .Name("dogcare_logins_total")
                                                        .Help("Login attempts by result")
                                                        .Register(*registry);
  prometheus::Counter& login_success = logins.Add({{"result", "success"}});
  prometheus::Counter& login_failure = logins.Add({{"result", "failure"}});
  prometheus::Counter& login_rate_limited = logins.Add({{"result", "rate_limited"}});
  prometheus::Counter& observations_created = prometheus::BuildCounter()
                                                  .Name("dogcare_observations_created_total")
                                                  .Help("Observations recorded")
                                                  .Register(*registry)
                                                  .Add({});
  prometheus::Counter& reset_mail_failures =
      prometheus::BuildCounter()
          .Name("dogcare_password_reset_mail_failures_total")
          .Help("Password reset mails the mailer could not hand over")
          .Register(*registry)
          .Add({});
  prometheus::Family<prometheus::Counter>& invitations =
      prometheus::BuildCounter()
          .Name("dogcare_invitations_total")
          .Help("Invitations to share a dog (by account or one-time code), by event")
          .Register(*registry);
  prometheus::Counter& invitations_created = invitations.Add({{"event", "created"}});
  prometheus::Counter& invitations_accepted = invitations.Add({{"event", "accepted"}});
  prometheus::Counter& comments_created = prometheus::BuildCounter()
                                              .Name("dogcare_comments_created_total")
                                              .Help("Comments written by owners and professionals")
                                              .Register(*registry)
                                              .Add({});
  prometheus::Gauge& shares_active =
      prometheus::BuildGauge()
          .Name("dogcare_shares_active")
          .Help("Live grants of a dog to a professional, in the whole database")
          .Register(*registry)
          .Add({});
  prometheus::Family<prometheus::Gauge>& open_invitations =
      prometheus::BuildGauge()
          .Name("dogcare_invitations")
          .Help(
              "Invitations not accepted nor cancelled, in the whole database: pending, or "
              "expired and not yet purged")
          .Register(*registry);
  prometheus::Gauge& invitations_pending = open_invitations.Add({{"state", "pending"}});
  prometheus::Gauge& invitations_expired = open_invitations.Add({{"state", "expired"}});
  prometheus::Histogram& query_seconds =
      prometheus::BuildHistogram()
          .Name("dogcare_db_query_duration_seconds")
          .Help("Time to execute one database statement")
          .Register(*registry)
          .Add({}, prometheus::Histogram::BucketBoundaries{0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                                           0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                           1, 2.5});
  prometheus::Family<prometheus::Gauge>& pool =
      prometheus::BuildGauge()
          .Name("dogcare_db_pool_connections")
          .Help("Database connections by state (waiting: callers queued for one)")
          .Register(*registry);
  std::atomic<int> next_pool{1};
};

// Never destroyed: pools held by other statics may outlive any static here.
Instruments& instruments() {
  static auto* instance = new Instruments;
  return *instance;
}

}  // namespace

std::shared_ptr<prometheus::Registry> metrics_registry() {
  return instruments().registry;
}

namespace metrics {

void count_login(LoginResult result) {
  auto& i = instruments();
  switch (result) {
    case LoginResult::success:
      i.login_success.Increment();
      break;
    case LoginResult::failure:
      i.login_failure.Increment();
      break;
    case LoginResult::rate_limited:
      i.login_rate_limited.Increment();
      break;
  }
}

void count_observation_created() {
  instruments().observations_created.Increment();
}
void count_reset_mail_failure() {
  instruments().reset_mail_failures.Increment();
}
void count_invitation(InvitationEvent event) {
  auto& i = instruments();
  (event == InvitationEvent::created ? i.invitations_created : i.invitations_accepted).Increment();
}
void count_comment_created() {
  instruments().comments_created.Increment();
}
void set_sharing_gauges(std::size_t active_shares, std::size_t pending_invitations,
                        std::size_t expired_invitations) {
  auto& i = instruments();
  i.shares_active.Set(static_cast<double>(active_shares));
  i.invitations_pending.Set(static_cast<double>(pending_invitations));
  i.invitations_expired.Set(static_cast<double>(expired_invitations));
}
void observe_query_seconds(double seconds) {
  instruments().query_seconds.Observe(seconds);
}

struct PoolGauges::Impl {
  prometheus::Gauge* in_use;
  prometheus::Gauge* idle;
  prometheus::Gauge* waiting;
  prometheus::Gauge* capacity;
};

PoolGauges::PoolGauges() {
  auto& i = instruments();
  const std::string pool = std::to_string(i.next_pool++);
  impl_ = new Impl{&i.pool.Add({{"pool", pool}, {"state", "in_use"}}),
                   &i.pool.Add({{"pool", pool}, {"state", "idle"}}),
                   &i.pool.Add({{"pool", pool}, {"state", "waiting"}}),
                   &i.pool.Add({{"pool", pool}, {"state", "capacity"}})};
}

PoolGauges::~PoolGauges() {
  auto& i = instruments();
  for (prometheus::Gauge* gauge : {impl_->in_use, impl_->idle, impl_->waiting, impl_->capacity}) {
    i.pool.Remove(gauge);
  }
  delete impl_;
}

void PoolGauges::set(std::size_t in_use, std::size_t idle, std::size_t waiting,
                     std::size_t capacity) {
  impl_->in_use->Set(static_cast<double>(in_use));
  impl_->idle->Set(static_cast<double>(idle));
  impl_->waiting->Set(static_cast<double>(waiting));
  impl_->capacity->Set(static_cast<double>(capacity));
}

}  // namespace metrics
}  // namespace dogcare
