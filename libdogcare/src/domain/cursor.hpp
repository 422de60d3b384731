// Search parameters: validation and translation to storage queries, and the
// opaque pagination cursor.
#pragma once

#include <string>
#include <string_view>

#include "dogcare/observations.hpp"
#include "storage/repositories.hpp"

namespace dogcare::domain {

// "<YYYYMMDD>.<id>": the position after the last item of a page.
std::string encode_cursor(const storage::ObservationCursor& cursor);
storage::ObservationCursor decode_cursor(std::string_view text);

// "<milliseconds since the epoch>.<id>": the position after the last item of
// a page ordered by a time (comments, the access log).
std::string encode_time_cursor(const storage::TimeCursor& cursor);
storage::TimeCursor decode_time_cursor(std::string_view text);

// Validates a SearchQuery (fields named as in SearchQuery) and translates it.
storage::ObservationQuery to_storage_query(const SearchQuery& query);

}  // namespace dogcare::domain
