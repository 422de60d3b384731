# OCI Vault (KMS) with two keys, and the IAM that lets the K3s nodes use
# exactly one of them:
#   unseal - HashiCorp Vault's "ocikms" seal, used by the nodes (instance principals)
#   data   - encryption of the backups bucket and of the secrets in database.tf

resource "oci_kms_vault" "this" {
  compartment_id = var.compartment_ocid
  display_name   = "${var.name_prefix}-vault"
  vault_type     = "DEFAULT"
  freeform_tags  = local.freeform_tags
}

resource "oci_kms_key" "unseal" {
  compartment_id      = var.compartment_ocid
  display_name        = "${var.name_prefix}-vault-unseal"
  management_endpoint = oci_kms_vault.this.management_endpoint
  protection_mode     = var.kms_protection_mode
  freeform_tags       = local.freeform_tags

  key_shape {
    algorithm = "AES"
    length    = 32
  }
}

resource "oci_kms_key" "data" {
  compartment_id      = var.compartment_ocid
  display_name        = "${var.name_prefix}-data"
  management_endpoint = oci_kms_vault.this.management_endpoint
  protection_mode     = var.kms_protection_mode
  freeform_tags       = local.freeform_tags

  key_shape {
    algorithm = "AES"
    length    = 32
  }
}

# The nodes, by instance OCID: no other instance of the compartment matches.
resource "oci_identity_dynamic_group" "nodes" {
  provider = oci.home

  compartment_id = var.tenancy_ocid
  name           = "${var.name_prefix}-${var.environment}-k3s-nodes"
  description    = "K3s nodes of dogcare (${var.environment}); they unseal HashiCorp Vault and write backups"
  matching_rule  = "ANY {${join(", ", [for id in values(local.node_instance_ids) : "instance.id = '${id}'"])}}"
  freeform_tags  = local.freeform_tags
}

# Least privilege, in the compartment only: one key to unseal with, one
# bucket to read and write, and Object Storage allowed to use the data key.
resource "oci_identity_policy" "nodes" {
  provider = oci.home

  compartment_id = var.compartment_ocid
  name           = "${var.name_prefix}-${var.environment}-k3s-nodes"
  description    = "What the dogcare K3s nodes may do (${var.environment})"
  freeform_tags  = local.freeform_tags

  statements = [
    "Allow dynamic-group ${oci_identity_dynamic_group.nodes.name} to use keys in compartment id ${var.compartment_ocid} where target.key.id = '${oci_kms_key.unseal.id}'",
    "Allow dynamic-group ${oci_identity_dynamic_group.nodes.name} to read buckets in compartment id ${var.compartment_ocid} where target.bucket.name = '${local.backup_bucket_name}'",
    "Allow dynamic-group ${oci_identity_dynamic_group.nodes.name} to manage objects in compartment id ${var.compartment_ocid} where target.bucket.name = '${local.backup_bucket_name}'",
    "Allow service objectstorage-${var.region} to use keys in compartment id ${var.compartment_ocid} where target.key.id = '${oci_kms_key.data.id}'",
  ]
}
