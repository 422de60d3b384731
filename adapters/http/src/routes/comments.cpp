// Comments on a shared dog and its observations, both sides of each
// conversation: the threads under /dogs/{id} and /observations/{id}, one's
// own comments under /comments/{id}, the unread marker, the caller's
// notification setting; and the owner's access log of the dog.
#include "dogcare/comments.hpp"
#include "dogcare/access_log.hpp"
#include "http_records.hpp"
#include "routes.hpp"
#include "services.hpp"

namespace dogcare::http {

std::vector<Route> comment_routes(Services& s) {
  std::vector<Route> routes;
  // ---- the threads ----
  routes.push_back(
      api("GET", "/dogs/{id}/comments",
          "The comments on the dog itself, oldest first: every conversation for the owner, "
          "their own for a professional",
          "comments")
          .filters<CommentQuery>()
          .answers<CommentPage>(200, "OK")
          .runs([&s](Context& c) {
            return json_reply(
                200, s.comments->dog_thread(c.principal, c.params[0], c.query<CommentQuery>()));
          }));
  routes.push_back(
      api("POST", "/dogs/{id}/comments",
          "Comment on the dog (a professional with read_comment, or the owner naming the "
          "conversation by share_id)",
          "comments")
          .reads<CommentInput>()
          .answers<Comment>(201, "Written")
          .runs([&s](Context& c) {
            const auto input = c.body<CommentInput>();
            return json_reply(201, s.comments->add_to_dog(c.principal, c.params[0], input));
          }));
  routes.push_back(api("GET", "/observations/{id}/comments",
                       "The comments on one observation, oldest first", "comments")
                       .filters<CommentQuery>()
                       .answers<CommentPage>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200,
                                           s.comments->observation_thread(c.principal, c.params[0],
                                                                          c.query<CommentQuery>()));
                       }));
  routes.push_back(
      api("POST", "/observations/{id}/comments",
          "Comment on an observation (a professional with read_comment, or the owner naming the "
          "conversation by share_id)",
          "comments")
          .reads<CommentInput>()
          .answers<Comment>(201, "Written")
          .runs([&s](Context& c) {
            const auto input = c.body<CommentInput>();
            return json_reply(201, s.comments->add_to_observation(c.principal, c.params[0], input));
          }));
  // ---- one's own comments ----
  routes.push_back(api("PATCH", "/comments/{id}", "Change one's own comment", "comments")
                       .reads<CommentPatch>()
                       .answers<Comment>(200, "OK")
                       .runs([&s](Context& c) {
                         const auto patch = c.body<CommentPatch>();
                         return json_reply(200,
                                           s.comments->update(c.principal, c.params[0], patch));
                       }));
  routes.push_back(api("DELETE", "/comments/{id}", "Delete one's own comment", "comments")
                       .answers_nothing(204, "Deleted")
                       .runs([&s](Context& c) {
                         s.comments->remove(c.principal, c.params[0]);
                         return no_content();
                       }));
  // ---- unread ----
  routes.push_back(
      api("GET", "/dogs/{id}/comments/unread",
          "How many comments of the other side on the dog and its observations are unread",
          "comments")
          .answers<UnreadComments>(200, "OK")
          .runs([&s](Context& c) {
            return json_reply(200,
                              UnreadComments{s.comments->unread_count(c.principal, c.params[0])});
          }));
  routes.push_back(api("POST", "/dogs/{id}/comments/read",
                       "Mark every comment on the dog read, as of now", "comments")
                       .answers_nothing(204, "Marked")
                       .runs([&s](Context& c) {
                         s.comments->mark_read(c.principal, c.params[0]);
                         return no_content();
                       }));
  // ---- the caller's settings ----
  routes.push_back(
      api("GET", "/me/settings", "How the caller hears of new comments", "comments")
          .answers<CommentSettings>(200, "OK")
          .runs([&s](Context& c) { return json_reply(200, s.comments->settings(c.principal)); }));
  routes.push_back(
      api("PUT", "/me/settings", "Set how the caller hears of new comments", "comments")
          .reads<CommentSettings>()
          .answers<CommentSettings>(200, "OK")
          .runs([&s](Context& c) {
            const auto settings = c.body<CommentSettings>();
            return json_reply(200, s.comments->set_settings(c.principal, settings));
          }));
  // ---- the owner's access log ----
  routes.push_back(api("GET", "/dogs/{id}/access-log",
                       "Who read the dog's data, newest first (the owner only)", "comments")
                       .filters<AccessLogQuery>()
                       .answers<AccessLogPage>(200, "OK")
                       .runs([&s](Context& c) {
                         return json_reply(200,
                                           s.access_log.list_for_dog(c.principal, c.params[0],
                                                                     c.query<AccessLogQuery>()));
                       }));
  return routes;
}

}  // namespace dogcare::http
