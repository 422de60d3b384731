#include "storage/professional_profile_repository.hpp"

#include <tuple>

#include "storage/columns.hpp"
#include "storage/rows.hpp"

namespace dogcare::storage {
namespace {

constexpr const auto& kColumns = kProfessionalProfileColumns;

}  // namespace

std::optional<ProfessionalProfile> ProfessionalProfileRepository::find(const std::string& user_id) {
  static const std::string sql =
      "SELECT " + select_list(kColumns, "p") + " FROM professional_profiles p WHERE p.user_id = ?";
  Statement query(connection_, sql);
  query.bind_all(user_id).execute();
  std::optional<ProfessionalProfile> out;
  if (query.fetch()) {
    out.emplace();
    read_columns(query, kColumns, *out);
  }
  drain(query);
  return out;
}

void ProfessionalProfileRepository::put(const std::string& user_id,
                                        const ProfessionalProfile& profile) {
  require_transaction(connection_, "setting a professional profile");
  static const std::string update_text =
      update_sql("professional_profiles", kColumns) + " WHERE user_id = ?";
  Statement update(connection_, update_text);
  bind_columns(update, kColumns, profile, true);
  update.bind_all(user_id);
  if (update.execute() > 0) return;
  static const std::string insert_text = insert_sql("professional_profiles", kColumns, {"user_id"});
  Statement insert(connection_, insert_text);
  bind_columns(insert, kColumns, profile, false);
  insert.bind_all(user_id);
  insert.execute();
}

bool ProfessionalProfileRepository::remove(const std::string& user_id) {
  Statement remove(connection_, "DELETE FROM professional_profiles WHERE user_id = ?");
  return remove.bind_all(user_id).execute() > 0;
}

}  // namespace dogcare::storage
