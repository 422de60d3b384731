#include "storage/pool.hpp"

#include <fstream>
#include <iterator>

#include "core/text.hpp"
#include "dogcare/error.hpp"
#include "storage/dialect.hpp"

namespace dogcare::storage {

PooledConnection::PooledConnection(ConnectionPool* pool, std::unique_ptr<Connection> connection,
                                   std::uint64_t generation)
    : pool_(pool), connection_(std::move(connection)), generation_(generation) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(other.pool_),
      connection_(std::move(other.connection_)),
      generation_(other.generation_) {
  other.pool_ = nullptr;
}

PooledConnection::~PooledConnection() {
  if (pool_ && connection_) pool_->give_back(std::move(connection_), generation_);
}

ConnectionPool::ConnectionPool(PoolOptions options) : options_(std::move(options)) {
  if (options_.size == 0) {
    throw Error(ErrorCode::invalid_argument, "the pool needs at least one connection", "pool_size");
  }
  source_.connection_string = options_.connection_string;
}

ConnectionPool::~ConnectionPool() {
  close(std::chrono::milliseconds{0});
}

void ConnectionPool::publish() {
  gauges_.set(open_count_ - idle_.size(), idle_.size(), waiting_, options_.size);
}

std::uint64_t ConnectionPool::refresh_source() {
  if (options_.connection_file.empty()) return 0;
  std::lock_guard lock(source_mutex_);
  const auto now = std::chrono::steady_clock::now();
  const bool known = source_.generation != 0;
  if (known && now - source_checked_ < std::chrono::seconds{1}) return source_.generation;
  source_checked_ = now;
  std::error_code ec;
  const auto mtime = std::filesystem::last_write_time(options_.connection_file, ec);
  if (known && !ec && mtime == source_mtime_) return source_.generation;
  std::string content;
  if (std::ifstream in{options_.connection_file, std::ios::binary}) {
    content.assign(std::istreambuf_iterator<char>(in), {});
  }
  content = trim(content);
  if (ec || content.empty()) {
    // Mid-rotation or removed: the connections keep the last good string.
    if (known) return source_.generation;
    throw Error(ErrorCode::unavailable, "the database connection file " +
                                            options_.connection_file.string() +
                                            " cannot be read or is empty");
  }
  source_mtime_ = mtime;
  content = odbc_connection_string(content);
  if (content != source_.connection_string || !known) {
    source_.connection_string = std::move(content);
    ++source_.generation;
  }
  return source_.generation;
}

PooledConnection ConnectionPool::open() {
  std::string connection_string;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(source_mutex_);
    connection_string = source_.connection_string;
    generation = source_.generation;
  }
  return PooledConnection(
      this,
      std::make_unique<Connection>(connection_string, options_.login_timeout,
                                   options_.prepared_statements, options_.block_fetch),
      generation);
}

PooledConnection ConnectionPool::borrow() {
  const std::uint64_t generation = refresh_source();
  const auto deadline = std::chrono::steady_clock::now() + options_.borrow_timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_) throw Error(ErrorCode::unavailable, "the database is shutting down");
    if (!idle_.empty()) {
      // Most recently used first: it is the likeliest to be alive and warm.
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      publish();
      const bool current = idle.generation == generation;  // else: opened with rotated credentials
      const bool stale = std::chrono::steady_clock::now() - idle.since >= options_.validate_after;
      if (current && !stale) return PooledConnection(this, std::move(idle.connection), generation);
      lock.unlock();
      // Checked outside the lock: a dead server may take a while to answer.
      if (current && idle.connection->ping()) {
        return PooledConnection(this, std::move(idle.connection), generation);
      }
      idle.connection.reset();
      lock.lock();
      --open_count_;
      publish();
      continue;  // try the next idle one, or open a fresh connection
    }
    if (open_count_ < options_.size) {
      ++open_count_;
      publish();
      lock.unlock();
      try {
        return open();
      } catch (...) {
        lock.lock();
        --open_count_;
        publish();
        available_.notify_one();
        throw;
      }
    }
    ++waiting_;
    publish();
    const bool woke = available_.wait_until(
        lock, deadline, [&] { return closed_ || !idle_.empty() || open_count_ < options_.size; });
    --waiting_;
    publish();
    if (!woke) {
      throw Error(ErrorCode::unavailable, "the database is busy; try again shortly");
    }
  }
}

void ConnectionPool::give_back(std::unique_ptr<Connection> connection, std::uint64_t generation) {
  std::uint64_t current = 0;
  if (!options_.connection_file.empty()) {
    std::lock_guard lock(source_mutex_);
    current = source_.generation;
  }
  std::lock_guard lock(mutex_);
  if (connection->broken() || closed_ || generation != current) {
    connection.reset();
    --open_count_;
  } else {
    idle_.push_back({std::move(connection), std::chrono::steady_clock::now(), generation});
  }
  publish();
  available_.notify_all();
}

PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return {open_count_ - idle_.size(), idle_.size(), waiting_, options_.size};
}

void ConnectionPool::close(std::chrono::milliseconds grace) {
  std::deque<Idle> closing;
  std::unique_lock lock(mutex_);
  closed_ = true;
  closing.swap(idle_);
  open_count_ -= closing.size();
  publish();
  available_.notify_all();
  // Borrowed connections close themselves on return (closed_ is set).
  available_.wait_for(lock, grace, [&] { return open_count_ == 0; });
  lock.unlock();
  closing.clear();  // disconnects outside the lock
}

}  // namespace dogcare::storage
