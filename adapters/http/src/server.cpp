// Shaped after Boost.Beast's advanced server: a listener, a session per
// connection on its own strand, a timeout on every read and write. Requests
// that may block go to a bounded thread pool; responses come back to the
// session's strand, so the I/O threads never wait for the database. A
// streamed response is pulled: a piece is produced on a worker, written on
// the strand, and the next one asked for only when that write completed, so
// no worker ever waits for a socket.
#include "server.hpp"

#include <openssl/ssl.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <csignal>
#include <future>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "beast_request.hpp"

namespace dogcare::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

struct Shared {
  ServerOptions options;
  Handler& handler;
  net::thread_pool& workers;
  std::atomic<std::size_t> queued{0};
  std::atomic<std::size_t> connections{0};
  std::atomic<long> in_flight{0};
  std::atomic<bool> stopping{false};
};

beast::tcp_stream& lowest(beast::tcp_stream& s) {
  return s;
}
beast::tcp_stream& lowest(beast::ssl_stream<beast::tcp_stream>& s) {
  return s.next_layer();
}

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  template <class... Args>
  Session(Shared& shared, Args&&... args) : shared_(shared), stream_(std::forward<Args>(args)...) {}

  ~Session() { shared_.connections--; }

  void start() {
    try {
      client_ = lowest(stream_).socket().remote_endpoint().address().to_string();
    } catch (...) {
      client_ = "unknown";
    }
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      lowest(stream_).expires_after(shared_.options.read_timeout);
      stream_.async_handshake(net::ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (!ec) self->read();
                              });
    } else {
      net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->read(); });
    }
  }

 private:
  void read() {
    parser_.emplace();
    apply_limits(*parser_, shared_.options);
    lowest(stream_).expires_after(shared_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        self->on_read(ec);
                      });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset) {
      return close();
    }
    started_ = std::chrono::steady_clock::now();
    if (ec) {
      auto [status, detail] = parse_failure(ec, shared_.options);
      request_ = Request{};
      request_.method = "-";
      request_.client_address = client_;
      keep_alive_ = false;
      shared_.in_flight++;
      shared_.handler.in_flight(1);
      return send(shared_.handler.problem(status, detail));
    }
    auto message = parser_->release();
    keep_alive_ = message.keep_alive() && !shared_.stopping;
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;
    request_ = to_request(std::move(message), client_);
    shared_.in_flight++;
    shared_.handler.in_flight(1);
    if (shared_.handler.runs_inline(request_)) {
      return send(shared_.handler.handle(request_));
    }
    if (shared_.queued.load() >= shared_.options.max_queued) {
      auto response = shared_.handler.problem(503, "The server is busy; try again shortly.");
      response.headers.emplace_back("Retry-After", "1");
      return send(std::move(response));
    }
    shared_.queued++;
    net::post(shared_.workers, [self = this->shared_from_this()] {
      self->shared_.queued--;
      Response response = self->shared_.handler.handle(self->request_);
      net::dispatch(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->send(std::move(response));
      });
    });
  }

  void send(Response response) {
    response_ = std::move(response);
    if (shared_.stopping) keep_alive_ = false;
    if (response_.producer) return begin_stream();
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(response_.status), version_);
    message->set(bhttp::field::server, "dogcare");
    if (!response_.content_type.empty()) {
      message->set(bhttp::field::content_type, response_.content_type);
    }
    for (const auto& [name, value] : response_.headers) message->insert(name, value);
    message->keep_alive(keep_alive_);
    const std::size_t size = response_.body.size();
    if (head_) {
      message->content_length(size);
    } else {
      message->body() = std::move(response_.body);
      message->prepare_payload();
    }
    // Counted before the write: the client may read the answer and scrape
    // /metrics before the write's completion runs. The duration is then the
    // time to the answer, and a stream's (below) the time to its last byte.
    record(size);
    lowest(stream_).expires_after(shared_.options.write_timeout);
    bhttp::async_write(
        stream_, *message,
        [self = this->shared_from_this(), message](beast::error_code ec, std::size_t) {
          if (ec) self->keep_alive_ = false;
          self->finish();
        });
  }

  // A streamed response: the header now, then one piece per turn of a worker.
  // HTTP/1.1 gets chunks (a missing last chunk tells a cut-short download);
  // HTTP/1.0 gets the bytes and the end of the connection.
  void begin_stream() {
    producer_ = std::move(response_.producer);
    chunked_ = version_ >= 11;
    if (!chunked_) keep_alive_ = false;
    stream_header_.emplace(static_cast<bhttp::status>(response_.status), version_);
    stream_header_->set(bhttp::field::server, "dogcare");
    if (!response_.content_type.empty()) {
      stream_header_->set(bhttp::field::content_type, response_.content_type);
    }
    for (const auto& [name, value] : response_.headers) stream_header_->insert(name, value);
    if (chunked_) stream_header_->chunked(true);
    stream_header_->keep_alive(keep_alive_);
    serializer_.emplace(*stream_header_);
    lowest(stream_).expires_after(shared_.options.write_timeout);
    bhttp::async_write_header(stream_, *serializer_,
                              [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec) return self->end_stream(true);
                                if (self->head_) return self->end_stream(false);
                                self->pull();
                              });
  }

  // On a worker: the next piece, then back to the strand. Only this touches
  // producer_ while it runs: the strand has nothing in flight meanwhile.
  void pull() {
    net::post(shared_.workers, [self = this->shared_from_this()] {
      std::optional<std::string> piece;
      bool failed = false;
      try {
        piece = self->producer_->next();
      } catch (...) {
        failed = true;
      }
      net::dispatch(self->stream_.get_executor(),
                    [self, piece = std::move(piece), failed]() mutable {
                      self->on_piece(std::move(piece), failed);
                    });
    });
  }

  void on_piece(std::optional<std::string> piece, bool failed) {
    if (failed) return end_stream(true);
    if (!piece) {
      // Released before the client can see the end: what the producer holds
      // (an export slot) is free once the last chunk arrives.
      producer_.reset();
      if (!chunked_) return end_stream(false);
      lowest(stream_).expires_after(shared_.options.write_timeout);
      net::async_write(stream_, bhttp::make_chunk_last(),
                       [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                         self->end_stream(bool(ec));
                       });
      return;
    }
    if (piece->empty()) return pull();
    piece_ = std::move(*piece);
    auto written = [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->end_stream(true);  // client gone, or the write timeout
      self->streamed_bytes_ += self->piece_.size();
      self->pull();
    };
    // A client that stops reading leaves this write pending: the timeout
    // closes the socket, and no thread waits meanwhile.
    lowest(stream_).expires_after(shared_.options.write_timeout);
    if (chunked_) {
      net::async_write(stream_, bhttp::make_chunk(net::buffer(piece_)), std::move(written));
    } else {
      net::async_write(stream_, net::buffer(piece_), std::move(written));
    }
  }

  void end_stream(bool aborted) {
    producer_.reset();
    std::string().swap(piece_);
    serializer_.reset();
    stream_header_.reset();
    if (aborted) {
      response_.aborted = true;
      keep_alive_ = false;
    }
    record(streamed_bytes_);
    finish();
  }

  void record(std::size_t bytes) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    shared_.handler.completed(request_, response_, seconds, bytes);
  }

  void finish() {
    shared_.in_flight--;
    shared_.handler.in_flight(-1);
    streamed_bytes_ = 0;
    if (!keep_alive_) return close();
    read();
  }

  void close() {
    beast::error_code ignored;
    if constexpr (std::is_same_v<Stream, beast::ssl_stream<beast::tcp_stream>>) {
      lowest(stream_).expires_after(std::chrono::seconds(2));
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {
        beast::error_code ignored;
        lowest(self->stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
      });
    } else {
      lowest(stream_).socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
  }

  Shared& shared_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> stream_header_;
  std::optional<bhttp::response_serializer<bhttp::empty_body>> serializer_;
  std::shared_ptr<BodyProducer> producer_;
  std::string piece_;  // the piece being written
  bool chunked_ = true;
  std::string client_;
  Request request_;
  Response response_;
  std::size_t streamed_bytes_ = 0;
  std::chrono::steady_clock::time_point started_{};
  unsigned version_ = 11;
  bool keep_alive_ = true;
  bool head_ = false;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Handler& handler)
      : workers(options.workers),
        shared{options, handler, workers},
        io(static_cast<int>(options.io_threads)),
        control(net::make_strand(io)),
        acceptor(control),
        signals(io, SIGINT, SIGTERM),
        hangups(control, SIGHUP),
        ticker(control),
        tls(net::ssl::context::tls_server) {}

  void accept() {
    acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!acceptor.is_open()) return;
        return accept();
      }
      if (shared.connections.load() >= shared.options.max_connections) {
        beast::error_code ignored;
        socket.close(ignored);
        return accept();
      }
      shared.connections++;
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      if (use_tls) {
        std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(shared, std::move(socket),
                                                                        tls)
            ->start();
      } else {
        std::make_shared<Session<beast::tcp_stream>>(shared, std::move(socket))->start();
      }
      accept();
    });
  }

  void tick() {
    ticker.expires_after(std::chrono::seconds(2));
    ticker.async_wait([this](beast::error_code ec) {
      if (ec) return;
      shared.handler.tick();
      if (!background_running.exchange(true)) {
        net::post(workers, [this] {
          shared.handler.background();
          background_running = false;
        });
      }
      tick();
    });
  }

  void on_hangup() {
    hangups.async_wait([this](beast::error_code ec, int) {
      if (ec) return;
      shared.handler.reload();
      on_hangup();
    });
  }

  net::thread_pool workers;
  Shared shared;
  net::io_context io;
  // The acceptor and the timers run their handlers, and are closed at
  // shutdown, on one strand: with several io threads, a close from another
  // thread raced the accept handler re-arming (ThreadSanitizer saw it).
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::signal_set hangups;
  net::steady_timer ticker;
  std::atomic<bool> background_running{false};
  net::ssl::context tls;
  bool use_tls = false;
};

Server::Server(ServerOptions options, Handler& handler) {
  if (options.io_threads == 0)
    options.io_threads = std::max(1u, std::thread::hardware_concurrency());
  if (options.workers == 0) options.workers = 1;
  impl_ = std::make_unique<Impl>(std::move(options), handler);
}

Server::~Server() = default;

unsigned short Server::start() {
  auto& o = impl_->shared.options;
  if (!o.tls_certificate_file.empty() || !o.tls_private_key_file.empty()) {
    auto& tls = impl_->tls;
    tls.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                    net::ssl::context::no_sslv3 | net::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(tls.native_handle(), TLS1_2_VERSION);
    tls.use_certificate_chain_file(o.tls_certificate_file);
    tls.use_private_key_file(o.tls_private_key_file, net::ssl::context::pem);
    impl_->use_tls = true;
  }
  const auto address = net::ip::make_address(o.host);
  tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(net::socket_base::max_listen_connections);
  return acceptor.local_endpoint().port();
}

void Server::run_until_signalled(const std::function<void(unsigned short)>& on_listening) {
  auto& impl = *impl_;
  std::promise<void> stop;
  auto stopped = stop.get_future();
  impl.signals.async_wait([&](beast::error_code ec, int) {
    if (!ec) stop.set_value();
  });
  // Requests being handled on the workers leave the io_context without
  // pending work; without this guard, its threads would return once the
  // listener closes at shutdown, and those answers would never be written.
  auto keep_running = net::make_work_guard(impl.io);
  impl.on_hangup();
  impl.accept();
  impl.tick();
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < impl.shared.options.io_threads; ++i) {
    threads.emplace_back([&impl] { impl.io.run(); });
  }
  on_listening(impl.acceptor.local_endpoint().port());
  stopped.wait();

  // Stop accepting; let the requests already read finish.
  impl.shared.stopping = true;
  net::post(impl.control, [&impl] {
    beast::error_code ignored;
    impl.acceptor.close(ignored);
    impl.ticker.cancel();
    impl.hangups.cancel();
  });
  const auto deadline = std::chrono::steady_clock::now() + impl.shared.options.shutdown_grace;
  while (impl.shared.in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  impl.io.stop();
  for (auto& thread : threads) thread.join();
  impl.workers.join();
}

}  // namespace dogcare::http
