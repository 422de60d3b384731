// Persistence of comments and of how far each user has read a dog's
// comments. Every query names the dog; the services have checked that the
// caller may read it, and narrow a professional to their own conversation.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dogcare/comments.hpp"
#include "storage/odbc.hpp"
#include "storage/page.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {

// A comment as stored.
struct CommentRecord {
  std::string id;
  std::string dog_id;
  std::string owner_id;
  std::optional<std::string> observation_id;
  std::optional<std::string> professional_id;  // the conversation's professional
  std::optional<std::string> author_id;
  AuthorRole author_role = AuthorRole::owner;
  std::string body;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// Which comments a thread or a count covers.
struct CommentFilter {
  std::string dog_id;
  // A thread is the dog's own comments (none) or one observation's; a count
  // covers both (ignored).
  std::optional<std::string> observation_id;
  // A professional's conversation; absent: every conversation (the owner).
  std::optional<std::string> professional_id;
};

class CommentRepository {
 public:
  explicit CommentRepository(Connection& connection) : connection_(connection) {}
  void insert(const CommentRecord& comment);
  std::optional<CommentRecord> find(const std::string& id);
  // The author's own comment only; false when there is none.
  bool update_body(const std::string& author_id, const std::string& id, const std::string& body,
                   Timestamp at);
  bool remove(const std::string& author_id, const std::string& id);
  // An observation moved to another of its owner's dogs takes its thread along.
  void move_observation_thread(const std::string& observation_id, const std::string& dog_id);
  // Oldest first, each with its author's display name; `viewer_id` marks the caller's own.
  Page<Comment, TimeCursor> thread(const CommentFilter& filter, const std::string& viewer_id,
                                   std::size_t limit, const std::optional<TimeCursor>& after);
  // One comment as `viewer_id` sees it.
  std::optional<Comment> find_view(const std::string& id, const std::string& viewer_id);
  // Comments on the dog and its observations written by `role` after `since`.
  std::size_t count_by(const CommentFilter& filter, AuthorRole role,
                       const std::optional<Timestamp>& since);

  // For each dog the professional holds a grant for and has unread comments
  // on: the owner's comments in the professional's conversation written after
  // the professional's marker for the dog (all of them without one), as
  // count_by and read_until count them one dog at a time; one query.
  std::vector<std::pair<std::string, std::size_t>> unread_for_professional(
      const std::string& professional_id);
  std::optional<Timestamp> read_until(const std::string& user_id, const std::string& dog_id);
  // Outside a transaction: a concurrent first mark of the same dog wins.
  void set_read_until(const std::string& user_id, const std::string& dog_id, Timestamp at);

 private:
  std::vector<Comment> read_views(const Sql& where, const std::string& viewer_id);
  Connection& connection_;
};

}  // namespace dogcare::storage
