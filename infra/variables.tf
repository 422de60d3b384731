# ---------------------------------------------------------------------------
# Tenancy and naming
# ---------------------------------------------------------------------------

variable "tenancy_ocid" {
  description = "OCID of the tenancy. The dynamic group lives at the tenancy root and availability domains are listed from it."
  type        = string

  validation {
    condition     = can(regex("^ocid1\\.tenancy\\.oc[0-9]+\\.\\.[a-z0-9]+$", var.tenancy_ocid))
    error_message = "tenancy_ocid must look like ocid1.tenancy.oc1..<id>."
  }
}

variable "compartment_ocid" {
  description = "OCID of the compartment that receives every resource (a dedicated compartment is recommended; the tenancy root works too)."
  type        = string

  validation {
    condition     = can(regex("^ocid1\\.(compartment|tenancy)\\.oc[0-9]+\\.\\.[a-z0-9]+$", var.compartment_ocid))
    error_message = "compartment_ocid must be a compartment (or tenancy) OCID."
  }
}

variable "region" {
  description = "OCI region identifier to build in, e.g. eu-frankfurt-1."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2,3}(-[a-z]+)+-[0-9]+$", var.region))
    error_message = "region must be an OCI region identifier such as eu-frankfurt-1 or us-ashburn-1."
  }
}

variable "home_region" {
  description = "The tenancy's home region, where IAM resources must be written. Leave null when it is the same as region."
  type        = string
  default     = null

  validation {
    condition     = var.home_region == null || can(regex("^[a-z]{2,3}(-[a-z]+)+-[0-9]+$", coalesce(var.home_region, "x")))
    error_message = "home_region must be null or an OCI region identifier such as eu-frankfurt-1."
  }
}

variable "oci_config_profile" {
  description = "Profile of ~/.oci/config that holds the API key used by the provider."
  type        = string
  default     = "DEFAULT"

  validation {
    condition     = length(var.oci_config_profile) > 0
    error_message = "oci_config_profile must not be empty."
  }
}

variable "name_prefix" {
  description = "Prefix of every display name (lowercase letters, digits and dashes; starts with a letter)."
  type        = string
  default     = "dogcare"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.name_prefix))
    error_message = "name_prefix must be 2-15 characters of lowercase letters, digits and dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name, written into the freeform tags and the names of globally unique things."
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of dev, staging, prod."
  }
}

variable "extra_freeform_tags" {
  description = "Additional freeform tags for every resource; project and environment are always set and cannot be overridden."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------

variable "vcn_cidr" {
  description = "IPv4 CIDR of the VCN. Three /24-sized subnets are carved from its start: load balancer, nodes, database."
  type        = string
  default     = "10.20.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vcn_cidr)) && tonumber(split("/", var.vcn_cidr)[1]) >= 16 && tonumber(split("/", var.vcn_cidr)[1]) <= 22
    error_message = "vcn_cidr must be an IPv4 CIDR with a prefix length between /16 and /22."
  }
}

variable "admin_cidrs" {
  description = "CIDRs allowed to open Bastion sessions (your office or home address, e.g. 203.0.113.7/32). Never 0.0.0.0/0."
  type        = list(string)

  validation {
    condition     = length(var.admin_cidrs) > 0 && alltrue([for c in var.admin_cidrs : can(cidrnetmask(c)) && c != "0.0.0.0/0"])
    error_message = "admin_cidrs must be a non-empty list of IPv4 CIDRs, none of them 0.0.0.0/0."
  }
}

variable "ssh_public_key" {
  description = "OpenSSH public key installed at launch for the default user of every node (reached through Bastion sessions only); later changes apply to new nodes, running ones are rotated in place (README.md, SSH keys)."
  type        = string

  validation {
    condition     = can(regex("^(ssh-(ed25519|rsa)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/=]+", var.ssh_public_key))
    error_message = "ssh_public_key must be an OpenSSH public key (ssh-ed25519, ssh-rsa or ecdsa-sha2-*)."
  }
}

variable "domain" {
  description = "DNS name that points at the load balancer (UI on it, api. and grafana. below it). Empty: an sslip.io name derived from the public IP is used."
  type        = string
  default     = ""

  validation {
    condition     = var.domain == "" || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be empty or a lowercase DNS name such as dogcare.example.org."
  }
}

variable "load_balancer_proxy_protocol" {
  description = "Send PROXY protocol v2 from the network load balancer to Traefik so the application sees client addresses (Traefik is configured to accept it from the load balancer subnet only)."
  type        = bool
  default     = true
}

# ---------------------------------------------------------------------------
# K3s cluster
# ---------------------------------------------------------------------------

variable "node_shape" {
  description = "Flexible compute shape of the K3s nodes. VM.Standard.A1.Flex (Ampere) is in the Always Free tier."
  type        = string
  default     = "VM.Standard.A1.Flex"

  validation {
    condition     = contains(["VM.Standard.A1.Flex", "VM.Standard.A2.Flex", "VM.Standard.E4.Flex", "VM.Standard.E5.Flex", "VM.Standard3.Flex"], var.node_shape)
    error_message = "node_shape must be one of the flexible shapes VM.Standard.A1.Flex, VM.Standard.A2.Flex, VM.Standard.E4.Flex, VM.Standard.E5.Flex, VM.Standard3.Flex."
  }
}

variable "server_ocpus" {
  description = "OCPUs of the K3s server node."
  type        = number
  default     = 2

  validation {
    condition     = var.server_ocpus >= 1 && var.server_ocpus <= 16 && floor(var.server_ocpus) == var.server_ocpus
    error_message = "server_ocpus must be a whole number between 1 and 16."
  }
}

variable "server_memory_gbs" {
  description = "Memory (GB) of the K3s server node."
  type        = number
  default     = 12

  validation {
    condition     = var.server_memory_gbs >= 4 && var.server_memory_gbs <= 128
    error_message = "server_memory_gbs must be between 4 and 128."
  }
}

variable "agent_count" {
  description = "Number of K3s agent nodes next to the server."
  type        = number
  default     = 1

  validation {
    condition     = var.agent_count >= 0 && var.agent_count <= 10 && floor(var.agent_count) == var.agent_count
    error_message = "agent_count must be a whole number between 0 and 10."
  }
}

variable "agent_ocpus" {
  description = "OCPUs of each K3s agent node."
  type        = number
  default     = 2

  validation {
    condition     = var.agent_ocpus >= 1 && var.agent_ocpus <= 16 && floor(var.agent_ocpus) == var.agent_ocpus
    error_message = "agent_ocpus must be a whole number between 1 and 16."
  }
}

variable "agent_memory_gbs" {
  description = "Memory (GB) of each K3s agent node."
  type        = number
  default     = 12

  validation {
    condition     = var.agent_memory_gbs >= 4 && var.agent_memory_gbs <= 128
    error_message = "agent_memory_gbs must be between 4 and 128."
  }
}

variable "boot_volume_gbs" {
  description = "Boot volume size (GB) of every node. The Always Free tier covers 200 GB of block storage in total."
  type        = number
  default     = 50

  validation {
    condition     = var.boot_volume_gbs >= 50 && var.boot_volume_gbs <= 1024
    error_message = "boot_volume_gbs must be between 50 and 1024."
  }
}

variable "ubuntu_version" {
  description = "Canonical Ubuntu release of the node image, looked up by data source for the node shape."
  type        = string
  default     = "22.04"

  validation {
    condition     = contains(["22.04", "24.04"], var.ubuntu_version)
    error_message = "ubuntu_version must be 22.04 or 24.04."
  }
}

variable "node_image_ocid" {
  description = "Image OCID that overrides the looked-up Ubuntu image (it must be an Ubuntu image for the node shape's architecture). Null: newest platform image."
  type        = string
  default     = null

  validation {
    condition     = var.node_image_ocid == null || can(regex("^ocid1\\.image\\.", coalesce(var.node_image_ocid, "x")))
    error_message = "node_image_ocid must be null or an image OCID."
  }
}

variable "availability_domain_index" {
  description = "Index (0-2) of the availability domain the nodes go to; change it when A1 capacity is exhausted in one."
  type        = number
  default     = 0

  validation {
    condition     = contains([0, 1, 2], var.availability_domain_index)
    error_message = "availability_domain_index must be 0, 1 or 2."
  }
}

variable "k3s_version" {
  description = "Pinned K3s release installed by cloud-init (a tag of k3s-io/k3s)."
  type        = string
  default     = "v1.31.4+k3s1"

  validation {
    condition     = can(regex("^v1\\.[0-9]+\\.[0-9]+\\+k3s[0-9]+$", var.k3s_version))
    error_message = "k3s_version must be a K3s release tag such as v1.31.4+k3s1."
  }
}

# ---------------------------------------------------------------------------
# Autonomous Database
# ---------------------------------------------------------------------------

variable "database_name" {
  description = "Autonomous Database name (letters and digits, starts with a letter, at most 14, unique in the tenancy)."
  type        = string
  default     = "dogcare"

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9]{0,13}$", var.database_name))
    error_message = "database_name must start with a letter and hold at most 14 letters and digits."
  }
}

variable "database_version" {
  description = "Oracle Database version of the Autonomous Database."
  type        = string
  default     = "23ai"

  validation {
    condition     = contains(["19c", "23ai"], var.database_version)
    error_message = "database_version must be 19c or 23ai."
  }
}

variable "database_ecpu_count" {
  description = "ECPUs of the Autonomous Database (ECPU compute model; 2 is the minimum)."
  type        = number
  default     = 2

  validation {
    condition     = var.database_ecpu_count >= 2 && var.database_ecpu_count <= 64 && floor(var.database_ecpu_count) == var.database_ecpu_count
    error_message = "database_ecpu_count must be a whole number between 2 and 64."
  }
}

variable "database_storage_tbs" {
  description = "Data storage of the Autonomous Database in terabytes."
  type        = number
  default     = 1

  validation {
    condition     = var.database_storage_tbs >= 1 && var.database_storage_tbs <= 128 && floor(var.database_storage_tbs) == var.database_storage_tbs
    error_message = "database_storage_tbs must be a whole number between 1 and 128."
  }
}

variable "database_license_model" {
  description = "LICENSE_INCLUDED, or BRING_YOUR_OWN_LICENSE when you hold Oracle Database licenses (much cheaper)."
  type        = string
  default     = "LICENSE_INCLUDED"

  validation {
    condition     = contains(["LICENSE_INCLUDED", "BRING_YOUR_OWN_LICENSE"], var.database_license_model)
    error_message = "database_license_model must be LICENSE_INCLUDED or BRING_YOUR_OWN_LICENSE."
  }
}

variable "database_mtls_required" {
  description = "Require mutual TLS (client wallet) for database connections. False allows one-way TLS, which the private endpoint permits; a wallet is then not generated."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

variable "kms_protection_mode" {
  description = "Where the KMS keys live: HSM (Always Free up to 20 key versions) or SOFTWARE."
  type        = string
  default     = "HSM"

  validation {
    condition     = contains(["HSM", "SOFTWARE"], var.kms_protection_mode)
    error_message = "kms_protection_mode must be HSM or SOFTWARE."
  }
}
