# syntax=docker/dockerfile:1.7
# The Streamlit UI over the in-process `dogcare` module. Build from the
# repository root:
#
#   docker build -f deploy/docker/ui.Dockerfile \
#     --build-arg ORACLE_IC_BASICLITE_SHA256=... --build-arg ORACLE_IC_ODBC_SHA256=... \
#     -t ghcr.io/dogcare/dogcare-ui:TAG .
#
# Stages: `build` makes /opt/venv (the UI's pinned runtime packages, then
# `pip install ./adapters/python`, which builds the pybind11 module with CMake
# and scikit-build-core); `oracle` fetches Oracle Instant Client (Basic Light
# + ODBC); the final stage holds Debian's Python 3.11, the runtime libraries,
# the ODBC drivers, the venv and the app at /app, and runs as uid 10001.
# deploy/docker/README.md explains every argument.

# Debian 12 slim, by tag; releases pin the digest as well:
#   --build-arg BASE_IMAGE=debian:12-slim@sha256:<digest of the day>
# checkov reads FROM ${BASE_IMAGE} as untagged; the argument's default is the tag:
# checkov:skip=CKV_DOCKER_7: the tag is in ARG BASE_IMAGE (debian:12-slim), the digest is set per release
ARG BASE_IMAGE=debian:12-slim

# --- build -------------------------------------------------------------------
FROM ${BASE_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DEBIAN_FRONTEND=noninteractive \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
# The module's CMake tree configures the whole project (libdogcare and, with
# EXCLUDE_FROM_ALL, the adapters), so the same -dev packages as the API's
# build stage are needed, plus Python's headers and venv.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates g++ cmake ninja-build make pkg-config npm \
      python3 python3-dev python3-venv \
      libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev \
      libssl-dev unixodbc-dev libicu-dev libargon2-dev prometheus-cpp-dev \
      libcurl4-openssl-dev libhowardhinnant-date-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The venv lives at the path it will have in the final stage, whose python3 is
# the same Debian package (/usr/bin/python3.11), so it is copied as it is.
# pyproject.toml pins the build backend (scikit-build-core, pybind11).
RUN python3 -m venv /opt/venv \
 && /opt/venv/bin/pip install --no-compile -r deploy/docker/ui-requirements.txt \
 && /opt/venv/bin/pip install --no-compile ./adapters/python \
 && /opt/venv/bin/python -c "import dogcare" \
 && mkdir -p /out \
 && cp -r adapters/python/streamlit_app /out/app \
 && find /out/app -name '__pycache__' -prune -exec rm -rf {} + \
 && gcc -O2 -static -s -o /out/dogcare-healthcheck deploy/docker/healthcheck.c

# --- oracle ------------------------------------------------------------------
# Same as api.Dockerfile's: Oracle Instant Client from Oracle's download site
# at image build time, verified against the required SHA-256 sums.
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
# Debian's Python (the venv's interpreter) and the libraries the module loads
# (deploy/tests/test_docker.py checks them against the built module), the
# SQLite and PostgreSQL ODBC drivers, libaio for Oracle's client.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates python3 \
      libboost-json1.81.0 libssl3 libodbc2 libodbcinst2 odbcinst libsqliteodbc odbc-postgresql \
      libicu72 libargon2-1 libprometheus-cpp-core1.0 libcurl4 libdate-tz3 tzdata \
      libstdc++6 libgcc-s1 libaio1 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && groupadd --system --gid 10001 dogcare \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin dogcare \
 && install -d -o 10001 -g 10001 -m 0750 /var/lib/dogcare
COPY --from=oracle /opt/oracle /opt/oracle
# Debian registers psqlODBC with CommLog=1: a log file per process in /tmp
# (on a read-only root, a failure to write) and an open descriptor; off.
RUN odbcinst -i -d -f /opt/oracle/odbcinst-oracle.ini >/dev/null \
 && sed -i 's/^CommLog=1$/CommLog=0/' /etc/odbcinst.ini \
 && mv /opt/oracle/ld.so.conf /etc/ld.so.conf.d/oracle-instantclient.conf \
 && ldconfig \
 && rm /opt/oracle/odbcinst-oracle.ini
COPY --from=build /opt/venv /opt/venv
COPY --from=build /out/app /app
COPY --from=build /out/dogcare-healthcheck /usr/local/bin/dogcare-healthcheck

# Read-only root filesystem: Streamlit and Oracle's client write under $HOME
# (/tmp, a tmpfs or emptyDir); the embedded SQLite database (and its
# development JWT key) lives in /var/lib/dogcare, a volume. In the cluster the
# database and keys come from Vault (DOGCARE_DATABASE, DOGCARE_JWT_KEYS_FILE).
# Behind Traefik, the Deployment adds the base path and proxy settings.
ENV HOME=/tmp \
    PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    TNS_ADMIN=/etc/oracle/wallet \
    DOGCARE_DATABASE=/var/lib/dogcare/dogcare.db \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_CLIENT_SHOW_ERROR_DETAILS=none \
    STREAMLIT_CLIENT_TOOLBAR_MODE=minimal
WORKDIR /var/lib/dogcare
USER 10001:10001
EXPOSE 8501
STOPSIGNAL SIGTERM
# Streamlit's own health endpoint, through the same static probe as the API's
# (no curl, no shell). With a base path (server.baseUrlPath) the Deployment's
# probes use /<base>/_stcore/health; this check follows the default.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/dogcare-healthcheck", "8501", "/_stcore/health"]
ENTRYPOINT ["/opt/venv/bin/python", "-m", "streamlit", "run", "/app/app.py"]
