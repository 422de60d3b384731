// Keeps what a service hands to its Mailer (the SMTP mailer is tested
// against a real SMTP server in tests/security).
#pragma once

#include <mutex>
#include <vector>

#include "dogcare/mailer.hpp"

namespace dogcare::testing {

class RecordingMailer final : public Mailer {
 public:
  void send(const Email& email) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(email);
  }
  std::vector<Email> sent() {
    std::lock_guard lock(mutex_);
    return sent_;
  }

 private:
  std::mutex mutex_;
  std::vector<Email> sent_;
};

}  // namespace dogcare::testing
