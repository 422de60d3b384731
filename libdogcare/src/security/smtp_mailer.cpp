// dogcare::make_smtp_mailer: RFC 5322 messages handed to an SMTP server by
// libcurl, over STARTTLS or implicit TLS.
#include <curl/curl.h>
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <vector>

#include "dogcare/error.hpp"
#include "dogcare/mailer.hpp"
#include "dogcare/time.hpp"
#include "security/base64url.hpp"

namespace dogcare {
namespace {

constexpr std::size_t kMaxAddressBytes = 254;
constexpr std::size_t kMaxSubjectBytes = 998;
// A line holding encoded words may be 76 characters: 39 bytes of text become
// 52 of base64, plus the 12 of "=?UTF-8?B?" and "?=", plus "Subject: ".
constexpr std::size_t kEncodedWordBytes = 39;
constexpr std::size_t kQuotedPrintableLine = 76;

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// A plain addr-spec: printable ASCII, no spaces or specials that would let it
// break out of "<...>" in the envelope or the header, one '@' between a
// non-empty local part and domain.
void check_address(std::string_view address, const std::string& field) {
  if (has_line_break(address))
    throw_invalid(field, "an email address must not contain line breaks");
  const auto at = address.find('@');
  const bool ok = !address.empty() && address.size() <= kMaxAddressBytes &&
                  is_printable_ascii(address) &&
                  address.find_first_of(" <>()[],;:\"\\") == std::string_view::npos &&
                  at != std::string_view::npos && at > 0 && at + 1 < address.size() &&
                  address.find('@', at + 1) == std::string_view::npos;
  if (!ok) throw_invalid(field, "not a valid email address");
}

std::string standard_base64(std::string_view bytes) {
  std::string out = security::base64url_encode(bytes);
  std::replace(out.begin(), out.end(), '-', '+');
  std::replace(out.begin(), out.end(), '_', '/');
  while (out.size() % 4 != 0) out.push_back('=');
  return out;
}

// RFC 2047 "B" encoded words, folded onto continuation lines, never splitting
// a UTF-8 sequence between two words.
std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = std::min(begin + kEncodedWordBytes, text.size());
    while (end < text.size() && end > begin + 1 &&
           (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + standard_base64(text.substr(begin, end - begin)) + "?=";
    begin = end;
  }
  return out;
}

// Header text as is when it is short printable ASCII that cannot be taken for
// an encoded word; otherwise encoded words.
std::string header_text(std::string_view text) {
  if (is_printable_ascii(text) && text.size() <= 900 && text.find("=?") == std::string_view::npos) {
    return std::string(text);
  }
  return encoded_words(text);
}

struct Mailbox {
  std::string display;
  std::string address;
};

Mailbox parse_mailbox(std::string_view text, const std::string& field) {
  if (has_line_break(text)) throw_invalid(field, "an email address must not contain line breaks");
  text = trim(text);
  Mailbox out;
  if (const auto open = text.find('<'); open != std::string_view::npos) {
    if (!text.ends_with('>')) throw_invalid(field, "not a valid mailbox (Name <address>)");
    out.display = std::string(trim(text.substr(0, open)));
    if (out.display.size() >= 2 && out.display.front() == '"' && out.display.back() == '"') {
      out.display = out.display.substr(1, out.display.size() - 2);
    }
    out.address = std::string(text.substr(open + 1, text.size() - open - 2));
  } else {
    out.address = std::string(text);
  }
  check_address(out.address, field);
  if (std::any_of(out.display.begin(), out.display.end(),
                  [](char c) { return c == '"' || c == '\\' || is_control(c); })) {
    throw_invalid(field, "the sender's name must not contain quotes, backslashes or controls");
  }
  return out;
}

std::string mailbox_header(const Mailbox& mailbox) {
  if (mailbox.display.empty()) return mailbox.address;
  const std::string name = is_printable_ascii(mailbox.display) ? "\"" + mailbox.display + "\""
                                                               : encoded_words(mailbox.display);
  return name + " <" + mailbox.address + ">";
}

// RFC 5322 date-time in UTC: "Tue, 25 Nov 2026 09:37:27 +0000".
std::string rfc5322_date(Timestamp instant) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = floor<days>(instant);
  const year_month_day ymd{day};
  const weekday wd{day};
  const hh_mm_ss<seconds> time{floor<seconds>(instant - day)};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02ld:%02ld:%02ld +0000",
                kDays[wd.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return buffer;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    throw Error(ErrorCode::internal, "no randomness available for a Message-ID");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0xF]);
  }
  return out;
}

// The body's lines, whatever mix of CRLF, LF and CR ends them.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      lines.push_back(text.substr(begin, i - begin));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      begin = i + 1;
    }
  }
  if (begin < text.size()) lines.push_back(text.substr(begin));
  return lines;
}

// RFC 2045 quoted-printable of one line, with soft breaks at 76 characters.
std::string quoted_printable_line(std::string_view line) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    const bool last = i + 1 == line.size();
    std::string piece;
    if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last)) {
      piece.assign(1, static_cast<char>(c));
    } else {
      piece = {'=', kHex[c >> 4], kHex[c & 0xF]};
    }
    // Room for the piece plus a soft break's '=' unless this is the end.
    const std::size_t room = last ? kQuotedPrintableLine : kQuotedPrintableLine - 1;
    if (column + piece.size() > room) {
      out += "=\r\n";
      column = 0;
    }
    out += piece;
    column += piece.size();
  }
  return out;
}

struct Body {
  std::string encoding;
  std::string text;  // CRLF line endings, ending with CRLF
};

Body encode_body(std::string_view text) {
  const auto lines = split_lines(text);
  const bool plain = std::all_of(lines.begin(), lines.end(), [](std::string_view line) {
    return line.size() <= 998 && std::all_of(line.begin(), line.end(), [](char c) {
             return (c >= 0x20 && c < 0x7F) || c == '\t';
           });
  });
  Body body{plain ? "7bit" : "quoted-printable", {}};
  for (const std::string_view line : lines) {
    body.text += plain ? std::string(line) : quoted_printable_line(line);
    body.text += "\r\n";
  }
  return body;
}

// Maps a libcurl failure to a message for a person. Only curl's fixed text
// and the SMTP reply code are used: curl's error buffer can quote the
// server, and nothing here may ever carry the username or password.
[[noreturn]] void raise_unavailable(CURLcode code, long smtp_reply) {
  std::string what;
  switch (code) {
    case CURLE_LOGIN_DENIED:
      what = "the mail server refused the login";
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
      what = "the mail server could not be reached";
      break;
    case CURLE_USE_SSL_FAILED:
      what = "the mail server does not offer TLS, which is required";
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      what = "no trusted TLS connection to the mail server";
      break;
    default:
      what = "the mail server did not accept the message";
      break;
  }
  what += std::string(" (") + curl_easy_strerror(code);
  if (smtp_reply > 0) what += ", SMTP " + std::to_string(smtp_reply);
  what += ")";
  throw Error(ErrorCode::unavailable, what);
}

void init_curl_once() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (result != CURLE_OK) throw Error(ErrorCode::unavailable, "libcurl could not be initialised");
}

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const noexcept { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const noexcept { curl_slist_free_all(list); }
};

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpOptions options) : options_(std::move(options)) {
    std::string scheme = options_.url.substr(0, options_.url.find("://"));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if ((scheme != "smtp" && scheme != "smtps") || options_.url.find("://") == std::string::npos ||
        has_line_break(options_.url)) {
      throw_invalid("url", "the SMTP url must start with smtp:// or smtps://");
    }
    if (options_.url.find('@') != std::string::npos) {
      throw_invalid("url", "put SMTP credentials in username and password, not in the url");
    }
    sender_ = parse_mailbox(options_.from, "from");
    if (has_line_break(options_.username) || options_.username.find('\0') != std::string::npos) {
      throw_invalid("username", "the SMTP username must not contain line breaks");
    }
    if (has_line_break(options_.password) || options_.password.find('\0') != std::string::npos) {
      throw_invalid("password", "the SMTP password must not contain line breaks");
    }
    if (options_.timeout <= std::chrono::seconds{0}) {
      throw_invalid("timeout", "the SMTP timeout must be positive");
    }
    init_curl_once();
  }

  void send(const Email& email) override {
    check_address(email.to, "to");
    if (has_line_break(email.subject)) {
      throw_invalid("subject", "the subject must not contain line breaks");
    }
    if (email.subject.size() > kMaxSubjectBytes ||
        std::any_of(email.subject.begin(), email.subject.end(),
                    [](char c) { return is_control(c) && c != '\t'; })) {
      throw_invalid("subject", "the subject must be at most 998 bytes without control characters");
    }
    const std::string message = compose(email);

    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) throw Error(ErrorCode::unavailable, "libcurl could not start a transfer");
    const std::string envelope_from = "<" + sender_.address + ">";
    std::unique_ptr<curl_slist, SlistDeleter> recipients(
        curl_slist_append(nullptr, ("<" + email.to + ">").c_str()));
    if (!recipients) throw Error(ErrorCode::internal, "out of memory");
    Upload upload{message};
    const long timeout_ms = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(options_.timeout).count());

    CURL* h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(h, CURLOPT_USE_SSL,
                     options_.require_tls ? static_cast<long>(CURLUSESSL_ALL)
                                          : static_cast<long>(CURLUSESSL_NONE));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.username.empty()) {
      curl_easy_setopt(h, CURLOPT_USERNAME, options_.username.c_str());
      curl_easy_setopt(h, CURLOPT_PASSWORD, options_.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, envelope_from.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
      long reply = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
      raise_unavailable(code, reply);
    }
  }

 private:
  std::string compose(const Email& email) const {
    const std::string domain = sender_.address.substr(sender_.address.find('@') + 1);
    const Body body = encode_body(email.text);
    std::string out;
    out += "Date: " + rfc5322_date(now_utc()) + "\r\n";
    out += "From: " + mailbox_header(sender_) + "\r\n";
    out += "To: " + email.to + "\r\n";
    out += "Subject: " + header_text(email.subject) + "\r\n";
    out += "Message-ID: <" + random_hex(16) + "@" + domain + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: " + body.encoding + "\r\n";
    out += "\r\n";
    out += body.text;
    return out;
  }

  SmtpOptions options_;
  Mailbox sender_;
};

}  // namespace

std::unique_ptr<Mailer> make_smtp_mailer(SmtpOptions options) {
  return std::make_unique<SmtpMailer>(std::move(options));
}

}  // namespace dogcare
