#include <openssl/rand.h>

#include <array>
#include <atomic>
#include <mutex>
#include <system_error>
#include <utility>

#include "dogcare/error.hpp"
#include "dogcare/tokens.hpp"
#include "security/base64url.hpp"
#include "security/jwt.hpp"

namespace dogcare {
namespace {

// What tells a rewritten file from the one read last, without reading it.
struct FileStamp {
  std::filesystem::file_time_type modified{};
  std::uintmax_t size = 0;
  bool operator==(const FileStamp&) const = default;
};

std::int64_t steady_now() {
  return std::chrono::steady_clock::now().time_since_epoch().count();
}

}  // namespace

struct SigningKeySource::Impl {
  std::filesystem::path file;  // empty: fixed keys
  std::chrono::steady_clock::duration interval{};

  std::mutex reading;  // one reader of the file at a time
  mutable std::mutex state;
  std::shared_ptr<const TokenOptions> keys;
  FileStamp stamp;
  std::string error;
  std::atomic<std::int64_t> next_check{0};
  std::atomic<std::uint64_t> generation{1};

  // Reads the file; on success puts its keys into effect. Holds `reading`.
  void read(const FileStamp& seen) {
    auto fresh = std::make_shared<const TokenOptions>(load_signing_keys(file));
    std::lock_guard lock(state);
    keys = std::move(fresh);
    stamp = seen;
    error.clear();
    generation.fetch_add(1);
  }

  static FileStamp look(const std::filesystem::path& file, std::error_code& ec) {
    FileStamp seen;
    seen.modified = std::filesystem::last_write_time(file, ec);
    if (!ec) seen.size = std::filesystem::file_size(file, ec);
    return seen;
  }

  void check_if_due() {
    const auto now = steady_now();
    if (now < next_check.load(std::memory_order_relaxed)) return;
    std::unique_lock lock(reading, std::try_to_lock);
    if (!lock.owns_lock()) return;  // another thread is looking; use the keys in effect
    next_check.store(now + interval.count(), std::memory_order_relaxed);
    std::error_code ec;
    const FileStamp seen = look(file, ec);
    if (ec) {
      // Mid-rotation, or gone: keep the keys, look again next time.
      std::lock_guard guard(state);
      error = "the JWT keys file " + file.string() + " cannot be read";
      return;
    }
    {
      std::lock_guard guard(state);
      if (seen == stamp) return;
    }
    try {
      read(seen);
    } catch (const std::exception& failure) {
      std::lock_guard guard(state);
      error = failure.what();  // load_signing_keys never quotes a secret
    }
  }
};

SigningKeySource::SigningKeySource(TokenOptions fixed) : impl_(std::make_unique<Impl>()) {
  security::validate_token_options(fixed);
  impl_->keys = std::make_shared<const TokenOptions>(std::move(fixed));
}

SigningKeySource::SigningKeySource(std::filesystem::path file,
                                   std::chrono::milliseconds check_interval)
    : impl_(std::make_unique<Impl>()) {
  impl_->file = std::move(file);
  impl_->interval = check_interval;
  std::error_code ec;
  const FileStamp seen = Impl::look(impl_->file, ec);
  std::lock_guard lock(impl_->reading);
  impl_->read(seen);  // throws when unusable: a process does not start without keys
  impl_->generation = 1;
  impl_->next_check = steady_now() + impl_->interval.count();
}

std::shared_ptr<SigningKeySource> SigningKeySource::ephemeral() {
  std::array<unsigned char, 32> secret{};
  if (RAND_bytes(secret.data(), static_cast<int>(secret.size())) != 1) {
    throw Error(ErrorCode::internal, "the random number generator failed");
  }
  TokenOptions tokens;
  tokens.keys = {{"ephemeral", security::base64url_encode(std::string_view(
                                   reinterpret_cast<const char*>(secret.data()), secret.size()))}};
  tokens.current_kid = "ephemeral";
  return std::make_shared<SigningKeySource>(std::move(tokens));
}

SigningKeySource::~SigningKeySource() = default;

std::shared_ptr<const TokenOptions> SigningKeySource::current() const {
  if (!impl_->file.empty()) impl_->check_if_due();
  std::lock_guard lock(impl_->state);
  return impl_->keys;
}

void SigningKeySource::reload() {
  if (impl_->file.empty()) return;
  std::lock_guard lock(impl_->reading);
  std::error_code ec;
  const FileStamp seen = Impl::look(impl_->file, ec);
  try {
    impl_->read(seen);
  } catch (const std::exception& failure) {
    std::lock_guard guard(impl_->state);
    impl_->error = failure.what();
    throw;
  }
  impl_->next_check = steady_now() + impl_->interval.count();
}

std::uint64_t SigningKeySource::generation() const noexcept {
  return impl_->generation.load();
}

std::string SigningKeySource::last_error() const {
  std::lock_guard lock(impl_->state);
  return impl_->error;
}

const std::filesystem::path& SigningKeySource::file() const noexcept {
  return impl_->file;
}

}  // namespace dogcare
