// Password hashing with Argon2id (RFC 9106). Hashes are PHC strings
// ($argon2id$v=19$m=...,t=...,p=...$salt$hash) that carry their own
// parameters, so stronger parameters can be adopted later: needs_rehash
// tells, after a successful login, that the stored hash should be redone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dogcare::security {

// OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1).
struct Argon2Params {
  std::uint32_t memory_kib = 19456;
  std::uint32_t iterations = 2;
  std::uint32_t parallelism = 1;
};

// Longest password accepted, in bytes. The accounts service enforces the
// product's limit; this bound only keeps hashing cost predictable.
inline constexpr std::size_t kMaxPasswordBytes = 4096;

// Hashes with a fresh 16-byte salt from the OS CSPRNG into a 32-byte tag.
// Throws dogcare::Error: invalid_argument ("password" when longer than
// kMaxPasswordBytes; "memory_kib", "iterations" or "parallelism" for
// parameters outside what Argon2 accepts), internal if no randomness or
// memory is available.
std::string hash_password(std::string_view password, const Argon2Params& params = {});

// True only when `encoded` is a well-formed Argon2id hash of `password`.
// The tag comparison is constant-time (argon2id_verify). Malformed hashes,
// other Argon2 variants and parameters beyond kMaxVerify* give false; it
// never throws for bad input.
bool verify_password(std::string_view password, std::string_view encoded) noexcept;

// True when `encoded` is not an Argon2id v1.3 hash or any of its parameters
// (memory, iterations, parallelism, salt or tag length) is below `wanted`
// (salt 16 bytes, tag 32 bytes).
bool needs_rehash(std::string_view encoded, const Argon2Params& wanted = {}) noexcept;

// A stored hash asking for more than this is refused instead of computed:
// a tampered row must not make a login allocate gigabytes or spin for minutes.
inline constexpr std::uint32_t kMaxVerifyMemoryKib = 1u << 20;  // 1 GiB
inline constexpr std::uint32_t kMaxVerifyIterations = 64;
inline constexpr std::uint32_t kMaxVerifyParallelism = 64;

}  // namespace dogcare::security
