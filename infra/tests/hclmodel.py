"""A small model of the infra/ root module, read with python-hcl2.

python-hcl2 keeps HCL's quoting: a label or a string literal comes back as
'"text"', an expression as '${...}'. This module removes the quotes of
literals and offers the few look-ups the invariant checks need.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import hcl2

META_KEYS = {"__is_block__", "__comments__", "__inline_comments__", "__start_line__", "__end_line__"}


def unquote(value: Any) -> Any:
    """'"text"' -> 'text'; expressions and non-strings unchanged."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1]
    return value


def clean(node: Any) -> Any:
    """Drops python-hcl2's bookkeeping keys and unquotes labels and literals."""
    if isinstance(node, dict):
        return {unquote(k): clean(v) for k, v in node.items() if k not in META_KEYS}
    if isinstance(node, list):
        return [clean(v) for v in node]
    return unquote(node)


def blocks(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """Nested blocks of that name (python-hcl2 gives each as a list)."""
    found = body.get(name, [])
    return found if isinstance(found, list) else [found]


def expressions(node: Any) -> Iterator[str]:
    """Every string anywhere below node (attribute values, not comments)."""
    if isinstance(node, dict):
        for v in node.values():
            yield from expressions(v)
    elif isinstance(node, list):
        for v in node:
            yield from expressions(v)
    elif isinstance(node, str):
        yield node


@dataclass
class Resource:
    type: str
    name: str
    body: dict[str, Any]
    file: str

    @property
    def address(self) -> str:
        return f"{self.type}.{self.name}"


@dataclass
class Module:
    directory: Path
    resources: list[Resource] = field(default_factory=list)
    data: list[Resource] = field(default_factory=list)
    variables: dict[str, dict[str, Any]] = field(default_factory=dict)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    providers: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    terraform: list[dict[str, Any]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def of_type(self, resource_type: str) -> list[Resource]:
        return [r for r in self.resources if r.type == resource_type]

    def resource(self, address: str) -> Resource:
        for r in self.resources:
            if r.address == address:
                return r
        raise KeyError(address)

    def all_expressions(self) -> Iterator[str]:
        yield from expressions(self.raw)


_PARSED: dict[str, Any] = {}


def parse(text: str) -> Any:
    """Parses one file's text; the same text is parsed once per process
    (the breakage tests load many copies that differ in one file)."""
    if text not in _PARSED:
        _PARSED[text] = clean(hcl2.loads(text))
    return copy.deepcopy(_PARSED[text])


def load(directory: Path) -> Module:
    module = Module(directory=directory)
    for path in sorted(directory.glob("*.tf")):
        parsed = parse(path.read_text(encoding="utf-8"))
        module.raw[path.name] = parsed
        for item in parsed.get("resource", []):
            for rtype, named in item.items():
                for rname, body in named.items():
                    module.resources.append(Resource(rtype, rname, body, path.name))
        for item in parsed.get("data", []):
            for rtype, named in item.items():
                for rname, body in named.items():
                    module.data.append(Resource(rtype, rname, body, path.name))
        for item in parsed.get("variable", []):
            for vname, body in item.items():
                assert vname not in module.variables, f"variable {vname} declared twice"
                module.variables[vname] = body
        for item in parsed.get("output", []):
            for oname, body in item.items():
                assert oname not in module.outputs, f"output {oname} declared twice"
                module.outputs[oname] = body
        for item in parsed.get("locals", []):
            for lname, value in item.items():
                assert lname not in module.locals, f"local {lname} declared twice"
                module.locals[lname] = value
        for item in parsed.get("provider", []):
            for pname, body in item.items():
                module.providers.append((pname, body))
        module.terraform.extend(parsed.get("terraform", []))
    return module


REFERENCE = re.compile(r"\b(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)")


def references(text: str, kind: str) -> set[str]:
    return {name for k, name in REFERENCE.findall(text) if k == kind}


def dump(node: Any) -> str:
    return json.dumps(node, sort_keys=True)
