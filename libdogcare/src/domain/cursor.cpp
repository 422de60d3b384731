#include "domain/cursor.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "domain/rules.hpp"

namespace dogcare::domain {

std::string encode_cursor(const storage::ObservationCursor& cursor) {
  std::string date = format_date(cursor.date);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return date + "." + cursor.id;
}

storage::ObservationCursor decode_cursor(std::string_view text) {
  if (text.size() != 8 + 1 + 36 || text[8] != '.') throw_invalid("cursor", "cursor is not valid");
  const std::string date_text = std::string(text.substr(0, 4)) + "-" +
                                std::string(text.substr(4, 2)) + "-" +
                                std::string(text.substr(6, 2));
  const auto date = parse_date(date_text);
  const std::string id(text.substr(9));
  if (!date || !valid_id(id)) throw_invalid("cursor", "cursor is not valid");
  return {*date, id};
}

storage::ObservationQuery to_storage_query(const SearchQuery& query) {
  storage::ObservationQuery q;
  if (query.limit < 1 || query.limit > kMaxPageSize) {
    throw_invalid("limit", "limit must be between 1 and " + std::to_string(kMaxPageSize));
  }
  q.limit = query.limit;
  if (query.text) {
    if (code_points(*query.text) > 200) throw_invalid("q", "the search text is too long");
    const std::string key = fold_key(*query.text, "q");
    if (!key.empty()) q.comment_key = key;
  }
  if (query.from && !query.from->ok()) throw_invalid("from", "from is not a valid date");
  if (query.to && !query.to->ok()) throw_invalid("to", "to is not a valid date");
  if (query.from && query.to && *query.from > *query.to) {
    throw_invalid("from", "from must not be after to");
  }
  q.from = query.from;
  q.to = query.to;
  if (query.dog_id) {
    // A malformed id matches nothing, like another user's.
    q.dog_id = *query.dog_id;
  }
  const auto ids = [](const std::vector<std::string>& values, const std::string& field) {
    if (values.size() > kMaxItemsPerObservation) {
      throw_invalid(field, "at most " + std::to_string(kMaxItemsPerObservation) + " " + field);
    }
    return values;
  };
  q.trigger_ids = ids(query.triggers, "trigger");
  q.reaction_ids = ids(query.reactions, "reaction");
  for (std::size_t i = 0; i < query.severities.size(); ++i) {
    check_range(query.severities[i], kMinSeverity, kMaxSeverity,
                "severity[" + std::to_string(i) + "]");
  }
  q.severities = query.severities;
  if (query.cursor) q.after = decode_cursor(*query.cursor);
  return q;
}

}  // namespace dogcare::domain
