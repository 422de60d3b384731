/* The API image's HEALTHCHECK: GET a path on a loopback port, exit 0 on a 2xx.
 *
 * dogcare-server has no health subcommand and the final image has neither a
 * shell nor curl, so this static binary (a few KiB of libc calls) is the whole
 * probe. Docker runs it in exec form:
 *
 *   dogcare-healthcheck [PORT [PATH]]      defaults: 8080 /healthz
 *
 * Exit status: 0 healthy, 1 anything else (refused, timeout, non-2xx), the
 * contract Docker's HEALTHCHECK expects. Kubernetes ignores HEALTHCHECK and
 * uses the Deployment's httpGet probes on the same paths.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* port_text = argc > 1 ? argv[1] : "8080";
  const char* path = argc > 2 ? argv[2] : "/healthz";
  char* end = NULL;
  long port = strtol(port_text, &end, 10);
  if (*port_text == '\0' || *end != '\0' || port < 1 || port > 65535 || path[0] != '/' ||
      strlen(path) > 512) {
    fprintf(stderr, "usage: dogcare-healthcheck [PORT [PATH]]\n");
    return 1;
  }

  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 1;
  struct timeval timeout = {3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);

  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((unsigned short)port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr*)&address, sizeof address) != 0) {
    fprintf(stderr, "unhealthy: cannot connect to 127.0.0.1:%ld\n", port);
    return 1;
  }

  char request[600];
  int length = snprintf(request, sizeof request,
                        "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
  if (send(fd, request, (size_t)length, 0) != length) return 1;

  /* "HTTP/1.1 200" is all that matters: the status line's first 12 bytes. */
  char status[13] = {0};
  size_t got = 0;
  while (got < 12) {
    ssize_t n = recv(fd, status + got, 12 - got, 0);
    if (n <= 0) break;
    got += (size_t)n;
  }
  close(fd);
  if (got == 12 && strncmp(status, "HTTP/1.", 7) == 0 && status[9] == '2') return 0;
  fprintf(stderr, "unhealthy: %s answered \"%.12s\"\n", path, got ? status : "nothing");
  return 1;
}
