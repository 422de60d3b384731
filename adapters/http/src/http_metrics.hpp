// HTTP and process metrics, registered in the library's prometheus-cpp
// registry so that /metrics shows both.
#pragma once

#include <memory>
#include <string>

namespace dogcare::http {

class HttpMetrics {
 public:
  HttpMetrics();
  ~HttpMetrics();
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  void in_flight(int delta);
  // The Prometheus text exposition of every metric, process metrics refreshed.
  std::string scrape();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dogcare::http
