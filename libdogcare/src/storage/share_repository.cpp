#include "storage/share_repository.hpp"

#include <tuple>

#include "storage/columns.hpp"
#include "storage/professional_profile_repository.hpp"
#include "storage/rows.hpp"

namespace dogcare::storage {
namespace {

constexpr auto kColumns = std::tuple{
    Column<Grant, std::string>{"id", &Grant::id, false},
    Column<Grant, std::string>{"dog_id", &Grant::dog_id, false},
    Column<Grant, std::string>{"owner_id", &Grant::owner_id, false},
    Column<Grant, std::string>{"professional_id", &Grant::professional_id, false},
    Column<Grant, ShareScope>{"scope", &Grant::scope},
    Column<Grant, Timestamp>{"created_at", &Grant::created_at, false},
};

constexpr auto kShareColumns = std::tuple{
    Column<DogShare, std::string>{"id", &DogShare::id},
    Column<DogShare, std::string>{"dog_id", &DogShare::dog_id},
    Column<DogShare, ShareScope>{"scope", &DogShare::scope},
    Column<DogShare, Timestamp>{"created_at", &DogShare::created_at},
};

}  // namespace

void ShareRepository::insert(const Grant& grant) {
  static const std::string sql = insert_sql("dog_shares", kColumns);
  Statement insert(connection_, sql);
  bind_columns(insert, kColumns, grant, false);
  insert.execute();
}

namespace {

// The grant matching `where` (two text values), if any.
std::optional<Grant> find_grant(Connection& connection, std::string_view where,
                                const std::string& first, const std::string& second) {
  Statement query(connection, "SELECT " + select_list(kColumns, "s") + " FROM dog_shares s" +
                                  std::string(where));
  query.bind_all(first, second).execute();
  std::optional<Grant> out;
  if (query.fetch()) {
    out.emplace();
    read_columns(query, kColumns, *out);
  }
  drain(query);
  return out;
}

}  // namespace

std::optional<Grant> ShareRepository::find(const std::string& dog_id,
                                           const std::string& professional_id) {
  return find_grant(connection_, " WHERE s.dog_id = ? AND s.professional_id = ?", dog_id,
                    professional_id);
}

std::optional<Grant> ShareRepository::find_for_owner(const std::string& owner_id,
                                                     const std::string& id) {
  return find_grant(connection_, " WHERE s.owner_id = ? AND s.id = ?", owner_id, id);
}

std::size_t ShareRepository::count_for_dog(const std::string& dog_id) {
  Statement query(connection_, "SELECT COUNT(*) FROM dog_shares WHERE dog_id = ?");
  return static_cast<std::size_t>(query.bind_all(dog_id).scalar());
}

std::size_t ShareRepository::count_all() {
  Statement query(connection_, "SELECT COUNT(*) FROM dog_shares");
  return static_cast<std::size_t>(query.scalar());
}

std::vector<DogShare> ShareRepository::list_for_dog(const std::string& owner_id,
                                                    const std::string& dog_id) {
  static const std::string sql =
      "SELECT " + select_list(kShareColumns, "s") + ", u.username, " +
      select_list(kProfessionalProfileColumns, "p") +
      " FROM dog_shares s JOIN users u ON u.id = s.professional_id"
      " LEFT JOIN professional_profiles p ON p.user_id = s.professional_id"
      " WHERE s.owner_id = ? AND s.dog_id = ? ORDER BY s.created_at, s.id";
  Statement query(connection_, sql);
  query.bind_all(owner_id, dog_id).execute();
  std::vector<DogShare> out;
  while (query.fetch()) {
    DogShare& share = out.emplace_back();
    const int next = read_columns(query, kShareColumns, share);
    share.professional_username = query.text_or_empty(next);
    ProfessionalProfile profile;
    read_columns(query, kProfessionalProfileColumns, profile, next + 1);
    if (!profile.display_name.empty()) share.profile = std::move(profile);
  }
  return out;
}

std::vector<HeldShare> ShareRepository::list_held(const std::string& professional_id) {
  static const std::string sql = "SELECT " + select_list(kHeldShareColumns, "s") +
                                 ", d.name, u.username FROM dog_shares s"
                                 " JOIN dogs d ON d.id = s.dog_id AND d.user_id = s.owner_id"
                                 " JOIN users u ON u.id = s.owner_id"
                                 " WHERE s.professional_id = ? ORDER BY s.created_at, s.id";
  Statement query(connection_, sql);
  query.bind_all(professional_id).execute();
  std::vector<HeldShare> out;
  while (query.fetch()) {
    HeldShare& held = out.emplace_back();
    const int next = read_columns(query, kHeldShareColumns, held);
    held.dog_name = query.text_or_empty(next);
    held.owner_name = query.text_or_empty(next + 1);
  }
  return out;
}

bool ShareRepository::remove_by_owner(const std::string& owner_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM dog_shares WHERE owner_id = ? AND id = ?");
  return remove.bind_all(owner_id, id).execute() > 0;
}

bool ShareRepository::remove_by_professional(const std::string& professional_id,
                                             const std::string& id) {
  Statement remove(connection_, "DELETE FROM dog_shares WHERE professional_id = ? AND id = ?");
  return remove.bind_all(professional_id, id).execute() > 0;
}

}  // namespace dogcare::storage
