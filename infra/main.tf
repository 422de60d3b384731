# Shared names, tags and look-ups. Each other *.tf file holds one part of the
# system (network, cluster, load balancer, database, keys and IAM, backups);
# README.md says why the root module is split that way.

locals {
  home_region = coalesce(var.home_region, var.region)

  # project and environment come last so that extra tags cannot override them.
  freeform_tags = merge(var.extra_freeform_tags, {
    project     = "dogcare"
    environment = var.environment
  })

  # Three /24-sized subnets at the start of the VCN.
  subnet_newbits   = 24 - tonumber(split("/", var.vcn_cidr)[1])
  lb_subnet_cidr   = cidrsubnet(var.vcn_cidr, local.subnet_newbits, 0)
  node_subnet_cidr = cidrsubnet(var.vcn_cidr, local.subnet_newbits, 1)
  db_subnet_cidr   = cidrsubnet(var.vcn_cidr, local.subnet_newbits, 2)

  # The server gets a fixed address so that agents and the TLS certificate of
  # the Kubernetes API can name it before it exists.
  server_private_ip = cidrhost(local.node_subnet_cidr, 10)

  # DNS labels: letters and digits only, at most 15 characters.
  dns_label = substr(replace(var.name_prefix, "-", ""), 0, 15)

  node_image_id       = coalesce(var.node_image_ocid, data.oci_core_images.ubuntu.images[0].id)
  availability_domain = data.oci_identity_availability_domains.all.availability_domains[var.availability_domain_index].name

  base_domain = var.domain != "" ? var.domain : "${replace(local.load_balancer_ip, ".", "-")}.sslip.io"
}

data "oci_identity_availability_domains" "all" {
  compartment_id = var.tenancy_ocid
}

data "oci_core_images" "ubuntu" {
  compartment_id           = var.compartment_ocid
  operating_system         = "Canonical Ubuntu"
  operating_system_version = var.ubuntu_version
  shape                    = var.node_shape
  sort_by                  = "TIMECREATED"
  sort_order               = "DESC"
}

data "oci_core_services" "all" {
  filter {
    name   = "name"
    values = ["All .* Services In Oracle Services Network"]
    regex  = true
  }
}

data "oci_objectstorage_namespace" "this" {
  compartment_id = var.tenancy_ocid
}
