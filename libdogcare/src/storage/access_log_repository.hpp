// Persistence of the access log: a professional's reads of a dog's data,
// one row per professional, dog, view and time bucket.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "dogcare/access_log.hpp"
#include "storage/odbc.hpp"
#include "storage/page.hpp"

namespace dogcare::storage {

struct AccessRecord {
  std::string id;
  std::string dog_id;
  std::string owner_id;
  std::string professional_id;
  AccessView view = AccessView::dog;
  std::int64_t bucket = 0;
  Timestamp accessed_at{};
};

class AccessLogRepository {
 public:
  explicit AccessLogRepository(Connection& connection) : connection_(connection) {}
  // Inserts the row unless its bucket has one already (a concurrent read
  // that inserted it first included); true when inserted. Runs outside a
  // transaction: on PostgreSQL a refused insert would end it.
  bool record(const AccessRecord& record);
  // The dog's rows, newest first, each with the professional's display name and kind.
  Page<AccessLogEntry, TimeCursor> list_for_dog(const std::string& owner_id,
                                                const std::string& dog_id, std::size_t limit,
                                                const std::optional<TimeCursor>& after);
  std::size_t remove_before(Timestamp cutoff);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
