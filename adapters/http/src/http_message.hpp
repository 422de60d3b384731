// The server's view of an HTTP exchange, free of Beast and Asio so that the
// translation units that map requests to library calls compile quickly.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dogcare::http {

// Writes a streamed (chunked) response from a worker thread; implemented by
// the server, which hands each chunk to the connection's I/O strand.
class ResponseWriter {
 public:
  virtual ~ResponseWriter() = default;
  // Sends the status line and headers of a chunked response.
  virtual void begin(int status,
                     const std::vector<std::pair<std::string, std::string>>& headers) = 0;
  // Throws std::runtime_error when the client went away or the write timed out.
  virtual void write(std::string_view chunk) = 0;
  virtual void finish() = 0;
};

struct Request {
  std::string method;                                      // upper case
  std::string target;                                      // as received: path and query
  std::string path;                                        // decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::map<std::string, std::string> headers;              // names lower case
  std::string body;
  std::string client_address;
  ResponseWriter* writer = nullptr;  // for streamed responses

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
  // Set when the handler already wrote the response through Request::writer.
  bool streamed = false;
  // A streamed response that failed half-way: the connection must be closed.
  bool aborted = false;
  // For logs and metrics.
  std::string route;    // the route template, e.g. /api/v1/dogs/{id}
  std::string user_id;  // when authenticated
};

}  // namespace dogcare::http
