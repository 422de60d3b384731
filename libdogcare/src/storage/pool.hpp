// A bounded, thread-safe pool of ODBC connections.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/metrics.hpp"
#include "dogcare/database.hpp"
#include "storage/odbc.hpp"

namespace dogcare::storage {

class ConnectionPool;

// A borrowed connection; goes back to the pool (or is discarded when broken)
// when destroyed.
class PooledConnection {
 public:
  PooledConnection(ConnectionPool* pool, std::unique_ptr<Connection> connection,
                   std::uint64_t generation);
  ~PooledConnection();
  PooledConnection(PooledConnection&& other) noexcept;
  PooledConnection& operator=(PooledConnection&&) = delete;

  Connection& operator*() const noexcept { return *connection_; }
  Connection* operator->() const noexcept { return connection_.get(); }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<Connection> connection_;
  std::uint64_t generation_;  // of the connection string it was opened with
};

struct PoolOptions {
  std::string connection_string;          // ODBC, or:
  std::filesystem::path connection_file;  // see DatabaseOptions::connection_file
  std::size_t size = 8;
  std::chrono::milliseconds borrow_timeout{5000};
  std::chrono::milliseconds validate_after{500};
  std::chrono::seconds login_timeout{5};
  bool prepared_statements = true;  // see DatabaseOptions
  bool block_fetch = true;          // see DatabaseOptions
};

class ConnectionPool {
 public:
  explicit ConnectionPool(PoolOptions options);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Waits up to borrow_timeout for a connection; throws Error(unavailable).
  PooledConnection borrow();
  PoolStats stats() const;
  // Refuses new borrows, waits (up to `grace`) for borrowed connections to
  // return, and closes all of them.
  void close(std::chrono::milliseconds grace = std::chrono::seconds{10});

 private:
  friend class PooledConnection;
  struct Idle {
    std::unique_ptr<Connection> connection;
    std::chrono::steady_clock::time_point since;
    std::uint64_t generation;
  };
  // The generation of the connection string, re-read from connection_file
  // when that changed (checked at most once a second); 0 without a file.
  std::uint64_t refresh_source();
  struct Source {
    std::string connection_string;
    std::uint64_t generation = 0;
  };
  void give_back(std::unique_ptr<Connection> connection, std::uint64_t generation);
  PooledConnection open();
  void publish();  // the gauges; called with mutex_ held

  const PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::deque<Idle> idle_;
  std::size_t open_count_ = 0;  // idle + borrowed + being opened
  std::size_t waiting_ = 0;
  bool closed_ = false;
  metrics::PoolGauges gauges_;

  std::mutex source_mutex_;  // guards the four below; never held with mutex_
  Source source_;
  std::filesystem::file_time_type source_mtime_{};
  std::chrono::steady_clock::time_point source_checked_{};
};

}  // namespace dogcare::storage
