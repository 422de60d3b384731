// The library's instruments; the registry is exposed by dogcare/metrics.hpp.
#pragma once

#include <cstddef>
#include <string_view>

namespace dogcare::metrics {

enum class LoginResult { success, failure, rate_limited };

void count_login(LoginResult result);
void count_observation_created();
void count_reset_mail_failure();
enum class InvitationEvent { created, accepted };
void count_invitation(InvitationEvent event);
void count_comment_created();
// Figures of the whole database (every replica reports the same), set by
// Sharing::refresh_metrics.
void set_sharing_gauges(std::size_t active_shares, std::size_t pending_invitations,
                        std::size_t expired_invitations);
void observe_query_seconds(double seconds);

// The gauges of one connection pool, labelled with a process-unique number;
// removed when the pool goes away.
class PoolGauges {
 public:
  PoolGauges();
  ~PoolGauges();
  PoolGauges(const PoolGauges&) = delete;
  PoolGauges& operator=(const PoolGauges&) = delete;
  void set(std::size_t in_use, std::size_t idle, std::size_t waiting, std::size_t capacity);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace dogcare::metrics
