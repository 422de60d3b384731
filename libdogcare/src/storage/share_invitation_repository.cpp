#include "storage/share_invitation_repository.hpp"

#include <tuple>

#include "storage/columns.hpp"
#include "storage/rows.hpp"
#include "storage/share_repository.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

using I = Invitation;
constexpr auto kColumns = std::tuple{
    Column<I, std::string>{"id", &I::id, false},
    Column<I, std::string>{"dog_id", &I::dog_id, false},
    Column<I, std::string>{"owner_id", &I::owner_id, false},
    Column<I, ShareScope>{"scope", &I::scope, false},
    Column<I, std::optional<std::string>>{"professional_id", &I::professional_id, false},
    Column<I, std::optional<std::string>>{"invitee", &I::invitee, false},
    Column<I, std::optional<std::string>>{"code_hash", &I::code_hash, false},
    Column<I, Timestamp>{"expires_at", &I::expires_at, false},
    Column<I, Timestamp>{"created_at", &I::created_at, false},
};

constexpr auto kPendingColumns = std::tuple{
    Column<PendingInvitation, std::string>{"id", &PendingInvitation::id},
    Column<PendingInvitation, std::string>{"dog_id", &PendingInvitation::dog_id},
    Column<PendingInvitation, std::optional<std::string>>{"invitee", &PendingInvitation::invitee},
    Column<PendingInvitation, ShareScope>{"scope", &PendingInvitation::scope},
    Column<PendingInvitation, Timestamp>{"expires_at", &PendingInvitation::expires_at},
    Column<PendingInvitation, Timestamp>{"created_at", &PendingInvitation::created_at},
};

}  // namespace

void ShareInvitationRepository::insert(const Invitation& invitation) {
  static const std::string sql = insert_sql("share_invitations", kColumns);
  Statement insert(connection_, sql);
  bind_columns(insert, kColumns, invitation, false);
  insert.execute();
}

std::optional<Invitation> ShareInvitationRepository::find_where(const char* condition,
                                                                const std::string& value,
                                                                Timestamp now) {
  Sql sql("SELECT ");
  sql.append(select_list(kColumns, "i"))
      .append(" FROM share_invitations i WHERE ")
      .append(condition, value)
      .append(" AND i.expires_at > ?", now);
  BoundStatement query(connection_, sql);
  query.execute();
  std::optional<Invitation> out;
  if (query.fetch()) {
    out.emplace();
    read_columns(query, kColumns, *out);
  }
  drain(query);
  return out;
}

std::optional<Invitation> ShareInvitationRepository::find_for_professional(
    const std::string& professional_id, const std::string& id, Timestamp now) {
  auto found = find_where("i.id = ?", id, now);
  if (!found || found->professional_id != professional_id) return std::nullopt;
  return found;
}

std::optional<Invitation> ShareInvitationRepository::find_by_code_hash(const std::string& code_hash,
                                                                       Timestamp now) {
  return find_where("i.code_hash = ?", code_hash, now);
}

bool ShareInvitationRepository::consume(const std::string& id, Timestamp now) {
  Statement remove(connection_, "DELETE FROM share_invitations WHERE id = ? AND expires_at > ?");
  return remove.bind_all(id, now).execute() == 1;
}

std::vector<PendingInvitation> ShareInvitationRepository::list_for_dog(const std::string& owner_id,
                                                                       const std::string& dog_id,
                                                                       Timestamp now) {
  static const std::string sql = "SELECT " + select_list(kPendingColumns, "i") +
                                 " FROM share_invitations i WHERE i.owner_id = ? AND i.dog_id = ?"
                                 " AND i.expires_at > ? ORDER BY i.created_at, i.id";
  Statement query(connection_, sql);
  query.bind_all(owner_id, dog_id, now).execute();
  std::vector<PendingInvitation> out;
  while (query.fetch()) read_columns(query, kPendingColumns, out.emplace_back());
  return out;
}

std::vector<HeldShare> ShareInvitationRepository::list_for_professional(
    const std::string& professional_id, Timestamp now) {
  static const std::string sql =
      "SELECT " + select_list(kHeldShareColumns, "i") +
      ", d.name, u.username, i.expires_at FROM share_invitations i"
      " JOIN dogs d ON d.id = i.dog_id AND d.user_id = i.owner_id"
      " JOIN users u ON u.id = i.owner_id"
      " WHERE i.professional_id = ? AND i.expires_at > ? ORDER BY i.created_at, i.id";
  Statement query(connection_, sql);
  query.bind_all(professional_id, now).execute();
  std::vector<HeldShare> out;
  while (query.fetch()) {
    HeldShare& offered = out.emplace_back();
    const int next = read_columns(query, kHeldShareColumns, offered);
    offered.dog_name = query.text_or_empty(next);
    offered.owner_name = query.text_or_empty(next + 1);
    offered.expires_at = query.timestamp(next + 2);
  }
  return out;
}

bool ShareInvitationRepository::remove(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM share_invitations WHERE owner_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

std::size_t ShareInvitationRepository::remove_expired(Timestamp now) {
  Statement remove(connection_, "DELETE FROM share_invitations WHERE expires_at <= ?");
  const auto removed = remove.bind_all(now).execute();
  return removed > 0 ? static_cast<std::size_t>(removed) : 0;
}

std::size_t ShareInvitationRepository::count_unexpired(Timestamp now) {
  Statement query(connection_, "SELECT COUNT(*) FROM share_invitations WHERE expires_at > ?");
  return static_cast<std::size_t>(query.bind_all(now).scalar());
}

std::size_t ShareInvitationRepository::count_expired(Timestamp now) {
  Statement query(connection_, "SELECT COUNT(*) FROM share_invitations WHERE expires_at <= ?");
  return static_cast<std::size_t>(query.bind_all(now).scalar());
}

}  // namespace dogcare::storage
