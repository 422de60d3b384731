"""The cloud-init templates render with the variables main.tf passes, are
valid cloud-config, and their shell passes shellcheck.

Rendering follows templatefile()'s rules for the subset the templates may
use (plain ${name} interpolations and the $${ escape; no %{ directives,
which this test rejects). When scripts/check-infra has built OpenTofu, it
sets DOGCARE_TOFU and the same templates are also rendered by OpenTofu's own
templatefile() and must come out identical.
"""

from __future__ import annotations

import base64
import ipaddress
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from hclmodel import Module

TEMPLATE_CALL = re.compile(r'templatefile\(\\?"\$\{path\.module\}/(?P<path>[^"\\]+)\\?",\s*(?P<vars>.*)\)\}$', re.S)
INTERPOLATION = re.compile(r"(?<!\$)\$\{(?P<expr>[^}]*)\}")
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KNOWN_CLOUD_CONFIG_KEYS = {"write_files", "runcmd", "packages", "package_update", "package_upgrade", "bootcmd", "users", "ntp", "timezone"}


def template_calls(module: Module) -> dict[str, set[str]]:
    """Template path -> the names of the variables passed to it."""
    calls: dict[str, set[str]] = {}
    for value in module.locals.values():
        match = TEMPLATE_CALL.search(value) if isinstance(value, str) else None
        if not match:
            continue
        names: set[str] = set(re.findall(r"(\w+)\s*=", match["vars"]))
        # Objects passed whole (local.x as an argument, not as a key's value).
        arguments = re.sub(r"\w+\s*=\s*[^,}]+", "", match["vars"])
        for ref in re.findall(r"local\.(\w+)", arguments):
            referenced = module.locals[ref]
            assert isinstance(referenced, dict), f"local.{ref} passed to templatefile() is not an object"
            names |= set(referenced)
        calls[match["path"]] = names
    return calls


def sample_values(module: Module) -> dict[str, str]:
    """Values like the ones Terraform passes, from the variables' defaults."""
    vcn = ipaddress.ip_network(module.variables["vcn_cidr"]["default"])
    subnets = list(vcn.subnets(new_prefix=24))
    return {
        "k3s_version": module.variables["k3s_version"]["default"],
        "k3s_token": "Q" * 48,  # random_password with special = false: letters and digits
        "server_private_ip": str(subnets[1][10]),
        "lb_subnet_cidr": str(subnets[0]),
    }


def render(text: str, values: dict[str, str]) -> str:
    assert "%{" not in text.replace("%%{", ""), "template directives are not used by these templates"

    def substitute(match: re.Match[str]) -> str:
        name = match["expr"].strip()
        assert IDENTIFIER.match(name), f"only plain variable interpolations are allowed, found ${{{name}}}"
        return values[name]

    return INTERPOLATION.sub(substitute, text).replace("$${", "${").replace("%%{", "%{")


def render_with_tofu(tofu: str, template: Path, values: dict[str, str], workdir: Path) -> str:
    expression = f"nonsensitive(base64encode(templatefile({json.dumps(str(template))}, {json.dumps(values)})))"
    env = dict(os.environ, TF_CLI_CONFIG_FILE=os.devnull, TF_IN_AUTOMATION="1")
    result = subprocess.run([tofu, "console"], input=expression, capture_output=True, text=True, cwd=workdir, env=env, check=True)
    return base64.b64decode(result.stdout.strip().strip('"')).decode("utf-8")


def shell_parts(config: dict[str, Any]) -> dict[str, str]:
    """Scripts written by write_files, and runcmd given as shell strings."""
    parts = {}
    for entry in config.get("write_files", []):
        content = entry.get("content", "")
        if re.match(r"#!\s*/(usr/)?bin/(env )?(ba)?sh\b", content):
            parts[entry["path"]] = content
    strings = [cmd for cmd in config.get("runcmd", []) if isinstance(cmd, str)]
    if strings:
        parts["runcmd"] = "#!/bin/sh\n" + "\n".join(strings) + "\n"
    return parts


def shellcheck(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("shellcheck")
    assert binary, "shellcheck is required (scripts/install-deps installs it)"
    path = tmp_path / "script.sh"
    path.write_text(script, encoding="utf-8")
    return subprocess.run([binary, "--severity=style", "--external-sources", str(path)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def calls(module: Module) -> dict[str, set[str]]:
    found = template_calls(module)
    assert set(found) == {"templates/k3s-server.yaml.tftpl", "templates/k3s-agent.yaml.tftpl"}
    return found


@pytest.fixture(scope="module")
def rendered(module: Module, infra_dir: Path, calls: dict[str, set[str]]) -> dict[str, str]:
    values = sample_values(module)
    return {path: render((infra_dir / path).read_text(encoding="utf-8"), {k: values[k] for k in names}) for path, names in calls.items()}


TEMPLATES = ["templates/k3s-server.yaml.tftpl", "templates/k3s-agent.yaml.tftpl"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_uses_exactly_the_variables_passed(infra_dir: Path, calls: dict[str, set[str]], template: str) -> None:
    text = (infra_dir / template).read_text(encoding="utf-8")
    used = {m["expr"].strip() for m in INTERPOLATION.finditer(text)}
    assert used == calls[template]


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_renders_to_cloud_config(rendered: dict[str, str], template: str) -> None:
    text = rendered[template]
    assert text.startswith("#cloud-config\n")
    assert "${" not in text.replace("$(", "")
    config = yaml.safe_load(text)
    assert isinstance(config, dict)
    assert set(config) <= KNOWN_CLOUD_CONFIG_KEYS
    written = {entry["path"] for entry in config["write_files"]}
    for entry in config["write_files"]:
        assert entry["path"].startswith("/") and entry["content"].strip()
        assert re.fullmatch(r"0[0-7]{3}", entry["permissions"])
    for command in config["runcmd"]:
        if isinstance(command, list):
            assert command[0] in written, f"runcmd runs {command[0]}, which cloud-init does not write"


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_shell_passes_shellcheck(rendered: dict[str, str], template: str, tmp_path: Path) -> None:
    parts = shell_parts(yaml.safe_load(rendered[template]))
    assert parts, "the template carries the K3s installation script"
    for name, script in parts.items():
        result = shellcheck(script, tmp_path)
        assert result.returncode == 0, f"{template}:{name}\n{result.stdout}{result.stderr}"


def test_shellcheck_catches_a_broken_script(tmp_path: Path) -> None:
    broken = "#!/bin/bash\ninstaller=$(mktemp)\nrm -f $installer\ncd /tmp\n"
    assert shellcheck(broken, tmp_path).returncode != 0


def test_k3s_is_pinned_and_joined(rendered: dict[str, str], module: Module) -> None:
    values = sample_values(module)
    server = yaml.safe_load(rendered["templates/k3s-server.yaml.tftpl"])
    agent = yaml.safe_load(rendered["templates/k3s-agent.yaml.tftpl"])
    files = {role: {e["path"]: e["content"] for e in cfg["write_files"]} for role, cfg in (("server", server), ("agent", agent))}

    server_config = yaml.safe_load(files["server"]["/etc/rancher/k3s/config.yaml"])
    agent_config = yaml.safe_load(files["agent"]["/etc/rancher/k3s/config.yaml"])
    assert server_config["token"] == agent_config["token"] == values["k3s_token"]
    assert agent_config["server"] == f"https://{values['server_private_ip']}:6443"
    assert values["server_private_ip"] in server_config["tls-san"]
    # Traefik stays K3s's ingress.
    assert "traefik" not in json.dumps(server_config.get("disable", []))
    assert "servicelb" not in json.dumps(server_config.get("disable", []))
    traefik = yaml.safe_load(files["server"]["/var/lib/rancher/k3s/server/manifests/traefik-config.yaml"])
    values_content = yaml.safe_load(traefik["spec"]["valuesContent"])
    for entry_point in ("web", "websecure"):
        assert values_content["ports"][entry_point]["proxyProtocol"]["trustedIPs"] == [values["lb_subnet_cidr"]]

    for role in ("server", "agent"):
        script = files[role]["/usr/local/sbin/dogcare-k3s-install"]
        assert f"k3s_version='{values['k3s_version']}'" in script
        assert 'INSTALL_K3S_VERSION="$k3s_version"' in script
        assert "get.k3s.io" not in script and "INSTALL_K3S_CHANNEL" not in script
        assert f'INSTALL_K3S_EXEC="{role}"' in script


@pytest.mark.parametrize("template", TEMPLATES)
def test_opentofu_renders_the_same(module: Module, infra_dir: Path, calls: dict[str, set[str]], rendered: dict[str, str], template: str, tmp_path: Path) -> None:
    tofu = os.environ.get("DOGCARE_TOFU")
    if not tofu:
        pytest.skip("DOGCARE_TOFU is not set (scripts/check-infra sets it to the OpenTofu it builds)")
    values = sample_values(module)
    by_tofu = render_with_tofu(tofu, infra_dir / template, {k: values[k] for k in calls[template]}, tmp_path)
    assert by_tofu == rendered[template]
