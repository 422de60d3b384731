# VCN, subnets, gateways, routes and the network security groups.
# Filtering is done by NSGs only: the VCN's default security list is emptied
# and every subnet uses it, so a rule exists in exactly one place.

resource "oci_core_vcn" "this" {
  compartment_id = var.compartment_ocid
  display_name   = "${var.name_prefix}-vcn"
  cidr_blocks    = [var.vcn_cidr]
  dns_label      = local.dns_label
  freeform_tags  = local.freeform_tags
}

# Takes over the default security list (which allows SSH from anywhere) and
# leaves it without rules.
resource "oci_core_default_security_list" "empty" {
  manage_default_resource_id = oci_core_vcn.this.default_security_list_id
  display_name               = "${var.name_prefix}-no-rules"
  freeform_tags              = local.freeform_tags
}

resource "oci_core_internet_gateway" "this" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-igw"
  enabled        = true
  freeform_tags  = local.freeform_tags
}

resource "oci_core_nat_gateway" "this" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nat"
  freeform_tags  = local.freeform_tags
}

resource "oci_core_service_gateway" "this" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-sgw"
  freeform_tags  = local.freeform_tags

  services {
    service_id = data.oci_core_services.all.services[0].id
  }
}

resource "oci_core_route_table" "public" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-rt-public"
  freeform_tags  = local.freeform_tags

  route_rules {
    description       = "Internet, both ways (load balancer only)"
    destination       = "0.0.0.0/0"
    destination_type  = "CIDR_BLOCK"
    network_entity_id = oci_core_internet_gateway.this.id
  }
}

resource "oci_core_route_table" "nodes" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-rt-nodes"
  freeform_tags  = local.freeform_tags

  route_rules {
    description       = "Outbound internet (packages, container images) through NAT"
    destination       = "0.0.0.0/0"
    destination_type  = "CIDR_BLOCK"
    network_entity_id = oci_core_nat_gateway.this.id
  }

  route_rules {
    description       = "Oracle services (KMS, Object Storage, OS updates) through the service gateway"
    destination       = data.oci_core_services.all.services[0].cidr_block
    destination_type  = "SERVICE_CIDR_BLOCK"
    network_entity_id = oci_core_service_gateway.this.id
  }
}

resource "oci_core_route_table" "database" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-rt-database"
  freeform_tags  = local.freeform_tags

  route_rules {
    description       = "Oracle services only; the database never reaches the internet"
    destination       = data.oci_core_services.all.services[0].cidr_block
    destination_type  = "SERVICE_CIDR_BLOCK"
    network_entity_id = oci_core_service_gateway.this.id
  }
}

resource "oci_core_subnet" "lb" {
  compartment_id             = var.compartment_ocid
  vcn_id                     = oci_core_vcn.this.id
  display_name               = "${var.name_prefix}-lb"
  cidr_block                 = local.lb_subnet_cidr
  dns_label                  = "lb"
  prohibit_public_ip_on_vnic = false
  route_table_id             = oci_core_route_table.public.id
  security_list_ids          = [oci_core_default_security_list.empty.id]
  freeform_tags              = local.freeform_tags
}

resource "oci_core_subnet" "nodes" {
  compartment_id             = var.compartment_ocid
  vcn_id                     = oci_core_vcn.this.id
  display_name               = "${var.name_prefix}-nodes"
  cidr_block                 = local.node_subnet_cidr
  dns_label                  = "nodes"
  prohibit_public_ip_on_vnic = true
  route_table_id             = oci_core_route_table.nodes.id
  security_list_ids          = [oci_core_default_security_list.empty.id]
  freeform_tags              = local.freeform_tags
}

resource "oci_core_subnet" "database" {
  compartment_id             = var.compartment_ocid
  vcn_id                     = oci_core_vcn.this.id
  display_name               = "${var.name_prefix}-database"
  cidr_block                 = local.db_subnet_cidr
  dns_label                  = "db"
  prohibit_public_ip_on_vnic = true
  route_table_id             = oci_core_route_table.database.id
  security_list_ids          = [oci_core_default_security_list.empty.id]
  freeform_tags              = local.freeform_tags
}

# ---------------------------------------------------------------------------
# Network security groups
# ---------------------------------------------------------------------------

resource "oci_core_network_security_group" "lb" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nsg-lb"
  freeform_tags  = local.freeform_tags
}

resource "oci_core_network_security_group" "nodes" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nsg-nodes"
  freeform_tags  = local.freeform_tags
}

resource "oci_core_network_security_group" "database" {
  compartment_id = var.compartment_ocid
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name_prefix}-nsg-database"
  freeform_tags  = local.freeform_tags
}

# --- load balancer: 80 and 443 from anywhere, out only to the nodes' Traefik

resource "oci_core_network_security_group_security_rule" "lb_ingress_http" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.lb.id
  description               = "HTTP from the internet (Traefik redirects to HTTPS, ACME HTTP-01)"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "0.0.0.0/0"
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 80
      max = 80
    }
  }
}

resource "oci_core_network_security_group_security_rule" "lb_ingress_https" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.lb.id
  description               = "HTTPS from the internet"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "0.0.0.0/0"
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 443
      max = 443
    }
  }
}

resource "oci_core_network_security_group_security_rule" "lb_egress_http" {
  network_security_group_id = oci_core_network_security_group.lb.id
  description               = "To Traefik (web entry point) on the nodes"
  direction                 = "EGRESS"
  protocol                  = "6"
  destination_type          = "NETWORK_SECURITY_GROUP"
  destination               = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 80
      max = 80
    }
  }
}

resource "oci_core_network_security_group_security_rule" "lb_egress_https" {
  network_security_group_id = oci_core_network_security_group.lb.id
  description               = "To Traefik (websecure entry point) on the nodes"
  direction                 = "EGRESS"
  protocol                  = "6"
  destination_type          = "NETWORK_SECURITY_GROUP"
  destination               = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 443
      max = 443
    }
  }
}

# --- nodes: Traefik from the load balancer, K3s among themselves, SSH and the
# --- Kubernetes API from the Bastion service only

resource "oci_core_network_security_group_security_rule" "nodes_ingress_http_from_lb" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Traefik web entry point, from the load balancer (and its health checks)"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.lb.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 80
      max = 80
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_https_from_lb" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Traefik websecure entry point, from the load balancer (and its health checks)"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.lb.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 443
      max = 443
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_k3s_api" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "K3s supervisor and Kubernetes API, between nodes"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 6443
      max = 6443
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_kubelet" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Kubelet API (logs, exec, metrics-server), between nodes"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 10250
      max = 10250
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_flannel_vxlan" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Flannel VXLAN pod network, between nodes"
  direction                 = "INGRESS"
  protocol                  = "17"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.nodes.id
  stateless                 = false

  udp_options {
    destination_port_range {
      min = 8472
      max = 8472
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_node_exporter" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Prometheus node-exporter (deploy/), scraped from inside the cluster"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 9100
      max = 9100
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_ssh_from_bastion" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "SSH from the OCI Bastion service's private endpoint only"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "${oci_bastion_bastion.this.private_endpoint_ip_address}/32"
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 22
      max = 22
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_api_from_bastion" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Kubernetes API through a Bastion port-forwarding session (kubectl from an admin machine)"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "${oci_bastion_bastion.this.private_endpoint_ip_address}/32"
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 6443
      max = 6443
    }
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_ingress_path_mtu" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  #checkov:skip=CKV2_OCI_2:ICMP type 3 code 4 from inside the VCN carries no port; RDP (3389) is not reachable through it.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "ICMP fragmentation-needed inside the VCN, so path MTU discovery works"
  direction                 = "INGRESS"
  protocol                  = "1"
  source_type               = "CIDR_BLOCK"
  source                    = var.vcn_cidr
  stateless                 = false

  icmp_options {
    type = 3
    code = 4
  }
}

resource "oci_core_network_security_group_security_rule" "nodes_egress_all" {
  #checkov:skip=CKV2_OCI_2:An egress rule; RDP concerns ingress, and no rule of this VCN admits 3389.
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "Outbound: other nodes, the database, Oracle services, and the internet through NAT (images, packages, ACME)"
  direction                 = "EGRESS"
  protocol                  = "all"
  destination_type          = "CIDR_BLOCK"
  destination               = "0.0.0.0/0"
  stateless                 = false
}

# --- database: 1522 from the nodes only

resource "oci_core_network_security_group_security_rule" "database_ingress_from_nodes" {
  #checkov:skip=CKV_OCI_21:Stateful on purpose: stateless ingress would need mirror egress rules for every reply, widening what leaves each group.
  network_security_group_id = oci_core_network_security_group.database.id
  description               = "Oracle Net over TLS (1522) from the K3s nodes only"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "NETWORK_SECURITY_GROUP"
  source                    = oci_core_network_security_group.nodes.id
  stateless                 = false

  tcp_options {
    destination_port_range {
      min = 1522
      max = 1522
    }
  }
}

# ---------------------------------------------------------------------------
# Bastion: the only way in for people
# ---------------------------------------------------------------------------

resource "oci_bastion_bastion" "this" {
  bastion_type                 = "STANDARD"
  compartment_id               = var.compartment_ocid
  target_subnet_id             = oci_core_subnet.nodes.id
  name                         = "${local.dns_label}bastion"
  client_cidr_block_allow_list = var.admin_cidrs
  max_session_ttl_in_seconds   = 10800
  freeform_tags                = local.freeform_tags
}
