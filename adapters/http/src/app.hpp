// The translation from HTTP to libdogcare: routes, authentication, input
// parsing, error mapping (RFC 9457), and serialisation. No domain rule here.
#pragma once

#include <memory>

#include "config.hpp"
#include "server.hpp"

namespace dogcare::http {

class Application final : public Handler {
 public:
  // Opens the database (migrating when configured). Throws dogcare::Error.
  explicit Application(const Config& config);
  ~Application() override;

  bool runs_inline(const Request& request) const override;
  Response handle(Request& request) override;
  Response problem(int status, std::string_view detail) override;
  void completed(const Request& request, const Response& response, double seconds,
                 std::size_t bytes) override;
  void in_flight(int delta) override;
  void background() override;
  void tick() override;
  void reload() override;
  // Waits for borrowed connections, then closes the database.
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare::http
