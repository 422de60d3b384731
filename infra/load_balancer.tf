# The only public entry: a network load balancer (layer 4, Always Free) that
# forwards 80 and 443 to Traefik on every node. TLS ends in Traefik
# (cert-manager certificates from deploy/), not here.

resource "oci_network_load_balancer_network_load_balancer" "this" {
  compartment_id             = var.compartment_ocid
  display_name               = "${var.name_prefix}-nlb"
  subnet_id                  = oci_core_subnet.lb.id
  is_private                 = false
  network_security_group_ids = [oci_core_network_security_group.lb.id]
  freeform_tags              = local.freeform_tags

  # Full NAT: the nodes see the load balancer's address, which lets their
  # security group admit "the load balancer's NSG" instead of the internet.
  # Client addresses reach Traefik through PROXY protocol instead.
  is_preserve_source_destination = false
}

locals {
  load_balancer_ip = one([
    for address in oci_network_load_balancer_network_load_balancer.this.ip_addresses : address.ip_address if address.is_public
  ])

  traefik_ports = {
    http  = 80
    https = 443
  }

  node_instance_ids = merge(
    { server = oci_core_instance.server.id },
    { for index, agent in oci_core_instance.agent : "agent-${index}" => agent.id },
  )

  # One backend per (port, node).
  backends = merge([
    for port_name, port in local.traefik_ports : {
      for node_name, instance_id in local.node_instance_ids : "${port_name}-${node_name}" => {
        backend_set = port_name
        port        = port
        target_id   = instance_id
      }
    }
  ]...)
}

resource "oci_network_load_balancer_backend_set" "traefik" {
  for_each = local.traefik_ports

  network_load_balancer_id = oci_network_load_balancer_network_load_balancer.this.id
  name                     = "traefik-${each.key}"
  policy                   = "FIVE_TUPLE"
  is_preserve_source       = false

  # K3s's service load balancer binds Traefik to 80 and 443 on every node; a
  # node whose Traefik does not accept TCP connections is taken out.
  health_checker {
    protocol           = "TCP"
    port               = each.value
    interval_in_millis = 10000
    timeout_in_millis  = 3000
    retries            = 3
  }
}

resource "oci_network_load_balancer_backend" "traefik" {
  for_each = local.backends

  network_load_balancer_id = oci_network_load_balancer_network_load_balancer.this.id
  backend_set_name         = oci_network_load_balancer_backend_set.traefik[each.value.backend_set].name
  target_id                = each.value.target_id
  port                     = each.value.port
}

resource "oci_network_load_balancer_listener" "traefik" {
  for_each = local.traefik_ports

  network_load_balancer_id = oci_network_load_balancer_network_load_balancer.this.id
  name                     = each.key
  default_backend_set_name = oci_network_load_balancer_backend_set.traefik[each.key].name
  port                     = each.value
  protocol                 = "TCP"
  is_ppv2enabled           = var.load_balancer_proxy_protocol
}
