#include "storage/comment_repository.hpp"

#include <tuple>

#include "storage/columns.hpp"
#include "storage/rows.hpp"
#include "storage/sql_builder.hpp"

namespace dogcare::storage {
namespace {

constexpr auto kColumns = std::tuple{
    Column<CommentRecord, std::string>{"id", &CommentRecord::id, false},
    Column<CommentRecord, std::string>{"dog_id", &CommentRecord::dog_id, false},
    Column<CommentRecord, std::string>{"owner_id", &CommentRecord::owner_id, false},
    Column<CommentRecord, std::optional<std::string>>{"observation_id",
                                                      &CommentRecord::observation_id, false},
    Column<CommentRecord, std::optional<std::string>>{"professional_id",
                                                      &CommentRecord::professional_id, false},
    Column<CommentRecord, std::optional<std::string>>{"author_id", &CommentRecord::author_id,
                                                      false},
    Column<CommentRecord, AuthorRole>{"author_role", &CommentRecord::author_role, false},
    Column<CommentRecord, std::string>{"body", &CommentRecord::body},
    Column<CommentRecord, Timestamp>{"created_at", &CommentRecord::created_at, false},
    Column<CommentRecord, Timestamp>{"updated_at", &CommentRecord::updated_at},
};

// A Comment's own columns, as stored.
constexpr auto kCommentColumns = std::tuple{
    Column<Comment, std::string>{"id", &Comment::id},
    Column<Comment, std::string>{"dog_id", &Comment::dog_id},
    Column<Comment, std::optional<std::string>>{"observation_id", &Comment::observation_id},
    Column<Comment, std::optional<std::string>>{"author_id", &Comment::author_id},
    Column<Comment, AuthorRole>{"author_role", &Comment::author_role},
    Column<Comment, std::string>{"body", &Comment::body},
    Column<Comment, Timestamp>{"created_at", &Comment::created_at},
    Column<Comment, Timestamp>{"updated_at", &Comment::updated_at},
};

// " WHERE c.dog_id = ? ..." for a filter; `thread` narrows to the dog's own
// comments or one observation's.
Sql comment_where(const CommentFilter& filter, bool thread) {
  Sql sql(" WHERE c.dog_id = ?", filter.dog_id);
  if (thread) {
    if (filter.observation_id) {
      sql.append(" AND c.observation_id = ?", *filter.observation_id);
    } else {
      sql.append(" AND c.observation_id IS NULL");
    }
  }
  if (filter.professional_id) sql.append(" AND c.professional_id = ?", *filter.professional_id);
  return sql;
}

}  // namespace

void CommentRepository::insert(const CommentRecord& comment) {
  static const std::string sql = insert_sql("comments", kColumns);
  Statement insert(connection_, sql);
  bind_columns(insert, kColumns, comment, false);
  insert.execute();
}

std::optional<CommentRecord> CommentRepository::find(const std::string& id) {
  static const std::string sql =
      "SELECT " + select_list(kColumns, "c") + " FROM comments c WHERE c.id = ?";
  Statement query(connection_, sql);
  query.bind_all(id).execute();
  std::optional<CommentRecord> out;
  if (query.fetch()) {
    out.emplace();
    read_columns(query, kColumns, *out);
  }
  drain(query);
  return out;
}

bool CommentRepository::update_body(const std::string& author_id, const std::string& id,
                                    const std::string& body, Timestamp at) {
  Statement update(connection_,
                   "UPDATE comments SET body = ?, updated_at = ? WHERE author_id = ? AND id = ?");
  return update.bind_all(body, at, author_id, id).execute() > 0;
}

bool CommentRepository::remove(const std::string& author_id, const std::string& id) {
  Statement remove(connection_, "DELETE FROM comments WHERE author_id = ? AND id = ?");
  return remove.bind_all(author_id, id).execute() > 0;
}

// The comments `where` selects, each with its conversation's live grant and
// its author's display name (a professional's profile name, else the username).
std::vector<Comment> CommentRepository::read_views(const Sql& where, const std::string& viewer_id) {
  Sql sql("SELECT ");
  sql.append(select_list(kCommentColumns, "c"))
      .append(
          ", s.id, p.display_name, u.username FROM comments c"
          " LEFT JOIN dog_shares s ON s.dog_id = c.dog_id AND s.professional_id = c.professional_id"
          " LEFT JOIN users u ON u.id = c.author_id"
          " LEFT JOIN professional_profiles p ON p.user_id = c.author_id");
  sql.append(where);
  BoundStatement query(connection_, sql);
  query.execute();
  std::vector<Comment> out;
  while (query.fetch()) {
    Comment& comment = out.emplace_back();
    const int next = read_columns(query, kCommentColumns, comment);
    comment.share_id = optional_text(query, next);
    if (comment.author_id) {
      auto display_name = optional_text(query, next + 1);
      comment.author_name = comment.author_role == AuthorRole::professional && display_name
                                ? std::move(display_name)
                                : optional_text(query, next + 2);
      comment.mine = *comment.author_id == viewer_id;
    }
  }
  return out;
}

std::optional<Comment> CommentRepository::find_view(const std::string& id,
                                                    const std::string& viewer_id) {
  auto found = read_views(Sql(" WHERE c.id = ?", id), viewer_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void CommentRepository::move_observation_thread(const std::string& observation_id,
                                                const std::string& dog_id) {
  Statement move(connection_, "UPDATE comments SET dog_id = ? WHERE observation_id = ?");
  move.bind_all(dog_id, observation_id).execute();
}

Page<Comment, TimeCursor> CommentRepository::thread(const CommentFilter& filter,
                                                    const std::string& viewer_id, std::size_t limit,
                                                    const std::optional<TimeCursor>& after) {
  Sql where = comment_where(filter, true);
  if (after) {
    where.append(" AND (c.created_at > ? OR (c.created_at = ? AND c.id > ?))", after->at, after->at,
                 after->id);
  }
  where.append(" ORDER BY c.created_at, c.id {LIMIT}", static_cast<std::int64_t>(limit + 1));
  Page<Comment, TimeCursor> page;
  page.items = read_views(where, viewer_id);
  if (page.items.size() > limit) {
    page.items.pop_back();
    page.next = TimeCursor{page.items.back().created_at, page.items.back().id};
  }
  return page;
}

std::size_t CommentRepository::count_by(const CommentFilter& filter, AuthorRole role,
                                        const std::optional<Timestamp>& since) {
  Sql sql("SELECT COUNT(*) FROM comments c");
  sql.append(comment_where(filter, false));
  sql.append(" AND c.author_role = ?", std::string(to_name(role)));
  if (since) sql.append(" AND c.created_at > ?", *since);
  return static_cast<std::size_t>(BoundStatement(connection_, sql).scalar());
}

std::vector<std::pair<std::string, std::size_t>> CommentRepository::unread_for_professional(
    const std::string& professional_id) {
  Sql sql(
      "SELECT c.dog_id, COUNT(*) FROM dog_shares g"
      " JOIN comments c ON c.dog_id = g.dog_id AND c.owner_id = g.owner_id"
      " AND c.professional_id = g.professional_id"
      " LEFT JOIN comment_reads r ON r.user_id = g.professional_id AND r.dog_id = g.dog_id"
      " WHERE g.professional_id = ? AND c.author_role = ?",
      professional_id, std::string(to_name(AuthorRole::owner)));
  sql.append(" AND (r.read_until IS NULL OR c.created_at > r.read_until) GROUP BY c.dog_id");
  BoundStatement query(connection_, sql);
  query.execute();
  std::vector<std::pair<std::string, std::size_t>> out;
  while (query.fetch()) {
    out.emplace_back(query.text_or_empty(1), static_cast<std::size_t>(query.integer_or(2, 0)));
  }
  return out;
}

std::optional<Timestamp> CommentRepository::read_until(const std::string& user_id,
                                                       const std::string& dog_id) {
  Statement query(connection_,
                  "SELECT read_until FROM comment_reads WHERE user_id = ? AND dog_id = ?");
  query.bind_all(user_id, dog_id).execute();
  std::optional<Timestamp> out;
  if (query.fetch()) out = query.timestamp(1);
  drain(query);
  return out;
}

void CommentRepository::set_read_until(const std::string& user_id, const std::string& dog_id,
                                       Timestamp at) {
  update_or_insert(
      [&] {
        Statement update(
            connection_,
            "UPDATE comment_reads SET read_until = ? WHERE user_id = ? AND dog_id = ?");
        return update.bind_all(at, user_id, dog_id).execute() > 0;
      },
      [&] {
        Statement insert(
            connection_,
            "INSERT INTO comment_reads (user_id, dog_id, read_until) VALUES (?, ?, ?)");
        insert.bind_all(user_id, dog_id, at).execute();
      });
}

}  // namespace dogcare::storage
