# dogcare-operator: exactly what deploy/vault/bootstrap.sh needs (bootstrap
# and rotate-jwt), for a person or a CI job; no read of any credential the
# apps receive. A root token writes this policy once:
#   vault policy write dogcare-operator deploy/vault/policies/dogcare-operator.hcl
#   vault token create -policy=dogcare-operator -ttl=1h
# It cannot change its own policy (sys/policies/acl/dogcare-operator is not
# listed), so holding it does not lead to more.

# See and enable the kv-v2 and database engines and the Kubernetes auth method.
path "sys/mounts" {
  capabilities = ["read"]
}
path "sys/mounts/kv" {
  capabilities = ["create", "read", "update"]
}
path "sys/mounts/database" {
  capabilities = ["create", "read", "update"]
}
path "sys/auth" {
  capabilities = ["read"]
}
path "sys/auth/kubernetes" {
  capabilities = ["create", "read", "update", "sudo"]
}

# The audit log on the chart's audit volume.
path "sys/audit" {
  capabilities = ["read", "sudo"]
}
path "sys/audit/file" {
  capabilities = ["create", "read", "update", "sudo"]
}

# The applications' policies (not this one).
path "sys/policies/acl/dogcare-api" {
  capabilities = ["create", "read", "update"]
}
path "sys/policies/acl/dogcare-ui" {
  capabilities = ["create", "read", "update"]
}

# Kubernetes auth: where the API server is, and the two roles.
path "auth/kubernetes/config" {
  capabilities = ["create", "read", "update"]
}
path "auth/kubernetes/role/dogcare-api" {
  capabilities = ["create", "read", "update"]
}
path "auth/kubernetes/role/dogcare-ui" {
  capabilities = ["create", "read", "update"]
}

# The JWT keys (generated and rotated here, hence read) and the connection
# string without credentials.
path "kv/data/dogcare/jwt" {
  capabilities = ["create", "read", "update"]
}
path "kv/metadata/dogcare/jwt" {
  capabilities = ["read"]
}
path "kv/data/dogcare/database" {
  capabilities = ["create", "read", "update"]
}

# The Oracle plugin in the catalog, the connection (its admin password is
# write-only: Vault never returns it), the roles, and rotating the admin
# password so that only Vault knows it.
path "sys/plugins/catalog/database/vault-plugin-database-oracle" {
  capabilities = ["create", "read", "update", "sudo"]
}
path "database/config/dogcare-oracle" {
  capabilities = ["create", "read", "update"]
}
path "database/roles/dogcare-api" {
  capabilities = ["create", "read", "update"]
}
path "database/roles/dogcare-ui" {
  capabilities = ["create", "read", "update"]
}
path "database/rotate-root/dogcare-oracle" {
  capabilities = ["update"]
}
