// The network side of dogcare-server: an asynchronous Boost.Beast listener,
// one session per connection, and a bounded worker pool for the blocking
// library calls. Beast and Asio stay inside server.cpp.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http_message.hpp"

namespace dogcare::http {

class Handler {
 public:
  virtual ~Handler() = default;
  // Cheap requests (health, metrics, static files) answered on the I/O thread.
  virtual bool runs_inline(const Request& request) const = 0;
  // May block: called on a worker thread unless runs_inline.
  virtual Response handle(Request& request) = 0;
  // A response the server itself produces (413, 431, 400, 503 when overloaded).
  virtual Response problem(int status, std::string_view detail) = 0;
  // A response is counted and logged once: a whole one as its write starts
  // (so whoever reads it then sees it counted), a stream after its last piece.
  virtual void completed(const Request& request, const Response& response, double seconds,
                         std::size_t bytes) = 0;
  virtual void in_flight(int delta) = 0;
  // Called every few seconds on an I/O thread (secret files re-read when changed).
  virtual void tick() {}
  // Called every few seconds on a worker, never twice at once: work that may
  // wait on the database.
  virtual void background() {}
  // SIGHUP.
  virtual void reload() {}
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t io_threads = 0;  // 0: the number of cores
  std::size_t workers = 8;
  std::size_t max_queued = 256;  // requests waiting for a worker; beyond: 503
  std::size_t max_connections = 1024;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  std::chrono::seconds read_timeout{15};  // a whole request, and idle keep-alive
  std::chrono::seconds write_timeout{30};
  std::chrono::seconds shutdown_grace{20};
  std::string tls_certificate_file;  // both set: TLS 1.2+
  std::string tls_private_key_file;
};

class Server {
 public:
  Server(ServerOptions options, Handler& handler);
  ~Server();
  // Binds (throws std::runtime_error on failure); returns the bound port.
  unsigned short start();
  // Blocks until SIGINT or SIGTERM, then stops accepting, lets in-flight
  // requests finish within the grace period, and stops the threads.
  void run_until_signalled(const std::function<void(unsigned short)>& on_listening);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare::http
