// Comments on a shared dog: a professional holding a read_comment grant
// comments on the dog (a plan, homework) or on one of its observations, and
// the owner reads and replies. Each professional's comments and the owner's
// replies to them form one conversation, seen by the owner and that
// professional only: a professional never reads the owner's other
// professionals. A professional with a read grant reads their conversation
// but cannot write.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dogcare/mailer.hpp"
#include "dogcare/patch.hpp"
#include "dogcare/principal.hpp"
#include "dogcare/record.hpp"
#include "dogcare/time.hpp"

namespace dogcare {

// Who wrote a comment: the dog's owner or a professional. A comment of a
// deleted professional keeps its role without an author (adapters write "un
// ancien professionnel" / "a former professional").
enum class AuthorRole { owner, professional };

template <>
struct EnumDescription<AuthorRole> {
  static constexpr std::string_view name = "AuthorRole";
  static constexpr std::array<std::pair<AuthorRole, std::string_view>, 2> values{
      {{AuthorRole::owner, "owner"}, {AuthorRole::professional, "professional"}}};
};

inline constexpr std::size_t kMaxCommentBodyLength = 4000;  // code points, after trimming
inline constexpr std::size_t kDefaultCommentPageSize = 50;
inline constexpr std::size_t kMaxCommentPageSize = 200;

struct Comment {
  std::string id;
  std::string dog_id;
  std::optional<std::string> observation_id;  // absent: a comment on the dog
  // The conversation's live grant, for the owner's replies (CommentInput::share_id);
  // absent once it is revoked or left.
  std::optional<std::string> share_id;
  std::optional<std::string> author_id;  // absent once the author's account is deleted
  AuthorRole author_role = AuthorRole::owner;
  // A professional's profile display name (else their username), an owner's
  // username; absent once the author's account is deleted. Never an email.
  std::optional<std::string> author_name;
  bool mine = false;  // written by the caller, who may edit and delete it
  std::string body;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// A new comment. A professional's goes to their own conversation with the
// owner (share_id, if given, must be their grant's); the owner names the
// conversation by the grant's id (DogShare::id, Comment::share_id).
struct CommentInput {
  std::string body;
  std::optional<std::string> share_id;
};

struct CommentPatch {
  Patch<std::string> body;
};

struct CommentQuery {
  std::size_t limit = kDefaultCommentPageSize;
  std::optional<std::string> cursor;  // next_cursor of the previous page
};

struct CommentPage {
  std::vector<Comment> items;  // oldest first
  std::optional<std::string> next_cursor;
};

// Whether the caller is mailed when the other side comments (default on).
struct CommentSettings {
  bool notify_comments = true;
};

namespace comment_fields {
inline constexpr FieldInfo body{"body", Presence::required,
                                Limits{}.length(1, kMaxCommentBodyLength).lines(),
                                "The comment's text."};
inline constexpr FieldInfo share_id{"share_id", Presence::optional, Limits{}.formatted("uuid"),
                                    "The conversation: the grant of the professional addressed "
                                    "(required of the owner)."};
inline constexpr FieldInfo limit{"limit", Presence::optional,
                                 Limits{}.between(1, kMaxCommentPageSize), "Comments per page."};
inline constexpr FieldInfo notify_comments{
    "notify_comments", Presence::optional, {}, "Mail me when the other side comments."};
}  // namespace comment_fields

template <>
struct Description<Comment> {
  static constexpr std::string_view name = "Comment";
  static constexpr std::string_view doc = "A comment on a shared dog or one of its observations.";
  static constexpr auto fields = std::tuple{
      field(&Comment::id,
            {"id", Presence::required, Limits{}.formatted("uuid"), "The comment's id."}),
      field(&Comment::dog_id,
            {"dog_id", Presence::required, Limits{}.formatted("uuid"), "The dog."}),
      field(&Comment::observation_id,
            {"observation_id", Presence::optional, Limits{}.formatted("uuid"),
             "The observation commented; absent for a comment on the dog."}),
      field(&Comment::share_id, {"share_id", Presence::optional, Limits{}.formatted("uuid"),
                                 "The conversation's grant, while it is live."}),
      field(&Comment::author_id, {"author_id", Presence::optional, Limits{}.formatted("uuid"),
                                  "The author; absent once their account is deleted."}),
      field(&Comment::author_role,
            {"author_role", Presence::required, {}, "owner or professional."}),
      field(&Comment::author_name,
            {"author_name",
             Presence::optional,
             {},
             "The author's display name; absent once their account is deleted."}),
      field(&Comment::mine,
            {"mine", Presence::required, {}, "Written by the caller (who may edit it)."}),
      field(&Comment::body,
            {"body", Presence::required, comment_fields::body.limits, comment_fields::body.doc}),
      field(&Comment::created_at, {"created_at", Presence::required, {}, "When it was written."}),
      field(&Comment::updated_at, {"updated_at", Presence::required, {}, "When it last changed."}),
  };
};

template <>
struct Description<CommentInput> {
  static constexpr std::string_view name = "CommentInput";
  static constexpr std::string_view doc = "A new comment.";
  static constexpr auto fields = std::tuple{
      field(&CommentInput::body, comment_fields::body),
      field(&CommentInput::share_id, comment_fields::share_id),
  };
};

template <>
struct Description<CommentPatch> {
  static constexpr std::string_view name = "CommentPatch";
  static constexpr std::string_view doc = "Changes one's own comment.";
  static constexpr auto fields = std::tuple{
      field(&CommentPatch::body, comment_fields::body),
  };
};

template <>
struct Description<CommentQuery> {
  static constexpr std::string_view name = "CommentQuery";
  static constexpr std::string_view doc = "A page of a thread, oldest first.";
  static constexpr auto fields = std::tuple{
      field(&CommentQuery::limit, comment_fields::limit),
      field(&CommentQuery::cursor, page_fields::cursor),
  };
};

template <>
struct Description<CommentPage> {
  static constexpr std::string_view name = "CommentPage";
  static constexpr std::string_view doc = "A page of comments, oldest first.";
  static constexpr auto fields = std::tuple{
      field(&CommentPage::items, {"items", Presence::required, {}, "The comments."}),
      field(&CommentPage::next_cursor, page_fields::next_cursor),
  };
};

template <>
struct Description<CommentSettings> {
  static constexpr std::string_view name = "CommentSettings";
  static constexpr std::string_view doc = "How the caller hears of new comments.";
  static constexpr auto fields = std::tuple{
      field(&CommentSettings::notify_comments, comment_fields::notify_comments),
  };
};

struct CommentsOptions {
  // The page a notification mail points to.
  std::string link = "http://localhost:8501/";
};

class Database;
class Clock;

class Comments {
 public:
  // `mailer` tells the other side of a conversation of a new comment (when
  // they have an email address and notify_comments on); a failed mail never
  // fails the comment.
  Comments(Database& database, CommentsOptions options = {},
           std::shared_ptr<Mailer> mailer = nullptr);
  Comments(Database& database, CommentsOptions options, std::shared_ptr<Mailer> mailer,
           const Clock& clock);

  // ---- writing: the owner, or a professional with a read_comment grant ----
  Comment add_to_dog(const Principal& principal, const std::string& dog_id,
                     const CommentInput& input);
  Comment add_to_observation(const Principal& principal, const std::string& observation_id,
                             const CommentInput& input);
  // The author's own comment only (anyone else's: not_found).
  Comment update(const Principal& principal, const std::string& comment_id,
                 const CommentPatch& patch);
  void remove(const Principal& principal, const std::string& comment_id);

  // ---- reading: the owner (every conversation) or a professional with a grant (theirs) ----
  // The comments on the dog itself, oldest first.
  CommentPage dog_thread(const Principal& principal, const std::string& dog_id,
                         const CommentQuery& query = {});
  // The comments on one observation, oldest first.
  CommentPage observation_thread(const Principal& principal, const std::string& observation_id,
                                 const CommentQuery& query = {});

  // ---- unread ----
  // Comments of the other side on the dog and its observations, in what the
  // caller can read, written after the caller last marked the dog read.
  std::size_t unread_count(const Principal& principal, const std::string& dog_id);
  void mark_read(const Principal& principal, const std::string& dog_id);

  // ---- the caller's settings ----
  CommentSettings settings(const Principal& principal);
  CommentSettings set_settings(const Principal& principal, const CommentSettings& settings);

 private:
  Comment add(const Principal& principal, const std::string& dog_id,
              const std::optional<std::string>& observation_id, const CommentInput& input);

  Database& database_;
  CommentsOptions options_;
  std::shared_ptr<Mailer> mailer_;
  const Clock& clock_;
};

}  // namespace dogcare
