// Access tokens: JWT (HS256) signed with a rotating set of keys.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace dogcare {

struct SigningKey {
  std::string kid;     // key id, written in the token header
  std::string secret;  // at least 32 bytes of randomness; never logged
};

struct TokenOptions {
  // Tokens are signed with the key whose kid is current_kid and verified
  // with any listed key, so a key can be rotated in before it signs and kept
  // after it stops signing until its tokens have expired.
  std::vector<SigningKey> keys;
  std::string current_kid;
  std::chrono::seconds ttl{std::chrono::minutes{30}};
  std::string issuer = "dogcare";
};

// Reads a signing-key file: one `kid=secret` per line (blank lines and `#`
// comments ignored). The first key signs; every key verifies. This is the
// file Vault Agent renders for the server and the UI, so a key is rotated by
// adding it as the second line, moving it first once every replica has it,
// and dropping the old one after its tokens expired.
// Throws Error(invalid_argument, field "jwt_keys_file"); never quotes a secret.
TokenOptions load_signing_keys(const std::filesystem::path& file,
                               std::chrono::seconds ttl = TokenOptions{}.ttl);

// How often a SigningKeySource looks at its file's modification time, at most.
inline constexpr std::chrono::milliseconds kDefaultKeyCheckInterval{std::chrono::seconds{2}};

// The signing keys in effect (keys and current_kid of a TokenOptions), for
// every adapter alike (the REST server, the Python module): Accounts signs
// and verifies with current() on each call, so a rotated key file takes
// effect without a restart, and a key dropped from the file is refused at
// once. Thread-safe; share one per process.
class SigningKeySource {
 public:
  // Keys that never change (tests, a process's ephemeral key).
  // Throws Error(invalid_argument) as security's validation does.
  explicit SigningKeySource(TokenOptions fixed);
  // The keys of `file` (load_signing_keys' format), read now: throws as
  // load_signing_keys does. When current() is called at least
  // `check_interval` after the previous look, the file's modification time
  // and size are compared with those of the last read, and the file is read
  // again if they differ. A file that cannot be read or holds no usable key
  // leaves the keys in effect unchanged (last_error() says why).
  explicit SigningKeySource(std::filesystem::path file,
                            std::chrono::milliseconds check_interval = kDefaultKeyCheckInterval);
  // One key of 32 bytes from the system's CSPRNG, kid "ephemeral": tokens
  // die with the process (a server started without a key file).
  static std::shared_ptr<SigningKeySource> ephemeral();
  ~SigningKeySource();
  SigningKeySource(const SigningKeySource&) = delete;
  SigningKeySource& operator=(const SigningKeySource&) = delete;

  // The keys in effect (after the periodic look at the file, if due).
  std::shared_ptr<const TokenOptions> current() const;
  // Reads the file now, changed or not (e.g. on SIGHUP). Throws like
  // load_signing_keys, keeping the keys in effect. No-op for fixed keys.
  void reload();
  // 1 for the keys read at construction, +1 for each key set taken into
  // effect since: a caller compares it with the last value it saw to learn
  // of a rotation (the server logs one).
  std::uint64_t generation() const noexcept;
  // Why the last periodic look kept the old keys; empty after a good read.
  std::string last_error() const;
  // Empty for fixed keys.
  const std::filesystem::path& file() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare
