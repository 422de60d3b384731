"""Every invariant of invariants.py holds on infra/."""

from __future__ import annotations

import pytest

import invariants
from hclmodel import Module


@pytest.mark.parametrize("check", invariants.ALL, ids=lambda c: c.__name__)
def test_invariant_holds(module: Module, check) -> None:
    assert check(module) == []


def test_module_is_not_empty(module: Module) -> None:
    # Guards the checks above against passing on a module that failed to load.
    types = {r.type for r in module.resources}
    for wanted in (
        "oci_core_vcn",
        "oci_core_subnet",
        "oci_core_internet_gateway",
        "oci_core_nat_gateway",
        "oci_core_service_gateway",
        "oci_core_route_table",
        "oci_core_network_security_group",
        "oci_core_instance",
        "oci_network_load_balancer_network_load_balancer",
        "oci_database_autonomous_database",
        "oci_kms_vault",
        "oci_kms_key",
        "oci_identity_dynamic_group",
        "oci_identity_policy",
        "oci_objectstorage_bucket",
        "oci_bastion_bastion",
        "random_password",
    ):
        assert wanted in types
    assert len(module.of_type("oci_core_subnet")) == 3
    assert len(module.variables) >= 20
    assert len(module.outputs) >= 10
