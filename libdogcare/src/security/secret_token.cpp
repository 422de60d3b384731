#include "security/secret_token.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <vector>

#include "dogcare/error.hpp"
#include "security/base64url.hpp"

namespace dogcare::security {

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> secret(bytes);
  if (RAND_bytes(secret.data(), static_cast<int>(secret.size())) != 1) {
    throw Error(ErrorCode::internal, "the random number generator failed");
  }
  return base64url_encode(
      std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size()));
}

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorCode::internal, "SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

}  // namespace dogcare::security
