// A page of a keyset-paginated listing.
#pragma once

#include <optional>
#include <vector>

namespace dogcare::storage {

template <typename T, typename Cursor>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;  // absent on the last page
};

}  // namespace dogcare::storage
