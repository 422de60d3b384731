#include "dogcare/comments.hpp"

#include "core/ids.hpp"
#include "core/metrics.hpp"
#include "dogcare/clock.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "domain/access.hpp"
#include "domain/cursor.hpp"
#include "domain/mail_text.hpp"
#include "domain/validation.hpp"
#include "storage/database_impl.hpp"
#include "storage/repositories.hpp"

namespace dogcare {
namespace {

const SystemClock kSystemClock;

// Who writes on a dog, and in which conversation (its professional's id).
struct Writer {
  domain::DogAccess access;
  AuthorRole role = AuthorRole::owner;
  std::string professional_id;
};

// A professional may write with a read_comment grant; with a read grant the
// dog is, for writing, as foreign as any other (`what` not found), as every
// other write of a professional on a shared dog is.
bool may_write(const domain::DogAccess& access) {
  return access.role == domain::DogRole::owner || access.scope == ShareScope::read_comment;
}

// The writer of a new comment on `dog_id`; `what` names the thing not found.
Writer writer_for(storage::Connection& connection, const Principal& principal,
                  const std::string& dog_id, const std::optional<std::string>& share_id,
                  const std::string& what) {
  auto access = domain::find_dog_access_unrecorded(connection, principal, dog_id);
  if (!access || !may_write(*access)) throw_not_found(what);
  if (access->role == domain::DogRole::professional) {
    if (share_id && share_id != access->share_id) {
      throw_invalid("share_id", Rule::unknown, "share_id is not your grant for this dog");
    }
    return {std::move(*access), AuthorRole::professional, principal.user_id};
  }
  // The owner addresses one professional's conversation, by its live grant.
  if (!share_id) {
    throw_invalid("share_id", Rule::required, "share_id names the professional you write to");
  }
  const auto grant =
      valid_id(*share_id)
          ? storage::ShareRepository(connection).find_for_owner(principal.user_id, *share_id)
          : std::nullopt;
  if (!grant || grant->dog_id != access->dog.id) {
    throw_invalid("share_id", Rule::unknown, "share_id names no grant of this dog");
  }
  return {std::move(*access), AuthorRole::owner, grant->professional_id};
}

// The caller's own comment, on a dog they may still write on; not_found otherwise.
storage::CommentRecord own_comment(storage::Connection& connection, const Principal& principal,
                                   const std::string& comment_id) {
  if (!valid_id(comment_id) || principal.user_id.empty()) throw_not_found("comment");
  auto comment = storage::CommentRepository(connection).find(comment_id);
  if (!comment || comment->author_id != principal.user_id) throw_not_found("comment");
  const auto access = domain::find_dog_access_unrecorded(connection, principal, comment->dog_id);
  if (!access || !may_write(*access)) throw_not_found("comment");
  return std::move(*comment);
}

// Who a professional and an owner appear as in a mail.
std::string display_name(storage::Connection& connection, const std::string& user_id,
                         AuthorRole role) {
  if (role == AuthorRole::professional) {
    if (auto profile = storage::ProfessionalProfileRepository(connection).find(user_id)) {
      return profile->display_name;
    }
  }
  const auto account = storage::UserRepository(connection).find(user_id);
  return account ? account->user.username : std::string();
}

storage::CommentFilter filter_for(const domain::DogAccess& access, const Principal& principal,
                                  std::optional<std::string> observation_id = std::nullopt) {
  return {access.dog.id, std::move(observation_id),
          access.role == domain::DogRole::professional
              ? std::optional<std::string>(principal.user_id)
              : std::nullopt};
}

// Tells the other side of the conversation of a new comment, unless they
// opted out or have no address.
void notify(Mailer* mailer, const CommentsOptions& options, storage::Connection& connection,
            const storage::CommentRecord& comment, const Dog& dog) {
  if (!mailer || !comment.professional_id) return;
  try {
    const std::string& recipient =
        comment.author_role == AuthorRole::professional ? dog.owner_id : *comment.professional_id;
    if (!storage::UserSettingsRepository(connection).notify_comments(recipient).value_or(true)) {
      return;
    }
    const auto account = storage::UserRepository(connection).find(recipient);
    if (!account || !account->user.email) return;
    const std::string author =
        display_name(connection, comment.author_id.value_or(std::string()), comment.author_role);
    mailer->send(domain::comment_mail(account->user, author, dog.name, options.link));
  } catch (const Error&) {
    // The comment is written; a mail that cannot go out changes nothing.
  }
}

CommentPage thread_page(storage::Connection& connection, const storage::CommentFilter& filter,
                        const Principal& principal, std::size_t limit,
                        const std::optional<storage::TimeCursor>& after) {
  auto found =
      storage::CommentRepository(connection).thread(filter, principal.user_id, limit, after);
  CommentPage out;
  out.items = std::move(found.items);
  if (found.next) out.next_cursor = domain::encode_time_cursor(*found.next);
  return out;
}

}  // namespace

Comments::Comments(Database& database, CommentsOptions options, std::shared_ptr<Mailer> mailer)
    : Comments(database, std::move(options), std::move(mailer), kSystemClock) {}

Comments::Comments(Database& database, CommentsOptions options, std::shared_ptr<Mailer> mailer,
                   const Clock& clock)
    : database_(database),
      options_(std::move(options)),
      mailer_(std::move(mailer)),
      clock_(clock) {}

Comment Comments::add_to_dog(const Principal& principal, const std::string& dog_id,
                             const CommentInput& input) {
  return add(principal, dog_id, std::nullopt, input);
}

Comment Comments::add_to_observation(const Principal& principal, const std::string& observation_id,
                                     const CommentInput& input) {
  if (!valid_id(observation_id)) throw_not_found("observation");
  std::optional<std::string> dog_id;
  {
    auto connection = storage::pool(database_).borrow();
    dog_id = storage::ObservationRepository(*connection).dog_of(observation_id);
  }
  if (!dog_id) throw_not_found("observation");
  return add(principal, *dog_id, observation_id, input);
}

Comment Comments::add(const Principal& principal, const std::string& dog_id,
                      const std::optional<std::string>& observation_id, const CommentInput& raw) {
  CommentInput input = raw;
  domain::validate(input, today_utc());
  const std::string what = observation_id ? "observation" : "dog";
  const Timestamp now = clock_.now();
  auto connection = storage::pool(database_).borrow();
  storage::Transaction transaction(*connection);
  Writer writer = writer_for(*connection, principal, dog_id, input.share_id, what);
  const storage::CommentRecord comment{new_id(),
                                       writer.access.dog.id,
                                       writer.access.dog.owner_id,
                                       observation_id,
                                       writer.professional_id,
                                       principal.user_id,
                                       writer.role,
                                       input.body,
                                       now,
                                       now};
  storage::CommentRepository comments(*connection);
  comments.insert(comment);  // an observation deleted meanwhile: its foreign key refuses
  transaction.commit();
  metrics::count_comment_created();
  notify(mailer_.get(), options_, *connection, comment, writer.access.dog);
  auto view = comments.find_view(comment.id, principal.user_id);
  if (!view) throw_not_found(what);
  return std::move(*view);
}

Comment Comments::update(const Principal& principal, const std::string& comment_id,
                         const CommentPatch& raw) {
  CommentPatch patch = raw;
  domain::validate(patch, today_utc());
  auto connection = storage::pool(database_).borrow();
  const auto comment = own_comment(*connection, principal, comment_id);
  storage::CommentRepository comments(*connection);
  if (patch.body.has_value() &&
      !comments.update_body(principal.user_id, comment.id, patch.body.value(), clock_.now())) {
    throw_not_found("comment");
  }
  auto view = comments.find_view(comment.id, principal.user_id);
  if (!view) throw_not_found("comment");
  return std::move(*view);
}

void Comments::remove(const Principal& principal, const std::string& comment_id) {
  auto connection = storage::pool(database_).borrow();
  const auto comment = own_comment(*connection, principal, comment_id);
  if (!storage::CommentRepository(*connection).remove(principal.user_id, comment.id)) {
    throw_not_found("comment");
  }
}

CommentPage Comments::dog_thread(const Principal& principal, const std::string& dog_id,
                                 const CommentQuery& query) {
  CommentQuery q = query;
  domain::validate(q, today_utc());
  const auto after = q.cursor ? std::optional(domain::decode_time_cursor(*q.cursor)) : std::nullopt;
  auto connection = storage::pool(database_).borrow();
  const auto access =
      domain::dog_access(*connection, principal, dog_id, {AccessView::comments, clock_.now()});
  return thread_page(*connection, filter_for(access, principal), principal, q.limit, after);
}

CommentPage Comments::observation_thread(const Principal& principal,
                                         const std::string& observation_id,
                                         const CommentQuery& query) {
  CommentQuery q = query;
  domain::validate(q, today_utc());
  const auto after = q.cursor ? std::optional(domain::decode_time_cursor(*q.cursor)) : std::nullopt;
  if (!valid_id(observation_id)) throw_not_found("observation");
  auto connection = storage::pool(database_).borrow();
  const auto dog_id = storage::ObservationRepository(*connection).dog_of(observation_id);
  const auto access = dog_id ? domain::find_dog_access(*connection, principal, *dog_id,
                                                       {AccessView::comments, clock_.now()})
                             : std::nullopt;
  if (!access) throw_not_found("observation");
  return thread_page(*connection, filter_for(*access, principal, observation_id), principal,
                     q.limit, after);
}

std::size_t Comments::unread_count(const Principal& principal, const std::string& dog_id) {
  auto connection = storage::pool(database_).borrow();
  const auto access = domain::find_dog_access_unrecorded(*connection, principal, dog_id);
  if (!access) throw_not_found("dog");
  storage::CommentRepository comments(*connection);
  const AuthorRole other_side =
      access->role == domain::DogRole::owner ? AuthorRole::professional : AuthorRole::owner;
  return comments.count_by(filter_for(*access, principal), other_side,
                           comments.read_until(principal.user_id, access->dog.id));
}

void Comments::mark_read(const Principal& principal, const std::string& dog_id) {
  auto connection = storage::pool(database_).borrow();
  const auto access = domain::find_dog_access_unrecorded(*connection, principal, dog_id);
  if (!access) throw_not_found("dog");
  storage::CommentRepository(*connection)
      .set_read_until(principal.user_id, access->dog.id, clock_.now());
}

CommentSettings Comments::settings(const Principal& principal) {
  auto connection = storage::pool(database_).borrow();
  return {storage::UserSettingsRepository(*connection)
              .notify_comments(principal.user_id)
              .value_or(CommentSettings{}.notify_comments)};
}

CommentSettings Comments::set_settings(const Principal& principal,
                                       const CommentSettings& settings) {
  if (principal.user_id.empty()) {
    throw Error(ErrorCode::unauthenticated, "settings belong to an account");
  }
  auto connection = storage::pool(database_).borrow();
  storage::UserSettingsRepository(*connection)
      .set_notify_comments(principal.user_id, settings.notify_comments, clock_.now());
  return settings;
}

}  // namespace dogcare
