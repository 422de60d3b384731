#include "security/password_hasher.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <semaphore>
#include <thread>
#include <vector>

#include "dogcare/error.hpp"

namespace dogcare::security {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kTagBytes = 32;

struct Encoded {
  std::uint32_t memory_kib = 0;
  std::uint32_t iterations = 0;
  std::uint32_t parallelism = 0;
  std::size_t salt_bytes = 0;
  std::size_t tag_bytes = 0;
};

std::optional<std::uint32_t> parse_uint(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text.front() == '0')) return std::nullopt;
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Next field up to `separator`, advancing `text` past it.
std::string_view take(std::string_view& text, char separator) {
  const auto at = text.find(separator);
  const std::string_view field = text.substr(0, at);
  text = at == std::string_view::npos ? std::string_view{} : text.substr(at + 1);
  return field;
}

// Decoded length of unpadded standard base64, or nullopt for a bad length
// or character (the PHC format omits padding).
std::optional<std::size_t> b64_length(std::string_view text) {
  if (text.empty() || text.size() % 4 == 1) return std::nullopt;
  for (const char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '/';
    if (!ok) return std::nullopt;
  }
  return text.size() * 3 / 4;
}

// Parses "$argon2id$v=19$m=M,t=T,p=P$salt$tag"; only Argon2id v1.3.
std::optional<Encoded> parse(std::string_view encoded) {
  if (encoded.size() > 512 || !encoded.starts_with('$')) return std::nullopt;
  std::string_view rest = encoded.substr(1);
  if (take(rest, '$') != "argon2id") return std::nullopt;
  if (take(rest, '$') != "v=19") return std::nullopt;
  std::string_view params = take(rest, '$');
  const std::string_view m = take(params, ',');
  const std::string_view t = take(params, ',');
  const std::string_view p = params;
  if (!m.starts_with("m=") || !t.starts_with("t=") || !p.starts_with("p=")) return std::nullopt;
  const auto memory = parse_uint(m.substr(2));
  const auto iterations = parse_uint(t.substr(2));
  const auto parallelism = parse_uint(p.substr(2));
  if (!memory || !iterations || !parallelism) return std::nullopt;
  const std::string_view salt = take(rest, '$');
  const std::string_view tag = rest;
  if (tag.find('$') != std::string_view::npos) return std::nullopt;
  const auto salt_bytes = b64_length(salt);
  const auto tag_bytes = b64_length(tag);
  if (!salt_bytes || !tag_bytes) return std::nullopt;
  return Encoded{*memory, *iterations, *parallelism, *salt_bytes, *tag_bytes};
}

void check_params(const Argon2Params& params) {
  if (params.parallelism < ARGON2_MIN_LANES || params.parallelism > kMaxVerifyParallelism) {
    throw_invalid("parallelism", "Argon2 parallelism must be between 1 and 64");
  }
  if (params.iterations < ARGON2_MIN_TIME || params.iterations > kMaxVerifyIterations) {
    throw_invalid("iterations", "Argon2 iterations must be between 1 and 64");
  }
  if (params.memory_kib < 8 * params.parallelism || params.memory_kib > kMaxVerifyMemoryKib) {
    throw_invalid("memory_kib", "Argon2 memory must be at least 8 KiB per lane and at most 1 GiB");
  }
}

// Argon2id is memory-hard on purpose: each hash holds memory_kib (19 MiB by
// default) and a core for tens of milliseconds. Running more at once than
// there are cores finishes none sooner; it only multiplies the memory and
// takes the CPU from every other request (a login storm would stall the
// server). So hashes and verifications wait here for a core.
class HashingSlot {
 public:
  HashingSlot() { slots().acquire(); }
  ~HashingSlot() { slots().release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;

 private:
  static std::counting_semaphore<>& slots() {
    static std::counting_semaphore<> instance(
        static_cast<std::ptrdiff_t>(std::max(1u, std::thread::hardware_concurrency())));
    return instance;
  }
};

}  // namespace

std::string hash_password(std::string_view password, const Argon2Params& params) {
  if (password.size() > kMaxPasswordBytes) {
    throw_invalid("password", "the password is longer than 4096 bytes");
  }
  check_params(params);
  unsigned char salt[kSaltBytes];
  if (RAND_bytes(salt, sizeof salt) != 1) {
    throw Error(ErrorCode::internal, "no randomness available for a password salt");
  }
  const std::size_t length = argon2_encodedlen(
      params.iterations, params.memory_kib, params.parallelism, kSaltBytes, kTagBytes, Argon2_id);
  std::vector<char> encoded(length + 1);  // room for the NUL, whatever the version counts
  const HashingSlot slot;
  const int rc = argon2id_hash_encoded(params.iterations, params.memory_kib, params.parallelism,
                                       password.data(), password.size(), salt, sizeof salt,
                                       kTagBytes, encoded.data(), encoded.size());
  OPENSSL_cleanse(salt, sizeof salt);
  if (rc != ARGON2_OK) {
    throw Error(rc == ARGON2_MEMORY_ALLOCATION_ERROR ? ErrorCode::unavailable : ErrorCode::internal,
                std::string("password hashing failed: ") + argon2_error_message(rc));
  }
  return std::string(encoded.data());
}

bool verify_password(std::string_view password, std::string_view encoded) noexcept {
  if (password.size() > kMaxPasswordBytes) return false;
  const auto parsed = parse(encoded);
  if (!parsed || parsed->memory_kib > kMaxVerifyMemoryKib ||
      parsed->iterations > kMaxVerifyIterations || parsed->parallelism > kMaxVerifyParallelism ||
      parsed->memory_kib < 8 * parsed->parallelism || parsed->iterations < 1 ||
      parsed->parallelism < 1 || parsed->salt_bytes < ARGON2_MIN_SALT_LENGTH ||
      parsed->tag_bytes < ARGON2_MIN_OUTLEN) {
    return false;
  }
  try {
    const std::string text(encoded);  // argon2 wants a NUL-terminated string
    const HashingSlot slot;
    return argon2id_verify(text.c_str(), password.data(), password.size()) == ARGON2_OK;
  } catch (...) {
    return false;
  }
}

bool needs_rehash(std::string_view encoded, const Argon2Params& wanted) noexcept {
  const auto parsed = parse(encoded);
  if (!parsed) return true;
  return parsed->memory_kib < wanted.memory_kib || parsed->iterations < wanted.iterations ||
         parsed->parallelism < wanted.parallelism || parsed->salt_bytes < kSaltBytes ||
         parsed->tag_bytes < kTagBytes;
}

}  // namespace dogcare::security
