// Secrets as every adapter reads them: from a file named by a *_FILE
// setting (DOGCARE_SMTP_PASSWORD_FILE, DOGCARE_DATABASE_PASSWORD_FILE), the
// form in which Vault Agent or a Kubernetes Secret volume delivers them.
#pragma once

#include <filesystem>
#include <string>

namespace dogcare {

// The file's content with surrounding blanks (and the final newline)
// trimmed. Throws Error(invalid_argument, field "secret_file") naming the
// file when it cannot be read; never quotes its content.
std::string read_secret_file(const std::filesystem::path& file);

}  // namespace dogcare
