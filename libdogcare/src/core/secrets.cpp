#include "dogcare/secrets.hpp"

#include <fstream>
#include <sstream>

#include "core/text.hpp"
#include "dogcare/error.hpp"

namespace dogcare {

std::string read_secret_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::invalid_argument, "cannot read the secret file " + file.string(),
                "secret_file");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return trim(buffer.str());
}

}  // namespace dogcare
