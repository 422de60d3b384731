#include "storage/access_log_repository.hpp"

#include <algorithm>
#include <tuple>

#include "dogcare/error.hpp"
#include "storage/columns.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr auto kEntryColumns = std::tuple{
    Column<AccessLogEntry, std::string>{"id", &AccessLogEntry::id},
    Column<AccessLogEntry, std::string>{"dog_id", &AccessLogEntry::dog_id},
    Column<AccessLogEntry, std::optional<std::string>>{"professional_id",
                                                       &AccessLogEntry::professional_id},
    Column<AccessLogEntry, AccessView>{"view_name", &AccessLogEntry::view},
    Column<AccessLogEntry, Timestamp>{"accessed_at", &AccessLogEntry::accessed_at},
};

}  // namespace

bool AccessLogRepository::record(const AccessRecord& record) {
  const std::string view(to_name(record.view));
  Statement seen(connection_,
                 "SELECT COUNT(*) FROM dog_access_log WHERE professional_id = ? AND dog_id = ?"
                 " AND view_name = ? AND time_bucket = ?");
  if (seen.bind_all(record.professional_id, record.dog_id, view, record.bucket).scalar() > 0) {
    return false;
  }
  try {
    Statement insert(connection_,
                     "INSERT INTO dog_access_log (id, dog_id, owner_id, professional_id, view_name,"
                     " time_bucket, accessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert
        .bind_all(record.id, record.dog_id, record.owner_id, record.professional_id, view,
                  record.bucket, record.accessed_at)
        .execute();
    return true;
  } catch (const Error& error) {
    if (error.code() != ErrorCode::conflict) throw;
    return false;  // the same read in the same bucket, recorded concurrently
  }
}

Page<AccessLogEntry, TimeCursor> AccessLogRepository::list_for_dog(
    const std::string& owner_id, const std::string& dog_id, std::size_t limit,
    const std::optional<TimeCursor>& after) {
  Sql sql("SELECT ");
  sql.append(select_list(kEntryColumns, "l"))
      .append(
          ", p.display_name, p.kind, u.username FROM dog_access_log l"
          " LEFT JOIN users u ON u.id = l.professional_id"
          " LEFT JOIN professional_profiles p ON p.user_id = l.professional_id"
          " WHERE l.owner_id = ? AND l.dog_id = ?",
          owner_id, dog_id);
  if (after) {
    sql.append(" AND (l.accessed_at < ? OR (l.accessed_at = ? AND l.id < ?))", after->at, after->at,
               after->id);
  }
  sql.append(" ORDER BY l.accessed_at DESC, l.id DESC {LIMIT}",
             static_cast<std::int64_t>(limit + 1));
  BoundStatement query(connection_, sql);
  query.execute();
  Page<AccessLogEntry, TimeCursor> page;
  while (query.fetch()) {
    AccessLogEntry& entry = page.items.emplace_back();
    const int next = read_columns(query, kEntryColumns, entry);
    if (!entry.professional_id) continue;  // a former professional: no name
    entry.professional_name = optional_text(query, next);
    if (entry.professional_name) {
      entry.professional_kind = parse_name<ProfessionalKind>(query.text_or_empty(next + 1));
    } else {
      entry.professional_name = optional_text(query, next + 2);
    }
  }
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = TimeCursor{page.items.back().accessed_at, page.items.back().id};
  }
  return page;
}

std::size_t AccessLogRepository::remove_before(Timestamp cutoff) {
  Statement remove(connection_, "DELETE FROM dog_access_log WHERE accessed_at < ?");
  return static_cast<std::size_t>(std::max<std::int64_t>(remove.bind_all(cutoff).execute(), 0));
}

}  // namespace dogcare::storage
