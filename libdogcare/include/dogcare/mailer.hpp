// Outgoing mail (password reset links). The library hands messages to a
// Mailer; SmtpMailer delivers them through an SMTP server.
#pragma once

#include <chrono>
#include <memory>
#include <string>

namespace dogcare {

struct Email {
  std::string to;
  std::string subject;
  std::string text;  // UTF-8 plain text body
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Throws dogcare::Error(unavailable) when the message cannot be handed over.
  virtual void send(const Email& email) = 0;
};

struct SmtpOptions {
  // smtp://host:port (STARTTLS when require_tls) or smtps://host:port (implicit TLS).
  std::string url = "smtp://127.0.0.1:25";
  std::string username;  // empty: no authentication
  std::string password;  // never logged, never in an error message
  std::string from = "dogcare <no-reply@dogcare.local>";
  bool require_tls = true;
  std::string ca_file;  // PEM bundle to trust instead of the system's (tests, private CAs)
  std::chrono::seconds timeout{10};
};

std::unique_ptr<Mailer> make_smtp_mailer(SmtpOptions options);

}  // namespace dogcare
