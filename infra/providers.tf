# Works with Terraform >= 1.5 and with OpenTofu >= 1.6 (the language subset used is common to both).
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    oci = {
      source  = "oracle/oci"
      version = "~> 7.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State is local by default. To keep it in OCI Object Storage instead, copy
  # backend.tf.example to backend.tf, fill it in and run `init -migrate-state`
  # (README.md, "Remote state").
}

# Authentication comes from ~/.oci/config (the profile below) or from the
# usual OCI_* / TF_VAR_* environment; no credential is ever a Terraform variable.
provider "oci" {
  region              = var.region
  config_file_profile = var.oci_config_profile
}

# IAM resources (dynamic group, policies) can only be written in the tenancy's
# home region.
provider "oci" {
  alias               = "home"
  region              = local.home_region
  config_file_profile = var.oci_config_profile
}
