// A token bucket per client address for the authentication routes, on top
// of the library's per-account login throttling.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace dogcare::http {

class RateLimiter {
 public:
  RateLimiter(double per_second, double burst) : rate_(per_second), burst_(burst) {}

  // 0 when the request may go on, else the seconds to wait.
  long acquire(const std::string& client) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    if (buckets_.size() > 100000) buckets_.clear();  // bounded memory under address floods
    auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
    auto& bucket = it->second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * rate_);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    if (rate_ <= 0) return 60;
    return static_cast<long>((1 - bucket.tokens) / rate_) + 1;
  }

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point updated;
  };
  double rate_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace dogcare::http
