// The records' descriptions, the three-state Patch and validation from the
// descriptions: no database.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "dogcare/accounts.hpp"
#include "dogcare/analytics.hpp"
#include "dogcare/calendar.hpp"
#include "dogcare/catalog.hpp"
#include "dogcare/dogs.hpp"
#include "dogcare/error.hpp"
#include "dogcare/observations.hpp"
#include "domain/validation.hpp"

namespace dogcare {
namespace {

const Date kToday{std::chrono::year{2024}, std::chrono::June, std::chrono::day{15}};

template <Described T>
std::set<std::string> field_names() {
  std::set<std::string> names;
  for_each_field<T>([&](const auto& f) { names.insert(std::string(f.info.name)); });
  return names;
}

std::vector<Violation> violations_of(auto record) {
  try {
    domain::validate(record, kToday);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_argument);
    return error.violations();
  }
  return {};
}

TEST(Patch, HasThreeStates) {
  Patch<int> absent;
  Patch<int> null = std::nullopt;
  Patch<int> value = 3;
  EXPECT_TRUE(absent.absent());
  EXPECT_TRUE(null.is_null());
  EXPECT_TRUE(value.has_value());
  EXPECT_EQ(value.value(), 3);
  EXPECT_THROW((void)absent.value(), std::logic_error);

  std::optional<int> target = 7;
  absent.apply_to(target);
  EXPECT_EQ(target, 7);
  value.apply_to(target);
  EXPECT_EQ(target, 3);
  null.apply_to(target);
  EXPECT_FALSE(target);

  Patch<std::string> text = "Rex";  // from a literal
  EXPECT_EQ(text.value(), "Rex");
}

TEST(Descriptions, CopyAnInputAndApplyAPatchByFieldName) {
  DogInput input{"Rex", std::string("Berger"), std::nullopt, std::string("calme")};
  Dog dog;
  dog.id = "kept";
  assign_fields(input, dog);
  EXPECT_EQ(dog.name, "Rex");
  EXPECT_EQ(dog.breed, "Berger");
  EXPECT_EQ(dog.notes, "calme");
  EXPECT_EQ(dog.id, "kept");  // not in the input

  DogPatch patch;
  patch.breed = std::nullopt;  // clears
  patch.notes = "joueur";      // sets
  apply_patch(patch, dog);     // name absent: kept
  EXPECT_EQ(dog.name, "Rex");
  EXPECT_FALSE(dog.breed);
  EXPECT_EQ(dog.notes, "joueur");

  ObservationPatch cleared;
  cleared.comment = std::nullopt;  // a plain text member: emptied
  cleared.severity = 4;
  Observation o;
  o.comment = "avant";
  apply_patch(cleared, o, {"triggers", "reactions"});
  EXPECT_EQ(o.comment, "");
  EXPECT_EQ(o.severity, 4);
}

TEST(Descriptions, ShareOneFieldInfoAcrossARecordItsInputAndItsPatch) {
  // The input and the patch carry the same fields; the record adds what the
  // library sets (id, timestamps).
  EXPECT_EQ(field_names<DogInput>(), field_names<DogPatch>());
  EXPECT_EQ(field_names<ObservationInput>(), field_names<ObservationPatch>());
  for (const auto& name : field_names<ObservationInput>()) {
    EXPECT_TRUE(field_names<Observation>().count(name)) << name;
  }
  // Limits are the named constants of the headers.
  EXPECT_EQ(observation_fields::severity.limits.min, kMinSeverity);
  EXPECT_EQ(observation_fields::severity.limits.max, kMaxSeverity);
  EXPECT_EQ(dog_fields::name.limits.max_length, kMaxDogNameLength);
  EXPECT_EQ(to_name(SeverityBand::orange), "orange");
  EXPECT_EQ(parse_name<Period>("this_week"), Period::this_week);
  EXPECT_FALSE(parse_name<Period>("weekly"));
}

TEST(Validation, ReportsEveryBadFieldWithItsRuleAndLimits) {
  ObservationInput input;
  input.date = Date{std::chrono::year{1989}, std::chrono::December, std::chrono::day{31}};
  input.severity = 6;
  input.comment = std::string(kMaxCommentLength + 1, 'a');
  input.triggers = {"ok", "   "};
  input.distance_m = -1;
  const auto found = violations_of(input);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].field, "date");
  EXPECT_EQ(found[0].rule, Rule::too_early);
  EXPECT_EQ(found[0].earliest, kEarliestObservationDate);
  EXPECT_EQ(found[1].field, "severity");
  EXPECT_EQ(found[1].rule, Rule::out_of_range);
  EXPECT_EQ(found[1].min, kMinSeverity);
  EXPECT_EQ(found[1].max, kMaxSeverity);
  EXPECT_EQ(found[2].field, "comment");
  EXPECT_EQ(found[2].rule, Rule::too_long);
  EXPECT_EQ(found[2].max, static_cast<long long>(kMaxCommentLength));
  EXPECT_EQ(found[3].field, "triggers[1]");
  EXPECT_EQ(found[3].rule, Rule::required);
  EXPECT_EQ(found[4].field, "distance_m");
  EXPECT_EQ(found[4].min, 0);
}

TEST(Validation, DatesAreBoundedByToday) {
  ObservationInput input;
  input.severity = 3;
  input.date = Date{std::chrono::year{2024}, std::chrono::June, std::chrono::day{16}};
  const auto found = violations_of(input);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, Rule::too_late);
  EXPECT_EQ(found[0].latest, kToday);
  input.date = kToday;
  EXPECT_TRUE(violations_of(input).empty());
}

TEST(Validation, NormalisesTextAndNullsAnEmptyOptionalOne) {
  DogInput input{"  Rex ", std::string("   "), std::nullopt, std::string(" calme\n")};
  domain::validate(input, kToday);
  EXPECT_EQ(input.name, "Rex");
  EXPECT_FALSE(input.breed);
  EXPECT_EQ(input.notes, "calme");

  DogPatch patch;
  patch.breed = "  ";
  domain::validate(patch, kToday);
  EXPECT_TRUE(patch.breed.is_null());  // an empty text clears
}

TEST(Validation, APatchMayNotNullARequiredField) {
  DogPatch patch;
  patch.name = std::nullopt;
  auto found = violations_of(patch);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].field, "name");
  EXPECT_EQ(found[0].rule, Rule::required);

  ObservationPatch absent;  // everything absent: nothing to check
  EXPECT_TRUE(violations_of(absent).empty());
}

TEST(Validation, UsernamesKeepToTheirCharactersAndPasswordsAreNotTrimmed) {
  Registration r{
      "bob smith", " short ", std::string("bob@"), std::nullopt, std::string("Mars/Olympus_Mons"),
      std::nullopt};
  const auto found = violations_of(r);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].field, "username");
  EXPECT_EQ(found[0].rule, Rule::invalid_format);
  EXPECT_EQ(found[1].field, "password");
  EXPECT_EQ(found[1].rule, Rule::too_short);  // 7 code points with its spaces
  EXPECT_EQ(found[1].min, static_cast<long long>(kMinPasswordLength));
  EXPECT_EQ(found[2].field, "email");
  EXPECT_EQ(found[2].rule, Rule::invalid_format);
  EXPECT_EQ(found[3].field, "time_zone");  // not in the tz database
  EXPECT_EQ(found[3].rule, Rule::unknown);

  Registration fine{"bob",
                    "long enough",
                    std::nullopt,
                    std::nullopt,
                    std::string("America/Argentina/Buenos_Aires"),
                    Language::en};
  EXPECT_TRUE(violations_of(fine).empty());
}

TEST(Rules, HaveStableNames) {
  for (const auto rule : {Rule::required, Rule::too_long, Rule::out_of_range, Rule::taken}) {
    EXPECT_EQ(parse_rule(to_string(rule)), rule);
  }
  EXPECT_EQ(to_string(Rule::too_long), "too_long");
}

}  // namespace
}  // namespace dogcare
