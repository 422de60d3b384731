// A professional profile (trainers, behaviourists, vets): optional on any
// account, shown to the owners who share a dog with its holder.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

enum class ProfessionalKind { trainer, behaviourist, vet };

template <>
struct EnumDescription<ProfessionalKind> {
  static constexpr std::string_view name = "ProfessionalKind";
  static constexpr std::array<std::pair<ProfessionalKind, std::string_view>, 3> values{
      {{ProfessionalKind::trainer, "trainer"},
       {ProfessionalKind::behaviourist, "behaviourist"},
       {ProfessionalKind::vet, "vet"}}};
};

inline constexpr std::size_t kMaxDisplayNameLength = 100;   // code points
inline constexpr std::size_t kMaxOrganisationLength = 200;  // code points
inline constexpr std::size_t kMaxContactLength = 254;       // code points

struct ProfessionalProfile {
  std::string display_name;
  ProfessionalKind kind = ProfessionalKind::trainer;
  std::optional<std::string> organisation;
  // How owners reach the professional (a phone number, an address, a site):
  // shown to the owners who share with them, so never the account's email unless typed here.
  std::optional<std::string> contact;
  Timestamp updated_at{};
};

namespace professional_fields {
inline constexpr FieldInfo display_name{"display_name", Presence::required,
                                        Limits{}.length(1, kMaxDisplayNameLength),
                                        "The name owners see."};
inline constexpr FieldInfo kind{"kind", Presence::required, {}, "trainer, behaviourist or vet."};
inline constexpr FieldInfo organisation{"organisation", Presence::optional,
                                        Limits{}.length(0, kMaxOrganisationLength),
                                        "The practice, club or company."};
inline constexpr FieldInfo contact{"contact", Presence::optional,
                                   Limits{}.length(0, kMaxContactLength),
                                   "How owners reach the professional, as they typed it."};
inline constexpr FieldInfo updated_at{
    "updated_at", Presence::required, {}, "When it last changed."};
}  // namespace professional_fields

template <>
struct Description<ProfessionalProfile> {
  static constexpr std::string_view name = "ProfessionalProfile";
  static constexpr std::string_view doc =
      "A trainer's, behaviourist's or vet's profile, shown to the owners who share with them.";
  static constexpr auto fields = std::tuple{
      field(&ProfessionalProfile::display_name, professional_fields::display_name),
      field(&ProfessionalProfile::kind, professional_fields::kind),
      field(&ProfessionalProfile::organisation, professional_fields::organisation),
      field(&ProfessionalProfile::contact, professional_fields::contact),
      field(&ProfessionalProfile::updated_at, professional_fields::updated_at),
  };
};

// The profile as given by its holder (updated_at is the library's).
struct ProfessionalProfileInput {
  std::string display_name;
  ProfessionalKind kind = ProfessionalKind::trainer;
  std::optional<std::string> organisation;
  std::optional<std::string> contact;
};

template <>
struct Description<ProfessionalProfileInput> {
  static constexpr std::string_view name = "ProfessionalProfileInput";
  static constexpr std::string_view doc = "Sets the caller's professional profile.";
  static constexpr auto fields = std::tuple{
      field(&ProfessionalProfileInput::display_name, professional_fields::display_name),
      field(&ProfessionalProfileInput::kind, professional_fields::kind),
      field(&ProfessionalProfileInput::organisation, professional_fields::organisation),
      field(&ProfessionalProfileInput::contact, professional_fields::contact),
  };
};

class Database;

class Professionals {
 public:
  explicit Professionals(Database& database) : database_(database) {}
  // The caller's profile, if they have one.
  std::optional<ProfessionalProfile> profile(const Principal& principal);
  // Creates or replaces the caller's profile.
  ProfessionalProfile set_profile(const Principal& principal,
                                  const ProfessionalProfileInput& input);
  // Removes it (nothing to remove is fine); the caller's grants stay.
  void clear_profile(const Principal& principal);

 private:
  Database& database_;
};

}  // namespace dogcare
