#include "dogcare/access_log.hpp"

#include "dogcare/database.hpp"
#include "domain/access.hpp"
#include "domain/cursor.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {

AccessLogPage AccessLog::list_for_dog(const Principal& owner, const std::string& dog_id,
                                      const AccessLogQuery& raw) {
  AccessLogQuery query = raw;
  domain::validate(query, today_utc());
  const auto after =
      query.cursor ? std::optional(domain::decode_time_cursor(*query.cursor)) : std::nullopt;
  auto connection = storage::pool(database_).borrow();
  const Dog dog = domain::owned_dog(*connection, owner, dog_id);
  auto found = storage::AccessLogRepository(*connection)
                   .list_for_dog(owner.user_id, dog.id, query.limit, after);
  AccessLogPage out;
  out.items = std::move(found.items);
  if (found.next) out.next_cursor = domain::encode_time_cursor(*found.next);
  return out;
}

}  // namespace dogcare
