# Autonomous Database (transaction processing) on a private endpoint in the
# database subnet. The admin password is generated, kept in an OCI Vault
# secret, and never printed.

resource "random_password" "database_admin" {
  # Autonomous Database: 12-30 characters with upper, lower and digits, no
  # double quote.
  length           = 24
  min_upper        = 2
  min_lower        = 2
  min_numeric      = 2
  min_special      = 1
  override_special = "#_-"
}

resource "oci_database_autonomous_database" "this" {
  compartment_id           = var.compartment_ocid
  db_name                  = var.database_name
  display_name             = "${var.name_prefix}-adb"
  db_workload              = "OLTP"
  db_version               = var.database_version
  compute_model            = "ECPU"
  compute_count            = var.database_ecpu_count
  data_storage_size_in_tbs = var.database_storage_tbs
  license_model            = var.database_license_model
  admin_password           = random_password.database_admin.result
  is_auto_scaling_enabled  = false
  freeform_tags            = local.freeform_tags

  # Private endpoint: reachable only inside the VCN, through its NSG.
  subnet_id                   = oci_core_subnet.database.id
  nsg_ids                     = [oci_core_network_security_group.database.id]
  private_endpoint_label      = "${local.dns_label}db"
  is_mtls_connection_required = var.database_mtls_required
}

resource "random_password" "database_wallet" {
  count = var.database_mtls_required ? 1 : 0

  length           = 24
  min_upper        = 2
  min_lower        = 2
  min_numeric      = 2
  min_special      = 1
  override_special = "#_-"
}

# The client wallet exists only when mutual TLS is required.
resource "oci_database_autonomous_database_wallet" "this" {
  count = var.database_mtls_required ? 1 : 0

  autonomous_database_id = oci_database_autonomous_database.this.id
  password               = random_password.database_wallet[0].result
  generate_type          = "SINGLE"
  base64_encode_content  = true
}

resource "oci_vault_secret" "database_admin_password" {
  compartment_id = var.compartment_ocid
  vault_id       = oci_kms_vault.this.id
  key_id         = oci_kms_key.data.id
  secret_name    = "${var.name_prefix}-adb-admin-password"
  description    = "ADMIN password of the dogcare Autonomous Database"
  freeform_tags  = local.freeform_tags

  secret_content {
    content_type = "BASE64"
    content      = base64encode(random_password.database_admin.result)
  }
}

resource "oci_vault_secret" "database_wallet_password" {
  count = var.database_mtls_required ? 1 : 0

  compartment_id = var.compartment_ocid
  vault_id       = oci_kms_vault.this.id
  key_id         = oci_kms_key.data.id
  secret_name    = "${var.name_prefix}-adb-wallet-password"
  description    = "Password of the dogcare Autonomous Database client wallet"
  freeform_tags  = local.freeform_tags

  secret_content {
    content_type = "BASE64"
    content      = base64encode(random_password.database_wallet[0].result)
  }
}
