// Persistence of professional profiles, one per account at most.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "dogcare/professionals.hpp"
#include "storage/columns.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

// The columns of professional_profiles (also read beside each grant);
// user_id, the key, is bound beside them.
inline constexpr auto kProfessionalProfileColumns = std::tuple{
    Column<ProfessionalProfile, std::string>{"display_name", &ProfessionalProfile::display_name},
    Column<ProfessionalProfile, ProfessionalKind>{"kind", &ProfessionalProfile::kind},
    Column<ProfessionalProfile, std::optional<std::string>>{"organisation",
                                                            &ProfessionalProfile::organisation},
    Column<ProfessionalProfile, std::optional<std::string>>{"contact",
                                                            &ProfessionalProfile::contact},
    Column<ProfessionalProfile, Timestamp>{"updated_at", &ProfessionalProfile::updated_at},
};

class ProfessionalProfileRepository {
 public:
  explicit ProfessionalProfileRepository(Connection& connection) : connection_(connection) {}
  std::optional<ProfessionalProfile> find(const std::string& user_id);
  // Inserts or replaces the user's profile. Requires a transaction.
  void put(const std::string& user_id, const ProfessionalProfile& profile);
  bool remove(const std::string& user_id);

 private:
  Connection& connection_;
};

}  // namespace dogcare::storage
