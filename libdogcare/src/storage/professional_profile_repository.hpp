// Persistence of professional profiles, one per account at most.
#pragma once

#include <optional>
#include <string>

#include "dogcare/professionals.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

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
