# syntax=docker/dockerfile:1.7
# dogcare-server, the REST API. Build from the repository root:
#
#   docker build -f deploy/docker/api.Dockerfile \
#     --build-arg ORACLE_IC_BASICLITE_SHA256=... --build-arg ORACLE_IC_ODBC_SHA256=... \
#     -t ghcr.io/dogcare/dogcare-api:TAG .
#
# Stages: `build` compiles with the project's release preset; `oracle` fetches
# Oracle Instant Client (Basic Light + ODBC) from Oracle's download site and
# checks it against the given SHA-256 sums; the final stage holds the runtime
# libraries, the ODBC drivers (SQLite, PostgreSQL, Oracle), the server, the
# Swagger UI assets and a static health probe, and runs as uid 10001.
# deploy/docker/README.md explains every argument; deploy/tests/test_docker.py
# checks the invariants (scripts/check-deploy).

# Debian 12 slim, by tag; releases pin the digest as well:
#   --build-arg BASE_IMAGE=debian:12-slim@sha256:<digest of the day>
# checkov reads FROM ${BASE_IMAGE} as untagged; the argument's default is the tag:
# checkov:skip=CKV_DOCKER_7: the tag is in ARG BASE_IMAGE (debian:12-slim), the digest is set per release
ARG BASE_IMAGE=debian:12-slim

# --- build -------------------------------------------------------------------
FROM ${BASE_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DEBIAN_FRONTEND=noninteractive
# Debian 12's own versions are the pins (the release is frozen; a point
# release only brings security fixes), so apt packages are not version-pinned.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates g++ cmake ninja-build make pkg-config npm \
      libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev \
      libssl-dev unixodbc-dev libicu-dev libargon2-dev prometheus-cpp-dev \
      libcurl4-openssl-dev libhowardhinnant-date-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The release preset (Ninja, warnings as errors, build/ as the binary dir),
# without the test and benchmark trees: the image needs dogcare-server, and
# dogcare-admin for the purge CronJob (deploy/k3s/base/api/purge-cronjob.yaml).
# Swagger UI's assets come from the pinned npm package (package-lock.json) as
# part of that build. The probe is static: it needs no library at all.
RUN cmake --preset release -DDOGCARE_BUILD_TESTS=OFF -DDOGCARE_BUILD_BENCH=OFF >/dev/null \
 && cmake --build --preset release --target dogcare-server dogcare-admin \
 && install -D -m 0755 -s build/bin/dogcare-server /out/usr/local/bin/dogcare-server \
 && install -D -m 0755 -s build/bin/dogcare-admin /out/usr/local/bin/dogcare-admin \
 && gcc -O2 -static -s -o /out/usr/local/bin/dogcare-healthcheck deploy/docker/healthcheck.c \
 && mkdir -p /out/usr/share/dogcare \
 && cp -r build/adapters/http/swagger-ui/node_modules/swagger-ui-dist /out/usr/share/dogcare/swagger-ui

# --- oracle ------------------------------------------------------------------
# Oracle Instant Client is not in Debian: it is downloaded from Oracle's site
# (https://www.oracle.com/database/technologies/instant-client/linux-x86-64-downloads.html)
# at image build time. The version is an argument; the SHA-256 sums are
# required (published on that page) so an unverified binary never ships.
FROM ${BASE_IMAGE} AS oracle
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ARG ORACLE_IC_VERSION=23.9.0.25.07
ARG ORACLE_IC_BASICLITE_SHA256
ARG ORACLE_IC_ODBC_SHA256
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /tmp/oracle
# The download directory is the version up to the patch level without dots,
# padded with zeros to 7 digits: 23.9.0.25.07 -> 2390000, 21.13.0.0.0 ->
# 2113000 (Oracle's URL scheme). The ODBC driver is registered by the name
# Oracle's own odbc_update_ini.sh gives it, "Oracle <major> ODBC driver", in
# an odbcinst template that the final stage installs.
RUN { [ -n "${ORACLE_IC_BASICLITE_SHA256}" ] && [ -n "${ORACLE_IC_ODBC_SHA256}" ]; } \
      || { echo "set ORACLE_IC_BASICLITE_SHA256 and ORACLE_IC_ODBC_SHA256 (deploy/docker/README.md)" >&2; exit 1; } \
 && major="${ORACLE_IC_VERSION%%.*}" \
 && directory="$(echo "${ORACLE_IC_VERSION}" | cut -d. -f1-3 | tr -d . | xargs printf '%-7s' | tr ' ' 0)" \
 && base="https://download.oracle.com/otn_software/linux/instantclient/${directory}" \
 && curl -fsSL --proto '=https' --tlsv1.2 -o basiclite.zip "${base}/instantclient-basiclite-linux.x64-${ORACLE_IC_VERSION}.zip" \
 && curl -fsSL --proto '=https' --tlsv1.2 -o odbc.zip "${base}/instantclient-odbc-linux.x64-${ORACLE_IC_VERSION}.zip" \
 && printf '%s  basiclite.zip\n%s  odbc.zip\n' "${ORACLE_IC_BASICLITE_SHA256}" "${ORACLE_IC_ODBC_SHA256}" | sha256sum -c - \
 && unzip -q basiclite.zip -d /opt/oracle && unzip -q -o odbc.zip -d /opt/oracle \
 && mv /opt/oracle/instantclient_* /opt/oracle/instantclient \
 && rm -rf /opt/oracle/instantclient/sdk /opt/oracle/instantclient/*.jar /opt/oracle/instantclient/odbc_update_ini.sh \
 && driver=$(find /opt/oracle/instantclient -maxdepth 1 -name 'libsqora.so.*' | head -n1) \
 && [ -n "$driver" ] \
 && printf '[Oracle %s ODBC driver]\nDescription=Oracle ODBC driver for Oracle %s\nDriver=%s\n' \
      "$major" "$major" "$driver" >/opt/oracle/odbcinst-oracle.ini \
 && echo /opt/oracle/instantclient >/opt/oracle/ld.so.conf

# --- runtime -----------------------------------------------------------------
FROM ${BASE_IMAGE} AS runtime
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DEBIAN_FRONTEND=noninteractive
# Runtime libraries only (deploy/tests/test_docker.py checks that they cover
# every library dogcare-server loads): Boost.JSON/URL, OpenSSL, unixODBC with
# the SQLite and PostgreSQL drivers (their packages register themselves in
# /etc/odbcinst.ini), ICU, Argon2, prometheus-cpp, libcurl, and libaio for
# Oracle's client. isql (package unixodbc) is a debugging tool and stays out.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates \
      libboost-json1.81.0 libboost-url1.81.0 libssl3 \
      libodbc2 libodbcinst2 odbcinst libsqliteodbc odbc-postgresql \
      libicu72 libargon2-1 libprometheus-cpp-core1.0 libcurl4 libdate-tz3 tzdata \
      libstdc++6 libgcc-s1 libaio1 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && groupadd --system --gid 10001 dogcare \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin dogcare \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/dogcare
COPY --from=oracle /opt/oracle /opt/oracle
# The Oracle driver joins /etc/odbcinst.ini next to SQLite3 and PostgreSQL
# Unicode; the dynamic linker finds libclntsh next to libsqora.
# Debian registers psqlODBC with CommLog=1: a log file per process in /tmp
# (on a read-only root, a failure to write) and an open descriptor; off.
RUN odbcinst -i -d -f /opt/oracle/odbcinst-oracle.ini >/dev/null \
 && sed -i 's/^CommLog=1$/CommLog=0/' /etc/odbcinst.ini \
 && mv /opt/oracle/ld.so.conf /etc/ld.so.conf.d/oracle-instantclient.conf \
 && ldconfig \
 && rm /opt/oracle/odbcinst-oracle.ini
COPY --from=build /out/ /

# Read-only root filesystem: the only writable places are /tmp (a tmpfs or
# emptyDir; Oracle's client keeps its diagnostics under $HOME) and
# /var/lib/dogcare (the embedded SQLite database, a volume). The Autonomous
# Database wallet, when mTLS is used, is mounted at $TNS_ADMIN.
ENV HOME=/tmp \
    TNS_ADMIN=/etc/oracle/wallet \
    DOGCARE_LISTEN=0.0.0.0:8080 \
    DOGCARE_DATABASE=sqlite:/var/lib/dogcare/dogcare.db \
    DOGCARE_DOCS_DIR=/usr/share/dogcare/swagger-ui
WORKDIR /var/lib/dogcare
USER 10001:10001
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/dogcare-healthcheck", "8080", "/healthz"]
ENTRYPOINT ["/usr/local/bin/dogcare-server"]
CMD ["serve"]
