// The mails the library sends, each in its recipient's language (the
// account's): the words live here once, the services only fill them in.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "dogcare/mailer.hpp"
#include "dogcare/users.hpp"

namespace dogcare::domain {

// `to` must have an email address (the callers send nothing otherwise).
Email password_reset_mail(const User& to, std::chrono::minutes valid_for, std::string_view link);
// owner_name empty: the owner is no longer known by name.
Email invitation_mail(const User& to, std::string_view owner_name, std::string_view dog_name,
                      std::chrono::hours valid_for, std::string_view link);
Email comment_mail(const User& to, std::string_view author, std::string_view dog_name,
                   std::string_view link);

}  // namespace dogcare::domain
