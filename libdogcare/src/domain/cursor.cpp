#include "domain/cursor.hpp"

#include <algorithm>

#include "core/ids.hpp"
#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "domain/rules.hpp"
#include "domain/validation.hpp"

namespace dogcare::domain {

std::string encode_cursor(const storage::ObservationCursor& cursor) {
  std::string date = format_date(cursor.date);
  date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
  return date + "." + cursor.id;
}

storage::ObservationCursor decode_cursor(std::string_view text) {
  if (text.size() != 8 + 1 + 36 || text[8] != '.') {
    throw_invalid("cursor", Rule::invalid_format, "cursor is not valid");
  }
  const std::string date_text = std::string(text.substr(0, 4)) + "-" +
                                std::string(text.substr(4, 2)) + "-" +
                                std::string(text.substr(6, 2));
  const auto date = parse_date(date_text);
  const std::string id(text.substr(9));
  if (!date || !valid_id(id)) throw_invalid("cursor", Rule::invalid_format, "cursor is not valid");
  return {*date, id};
}

std::string encode_time_cursor(const storage::TimeCursor& cursor) {
  return std::to_string(cursor.at.time_since_epoch().count()) + "." + cursor.id;
}

storage::TimeCursor decode_time_cursor(std::string_view text) {
  const auto dot = text.find('.');
  const std::string id(dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1));
  const std::string_view digits = text.substr(0, dot);
  if (digits.empty() || digits.size() > 15 || !valid_id(id) ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw_invalid("cursor", Rule::invalid_format, "cursor is not valid");
  }
  return {Timestamp{Timestamp::duration{std::stoll(std::string(digits))}}, id};
}

storage::ObservationQuery to_storage_query(const SearchQuery& raw) {
  SearchQuery query = raw;
  validate(query, today_utc());
  storage::ObservationQuery q;
  q.limit = query.limit;
  if (query.text) {
    const std::string key = fold_key(*query.text, "q");
    if (!key.empty()) q.comment_key = key;
  }
  if (query.from && query.to && *query.from > *query.to) {
    throw_invalid({"from", Rule::too_late, {}, {}, {}, query.to, "from must not be after to"});
  }
  q.from = query.from;
  q.to = query.to;
  // A malformed dog id matches nothing, like another user's.
  q.dog_id = query.dog_id;
  q.trigger_ids = std::move(query.triggers);
  q.reaction_ids = std::move(query.reactions);
  q.severities = std::move(query.severities);
  if (query.cursor) q.after = decode_cursor(*query.cursor);
  return q;
}

}  // namespace dogcare::domain
