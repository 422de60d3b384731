// A page of a keyset-paginated listing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dogcare/time.hpp"

namespace dogcare::storage {

template <typename T, typename Cursor>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;  // absent on the last page
};

// The position after the last row of a page ordered by a time, then the id
// (comments oldest first, the access log newest first).
struct TimeCursor {
  Timestamp at{};
  std::string id;
};

}  // namespace dogcare::storage
