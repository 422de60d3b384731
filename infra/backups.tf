# Private, versioned bucket for database exports and HashiCorp Vault raft
# snapshots, encrypted with the data key.

locals {
  backup_bucket_name = "${var.name_prefix}-${var.environment}-backups"
}

resource "oci_objectstorage_bucket" "backups" {
  compartment_id        = var.compartment_ocid
  namespace             = data.oci_objectstorage_namespace.this.namespace
  name                  = local.backup_bucket_name
  access_type           = "NoPublicAccess"
  storage_tier          = "Standard"
  versioning            = "Enabled"
  object_events_enabled = true
  kms_key_id            = oci_kms_key.data.id
  freeform_tags         = local.freeform_tags

  # Object Storage may use the key only once the policy says so.
  depends_on = [oci_identity_policy.nodes]
}
