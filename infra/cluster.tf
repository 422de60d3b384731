# K3s: one server and var.agent_count agents on private addresses only.
# cloud-init (templates/) installs a pinned K3s; the agents join the server
# at its fixed private address with a generated token.

resource "random_password" "k3s_token" {
  length  = 48
  special = false
}

locals {
  # Settings every node needs. Nodes download the K3s release through the
  # NAT gateway.
  node_template_vars = {
    k3s_version       = var.k3s_version
    k3s_token         = random_password.k3s_token.result
    server_private_ip = local.server_private_ip
  }

  # Traefik accepts PROXY protocol only from the load balancer's subnet.
  server_user_data = templatefile("${path.module}/templates/k3s-server.yaml.tftpl", merge(local.node_template_vars, {
    lb_subnet_cidr = local.lb_subnet_cidr
  }))

  agent_user_data = templatefile("${path.module}/templates/k3s-agent.yaml.tftpl", local.node_template_vars)
}

resource "oci_core_instance" "server" {
  compartment_id      = var.compartment_ocid
  availability_domain = local.availability_domain
  display_name        = "${var.name_prefix}-k3s-server"
  shape               = var.node_shape
  freeform_tags       = merge(local.freeform_tags, { role = "k3s-server" })

  shape_config {
    ocpus         = var.server_ocpus
    memory_in_gbs = var.server_memory_gbs
  }

  source_details {
    source_type             = "image"
    source_id               = local.node_image_id
    boot_volume_size_in_gbs = var.boot_volume_gbs
  }

  create_vnic_details {
    subnet_id        = oci_core_subnet.nodes.id
    assign_public_ip = false
    private_ip       = local.server_private_ip
    hostname_label   = "k3s-server"
    nsg_ids          = [oci_core_network_security_group.nodes.id]
  }

  metadata = {
    ssh_authorized_keys = var.ssh_public_key
    user_data           = base64encode(local.server_user_data)
  }

  agent_config {
    plugins_config {
      name          = "Bastion"
      desired_state = "ENABLED"
    }
  }

  instance_options {
    are_legacy_imds_endpoints_disabled = true
  }

  launch_options {
    is_pv_encryption_in_transit_enabled = true
  }

  lifecycle {
    # The API takes these at launch only, so the provider would replace the
    # node on any change: a newer image, an edited cloud-init or a rotated
    # SSH key must not destroy a running server (README.md, "SSH keys").
    ignore_changes = [source_details[0].source_id, metadata["user_data"], metadata["ssh_authorized_keys"]]
  }
}

resource "oci_core_instance" "agent" {
  count = var.agent_count

  compartment_id      = var.compartment_ocid
  availability_domain = local.availability_domain
  display_name        = "${var.name_prefix}-k3s-agent-${count.index}"
  shape               = var.node_shape
  freeform_tags       = merge(local.freeform_tags, { role = "k3s-agent" })

  shape_config {
    ocpus         = var.agent_ocpus
    memory_in_gbs = var.agent_memory_gbs
  }

  source_details {
    source_type             = "image"
    source_id               = local.node_image_id
    boot_volume_size_in_gbs = var.boot_volume_gbs
  }

  create_vnic_details {
    subnet_id        = oci_core_subnet.nodes.id
    assign_public_ip = false
    hostname_label   = "k3s-agent-${count.index}"
    nsg_ids          = [oci_core_network_security_group.nodes.id]
  }

  metadata = {
    ssh_authorized_keys = var.ssh_public_key
    user_data           = base64encode(local.agent_user_data)
  }

  agent_config {
    plugins_config {
      name          = "Bastion"
      desired_state = "ENABLED"
    }
  }

  instance_options {
    are_legacy_imds_endpoints_disabled = true
  }

  launch_options {
    is_pv_encryption_in_transit_enabled = true
  }

  lifecycle {
    ignore_changes = [source_details[0].source_id, metadata["user_data"], metadata["ssh_authorized_keys"]]
  }

  # Agents boot after the server so that their join attempts start against
  # a server that exists (k3s retries anyway).
  depends_on = [oci_core_instance.server]
}
