#include "http_metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "dogcare/metrics.hpp"

namespace dogcare::http {

struct HttpMetrics::Impl {
  std::shared_ptr<prometheus::Registry> registry = metrics_registry();
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter()
          .Name("http_requests_total")
          .Help("HTTP requests by method, route template and status")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& duration =
      prometheus::BuildHistogram()
          .Name("http_request_duration_seconds")
          .Help("HTTP request latency by route template")
          .Register(*registry);
  prometheus::Gauge& in_flight = prometheus::BuildGauge()
                                     .Name("http_requests_in_flight")
                                     .Help("HTTP requests being served")
                                     .Register(*registry)
                                     .Add({});
  prometheus::Gauge& cpu = prometheus::BuildGauge()
                               .Name("process_cpu_seconds_total")
                               .Help("User and system CPU time spent, seconds")
                               .Register(*registry)
                               .Add({});
  prometheus::Gauge& rss = prometheus::BuildGauge()
                               .Name("process_resident_memory_bytes")
                               .Help("Resident memory size, bytes")
                               .Register(*registry)
                               .Add({});
  prometheus::Gauge& fds = prometheus::BuildGauge()
                               .Name("process_open_fds")
                               .Help("Open file descriptors")
                               .Register(*registry)
                               .Add({});
  prometheus::Gauge& start = prometheus::BuildGauge()
                                 .Name("process_start_time_seconds")
                                 .Help("Start time of the process since the epoch, seconds")
                                 .Register(*registry)
                                 .Add({});
  std::mutex mutex;  // Family::Add is thread-safe; the histogram lookup is kept simple
  const prometheus::Histogram::BucketBoundaries buckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1,    2.5,   5};

  void refresh_process() {
    std::ifstream stat("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = content.rfind(')');
    if (close != std::string::npos) {
      std::istringstream fields(content.substr(close + 2));
      std::string field;
      double utime = 0, stime = 0, rss_pages = 0;
      for (int i = 3; fields >> field; ++i) {
        if (i == 14) utime = std::stod(field);
        if (i == 15) stime = std::stod(field);
        if (i == 24) rss_pages = std::stod(field);
      }
      const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
      cpu.Set((utime + stime) / ticks);
      rss.Set(rss_pages * static_cast<double>(sysconf(_SC_PAGESIZE)));
    }
    std::error_code ec;
    std::size_t count = 0;
    for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      ++count;
    }
    fds.Set(static_cast<double>(count));
  }
};

HttpMetrics::HttpMetrics() : impl_(std::make_unique<Impl>()) {
  impl_->start.Set(static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count()));
}

HttpMetrics::~HttpMetrics() = default;

namespace {

// Beast accepts any token as a method: each new one would be a new time
// series, kept for the life of the process, so a client could grow the
// server's memory and every scrape without bound. "-": a request that did not parse.
std::string method_label(const std::string& method) {
  static constexpr std::string_view known[] = {"GET",   "HEAD",   "POST",    "PUT",
                                               "PATCH", "DELETE", "OPTIONS", "-"};
  for (const auto name : known) {
    if (method == name) return method;
  }
  return "OTHER";
}

}  // namespace

void HttpMetrics::observe(const std::string& method, const std::string& route, int status,
                          double seconds) {
  impl_->requests
      .Add({{"method", method_label(method)}, {"route", route}, {"status", std::to_string(status)}})
      .Increment();
  impl_->duration.Add({{"route", route}}, impl_->buckets).Observe(seconds);
}

void HttpMetrics::in_flight(int delta) {
  impl_->in_flight.Increment(delta);
}

std::string HttpMetrics::scrape() {
  impl_->refresh_process();
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace dogcare::http
