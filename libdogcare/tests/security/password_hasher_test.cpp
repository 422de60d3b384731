#include "security/password_hasher.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <chrono>
#include <regex>
#include <thread>
#include <vector>

#include "dogcare/error.hpp"

namespace dogcare::security {
namespace {

// Cheap parameters where the cost is not what a test is about.
constexpr Argon2Params kFast{64, 1, 1};

std::string field_of_invalid(const std::function<void()>& statement) {
  try {
    statement();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_argument) << error.what();
    return error.field();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST(PasswordHasher, ProducesAPhcArgon2idStringWithTheOwaspDefaults) {
  const std::string hash = hash_password("correct horse battery staple");
  // 16-byte salt (22 base64 characters) and 32-byte tag (43).
  EXPECT_TRUE(std::regex_match(
      hash,
      std::regex(R"(\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43})")))
      << hash;
  EXPECT_TRUE(verify_password("correct horse battery staple", hash));
  EXPECT_FALSE(needs_rehash(hash));
}

TEST(PasswordHasher, VerifiesOnlyTheRightPassword) {
  const std::string hash = hash_password("Tr0ub4dor&3", kFast);
  EXPECT_TRUE(verify_password("Tr0ub4dor&3", hash));
  EXPECT_FALSE(verify_password("Tr0ub4dor&4", hash));
  EXPECT_FALSE(verify_password("tr0ub4dor&3", hash));
  EXPECT_FALSE(verify_password("", hash));
  EXPECT_FALSE(verify_password(std::string("Tr0ub4dor&3\0", 12), hash));
}

TEST(PasswordHasher, SaltsEveryHash) {
  const std::string first = hash_password("same password", kFast);
  const std::string second = hash_password("same password", kFast);
  EXPECT_NE(first, second);
  EXPECT_TRUE(verify_password("same password", first));
  EXPECT_TRUE(verify_password("same password", second));
}

TEST(PasswordHasher, HandlesUnicodeAndTheLongestAllowedPassword) {
  const std::string unicode = "mot de passe très sûr 🐕";
  EXPECT_TRUE(verify_password(unicode, hash_password(unicode, kFast)));
  const std::string longest(kMaxPasswordBytes, 'p');
  EXPECT_TRUE(verify_password(longest, hash_password(longest, kFast)));
}

TEST(PasswordHasher, RefusesPasswordsOverTheDefensiveLimit) {
  const std::string too_long(kMaxPasswordBytes + 1, 'p');
  EXPECT_EQ(field_of_invalid([&] { hash_password(too_long, kFast); }), "password");
  const std::string hash = hash_password(std::string(kMaxPasswordBytes, 'p'), kFast);
  EXPECT_FALSE(verify_password(too_long, hash));
}

TEST(PasswordHasher, RejectsMalformedHashesWithoutThrowing) {
  const std::string good = hash_password("pw", kFast);
  std::string flipped = good;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  for (const std::string& bad :
       std::vector<std::string>{"", "garbage", "$argon2id$", "$argon2id$v=19$m=64,t=1,p=1$",
                                good.substr(0, good.size() - 5), flipped,
                                "$2b$12$abcdefghijklmnopqrstuu5N6zRnFv1j3yVhyN4p8V3B3aIwfSg1a",
                                // The same hash relabelled as Argon2i or Argon2d must not verify.
                                "$argon2i" + good.substr(9), "$argon2d" + good.substr(9),
                                "$argon2id$v=16" + good.substr(14), good + "$extra", good + "\n"}) {
    EXPECT_FALSE(verify_password("pw", bad)) << bad;
    EXPECT_TRUE(needs_rehash(bad)) << bad;
  }
}

TEST(PasswordHasher, RefusesStoredParametersTooCostlyToVerify) {
  const std::string salt_and_tag =
      "$c29tZXNhbHRzb21lc2FsdA$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(verify_password("pw", "$argon2id$v=19$m=4294967295,t=1,p=1" + salt_and_tag));
  EXPECT_FALSE(verify_password("pw", "$argon2id$v=19$m=65536,t=4000000,p=1" + salt_and_tag));
  EXPECT_FALSE(verify_password("pw", "$argon2id$v=19$m=65536,t=1,p=255" + salt_and_tag));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{1});
}

TEST(PasswordHasher, AsksForARehashWhenStoredParametersAreWeaker) {
  const Argon2Params wanted{256, 2, 1};
  EXPECT_FALSE(needs_rehash(hash_password("pw", wanted), wanted));
  EXPECT_FALSE(needs_rehash(hash_password("pw", {512, 3, 2}), wanted));  // stronger
  EXPECT_TRUE(needs_rehash(hash_password("pw", {128, 2, 1}), wanted));   // less memory
  EXPECT_TRUE(needs_rehash(hash_password("pw", {256, 1, 1}), wanted));   // fewer passes
  EXPECT_TRUE(needs_rehash(hash_password("pw", {256, 2, 1}), {256, 2, 2}));
}

TEST(PasswordHasher, RefusesParametersArgon2CannotUseNamingTheField) {
  EXPECT_EQ(field_of_invalid([] { hash_password("pw", {64, 1, 0}); }), "parallelism");
  EXPECT_EQ(field_of_invalid([] { hash_password("pw", {64, 0, 1}); }), "iterations");
  EXPECT_EQ(field_of_invalid([] { hash_password("pw", {4, 1, 1}); }), "memory_kib");
  EXPECT_EQ(field_of_invalid([] {
              hash_password("pw", {kMaxVerifyMemoryKib + 1, 1, 1});
            }),
            "memory_kib");
}

// GCC says so with __SANITIZE_*__, clang (the tsan and fuzz presets) with __has_feature.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define DOGCARE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define DOGCARE_SANITIZED 1
#endif
#endif

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A storm of logins must not hold one Argon2 memory block per thread: hashes
// wait for a core, so the peak stays near cores x memory_kib.
TEST(PasswordHasher, ConcurrentHashesAreBoundedByTheCores) {
#ifdef DOGCARE_SANITIZED
  GTEST_SKIP() << "sanitizers keep freed blocks resident (quarantine) and add shadow memory; the "
                  "release run measures";
#endif
  constexpr std::uint32_t kMemoryKib = 32 * 1024;
  const long cores = std::max(1u, std::thread::hardware_concurrency());
  const long threads_count = cores * 4;
  const long before = peak_rss_kib();
  std::vector<std::thread> threads;
  for (long t = 0; t < threads_count; ++t) {
    threads.emplace_back([] { hash_password("correct horse", {kMemoryKib, 1, 1}); });
  }
  for (auto& thread : threads) thread.join();
  const long growth = peak_rss_kib() - before;
  // Unbounded, the growth would be about threads_count x 32 MiB.
  EXPECT_LT(growth, (cores + 1) * static_cast<long>(kMemoryKib))
      << "peak grew by " << growth << " KiB";
}

}  // namespace
}  // namespace dogcare::security
