#include "storage/pool.hpp"

#include "dogcare/error.hpp"

namespace dogcare::storage {

PooledConnection::PooledConnection(ConnectionPool* pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {
  other.pool_ = nullptr;
}

PooledConnection::~PooledConnection() {
  if (pool_ && connection_) pool_->give_back(std::move(connection_));
}

ConnectionPool::ConnectionPool(PoolOptions options) : options_(std::move(options)) {
  if (options_.size == 0) {
    throw Error(ErrorCode::invalid_argument, "the pool needs at least one connection", "pool_size");
  }
}

ConnectionPool::~ConnectionPool() {
  close(std::chrono::milliseconds{0});
}

void ConnectionPool::publish() {
  gauges_.set(open_count_ - idle_.size(), idle_.size(), waiting_, options_.size);
}

std::unique_ptr<Connection> ConnectionPool::open() {
  return std::make_unique<Connection>(options_.connection_string, options_.login_timeout);
}

PooledConnection ConnectionPool::borrow() {
  const auto deadline = std::chrono::steady_clock::now() + options_.borrow_timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (closed_) throw Error(ErrorCode::unavailable, "the database is shutting down");
    if (!idle_.empty()) {
      // Most recently used first: it is the likeliest to be alive and warm.
      Idle idle = std::move(idle_.back());
      idle_.pop_back();
      publish();
      const bool stale = std::chrono::steady_clock::now() - idle.since >= options_.validate_after;
      if (!stale) return PooledConnection(this, std::move(idle.connection));
      lock.unlock();
      // Checked outside the lock: a dead server may take a while to answer.
      if (idle.connection->ping()) return PooledConnection(this, std::move(idle.connection));
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
        return PooledConnection(this, open());
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

void ConnectionPool::give_back(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection->broken() || closed_) {
    connection.reset();
    --open_count_;
  } else {
    idle_.push_back({std::move(connection), std::chrono::steady_clock::now()});
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
