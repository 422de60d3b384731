"""The invariants of infra/, each a function from a Module to its violations.

An empty list means the invariant holds. test_invariants.py asserts that on
the real module; test_invariants_catch.py breaks a copy of the module in the
way each invariant forbids and asserts that the violation is reported, so no
check here can silently stop checking.
"""

from __future__ import annotations

import re
from typing import Any

from hclmodel import Module, Resource, blocks, dump, references

ANYWHERE = {"0.0.0.0/0", "::/0"}
PUBLIC_PORTS = {80, 443}

# Resource types that have no freeform_tags argument in the oci provider, or
# belong to another provider.
UNTAGGABLE = {
    "oci_core_network_security_group_security_rule",  # a rule, not a resource with metadata
    "oci_network_load_balancer_backend_set",  # part of the NLB, no tags in the API
    "oci_network_load_balancer_backend",
    "oci_network_load_balancer_listener",
    "oci_database_autonomous_database_wallet",  # a download, not a stored resource
    "random_password",
}

# Variable names that carry a constrained value and so need a validation.
CONSTRAINED = re.compile(r"(ocid|cidr|count|shape|region|version|ocpus|memory|gbs|tbs|index|prefix|environment|domain|name|key|model|mode|profile)")
SECRET_NAME = re.compile(r"(password|token|secret|private_key|passphrase)")
SECRET_SOURCES = re.compile(r"random_password\.|\.connection_strings|autonomous_database_wallet\.|\.admin_password\b")


def _port_range(rule: dict[str, Any]) -> tuple[int, int] | None:
    """Destination port range of a TCP/UDP rule; None means every port."""
    for options in ("tcp_options", "udp_options"):
        for opt in blocks(rule, options):
            for rng in blocks(opt, "destination_port_range"):
                return int(rng["min"]), int(rng["max"])
    return None


def _tags_expression_ok(value: Any) -> bool:
    text = dump(value)
    return "local.freeform_tags" in text


# --- variables and outputs -------------------------------------------------


def undeclared_or_unused_variables(module: Module) -> list[str]:
    used: set[str] = set()
    for text in module.all_expressions():
        used |= references(text, "var")
    declared = set(module.variables)
    problems = [f"var.{name} is used but not declared" for name in sorted(used - declared)]
    problems += [f"variable {name} is declared but never used" for name in sorted(declared - used)]
    return problems


def undeclared_or_unused_locals(module: Module) -> list[str]:
    used: set[str] = set()
    for text in module.all_expressions():
        used |= references(text, "local")
    declared = set(module.locals)
    problems = [f"local.{name} is used but not declared" for name in sorted(used - declared)]
    problems += [f"local {name} is declared but never used" for name in sorted(declared - used)]
    return problems


def undescribed_variables(module: Module) -> list[str]:
    problems = []
    for name, body in module.variables.items():
        if not str(body.get("description", "")).strip():
            problems.append(f"variable {name} has no description")
        if "type" not in body:
            problems.append(f"variable {name} has no type")
    return problems


def unvalidated_constrained_variables(module: Module) -> list[str]:
    return [
        f"variable {name} holds a constrained value but has no validation"
        for name, body in module.variables.items()
        if CONSTRAINED.search(name) and not blocks(body, "validation")
    ]


def unmarked_secret_variables(module: Module) -> list[str]:
    return [
        f"variable {name} looks secret but is not sensitive"
        for name, body in module.variables.items()
        if SECRET_NAME.search(name) and body.get("sensitive") is not True
    ]


def undescribed_outputs(module: Module) -> list[str]:
    return [f"output {name} has no description" for name, body in module.outputs.items() if not str(body.get("description", "")).strip()]


def leaking_outputs(module: Module) -> list[str]:
    problems = []
    for name, body in module.outputs.items():
        value = dump(body.get("value"))
        if "random_password." in value:
            problems.append(f"output {name} exposes a generated password")
        elif SECRET_SOURCES.search(value) and body.get("sensitive") is not True:
            problems.append(f"output {name} carries a secret but is not sensitive")
    return problems


# --- network ----------------------------------------------------------------


def open_ingress(module: Module) -> list[str]:
    """No ingress from anywhere except TCP 80 and 443 on the load balancer's NSG."""
    problems = []
    for rule in module.of_type("oci_core_network_security_group_security_rule"):
        body = rule.body
        if str(body.get("direction")).upper() != "INGRESS" or body.get("source") not in ANYWHERE:
            continue
        on_lb = body.get("network_security_group_id") == "${oci_core_network_security_group.lb.id}"
        ports = _port_range(body)
        if not (on_lb and str(body.get("protocol")) == "6" and ports is not None and ports[0] == ports[1] and ports[0] in PUBLIC_PORTS):
            problems.append(f"{rule.address} admits {body.get('source')} on protocol {body.get('protocol')} ports {ports or 'all'}")
    for rtype in ("oci_core_security_list", "oci_core_default_security_list"):
        for sl in module.of_type(rtype):
            for rule in blocks(sl.body, "ingress_security_rules"):
                if rule.get("source") in ANYWHERE:
                    problems.append(f"{sl.address} has a security-list ingress rule from {rule.get('source')}")
    return problems


def default_security_list_not_neutralised(module: Module) -> list[str]:
    """OCI's default security list admits SSH from anywhere: it must be taken
    over (and emptied), and every subnet must name its security lists."""
    problems = []
    if not module.of_type("oci_core_default_security_list"):
        problems.append("the VCN's default security list is not managed (it admits 22 from 0.0.0.0/0)")
    for subnet in module.of_type("oci_core_subnet"):
        if "security_list_ids" not in subnet.body:
            problems.append(f"{subnet.address} does not set security_list_ids and so gets the default security list")
    return problems


def ssh_not_only_from_bastion(module: Module) -> list[str]:
    problems = []
    for rule in module.of_type("oci_core_network_security_group_security_rule"):
        body = rule.body
        if str(body.get("direction")).upper() != "INGRESS":
            continue
        ports = _port_range(body)
        covers_ssh = ports is None and str(body.get("protocol")) in {"6", "all"} or ports is not None and ports[0] <= 22 <= ports[1]
        if covers_ssh and "oci_bastion_bastion." not in str(body.get("source")):
            problems.append(f"{rule.address} admits SSH from {body.get('source')}, not from the Bastion")
    for bastion in module.of_type("oci_bastion_bastion"):
        if bastion.body.get("client_cidr_block_allow_list") != "${var.admin_cidrs}":
            problems.append(f"{bastion.address} is not restricted to var.admin_cidrs")
    if not module.of_type("oci_bastion_bastion"):
        problems.append("there is no oci_bastion_bastion")
    admin = module.variables.get("admin_cidrs", {})
    if "0.0.0.0/0" not in dump([v.get("condition") for v in blocks(admin, "validation")]):
        problems.append("variable admin_cidrs does not reject 0.0.0.0/0")
    return problems


def public_addresses(module: Module) -> list[str]:
    problems = []
    for instance in module.of_type("oci_core_instance"):
        vnics = blocks(instance.body, "create_vnic_details")
        if not vnics or any(v.get("assign_public_ip") is not False for v in vnics):
            problems.append(f"{instance.address} does not set create_vnic_details.assign_public_ip = false")
    for subnet in module.of_type("oci_core_subnet"):
        if subnet.name != "lb" and subnet.body.get("prohibit_public_ip_on_vnic") is not True:
            problems.append(f"{subnet.address} allows public IPs on its VNICs")
    for rtype in ("oci_core_public_ip", "oci_core_instance_pool"):
        for r in module.of_type(rtype):
            problems.append(f"{r.address} is not allowed (public address or unmanaged nodes)")
    return problems


def nsg_rule_sources(module: Module, nsg: str, direction: str = "INGRESS") -> list[tuple[Resource, tuple[int, int] | None]]:
    return [
        (rule, _port_range(rule.body))
        for rule in module.of_type("oci_core_network_security_group_security_rule")
        if rule.body.get("network_security_group_id") == f"${{oci_core_network_security_group.{nsg}.id}}"
        and str(rule.body.get("direction")).upper() == direction
    ]


def database_not_private(module: Module) -> list[str]:
    problems = []
    databases = module.of_type("oci_database_autonomous_database")
    if not databases:
        return ["there is no Autonomous Database"]
    for db in databases:
        body = db.body
        if "oci_core_subnet." not in str(body.get("subnet_id")):
            problems.append(f"{db.address} has no private endpoint subnet")
        if not body.get("private_endpoint_label"):
            problems.append(f"{db.address} has no private endpoint label")
        nsgs = body.get("nsg_ids") or []
        if not nsgs:
            problems.append(f"{db.address} has no network security group")
        if body.get("whitelisted_ips"):
            problems.append(f"{db.address} has a public access control list")
        if body.get("db_workload") != "OLTP":
            problems.append(f"{db.address} is not transaction processing (OLTP)")
        if "var.database_mtls_required" not in str(body.get("is_mtls_connection_required")):
            problems.append(f"{db.address} does not take mTLS from var.database_mtls_required")
        if "random_password." not in str(body.get("admin_password")):
            problems.append(f"{db.address} admin password is not generated")
    for rule, ports in nsg_rule_sources(module, "database"):
        if rule.body.get("source") != "${oci_core_network_security_group.nodes.id}" or ports != (1522, 1522):
            problems.append(f"{rule.address} admits something other than 1522 from the nodes")
    if not nsg_rule_sources(module, "database"):
        problems.append("the database NSG admits nothing (1522 from the nodes is needed)")
    return problems


def cluster_ports_missing(module: Module) -> list[str]:
    """The nodes take Traefik's ports from the load balancer and K3s's from each other."""
    nodes = "${oci_core_network_security_group.nodes.id}"
    lb = "${oci_core_network_security_group.lb.id}"
    wanted = {
        ("6", 80, lb): "Traefik web from the load balancer",
        ("6", 443, lb): "Traefik websecure from the load balancer",
        ("6", 6443, nodes): "Kubernetes API between nodes",
        ("6", 10250, nodes): "kubelet between nodes",
        ("17", 8472, nodes): "flannel VXLAN between nodes",
    }
    present = set()
    for rule, ports in nsg_rule_sources(module, "nodes"):
        if ports and ports[0] == ports[1]:
            present.add((str(rule.body.get("protocol")), ports[0], rule.body.get("source")))
    problems = [f"nodes NSG lacks {what}" for key, what in wanted.items() if key not in present]
    for rule, ports in nsg_rule_sources(module, "lb"):
        if rule.body.get("source") not in ANYWHERE or ports not in {(80, 80), (443, 443)}:
            problems.append(f"{rule.address}: the load balancer NSG takes only 80 and 443 from anywhere")
    return problems


def load_balancer_wrong(module: Module) -> list[str]:
    problems = []
    nlbs = module.of_type("oci_network_load_balancer_network_load_balancer")
    if len(nlbs) != 1:
        return [f"expected one network load balancer, found {len(nlbs)}"]
    nlb = nlbs[0].body
    if nlb.get("is_private") is not False:
        problems.append("the network load balancer is not public")
    if "oci_core_network_security_group.lb.id" not in dump(nlb.get("network_security_group_ids")):
        problems.append("the network load balancer is not in the lb NSG")
    for bs in module.of_type("oci_network_load_balancer_backend_set"):
        if not blocks(bs.body, "health_checker"):
            problems.append(f"{bs.address} has no health check")
    ports_text = dump(module.locals.get("traefik_ports"))
    if module.locals.get("traefik_ports") != {"http": 80, "https": 443}:
        problems.append(f"listeners must be exactly 80 and 443, found {ports_text}")
    return problems


# --- tags, names, providers -------------------------------------------------


def untagged_resources(module: Module) -> list[str]:
    problems = []
    tags = module.locals.get("freeform_tags")
    text = dump(tags)
    for key in ("project", "environment"):
        if not re.search(rf"\b{key}\b\\*\"?\s*[=:]", text):
            problems.append(f"local.freeform_tags has no {key} tag")
    for r in module.resources:
        if r.type in UNTAGGABLE:
            continue
        if "freeform_tags" not in r.body or not _tags_expression_ok(r.body["freeform_tags"]):
            problems.append(f"{r.address} does not carry local.freeform_tags")
    return problems


def unprefixed_names(module: Module) -> list[str]:
    problems = []
    for r in module.resources:
        for attr in ("display_name", "name", "secret_name"):
            if attr not in r.body or r.type in UNTAGGABLE:
                continue
            value = str(r.body[attr])
            if not any(p in value for p in ("${var.name_prefix}", "${local.dns_label}", "${local.backup_bucket_name}")):
                problems.append(f"{r.address}.{attr} = {value!r} is not derived from var.name_prefix")
    return problems


def unpinned_providers(module: Module) -> list[str]:
    problems = []
    required: dict[str, Any] = {}
    version = None
    for block in module.terraform:
        version = block.get("required_version", version)
        for rp in blocks(block, "required_providers"):
            required.update(rp)
    if not version or not re.fullmatch(r">=\s*1\.([5-9]|[1-9][0-9])(\.\d+)?", str(version)):
        problems.append(f"required_version should be '>= 1.5' or later, found {version!r}")
    oci = required.get("oci")
    if not isinstance(oci, dict) or oci.get("source") != "oracle/oci":
        problems.append("provider oracle/oci is not required")
    else:
        constraint = str(oci.get("version", ""))
        if not ("~>" in constraint or "<" in constraint):
            problems.append(f"provider oracle/oci version {constraint!r} has no upper bound")
    for name, spec in required.items():
        if isinstance(spec, dict) and not spec.get("version"):
            problems.append(f"provider {name} has no version constraint")
    return problems


def iam_not_least_privilege(module: Module) -> list[str]:
    problems = []
    for policy in module.of_type("oci_identity_policy"):
        statements = policy.body.get("statements", [])
        for statement in statements:
            text = str(statement)
            if re.search(r"\bmanage all-resources\b|\bin tenancy\b", text):
                problems.append(f"{policy.address}: '{text}' is wider than the compartment")
            if "compartment id ${var.compartment_ocid}" not in text:
                problems.append(f"{policy.address}: '{text}' is not scoped to the compartment")
            if " where " not in text:
                problems.append(f"{policy.address}: '{text}' has no condition naming its target")
    for dg in module.of_type("oci_identity_dynamic_group"):
        if "instance.id" not in str(dg.body.get("matching_rule")):
            problems.append(f"{dg.address} matches more than the node instances")
    return problems


def bucket_not_private(module: Module) -> list[str]:
    problems = []
    buckets = module.of_type("oci_objectstorage_bucket")
    if not buckets:
        problems.append("there is no backup bucket")
    for bucket in buckets:
        if bucket.body.get("access_type") != "NoPublicAccess":
            problems.append(f"{bucket.address} is not private")
        if bucket.body.get("versioning") != "Enabled":
            problems.append(f"{bucket.address} is not versioned")
    return problems


# What the API takes only at launch: a change of any of them would make the
# provider replace the instance, and a K3s node with it (its etcd, its
# volumes). The SSH key is rotated in place instead (README.md, "SSH keys").
LAUNCH_ONLY = ('source_details[0].source_id', 'metadata["user_data"]', 'metadata["ssh_authorized_keys"]')


def nodes_replaced_by_launch_inputs(module: Module) -> list[str]:
    problems = []
    instances = module.of_type("oci_core_instance")
    if not instances:
        problems.append("there is no instance")
    for instance in instances:
        ignored = {
            str(entry).removeprefix("${").removesuffix("}")
            for lifecycle in blocks(instance.body, "lifecycle")
            for entry in lifecycle.get("ignore_changes", [])
        }
        problems += [f"{instance.address}: a change of {key} replaces the node" for key in LAUNCH_ONLY if key not in ignored]
    return problems


ALL = [
    undeclared_or_unused_variables,
    undeclared_or_unused_locals,
    undescribed_variables,
    unvalidated_constrained_variables,
    unmarked_secret_variables,
    undescribed_outputs,
    leaking_outputs,
    open_ingress,
    default_security_list_not_neutralised,
    ssh_not_only_from_bastion,
    public_addresses,
    database_not_private,
    cluster_ports_missing,
    load_balancer_wrong,
    untagged_resources,
    unprefixed_names,
    unpinned_providers,
    iam_not_least_privilege,
    bucket_not_private,
    nodes_replaced_by_launch_inputs,
]
