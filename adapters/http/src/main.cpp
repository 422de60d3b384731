// dogcare-server: the dogcare REST API.
#include <malloc.h>

#include <cstdlib>
#include <iostream>

#include "app.hpp"
#include "config.hpp"
#include "dogcare/database.hpp"
#include "dogcare/error.hpp"
#include "server.hpp"

#ifndef DOGCARE_VERSION
#define DOGCARE_VERSION "0"
#endif

int main(int argc, char** argv) {
  using namespace dogcare::http;
  // Each Argon2id hash allocates one 19 MiB block. glibc's adaptive threshold
  // would soon serve such blocks from per-thread arenas and keep them after
  // free, one per worker (a login storm left ~180 MiB resident); a fixed
  // threshold maps them and gives them back at once.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  CommandLine command_line;
  try {
    command_line = parse_command_line(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "dogcare-server: " << error.what() << "\n\n" << usage();
    return 2;
  }
  auto& config = command_line.config;
  if (command_line.command == "help") {
    std::cout << usage();
    return 0;
  }
  if (command_line.command == "version") {
    std::cout << "dogcare-server " << DOGCARE_VERSION << "\n";
    return 0;
  }
  if (command_line.command == "check-config") {
    std::cout << describe(config);
    try {
      if (!config.jwt_keys_file.empty()) {
        dogcare::load_signing_keys(config.jwt_keys_file, config.token_ttl);
      }
      (void)connection_string(config);
    } catch (const std::exception& error) {
      std::cerr << "dogcare-server: " << error.what() << "\n";
      return 1;
    }
    std::cout << "configuration ok\n";
    return 0;
  }
  try {
    if (command_line.command == "migrate") {
      dogcare::DatabaseOptions options = config.database;
      options.connection = connection_string(config);
      options.migrate = false;
      options.pool_size = 1;
      dogcare::Database database(options);
      const auto report = database.migrate();
      for (const auto& applied : report.applied) {
        std::cout << "applied " << applied.version << "_" << applied.name << "\n";
      }
      std::cout << "schema version " << report.schema_version << " of " << report.latest_version
                << "\n";
      return 0;
    }
    Application application(config);
    Server server(config.server, application);
    server.start();
    server.run_until_signalled([&](unsigned short port) {
      const bool tls = !config.server.tls_certificate_file.empty();
      std::string host = config.server.host;
      if (host.find(':') != std::string::npos) host = "[" + host + "]";
      std::cout << "{\"event\":\"listening\",\"url\":\"" << (tls ? "https" : "http") << "://"
                << host << ":" << port << "\",\"docs\":\"" << (tls ? "https" : "http") << "://"
                << host << ":" << port << "/docs\"}" << std::endl;
    });
    application.close();
    std::cout << "{\"event\":\"stopped\"}" << std::endl;
    return 0;
  } catch (const dogcare::Error& error) {
    std::cerr << "dogcare-server: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "dogcare-server: " << error.what() << "\n";
    return 1;
  }
}
