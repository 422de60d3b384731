// A dog whose reactions an owner records. Observations are per dog.
#pragma once

#include <optional>
#include <string>

#include "dogcare/time.hpp"

namespace dogcare {

struct Dog {
  std::string id;
  std::string owner_id;
  std::string name;
  std::optional<std::string> breed;
  std::optional<Date> birth_date;
  std::optional<std::string> notes;
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace dogcare
