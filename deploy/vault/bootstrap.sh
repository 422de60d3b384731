#!/usr/bin/env bash
# Writes what dogcare needs into Vault; safe to run again (a second run
# changes nothing). deploy/vault/README.md has the whole picture.
#
#   deploy/vault/bootstrap.sh             engines, auth, policies, roles, keys
#   deploy/vault/bootstrap.sh rotate-jwt  a new JWT signing key; the previous
#                                         one stays for verification, older
#                                         ones are dropped
#
# Needs the vault CLI, VAULT_ADDR and a token (VAULT_TOKEN, or `vault login`)
# with the dogcare-operator policy (deploy/vault/policies/dogcare-operator.hcl)
# or root. Settings (environment):
#
#   DOGCARE_VAULT_KUBERNETES_HOST   the API server as Vault's pods reach it
#                                   (default https://kubernetes.default.svc)
#   DOGCARE_VAULT_KUBERNETES_CA_FILE  the API server's CA (default: Vault's pod
#                                   CA, /var/run/secrets/kubernetes.io/...; set
#                                   it only when Vault does not run in the cluster)
#   DOGCARE_VAULT_AUDIT_FILE        the file audit device's log, on the chart's
#                                   audit volume (default /vault/audit/audit.log)
#   DOGCARE_ORACLE_ODBC             the apps' ODBC connection string without
#                                   credentials, stored in kv/dogcare/database
#                                   (field odbc); Vault agent appends Uid/Pwd
#   DOGCARE_VAULT_SKIP_DATABASE=1   leave the database secrets engine alone
#                                   (tests; a cluster without the database yet)
#   DOGCARE_ORACLE_CONNECT          connect descriptor Vault's Oracle plugin uses
#   DOGCARE_VAULT_DB_ADMIN_USER     the database user Vault creates users with
#   DOGCARE_VAULT_DB_ADMIN_PASSWORD its password (never printed, never on a
#                                   command line; read once, when the connection
#                                   is first written)
#   DOGCARE_ORACLE_SCHEMA           owner of the application tables (DOGCARE)
#   DOGCARE_ORACLE_PLUGIN_SHA256    register vault-plugin-database-oracle with
#                                   this checksum (unset: already registered)
#   DOGCARE_VAULT_DB_RECONFIGURE=1  rewrite an existing database connection
#   DOGCARE_VAULT_ROTATE_DB_ROOT=1  after writing the connection, rotate the
#                                   admin password so only Vault knows it
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
policies_dir=$here/policies

kubernetes_host=${DOGCARE_VAULT_KUBERNETES_HOST:-https://kubernetes.default.svc}
audit_file=${DOGCARE_VAULT_AUDIT_FILE:-/vault/audit/audit.log}
oracle_schema=${DOGCARE_ORACLE_SCHEMA:-DOGCARE}
oracle_plugin=vault-plugin-database-oracle
db_connection=dogcare-oracle
apps=(dogcare-api dogcare-ui)

log() { printf 'bootstrap: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# --- helpers -------------------------------------------------------------------

# True when `vault secrets list` / `vault auth list` has the mount path.
# (Output is captured before grep -q reads it: with pipefail, grep leaving
# early would fail the pipeline with SIGPIPE.)
mounted() { # kind(secrets|auth) path
  local list
  list=$(vault "$1" list -format=yaml)
  grep -qx "${2}/:" <<<"$list"
}

# Writes a policy when its text differs from what Vault holds.
write_policy() { # name file
  local current
  current=$(vault policy read "$1" 2>/dev/null || true)
  if [[ "$current" == "$(<"$2")" ]]; then
    log "policy $1: unchanged"
  else
    vault policy write "$1" "$2" >/dev/null
    log "policy $1: written"
  fi
}

# The flat string map of a KV v2 secret, as "key value" lines (empty when absent).
kv_fields() { # path
  vault kv get -mount=kv -format=yaml -field=data "$1" 2>/dev/null |
    sed -E "s/^([^:]+): ['\"]?([^'\"]*)['\"]?$/\1 \2/" || true
}

new_jwt_secret() { printf '%s' "$(openssl rand -hex 32)"; }
new_kid() { printf 'k%s' "$(date -u +%Y%m%dT%H%M%SZ)"; }

# --- JWT signing keys ------------------------------------------------------------
# kv/dogcare/jwt holds signing_kid (the key that signs) and one field per key
# (kid -> 64 hex characters, 32 random bytes). Vault agent renders the fields
# for each app in the format it reads (deploy/k3s/base/*/deployment.yaml).

ensure_jwt_keys() {
  if [[ -n "$(kv_fields dogcare/jwt)" ]]; then
    log "kv/dogcare/jwt: present, unchanged"
    return
  fi
  local kid
  kid=$(new_kid)
  # The secret goes to Vault on stdin, never on a command line.
  new_jwt_secret | vault kv put -mount=kv dogcare/jwt signing_kid="$kid" "$kid=-" >/dev/null
  log "kv/dogcare/jwt: generated key $kid"
}

rotate_jwt() {
  local fields signing previous_secret kid secret new
  fields=$(kv_fields dogcare/jwt)
  [[ -n "$fields" ]] || die "kv/dogcare/jwt does not exist yet: run bootstrap.sh first"
  signing=$(awk '$1 == "signing_kid" {print $2}' <<<"$fields")
  previous_secret=$(awk -v kid="$signing" '$1 == kid {print $2}' <<<"$fields")
  [[ -n "$signing" && -n "$previous_secret" ]] || die "kv/dogcare/jwt has no usable signing_kid"
  new=$(new_kid)
  if [[ "$new" == "$signing" ]]; then
    sleep 1
    new=$(new_kid)
  fi
  secret=$(new_jwt_secret)
  # Exactly two keys remain: the new one signs, the previous one still
  # verifies the tokens it signed until they expire. The whole map goes in
  # as JSON on stdin, so no secret appears in the process list.
  printf '{"signing_kid":"%s","%s":"%s","%s":"%s"}' \
    "$new" "$new" "$secret" "$signing" "$previous_secret" |
    vault kv put -mount=kv dogcare/jwt - >/dev/null
  while read -r kid _; do
    [[ "$kid" == signing_kid || "$kid" == "$signing" ]] || log "kv/dogcare/jwt: dropped key $kid"
  done <<<"$fields"
  log "kv/dogcare/jwt: key $new signs, $signing verifies"
}

# --- database ----------------------------------------------------------------------

ensure_odbc_string() {
  local odbc=${DOGCARE_ORACLE_ODBC:-}
  if [[ -z "$odbc" ]]; then
    log "kv/dogcare/database: DOGCARE_ORACLE_ODBC not set, left as it is"
    return
  fi
  # Credentials come from the database engine, per pod; the stored string must not carry any.
  if grep -qiE '(^|;)[[:space:]]*(uid|pwd|password|user id)[[:space:]]*=' <<<"$odbc"; then
    die "DOGCARE_ORACLE_ODBC must not hold credentials (Uid/Pwd): Vault agent adds them"
  fi
  if [[ "$(kv_fields dogcare/database)" == "odbc $odbc" ]]; then
    log "kv/dogcare/database: unchanged"
  else
    printf '%s' "$odbc" | vault kv put -mount=kv dogcare/database odbc=- >/dev/null
    log "kv/dogcare/database: written"
  fi
}

# The application's tables, from the Oracle migrations (so a new table is
# granted without editing this script), plus the migration ledger.
app_tables() {
  grep -hoiE '^[[:space:]]*CREATE TABLE[[:space:]]+[A-Za-z0-9_]+' "$root"/libdogcare/sql/oracle/*.sql |
    awk '{print toupper($3)}' | sort -u
}

# Statements Vault runs to create a user for an app: a session, data
# manipulation on the application tables, reading the reference data and the
# migration ledger; no DDL (migrations run as the schema owner, not as these users).
creation_statements() {
  local table read_only=" DEFAULT_CATALOG SCHEMA_MIGRATIONS "
  printf 'CREATE USER {{username}} IDENTIFIED BY "{{password}}";'
  printf 'GRANT CREATE SESSION TO {{username}};'
  for table in $(app_tables) SCHEMA_MIGRATIONS; do
    if [[ "$read_only" == *" $table "* ]]; then
      printf 'GRANT SELECT ON %s.%s TO {{username}};' "$oracle_schema" "$table"
    else
      printf 'GRANT SELECT, INSERT, UPDATE, DELETE ON %s.%s TO {{username}};' "$oracle_schema" "$table"
    fi
  done
}

ensure_database() {
  if [[ "${DOGCARE_VAULT_SKIP_DATABASE:-0}" == 1 ]]; then
    log "database secrets engine: skipped (DOGCARE_VAULT_SKIP_DATABASE=1)"
    return
  fi
  if mounted secrets database; then
    log "secrets engine database/: present"
  else
    vault secrets enable -path=database database >/dev/null
    log "secrets engine database/: enabled"
  fi
  if [[ -n "${DOGCARE_ORACLE_PLUGIN_SHA256:-}" ]]; then
    vault plugin register -sha256="$DOGCARE_ORACLE_PLUGIN_SHA256" -command="$oracle_plugin" \
      database "$oracle_plugin" >/dev/null
    log "plugin $oracle_plugin: registered"
  fi

  if vault read "database/config/$db_connection" >/dev/null 2>&1 &&
    [[ "${DOGCARE_VAULT_DB_RECONFIGURE:-0}" != 1 ]]; then
    log "database/config/$db_connection: present, unchanged (DOGCARE_VAULT_DB_RECONFIGURE=1 rewrites it)"
  else
    : "${DOGCARE_ORACLE_CONNECT:?set DOGCARE_ORACLE_CONNECT (connect descriptor of the Autonomous Database)}"
    : "${DOGCARE_VAULT_DB_ADMIN_USER:?set DOGCARE_VAULT_DB_ADMIN_USER}"
    : "${DOGCARE_VAULT_DB_ADMIN_PASSWORD:?set DOGCARE_VAULT_DB_ADMIN_PASSWORD}"
    # Usernames V_DOGCARE_API_<random>: at most 30 characters, and a prefix
    # the schema's logon trigger recognises (deploy/vault/README.md).
    # shellcheck disable=SC2016 # a Vault template, not a shell expansion
    local template='{{ printf "V_%s_%s" (.RoleName | replace "-" "_") (random 12) | uppercase | truncate 30 }}'
    printf '%s' "$DOGCARE_VAULT_DB_ADMIN_PASSWORD" |
      vault write "database/config/$db_connection" \
        plugin_name="$oracle_plugin" \
        connection_url="{{username}}/{{password}}@${DOGCARE_ORACLE_CONNECT}" \
        username="$DOGCARE_VAULT_DB_ADMIN_USER" \
        password=- \
        username_template="$template" \
        allowed_roles="$(
          IFS=,
          echo "${apps[*]}"
        )" \
        verify_connection=true >/dev/null
    log "database/config/$db_connection: written"
    if [[ "${DOGCARE_VAULT_ROTATE_DB_ROOT:-0}" == 1 ]]; then
      vault write -f "database/rotate-root/$db_connection" >/dev/null
      log "database/config/$db_connection: admin password rotated, only Vault knows it now"
    fi
  fi

  local app statements
  statements=$(creation_statements)
  for app in "${apps[@]}"; do
    vault write "database/roles/$app" \
      db_name="$db_connection" \
      creation_statements="$statements" \
      default_ttl=1h max_ttl=24h >/dev/null
    log "database/roles/$app: written"
  done
}

# --- bootstrap ---------------------------------------------------------------------

bootstrap() {
  # Every request is logged (secrets HMAC'd), on the chart's audit volume.
  local audits
  audits=$(vault audit list -format=yaml 2>/dev/null || true)
  if grep -qx "file/:" <<<"$audits"; then
    log "audit device file/: present"
  else
    vault audit enable file file_path="$audit_file" >/dev/null
    log "audit device file/: enabled ($audit_file)"
  fi

  if mounted secrets kv; then
    local kv_mount
    kv_mount=$(vault read -format=yaml sys/mounts/kv)
    grep -qE "^ *version: \"?2\"?$" <<<"$kv_mount" || die "kv/ is mounted but is not KV version 2"
    log "secrets engine kv/ (v2): present"
  else
    vault secrets enable -path=kv -version=2 kv >/dev/null
    log "secrets engine kv/ (v2): enabled"
  fi

  if mounted auth kubernetes; then
    log "auth method kubernetes/: present"
  else
    vault auth enable kubernetes >/dev/null
    log "auth method kubernetes/: enabled"
  fi
  # Vault runs in the cluster: it reviews tokens with its own service account
  # (the chart's auth-delegator binding) and the pod's CA, so only the host is set.
  if [[ "$(vault read -field=kubernetes_host auth/kubernetes/config 2>/dev/null || true)" == "$kubernetes_host" ]]; then
    log "auth/kubernetes/config: unchanged"
  else
    local ca=()
    if [[ -n "${DOGCARE_VAULT_KUBERNETES_CA_FILE:-}" ]]; then
      ca=(kubernetes_ca_cert=@"$DOGCARE_VAULT_KUBERNETES_CA_FILE")
    fi
    vault write auth/kubernetes/config kubernetes_host="$kubernetes_host" "${ca[@]}" >/dev/null
    log "auth/kubernetes/config: $kubernetes_host"
  fi

  local app
  for app in "${apps[@]}"; do
    write_policy "$app" "$policies_dir/$app.hcl"
    # The agent's projected token has the audience "vault" (deployment.yaml).
    vault write "auth/kubernetes/role/$app" \
      bound_service_account_names="$app" \
      bound_service_account_namespaces=dogcare \
      audience=vault \
      token_policies="$app" \
      token_ttl=1h token_max_ttl=4h >/dev/null
    log "auth/kubernetes/role/$app: written"
  done

  ensure_jwt_keys
  ensure_odbc_string
  ensure_database
  log "done"
}

main() {
  command -v vault >/dev/null || die "the vault CLI is not on PATH"
  command -v openssl >/dev/null || die "openssl is not on PATH"
  case "${1:-bootstrap}" in
    bootstrap) bootstrap ;;
    rotate-jwt) rotate_jwt ;;
    *) die "usage: bootstrap.sh [bootstrap|rotate-jwt]" ;;
  esac
}

# Sourced (deploy/tests/test_vault.py reads creation_statements), it only defines.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
