# dogcare-ui: what the UI pods' Vault agent reads (role dogcare-ui, service
# account dogcare/dogcare-ui), and nothing else. Lease and token renewal come
# with Vault's default policy, which the role keeps.

# JWT signing keys (field signing_kid names the key that signs; every other
# field is kid -> secret), rendered to /vault/secrets/jwt-keys.
path "kv/data/dogcare/jwt" {
  capabilities = ["read"]
}

# The ODBC connection string without credentials (field odbc).
path "kv/data/dogcare/database" {
  capabilities = ["read"]
}

# A dynamic Oracle user with the UI's grants; the agent renews the lease and
# renders /vault/secrets/database again when it is replaced.
path "database/creds/dogcare-ui" {
  capabilities = ["read"]
}
