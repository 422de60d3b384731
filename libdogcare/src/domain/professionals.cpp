#include "dogcare/professionals.hpp"

#include "dogcare/database.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {

std::optional<ProfessionalProfile> Professionals::profile(const Principal& principal) {
  auto connection = storage::pool(database_).borrow();
  return storage::ProfessionalProfileRepository(*connection).find(principal.user_id);
}

ProfessionalProfile Professionals::set_profile(const Principal& principal,
                                               const ProfessionalProfileInput& raw) {
  ProfessionalProfileInput input = raw;
  domain::validate(input, today_utc());
  ProfessionalProfile profile;
  assign_fields(input, profile);
  profile.updated_at = now_utc();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  storage::ProfessionalProfileRepository(*connection).put(principal.user_id, profile);
  transaction.commit();
  return profile;
}

void Professionals::clear_profile(const Principal& principal) {
  auto connection = storage::pool(database_).borrow();
  storage::ProfessionalProfileRepository(*connection).remove(principal.user_id);
}

}  // namespace dogcare
