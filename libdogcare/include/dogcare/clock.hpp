// Time as the library sees it; tests inject a clock they control.
#pragma once

#include <atomic>

#include "dogcare/time.hpp"

namespace dogcare {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override { return now_utc(); }
};

// A clock that only moves when told to (tests, benchmarks).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start.time_since_epoch().count()) {}
  Timestamp now() const override { return Timestamp{Timestamp::duration{now_.load()}}; }
  void advance(Timestamp::duration by) { now_ += by.count(); }
  void set(Timestamp to) { now_ = to.time_since_epoch().count(); }

 private:
  std::atomic<Timestamp::rep> now_;
};

}  // namespace dogcare
