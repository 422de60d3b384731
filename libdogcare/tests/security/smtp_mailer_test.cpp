// The SMTP mailer against a real SMTP server (aiosmtpd) on loopback: plain,
// STARTTLS and implicit TLS with a certificate made for the test run, AUTH,
// failures, and the message as an independent parser (Python's email) reads it.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/ids.hpp"
#include "dogcare/error.hpp"
#include "dogcare/mailer.hpp"

namespace dogcare {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

std::string env_or_fail(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(name) + " is not set: run through ctest");
  }
  return value;
}

// A scratch directory removed at the end of the test program.
const fs::path& scratch() {
  static const struct Dir {
    fs::path path = fs::temp_directory_path() / ("dogcare-smtp-" + new_id());
    Dir() { fs::create_directories(path); }
    ~Dir() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } dir;
  return dir.path;
}

// A self-signed certificate for 127.0.0.1, made with the openssl CLI.
struct Certificate {
  fs::path cert = scratch() / "cert.pem";
  fs::path key = scratch() / "key.pem";
  Certificate() {
    const std::string command =
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
        " -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
        key.string() + "' -out '" + cert.string() + "' 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl req failed");
  }
};

const Certificate& certificate() {
  static const Certificate instance;
  return instance;
}

struct ServerOptions {
  std::string mode = "plain";  // plain | starttls | smtps
  std::string user;
  std::string password;
};

// The aiosmtpd server process; stopped by the destructor, and by the kernel
// (PDEATHSIG, closed stdin) if this process dies first.
class SmtpServer {
 public:
  explicit SmtpServer(const ServerOptions& options) : dir_(scratch() / ("mailbox-" + new_id())) {
    fs::create_directories(dir_);
    std::vector<std::string> args = {env_or_fail("DOGCARE_TEST_PYTHON"),
                                     env_or_fail("DOGCARE_TEST_SMTP_SERVER"),
                                     "--dir",
                                     dir_.string(),
                                     "--mode",
                                     options.mode};
    if (options.mode != "plain") {
      args.insert(args.end(),
                  {"--cert", certificate().cert.string(), "--key", certificate().key.string()});
    }
    if (!options.user.empty()) {
      args.insert(args.end(), {"--user", options.user, "--password", options.password});
    }
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    int to_child[2];
    int from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0 || pipe2(from_child, O_CLOEXEC) != 0) {
      throw std::runtime_error("pipe failed");
    }
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (getppid() != parent) _exit(1);
      dup2(to_child[0], STDIN_FILENO);
      dup2(from_child[1], STDOUT_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    stdin_ = to_child[1];
    stdout_ = from_child[0];
    port_ = read_port();
  }

  ~SmtpServer() {
    close(stdin_);
    close(stdout_);
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& scheme = "smtp") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_);
  }

  // The messages received so far, oldest first.
  std::vector<json::object> received() const {
    std::vector<json::object> out;
    for (int n = 1;; ++n) {
      const fs::path path = dir_ / (std::to_string(n) + ".json");
      if (!fs::exists(path)) break;
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      out.push_back(json::parse(text.str()).as_object());
    }
    return out;
  }

 private:
  int read_port() {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (line.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd fd{stdout_, POLLIN, 0};
      if (left.count() <= 0 || poll(&fd, 1, static_cast<int>(left.count())) <= 0) {
        throw std::runtime_error("the SMTP server did not start");
      }
      char buffer[256];
      const ssize_t n = read(stdout_, buffer, sizeof buffer);
      if (n <= 0) throw std::runtime_error("the SMTP server exited");
      line.append(buffer, static_cast<std::size_t>(n));
    }
    if (!line.starts_with("PORT ")) throw std::runtime_error("unexpected: " + line);
    return std::stoi(line.substr(5));
  }

  fs::path dir_;
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
  int port_ = 0;
};

std::string text_of(const json::object& object, std::string_view key) {
  return json::value_to<std::string>(object.at(key));
}

SmtpOptions plain_options(const SmtpServer& server) {
  SmtpOptions options;
  options.url = server.url();
  options.require_tls = false;
  options.from = "dogcare <no-reply@dogcare.test>";
  options.timeout = 10s;
  return options;
}

SmtpOptions tls_options(const SmtpServer& server, const std::string& scheme = "smtp") {
  SmtpOptions options = plain_options(server);
  options.url = server.url(scheme);
  options.require_tls = true;
  options.ca_file = certificate().cert.string();
  return options;
}

// Expects `statement` to throw dogcare::Error with `code`; returns it.
template <typename F>
Error expect_error(F&& statement, ErrorCode code) {
  try {
    statement();
  } catch (const Error& error) {
    EXPECT_EQ(to_string(error.code()), to_string(code)) << error.what();
    return error;
  }
  ADD_FAILURE() << "no dogcare::Error thrown";
  return Error(ErrorCode::internal, "none");
}

// A port nothing listens on.
int closed_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

TEST(SmtpMailer, DeliversUtf8SubjectAndBodyAsAStandardMessage) {
  SmtpServer server(ServerOptions{});
  const std::string subject = "Réinitialisation du mot de passe — chien 🐕";
  const std::string body =
      "Bonjour Zoé,\n\nVoici le lien : https://dogcare.test/reset?t=abc=def\n"
      ".a line that starts with a dot\n" +
      std::string(120, 'e') + "é" + std::string(100, 'x') + "\nfin  \n";
  make_smtp_mailer(plain_options(server))->send({"owner@example.org", subject, body});

  const auto messages = server.received();
  ASSERT_EQ(messages.size(), 1u);
  const json::object& m = messages[0];
  EXPECT_EQ(text_of(m, "mail_from"), "no-reply@dogcare.test");
  EXPECT_EQ(json::serialize(m.at("rcpt_tos")), R"(["owner@example.org"])");
  EXPECT_EQ(text_of(m, "subject"), subject);
  EXPECT_EQ(text_of(m, "body"), body);
  EXPECT_EQ(text_of(m, "from"), "dogcare <no-reply@dogcare.test>");
  EXPECT_EQ(text_of(m, "to"), "owner@example.org");
  EXPECT_EQ(text_of(m, "content_type"), "text/plain");
  EXPECT_EQ(text_of(m, "charset"), "utf-8");
  EXPECT_EQ(text_of(m, "transfer_encoding"), "quoted-printable");
  EXPECT_EQ(text_of(m, "mime_version"), "1.0");
  EXPECT_TRUE(text_of(m, "message_id").ends_with("@dogcare.test>")) << text_of(m, "message_id");
  EXPECT_TRUE(text_of(m, "date").ends_with("+0000")) << text_of(m, "date");
  EXPECT_EQ(json::serialize(m.at("defects")), "[]");
  EXPECT_FALSE(m.at("tls").as_bool());
  // RFC 5322: no line over 78 characters (quoted-printable soft breaks,
  // folded encoded words), and nothing but ASCII on the wire.
  std::istringstream raw(text_of(m, "raw"));
  for (std::string line; std::getline(raw, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    EXPECT_LE(line.size(), 78u) << line;
    for (const char c : line) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << line;
  }
}

TEST(SmtpMailer, SendsAsciiTextAs7bitAndKeepsLongSubjectsWhole) {
  SmtpServer server(ServerOptions{});
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += "évènement ";
  subject.pop_back();
  make_smtp_mailer(plain_options(server))->send({"a@example.org", subject, "plain text\r\nok\n"});
  const auto messages = server.received();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(text_of(messages[0], "subject"), subject);
  EXPECT_EQ(text_of(messages[0], "transfer_encoding"), "7bit");
  EXPECT_EQ(text_of(messages[0], "body"), "plain text\nok\n");
}

TEST(SmtpMailer, UsesStartTlsWithTheConfiguredCertificateAuthority) {
  SmtpServer server(ServerOptions{"starttls", "", ""});
  make_smtp_mailer(tls_options(server))->send({"a@example.org", "over TLS", "secret link"});
  const auto messages = server.received();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].at("tls").as_bool());
  EXPECT_EQ(text_of(messages[0], "body"), "secret link\n");
}

TEST(SmtpMailer, UsesImplicitTlsForSmtps) {
  SmtpServer server(ServerOptions{"smtps", "", ""});
  make_smtp_mailer(tls_options(server, "smtps"))->send({"a@example.org", "smtps", "hello"});
  const auto messages = server.received();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].at("tls").as_bool());
}

TEST(SmtpMailer, RefusesToSendInClearWhenTlsIsRequired) {
  SmtpServer server(ServerOptions{});  // offers no STARTTLS
  SmtpOptions options = tls_options(server);
  const Error error = expect_error(
      [&] {
        make_smtp_mailer(options)->send({"a@example.org", "s", "t"});
      },
      ErrorCode::unavailable);
  EXPECT_NE(std::string(error.what()).find("TLS"), std::string::npos) << error.what();
  EXPECT_TRUE(server.received().empty());
}

TEST(SmtpMailer, RefusesAnUntrustedCertificate) {
  SmtpServer server(ServerOptions{"starttls", "", ""});
  SmtpOptions options = tls_options(server);
  options.ca_file.clear();  // the system's authorities do not know the test certificate
  expect_error(
      [&] {
        make_smtp_mailer(options)->send({"a@example.org", "s", "t"});
      },
      ErrorCode::unavailable);
  EXPECT_TRUE(server.received().empty());
}

TEST(SmtpMailer, AuthenticatesWithTheConfiguredCredentials) {
  SmtpServer server(ServerOptions{"starttls", "mailer", "s3cr3t-Pässword"});
  SmtpOptions options = tls_options(server);
  options.username = "mailer";
  options.password = "s3cr3t-Pässword";
  make_smtp_mailer(options)->send({"a@example.org", "authenticated", "hi"});
  const auto messages = server.received();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].at("authenticated").as_bool());
  EXPECT_EQ(text_of(messages[0], "login"), "mailer");
}

TEST(SmtpMailer, AWrongPasswordIsUnavailableWithoutQuotingTheCredentials) {
  SmtpServer server(ServerOptions{"starttls", "mailer-user", "right-password"});
  SmtpOptions options = tls_options(server);
  options.username = "mailer-user";
  options.password = "wrong-password-XYZ";
  const Error error = expect_error(
      [&] {
        make_smtp_mailer(options)->send({"a@example.org", "s", "t"});
      },
      ErrorCode::unavailable);
  const std::string message = error.what();
  EXPECT_NE(message.find("refused the login"), std::string::npos) << message;
  EXPECT_EQ(message.find("wrong-password-XYZ"), std::string::npos) << message;
  EXPECT_EQ(message.find("mailer-user"), std::string::npos) << message;
  EXPECT_TRUE(server.received().empty());
}

TEST(SmtpMailer, AClosedPortIsUnavailableQuickly) {
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:" + std::to_string(closed_port());
  options.require_tls = false;
  options.password = "pw-not-in-errors";
  options.username = "user-not-in-errors";
  options.timeout = 3s;
  const auto start = std::chrono::steady_clock::now();
  const Error error = expect_error(
      [&] {
        make_smtp_mailer(options)->send({"a@example.org", "s", "t"});
      },
      ErrorCode::unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  EXPECT_EQ(std::string(error.what()).find("not-in-errors"), std::string::npos) << error.what();
}

TEST(SmtpMailer, AServerThatNeverAnswersTimesOut) {
  // A listening socket that is never accepted from: the TCP handshake
  // succeeds, the SMTP greeting never comes.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  options.require_tls = false;
  options.timeout = 1s;
  const auto start = std::chrono::steady_clock::now();
  expect_error(
      [&] {
        make_smtp_mailer(options)->send({"a@example.org", "s", "t"});
      },
      ErrorCode::unavailable);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  close(fd);
  EXPECT_GE(elapsed, 900ms);
  EXPECT_LT(elapsed, 5s);
}

TEST(SmtpMailer, DeliversFromManyThreadsAtOnce) {
  SmtpServer server(ServerOptions{});
  const auto mailer = make_smtp_mailer(plain_options(server));
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      mailer->send({"t" + std::to_string(i) + "@example.org", "n" + std::to_string(i), "x"});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(server.received().size(), 6u);
}

TEST(SmtpMailer, RefusesHeaderInjectionNamingTheField) {
  SmtpOptions options;
  options.url = "smtp://127.0.0.1:" + std::to_string(closed_port());
  const auto mailer = make_smtp_mailer(options);
  for (const std::string to : {"a@example.org\r\nBcc: victim@example.org",
                               "a@example.org\nBcc: v@example.org", "a@example.org\r"}) {
    const Error error = expect_error(
        [&] {
          mailer->send({to, "s", "t"});
        },
        ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "to");
  }
  for (const std::string to : {"", "no-at-sign", "a@b@c", "<a@example.org>", "a b@example.org",
                               "a@example.org,b@example.org"}) {
    EXPECT_EQ(expect_error(
                  [&] {
                    mailer->send({to, "s", "t"});
                  },
                  ErrorCode::invalid_argument)
                  .field(),
              "to")
        << to;
  }
  for (const std::string subject : {"hello\r\nBcc: victim@example.org", "a\nb", "a\rb"}) {
    const Error error = expect_error(
        [&] {
          mailer->send({"a@example.org", subject, "t"});
        },
        ErrorCode::invalid_argument);
    EXPECT_EQ(error.field(), "subject");
  }
}

TEST(SmtpMailer, ValidatesItsOptionsNamingTheField) {
  const auto field_of = [](SmtpOptions options) {
    return expect_error([&] { make_smtp_mailer(options); }, ErrorCode::invalid_argument).field();
  };
  SmtpOptions options;
  options.url = "http://127.0.0.1:25";
  EXPECT_EQ(field_of(options), "url");
  options.url = "smtp://user:pass@127.0.0.1:25";
  EXPECT_EQ(field_of(options), "url");
  options = {};
  options.from = "dogcare <no-reply@dogcare.test>\r\nBcc: x@example.org";
  EXPECT_EQ(field_of(options), "from");
  options.from = "not an address";
  EXPECT_EQ(field_of(options), "from");
  options = {};
  options.timeout = 0s;
  EXPECT_EQ(field_of(options), "timeout");
  options = {};
  options.password = "line\r\nXYZZY";
  const Error error = expect_error([&] { make_smtp_mailer(options); }, ErrorCode::invalid_argument);
  EXPECT_EQ(error.field(), "password");
  EXPECT_EQ(std::string(error.what()).find("XYZZY"), std::string::npos);
}

}  // namespace
}  // namespace dogcare
