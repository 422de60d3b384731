// What a listing of observations asks for: the filters search and the views
// share, and a position in the newest-first order.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "dogcare/observations.hpp"
#include "dogcare/time.hpp"

namespace dogcare::storage {

// Position in the newest-first order of observations.
struct ObservationCursor {
  Date date{};
  std::string id;
  bool operator==(const ObservationCursor&) const = default;
};

// Every filter is optional; the ones given must all match.
struct ObservationQuery {
  std::optional<std::string> dog_id;
  std::optional<Date> from;                // inclusive
  std::optional<Date> to;                  // inclusive
  std::optional<std::string> comment_key;  // a fold_key()ed substring of the comment
  std::vector<std::string> trigger_ids;    // any of
  std::vector<std::string> reaction_ids;   // any of
  std::vector<int> severities;             // any of
  std::optional<ObservationCursor> after;
  std::size_t limit = kDefaultPageSize;
};

}  // namespace dogcare::storage
