"""Each invariant catches the breakage it exists for.

A copy of infra/ is broken in one way (a text edit of a .tf file) and the
check that guards against that breakage must report it. If a check stopped
looking, its case here would fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

import invariants
from hclmodel import Module, load

OPEN_SSH_RULE = """
resource "oci_core_network_security_group_security_rule" "nodes_ingress_ssh_world" {
  network_security_group_id = oci_core_network_security_group.nodes.id
  description               = "SSH from anywhere"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "0.0.0.0/0"
  freeform_tags             = local.freeform_tags

  tcp_options {
    destination_port_range {
      min = 22
      max = 22
    }
  }
}
"""

LB_SSH_RULE = OPEN_SSH_RULE.replace("nodes_ingress_ssh_world", "lb_ingress_ssh_world").replace(
    "oci_core_network_security_group.nodes.id", "oci_core_network_security_group.lb.id"
)

DB_WORLD_RULE = """
resource "oci_core_network_security_group_security_rule" "database_ingress_world" {
  network_security_group_id = oci_core_network_security_group.database.id
  description               = "listener from anywhere"
  direction                 = "INGRESS"
  protocol                  = "6"
  source_type               = "CIDR_BLOCK"
  source                    = "0.0.0.0/0"

  tcp_options {
    destination_port_range {
      min = 1521
      max = 1521
    }
  }
}
"""

Edit = tuple[str, str, str]  # file, old text, new text ("" old text: append)

CASES: list[tuple[str, Callable[[Module], list[str]], list[Edit]]] = [
    ("ssh from anywhere on the nodes", invariants.open_ingress, [("network.tf", "", OPEN_SSH_RULE)]),
    ("ssh from anywhere, bastion bypassed", invariants.ssh_not_only_from_bastion, [("network.tf", "", OPEN_SSH_RULE)]),
    ("port 22 from anywhere on the lb NSG", invariants.open_ingress, [("network.tf", "", LB_SSH_RULE)]),
    (
        "security list rule from anywhere",
        invariants.open_ingress,
        [
            (
                "network.tf",
                '  display_name               = "${var.name_prefix}-no-rules"\n',
                '  display_name               = "${var.name_prefix}-no-rules"\n  ingress_security_rules {\n    protocol = "6"\n    source   = "0.0.0.0/0"\n  }\n',
            )
        ],
    ),
    (
        "default security list left alone",
        invariants.default_security_list_not_neutralised,
        [("network.tf", 'resource "oci_core_default_security_list" "empty"', 'resource "oci_core_security_list" "empty"')],
    ),
    (
        "subnet without security lists",
        invariants.default_security_list_not_neutralised,
        [("network.tf", "  route_table_id             = oci_core_route_table.database.id\n  security_list_ids          = [oci_core_default_security_list.empty.id]\n", "  route_table_id             = oci_core_route_table.database.id\n")],
    ),
    ("bastion open to the world", invariants.ssh_not_only_from_bastion, [("network.tf", "client_cidr_block_allow_list = var.admin_cidrs", 'client_cidr_block_allow_list = ["0.0.0.0/0"]')]),
    ("admin_cidrs accepts 0.0.0.0/0", invariants.ssh_not_only_from_bastion, [("variables.tf", ' && c != "0.0.0.0/0"', "")]),
    ("public IP on the server", invariants.public_addresses, [("cluster.tf", "assign_public_ip = false\n    private_ip", "assign_public_ip = true\n    private_ip")]),
    ("public IPs allowed in the node subnet", invariants.public_addresses, [("network.tf", '  dns_label                  = "nodes"\n  prohibit_public_ip_on_vnic = true', '  dns_label                  = "nodes"\n  prohibit_public_ip_on_vnic = false')]),
    ("database without NSG", invariants.database_not_private, [("database.tf", "  nsg_ids                     = [oci_core_network_security_group.database.id]\n", "")]),
    ("database without private endpoint", invariants.database_not_private, [("database.tf", "  subnet_id                   = oci_core_subnet.database.id\n", "")]),
    ("database listener open to the world", invariants.database_not_private, [("network.tf", "", DB_WORLD_RULE)]),
    ("database open to the world", invariants.open_ingress, [("network.tf", "", DB_WORLD_RULE)]),
    ("kubelet port missing", invariants.cluster_ports_missing, [("network.tf", "      min = 10250\n      max = 10250", "      min = 10251\n      max = 10251")]),
    ("private load balancer", invariants.load_balancer_wrong, [("load_balancer.tf", "is_private                 = false", "is_private                 = true")]),
    ("extra listener port", invariants.load_balancer_wrong, [("load_balancer.tf", "    https = 443\n", "    https = 443\n    ssh   = 22\n")]),
    ("untagged NAT gateway", invariants.untagged_resources, [("network.tf", '  display_name   = "${var.name_prefix}-nat"\n  freeform_tags  = local.freeform_tags\n', '  display_name   = "${var.name_prefix}-nat"\n')]),
    ("tags without project", invariants.untagged_resources, [("main.tf", '    project     = "dogcare"\n', "")]),
    ("name not from the prefix", invariants.unprefixed_names, [("network.tf", 'display_name   = "${var.name_prefix}-igw"', 'display_name   = "igw"')]),
    ("oci provider without upper bound", invariants.unpinned_providers, [("providers.tf", 'version = "~> 7.0"', 'version = ">= 7.0"')]),
    ("terraform version too old", invariants.unpinned_providers, [("providers.tf", 'required_version = ">= 1.5.0"', 'required_version = ">= 1.3.0"')]),
    ("unused variable", invariants.undeclared_or_unused_variables, [("variables.tf", "", 'variable "unused_knob" {\n  description = "x"\n  type        = string\n  default     = "x"\n}\n')]),
    ("undeclared variable", invariants.undeclared_or_unused_variables, [("network.tf", "cidr_blocks    = [var.vcn_cidr]", "cidr_blocks    = [var.vcn_cidr_typo]")]),
    ("unused local", invariants.undeclared_or_unused_locals, [("main.tf", "locals {\n", "locals {\n  forgotten = 1\n")]),
    ("variable without description", invariants.undescribed_variables, [("variables.tf", '  description = "Number of K3s agent nodes next to the server."\n', "")]),
    ("variable without type", invariants.undescribed_variables, [("variables.tf", '  description = "Number of K3s agent nodes next to the server."\n  type        = number\n', '  description = "Number of K3s agent nodes next to the server."\n')]),
    ("count without validation", invariants.unvalidated_constrained_variables, [("variables.tf", "  validation {\n    condition     = var.agent_count >= 0", "  #validation {\n  dummy = {\n    condition     = var.agent_count >= 0")]),
    ("secret variable not sensitive", invariants.unmarked_secret_variables, [("variables.tf", "", 'variable "db_password" {\n  description = "x"\n  type        = string\n}\n')]),
    ("output without description", invariants.undescribed_outputs, [("outputs.tf", '  description = "OCID of the Autonomous Database."\n', "")]),
    ("password as output", invariants.leaking_outputs, [("outputs.tf", "", 'output "pw" {\n  description = "x"\n  value       = random_password.database_admin.result\n  sensitive   = true\n}\n')]),
    ("connection strings not sensitive", invariants.leaking_outputs, [("outputs.tf", "  value       = oci_database_autonomous_database.this.connection_strings[0].all_connection_strings\n  sensitive   = true\n", "  value       = oci_database_autonomous_database.this.connection_strings[0].all_connection_strings\n")]),
    ("policy for the whole tenancy", invariants.iam_not_least_privilege, [("keys.tf", "to use keys in compartment id ${var.compartment_ocid} where target.key.id = '${oci_kms_key.unseal.id}'", "to use keys in tenancy")]),
    ("dynamic group of the whole compartment", invariants.iam_not_least_privilege, [("keys.tf", "\"instance.id = '${id}'\"", "\"instance.compartment.id = '${id}'\"")]),
    ("public bucket", invariants.bucket_not_private, [("backups.tf", 'access_type           = "NoPublicAccess"', 'access_type           = "ObjectRead"')]),
    ("a new ssh key replaces the server", invariants.nodes_replaced_by_launch_inputs, [("cluster.tf", 'ignore_changes = [source_details[0].source_id, metadata["user_data"], metadata["ssh_authorized_keys"]]\n  }\n}\n\nresource', 'ignore_changes = [source_details[0].source_id, metadata["user_data"]]\n  }\n}\n\nresource')]),
    ("a new image replaces the agents", invariants.nodes_replaced_by_launch_inputs, [("cluster.tf", '    ignore_changes = [source_details[0].source_id, metadata["user_data"], metadata["ssh_authorized_keys"]]\n  }\n\n  # Agents', '    ignore_changes = [metadata["user_data"], metadata["ssh_authorized_keys"]]\n  }\n\n  # Agents')]),
    ("unversioned bucket", invariants.bucket_not_private, [("backups.tf", 'versioning            = "Enabled"', 'versioning            = "Disabled"')]),
]


def broken_copy(infra_dir: Path, tmp_path: Path, edits: list[Edit]) -> Module:
    copy = tmp_path / "infra"
    shutil.copytree(infra_dir, copy, ignore=shutil.ignore_patterns("tests", ".terraform*", "*.tfstate*"))
    for file, old, new in edits:
        path = copy / file
        text = path.read_text(encoding="utf-8")
        if old:
            assert text.count(old) == 1, f"{file}: the text to break is not there exactly once: {old!r}"
            text = text.replace(old, new)
        else:
            text += new
        path.write_text(text, encoding="utf-8")
    return load(copy)


@pytest.mark.parametrize("name,check,edits", CASES, ids=[c[0] for c in CASES])
def test_invariant_catches(infra_dir: Path, module: Module, tmp_path: Path, name: str, check, edits: list[Edit]) -> None:
    assert check(module) == [], "the unbroken module must pass first"
    assert check(broken_copy(infra_dir, tmp_path, edits)) != [], f"{check.__name__} did not notice: {name}"


def test_every_invariant_has_a_breaking_case() -> None:
    covered = {check for _, check, _ in CASES}
    assert [c.__name__ for c in invariants.ALL if c not in covered] == []
