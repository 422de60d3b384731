#include "core/ids.hpp"

#include <openssl/rand.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

#include "dogcare/error.hpp"

namespace dogcare {

namespace {

// The 48-bit millisecond time and the 12-bit rand_a field as one counter
// (RFC 9562, 6.2 method 1): within a millisecond each id takes the next
// value, from a random start in the lower half, so the ids of one process
// sort in the order they were made (a dog list "in creation order" is the
// id order) and still tell nothing of how many came before.
std::atomic<std::uint64_t> last_stamp{0};

std::uint64_t next_stamp(std::uint16_t random_start) {
  const auto millis =
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  const std::uint64_t fresh = (millis << 12) | (random_start & 0x7FF);
  std::uint64_t previous = last_stamp.load(std::memory_order_relaxed);
  for (;;) {
    // A clock that stepped back, or a millisecond's ids: one more than the last.
    const std::uint64_t next = fresh > previous ? fresh : previous + 1;
    if (last_stamp.compare_exchange_weak(previous, next, std::memory_order_relaxed)) return next;
  }
}

}  // namespace

std::string new_id() {
  std::array<std::uint8_t, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw Error(ErrorCode::internal, "the random number generator failed");
  }
  const std::uint64_t stamp = next_stamp(static_cast<std::uint16_t>(bytes[6] << 8 | bytes[7]));
  const std::uint64_t millis = stamp >> 12;
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<std::uint8_t>(millis >> (8 * (5 - i)));
  bytes[6] = static_cast<std::uint8_t>(0x70 | ((stamp >> 8) & 0x0F));  // version 7, counter
  bytes[7] = static_cast<std::uint8_t>(stamp & 0xFF);
  bytes[8] = static_cast<std::uint8_t>(0x80 | (bytes[8] & 0x3F));  // RFC variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 0x0F]);
  }
  return out;
}

bool valid_id(std::string_view id) noexcept {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

}  // namespace dogcare
