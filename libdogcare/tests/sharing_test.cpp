// Professional profiles, sharing a dog and the one access rule, on the
// backend chosen by DOGCARE_TEST_BACKEND.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "dogcare/accounts.hpp"
#include "dogcare/maintenance.hpp"
#include "sharing_fixture.hpp"

namespace dogcare::testing {
namespace {

using namespace std::chrono_literals;

// ---- professional profile ----

TEST_F(SharingTest, AProfileIsSetReadReplacedAndCleared) {
  const auto pro = new_user();
  EXPECT_FALSE(professionals_.profile(pro));
  const auto set = professionals_.set_profile(
      pro, {"  Claire Martin ", ProfessionalKind::behaviourist, "Club canin", std::nullopt});
  EXPECT_EQ(set.display_name, "Claire Martin");
  auto read = professionals_.profile(pro);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->kind, ProfessionalKind::behaviourist);
  EXPECT_EQ(read->organisation, "Club canin");
  EXPECT_FALSE(read->contact);
  professionals_.set_profile(pro, {"Claire", ProfessionalKind::vet, "", "06 12 34 56 78"});
  read = professionals_.profile(pro);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->kind, ProfessionalKind::vet);
  EXPECT_FALSE(read->organisation);  // an empty text clears
  EXPECT_EQ(read->contact, "06 12 34 56 78");
  professionals_.clear_profile(pro);
  EXPECT_FALSE(professionals_.profile(pro));
  professionals_.clear_profile(pro);  // nothing to clear is fine
}

TEST_F(SharingTest, AProfileIsValidatedFromItsDescription) {
  const auto pro = new_user();
  EXPECT_DOGCARE_ERROR(professionals_.set_profile(pro, {"  ", ProfessionalKind::trainer, {}, {}}),
                       ErrorCode::invalid_argument, "display_name");
  EXPECT_DOGCARE_ERROR(
      professionals_.set_profile(
          pro,
          {"Claire", ProfessionalKind::trainer, std::string(kMaxOrganisationLength + 1, 'x'), {}}),
      ErrorCode::invalid_argument, "organisation");
  EXPECT_DOGCARE_ERROR(
      professionals_.set_profile(pro, {"Claire", ProfessionalKind::trainer, {}, "a\x01"}),
      ErrorCode::invalid_argument, "contact");
  EXPECT_FALSE(professionals_.profile(pro));
  EXPECT_EQ(parse_name<ProfessionalKind>("behaviourist"), ProfessionalKind::behaviourist);
  EXPECT_FALSE(parse_name<ProfessionalKind>("groomer"));
}

// ---- codes ----

TEST_F(SharingTest, ACodeGrantsItsDogWithItsScopeAndBothSideList) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto pro = account("pro");
  professionals_.set_profile(pro.principal,
                             {"Claire", ProfessionalKind::trainer, "Club", std::nullopt});
  const auto code = sharing_.create_code(owner, dog, {ShareScope::read_comment});
  EXPECT_GE(code.code.size(), 40u);
  EXPECT_EQ(code.expires_at, clock_.now() + kShareInvitationTtl);
  // The code is pending until accepted; only its hash is stored.
  auto listed = sharing_.list_for_dog(owner, dog);
  ASSERT_EQ(listed.invitations.size(), 1u);
  EXPECT_FALSE(listed.invitations[0].invitee);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM share_invitations WHERE code_hash = ?", code.code), 0);

  const auto held = sharing_.accept_code(pro.principal, code.code);
  EXPECT_EQ(held.dog_id, dog);
  EXPECT_EQ(held.dog_name, "Rex");
  EXPECT_EQ(held.scope, ShareScope::read_comment);
  const auto all = sharing_.held(pro.principal);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, held.id);
  EXPECT_EQ(dogs_.get(pro.principal, dog).name, "Rex");

  listed = sharing_.list_for_dog(owner, dog);
  EXPECT_TRUE(listed.invitations.empty());
  ASSERT_EQ(listed.shares.size(), 1u);
  EXPECT_EQ(listed.shares[0].professional_username, pro.username);
  ASSERT_TRUE(listed.shares[0].profile);
  EXPECT_EQ(listed.shares[0].profile->display_name, "Claire");
  EXPECT_EQ(listed.shares[0].scope, ShareScope::read_comment);
}

TEST_F(SharingTest, ACodeIsSingleUseExpiresAndMustBeExact) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto first = new_user();
  const auto second = new_user();
  const auto code = sharing_.create_code(owner, dog, {ShareScope::read});
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(first, code.code + "x"), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(first, ""), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(first, std::string(500, 'a')), ErrorCode::not_found,
                       "");
  sharing_.accept_code(first, code.code);
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(second, code.code), ErrorCode::not_found, "");

  const auto late = sharing_.create_code(owner, dog, {ShareScope::read});
  clock_.advance(kShareInvitationTtl + 1s);
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(second, late.code), ErrorCode::not_found, "");
  EXPECT_TRUE(sharing_.list_for_dog(owner, dog).invitations.empty());
  EXPECT_TRUE(sharing_.held(second).empty());

  const auto cancelled = sharing_.create_code(owner, dog, {ShareScope::read});
  sharing_.cancel_invitation(owner, cancelled.invitation_id);
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(second, cancelled.code), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.cancel_invitation(owner, cancelled.invitation_id),
                       ErrorCode::not_found, "");
}

TEST_F(SharingTest, OfTwoConcurrentAcceptsOfACodeOneWins) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto code = sharing_.create_code(owner, dog, {ShareScope::read});
  const Principal first = new_user();
  const Principal second = new_user();
  std::atomic<int> granted{0}, not_found{0};
  const auto accept = [&](const Principal& who) {
    try {
      sharing_.accept_code(who, code.code);
      ++granted;
    } catch (const Error& error) {
      if (error.code() == ErrorCode::not_found) ++not_found;
    }
  };
  std::thread a(accept, std::cref(first));
  std::thread b(accept, std::cref(second));
  a.join();
  b.join();
  EXPECT_EQ(granted.load(), 1);
  EXPECT_EQ(not_found.load(), 1);
  EXPECT_EQ(sharing_.list_for_dog(owner, dog).shares.size(), 1u);
}

TEST_F(SharingTest, PurgeDeletesExpiredInvitationsOnly) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  sharing_.create_code(owner, dog, {ShareScope::read});
  clock_.advance(kShareInvitationTtl + 1s);
  const auto live = sharing_.create_code(owner, dog, {ShareScope::read});
  EXPECT_GE(purge_expired(shared_database(), {}, clock_).share_invitations, 1u);
  const auto pending = sharing_.list_for_dog(owner, dog).invitations;
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, live.invitation_id);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM share_invitations WHERE dog_id = ?", dog), 1);
}

TEST_F(SharingTest, NoGrantToOneselfNorTwiceToTheSameProfessional) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto pro = new_user();
  const auto own = sharing_.create_code(owner, dog, {ShareScope::read});
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(owner, own.code), ErrorCode::invalid_argument, "code");
  share(owner, dog, pro);
  const auto again = sharing_.create_code(owner, dog, {ShareScope::read_comment});
  EXPECT_DOGCARE_ERROR(sharing_.accept_code(pro, again.code), ErrorCode::conflict, "dog_id");
  // The refused accept wrote nothing: the code is still pending, the grant unchanged.
  EXPECT_EQ(sharing_.list_for_dog(owner, dog).invitations.size(), 2u);
  ASSERT_EQ(sharing_.held(pro).size(), 1u);
  EXPECT_EQ(sharing_.held(pro)[0].scope, ShareScope::read);
}

TEST_F(SharingTest, ADogIsSharedWithAtMostTwentyProfessionals) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  std::vector<ShareCode> codes;
  for (std::size_t i = 0; i <= kMaxProfessionalsPerDog; ++i) {
    codes.push_back(sharing_.create_code(owner, dog, {ShareScope::read}));
  }
  for (std::size_t i = 0; i < kMaxProfessionalsPerDog; ++i) {
    sharing_.accept_code(new_user(), codes[i].code);
  }
  try {
    sharing_.accept_code(new_user(), codes.back().code);
    ADD_FAILURE() << "a 21st professional was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::conflict);
    EXPECT_NE(std::string(error.what()).find("20"), std::string::npos) << error.what();
  }
  EXPECT_DOGCARE_ERROR(sharing_.create_code(owner, dog, {ShareScope::read}), ErrorCode::conflict,
                       "dog_id");
  EXPECT_DOGCARE_ERROR(sharing_.invite(owner, dog, {"someone", ShareScope::read}),
                       ErrorCode::conflict, "dog_id");
  EXPECT_EQ(sharing_.list_for_dog(owner, dog).shares.size(), kMaxProfessionalsPerDog);
}

// ---- invitations by account ----

TEST_F(SharingTest, AnInvitationAnswersTheSameWhetherOrNotTheAccountExists) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto pro = account("pro");
  const auto by_email = sharing_.invite(owner, dog, {" " + pro.email + " ", ShareScope::read});
  const auto nobody = sharing_.invite(
      owner, dog, {"nobody-" + new_id().substr(24) + "@example.org", ShareScope::read});
  // Both answers hold only what the owner typed, with the same shape.
  EXPECT_EQ(by_email.invitee, pro.email);
  EXPECT_TRUE(nobody.invitee);
  EXPECT_EQ(by_email.expires_at, nobody.expires_at);
  EXPECT_EQ(sharing_.list_for_dog(owner, dog).invitations.size(), 2u);
  // The professional was mailed; nobody else was.
  const auto sent = mail_->sent();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].to, pro.email);
  EXPECT_NE(sent[0].text.find("Rex"), std::string::npos);

  const auto offered = sharing_.invitations(pro.principal);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_EQ(offered[0].id, by_email.id);
  EXPECT_EQ(offered[0].dog_name, "Rex");
  ASSERT_TRUE(offered[0].expires_at);
  // Only the invited account can accept it.
  const auto other = new_user();
  EXPECT_DOGCARE_ERROR(sharing_.accept(other, by_email.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.accept(pro.principal, nobody.id), ErrorCode::not_found, "");
  const auto held = sharing_.accept(pro.principal, by_email.id);
  EXPECT_EQ(held.dog_id, dog);
  EXPECT_TRUE(sharing_.invitations(pro.principal).empty());
  EXPECT_DOGCARE_ERROR(sharing_.accept(pro.principal, by_email.id), ErrorCode::not_found, "");
}

TEST_F(SharingTest, AnInvitationByUsernameWorksWithoutAMailerAndExpires) {
  std::string dog;
  const auto owner = user_with_dog(dog);
  const auto pro = account("pro");
  Sharing quiet(shared_database(), {}, nullptr, clock_);
  const auto invitation = quiet.invite(owner, dog, {pro.username, ShareScope::read});
  EXPECT_TRUE(mail_->sent().empty());
  EXPECT_DOGCARE_ERROR(quiet.invite(owner, dog, {"", ShareScope::read}),
                       ErrorCode::invalid_argument, "professional");
  clock_.advance(kShareInvitationTtl + 1s);
  EXPECT_TRUE(quiet.invitations(pro.principal).empty());
  EXPECT_DOGCARE_ERROR(quiet.accept(pro.principal, invitation.id), ErrorCode::not_found, "");
}

TEST_F(SharingTest, OnlyTheOwnerShares) {
  std::string dog;
  const auto owner_account = account("owner");
  const auto owner = owner_account.principal;
  dog = dogs_.create(owner, {"Rex", {}, {}, {}}).id;
  const auto pro = new_user();
  EXPECT_DOGCARE_ERROR(sharing_.invite(owner, dog, {owner_account.username, ShareScope::read}),
                       ErrorCode::invalid_argument, "professional");
  EXPECT_DOGCARE_ERROR(sharing_.invite(owner, dog, {owner_account.email, ShareScope::read}),
                       ErrorCode::invalid_argument, "professional");
  const auto held = share(owner, dog, pro);
  // A professional cannot pass the dog on, list or revoke its shares.
  EXPECT_DOGCARE_ERROR(sharing_.create_code(pro, dog, {ShareScope::read}), ErrorCode::not_found,
                       "");
  EXPECT_DOGCARE_ERROR(sharing_.invite(pro, dog, {"x@example.org", ShareScope::read}),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.list_for_dog(pro, dog), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.revoke(pro, held.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.leave(owner, held.id), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(sharing_.revoke(owner, "not-an-id"), ErrorCode::not_found, "");
  EXPECT_EQ(sharing_.held(pro).size(), 1u);
}

// ---- the access rule ----

class SharedDogTest : public SharingTest {
 protected:
  void SetUp() override {
    rex_ = dogs_.create(owner_.principal, {"Rex", {}, {}, {}}).id;
    other_dog_ = dogs_.create(owner_.principal, {"Médor", {}, {}, {}}).id;
    auto on_rex = input(day(2024, 6, 3), 4, {"vélo"}, {"aboiement"}, "au parc");
    on_rex.dog_id = rex_;
    rex_observation_ = observations_.create(owner_.principal, on_rex).id;
    auto on_other = input(day(2024, 6, 4), 2, {"secret-trigger"}, {}, "chez le voisin");
    on_other.dog_id = other_dog_;
    other_observation_ = observations_.create(owner_.principal, on_other).id;
    own_dog_ = dogs_.create(pro_, {"Pilou", {}, {}, {}}).id;
    own_observation_ = observations_.create(pro_, input(day(2024, 6, 5), 1, {"chat"})).id;
    held_ = share(owner_.principal, rex_, pro_);
  }

  SearchQuery on(const std::string& dog) {
    SearchQuery q;
    q.dog_id = dog;
    return q;
  }

  std::string csv(const Principal& who, const SearchQuery& q) {
    std::string out;
    observations_.export_csv(who, q, [&](std::string_view piece) { out += piece; });
    return out;
  }

  // Every read of `dog` by `who` answers as missing; the export never shows
  // `comment`, one of the dog's observations' comments.
  void expect_no_access(const Principal& who, const std::string& dog,
                        const std::string& observation, const std::string& comment) {
    EXPECT_DOGCARE_ERROR(dogs_.get(who, dog), ErrorCode::not_found, "");
    EXPECT_DOGCARE_ERROR(observations_.get(who, observation), ErrorCode::not_found, "");
    EXPECT_TRUE(observations_.search(who, on(dog)).items.empty());
    EXPECT_EQ(csv(who, on(dog)).find(comment), std::string::npos);
    EXPECT_DOGCARE_ERROR(calendar_.month(who, dog, 2024, 6), ErrorCode::invalid_argument, "dog_id");
    AnalyticsQuery a;
    a.dog_id = dog;
    EXPECT_DOGCARE_ERROR(analytics_.report(who, a), ErrorCode::invalid_argument, "dog_id");
  }

  const Account owner_ = account("owner");
  const Principal pro_ = new_user();
  const Principal stranger_ = new_user();
  std::string rex_, other_dog_, own_dog_, rex_observation_, other_observation_, own_observation_;
  HeldShare held_;
};

TEST_F(SharedDogTest, TheProfessionalReadsEveryViewOfTheSharedDogWithTheOwnersNames) {
  const auto o = observations_.get(pro_, rex_observation_);
  EXPECT_EQ(o.comment, "au parc");
  ASSERT_EQ(o.triggers.size(), 1u);
  EXPECT_EQ(o.triggers[0].name, "vélo");
  ASSERT_EQ(o.reactions.size(), 1u);
  EXPECT_EQ(o.reactions[0].name, "aboiement");

  auto q = on(rex_);
  q.with_total = true;
  q.triggers = {o.triggers[0].id};  // the owner's item ids filter too
  const auto page = observations_.search(pro_, q);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, rex_observation_);
  EXPECT_EQ(page.total, 1u);

  const auto month = calendar_.month(pro_, rex_, 2024, 6);
  EXPECT_EQ(month.dog_id, rex_);
  ASSERT_EQ(month.days.size(), 1u);
  EXPECT_EQ(month.days[0].max_severity, 4);
  EXPECT_EQ(month.days[0].observations[0].triggers[0].name, "vélo");

  AnalyticsQuery a;
  a.dog_id = rex_;
  const auto report = analytics_.report(pro_, a);
  EXPECT_EQ(report.observations, 1);
  ASSERT_EQ(report.trigger_severity.size(), 1u);
  EXPECT_EQ(report.trigger_severity[0].trigger, "vélo");
  ASSERT_EQ(report.reactions.size(), 1u);
  EXPECT_EQ(report.reactions[0].reaction, "aboiement");
  EXPECT_EQ(report.high_intensity.high, 1);

  const auto text = csv(pro_, on(rex_));
  EXPECT_NE(text.find("Rex"), std::string::npos);
  EXPECT_NE(text.find("vélo"), std::string::npos);
  EXPECT_NE(text.find("au parc"), std::string::npos);
  EXPECT_EQ(text.find("voisin"), std::string::npos);
}

TEST_F(SharedDogTest, TheProfessionalSeesNothingElseOfTheOwner) {
  // The owner's other dog and its observation: not found, nothing listed.
  expect_no_access(pro_, other_dog_, other_observation_, "voisin");

  // Without a dog, search, export and analytics cover the professional's own dogs only.
  const auto mine = observations_.search(pro_, {});
  ASSERT_EQ(mine.items.size(), 1u);
  EXPECT_EQ(mine.items[0].id, own_observation_);
  const auto text = csv(pro_, {});
  EXPECT_EQ(text.find("au parc"), std::string::npos);
  EXPECT_NE(text.find("Pilou"), std::string::npos);
  EXPECT_EQ(analytics_.report(pro_, {}).observations, 1);
  EXPECT_EQ(dogs_.list(pro_).size(), 1u);

  // What the professional is shown of the owner: the username, never the email.
  const auto held = sharing_.held(pro_);
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].owner_name, owner_.username);
  EXPECT_EQ(held[0].dog_name, "Rex");
  for_each_field<HeldShare>([&](const auto& f) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(f.get(held[0]))>, std::string>) {
      EXPECT_EQ(f.get(held[0]).find(owner_.email), std::string::npos) << f.info.name;
      EXPECT_EQ(f.get(held[0]).find("Médor"), std::string::npos) << f.info.name;
    }
  });
  // Nor the owner's other professionals.
  const auto colleague = new_user();
  share(owner_.principal, rex_, colleague);
  EXPECT_EQ(sharing_.held(pro_).size(), 1u);
  EXPECT_DOGCARE_ERROR(sharing_.list_for_dog(pro_, rex_), ErrorCode::not_found, "");
}

TEST_F(SharedDogTest, TheProfessionalCannotWrite) {
  EXPECT_DOGCARE_ERROR(observations_.update(pro_, rex_observation_, {}), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(observations_.remove(pro_, rex_observation_), ErrorCode::not_found, "");
  auto on_rex = input(day(2024, 6, 6), 2);
  on_rex.dog_id = rex_;
  EXPECT_DOGCARE_ERROR(observations_.create(pro_, on_rex), ErrorCode::invalid_argument, "dog_id");
  DogPatch rename;
  rename.name = "Pirate";
  EXPECT_DOGCARE_ERROR(dogs_.update(pro_, rex_, rename), ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(dogs_.remove(pro_, rex_), ErrorCode::not_found, "");
  const auto trigger = observations_.get(pro_, rex_observation_).triggers[0];
  EXPECT_DOGCARE_ERROR(catalog_.rename(pro_, CatalogKind::trigger, trigger.id, "x"),
                       ErrorCode::not_found, "");
  EXPECT_DOGCARE_ERROR(catalog_.remove(pro_, CatalogKind::trigger, trigger.id),
                       ErrorCode::not_found, "");
  // Everything the owner had is as it was.
  const auto o = observations_.get(owner_.principal, rex_observation_);
  EXPECT_EQ(o.severity, 4);
  EXPECT_EQ(dogs_.get(owner_.principal, rex_).name, "Rex");
  EXPECT_EQ(observations_.search(owner_.principal, on(rex_)).items.size(), 1u);
}

TEST_F(SharedDogTest, ARevokedOrLeftGrantAndAStrangerSeeNothing) {
  const auto expect_nothing = [&](const Principal& who) {
    expect_no_access(who, rex_, rex_observation_, "au parc");
  };
  expect_nothing(stranger_);
  expect_nothing(Principal{});
  // A grant on another dog opens only that dog.
  share(owner_.principal, other_dog_, stranger_);
  expect_nothing(stranger_);

  EXPECT_EQ(observations_.get(pro_, rex_observation_).id, rex_observation_);
  sharing_.revoke(owner_.principal, held_.id);
  expect_nothing(pro_);
  EXPECT_TRUE(sharing_.held(pro_).empty());
  EXPECT_DOGCARE_ERROR(sharing_.revoke(owner_.principal, held_.id), ErrorCode::not_found, "");

  const auto again = share(owner_.principal, rex_, pro_);
  EXPECT_EQ(dogs_.get(pro_, rex_).id, rex_);
  sharing_.leave(pro_, again.id);
  expect_nothing(pro_);
  EXPECT_TRUE(sharing_.list_for_dog(owner_.principal, rex_).shares.empty());
  EXPECT_DOGCARE_ERROR(sharing_.leave(pro_, again.id), ErrorCode::not_found, "");
}

TEST_F(SharedDogTest, DeletingTheDogRemovesItsGrantsAndInvitations) {
  sharing_.create_code(owner_.principal, rex_, {ShareScope::read});
  dogs_.remove(owner_.principal, rex_);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM dog_shares WHERE dog_id = ?", rex_), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM share_invitations WHERE dog_id = ?", rex_), 0);
  EXPECT_TRUE(sharing_.held(pro_).empty());
}

// ---- account deletion ----

TEST_F(SharedDogTest, DeletingTheProfessionalRemovesTheirGrantsAndProfile) {
  Accounts accounts(shared_database(), cheap_accounts(), nullptr, clock_);
  professionals_.set_profile(pro_, {"Claire", ProfessionalKind::trainer, {}, {}});
  const auto pro_id = pro_.user_id;
  const auto pro_invitation =
      sharing_.create_code(owner_.principal, other_dog_, {ShareScope::read});
  accounts.delete_account(pro_);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM dog_shares WHERE professional_id = ?", pro_id), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM professional_profiles WHERE user_id = ?", pro_id), 0);
  EXPECT_TRUE(sharing_.list_for_dog(owner_.principal, rex_).shares.empty());
  EXPECT_EQ(observations_.get(owner_.principal, rex_observation_).id, rex_observation_);
  // The owner's own codes are the owner's, not the professional's: they stay.
  EXPECT_EQ(sharing_.list_for_dog(owner_.principal, other_dog_).invitations.size(), 1u);
}

TEST_F(SharedDogTest, DeletingTheOwnerRemovesTheGrantsAndInvitationsOfTheirDogs) {
  Accounts accounts(shared_database(), cheap_accounts(), nullptr, clock_);
  const auto invited = account("invited");
  sharing_.invite(owner_.principal, rex_, {invited.username, ShareScope::read});
  sharing_.create_code(owner_.principal, other_dog_, {ShareScope::read});
  const auto owner_id = owner_.principal.user_id;
  ASSERT_EQ(count_rows("SELECT COUNT(*) FROM share_invitations WHERE owner_id = ?", owner_id), 2);
  accounts.delete_account(owner_.principal);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM dog_shares WHERE owner_id = ?", owner_id), 0);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM share_invitations WHERE owner_id = ?", owner_id), 0);
  EXPECT_TRUE(sharing_.held(pro_).empty());
  EXPECT_TRUE(sharing_.invitations(invited.principal).empty());
  EXPECT_DOGCARE_ERROR(observations_.get(pro_, rex_observation_), ErrorCode::not_found, "");
  // The professional's own data stays.
  EXPECT_EQ(observations_.get(pro_, own_observation_).id, own_observation_);
}

}  // namespace
}  // namespace dogcare::testing
