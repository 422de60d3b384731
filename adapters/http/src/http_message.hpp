// The server's view of an HTTP exchange, free of Beast and Asio so that the
// translation units that map requests to library calls compile quickly.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dogcare::http {

// The body of a streamed (chunked) response, pulled a piece at a time: the
// server calls next() on a worker thread, writes the piece on the
// connection's strand, and calls next() again only once that write has
// completed. No thread waits for the socket; a client that stops reading is
// closed by the write timeout. Destroyed (on any thread) when the stream ends
// for any reason: completed, client gone, timeout, error.
class BodyProducer {
 public:
  virtual ~BodyProducer() = default;
  // The next piece (may be empty); std::nullopt at the end. Throwing ends the
  // response without its last chunk and closes the connection, so the client
  // sees a truncated download, never a silently short one.
  virtual std::optional<std::string> next() = 0;
};

struct Request {
  std::string method;                                      // upper case
  std::string target;                                      // as received: path and query
  std::string path;                                        // decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;              // names lower case
  std::string body;
  std::string client_address;

  const std::string* header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? nullptr : &it->second;
  }
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Set: a chunked response whose body the producer gives, and `body` is
  // unused. Any response larger than one write may take this path.
  std::shared_ptr<BodyProducer> producer;
  // Set by the server when a streamed response was cut short (producer
  // error, client gone, write timeout): for the access log.
  bool aborted = false;
  // For logs and metrics.
  std::string route;    // the route template, e.g. /api/v1/dogs/{id}
  std::string user_id;  // when authenticated
};

}  // namespace dogcare::http
