"""Just enough PromQL reading for the monitoring checks: which metric
selectors an expression uses, and which of its parts must return series
when the system is healthy (an alert's expression without its threshold).

Prometheus itself parses and evaluates every expression in the tests; this
module only decides what to ask it. It understands the PromQL the dashboards
and rules use: selectors with matchers, ranges, functions, aggregations with
by/without, vector matching, comparisons and set operators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset"}
AGGREGATIONS = {"sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "group"}
LABEL_LIST_KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right"}
COMPARISONS = ("==", "!=", ">=", "<=", ">", "<")
IDENT = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*")
MATCHER = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\')\s*,?')


@dataclass
class Selector:
    metric: str
    matchers: list[tuple[str, str, str]] = field(default_factory=list)

    def equal(self, label: str) -> str | None:
        for name, op, value in self.matchers:
            if name == label and op == "=":
                return value
        return None


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" and quote != "`" else 1
    return i + 1


def _skip_group(text: str, i: int, open_: str, close: str) -> int:
    depth = 0
    while i < len(text):
        c = text[i]
        if c in "\"'`":
            i = _skip_string(text, i)
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced {open_!r} in {text!r}")


def _parse_matchers(body: str) -> list[tuple[str, str, str]]:
    matchers = []
    pos = 0
    while pos < len(body) and body[pos:].strip():
        m = MATCHER.match(body, pos)
        if not m:
            raise ValueError(f"cannot read label matchers {body!r}")
        value = m.group(3)[1:-1].encode().decode("unicode_escape")
        matchers.append((m.group(1), m.group(2), value))
        pos = m.end()
    return matchers


def selectors(expr: str) -> list[Selector]:
    """The vector selectors of `expr`, in order."""
    found: list[Selector] = []
    i = 0
    while i < len(expr):
        c = expr[i]
        if c in "\"'`":
            i = _skip_string(expr, i)
        elif c == "[":
            i = _skip_group(expr, i, "[", "]")
        elif c == "{":  # a selector without a metric name
            end = _skip_group(expr, i, "{", "}")
            matchers = _parse_matchers(expr[i + 1 : end - 1])
            name = next((v for n, op, v in matchers if n == "__name__" and op == "="), "")
            found.append(Selector(name, [m for m in matchers if m[0] != "__name__"]))
            i = end
        elif c.isdigit() or (c == "." and i + 1 < len(expr) and expr[i + 1].isdigit()):
            m = re.compile(r"[0-9.][0-9a-zA-Z._+-]*").match(expr, i)
            i = m.end() if m else i + 1
        elif m := IDENT.match(expr, i):
            word = m.group(0)
            j = m.end()
            while j < len(expr) and expr[j].isspace():
                j += 1
            next_char = expr[j] if j < len(expr) else ""
            if word in LABEL_LIST_KEYWORDS and next_char == "(":
                i = _skip_group(expr, j, "(", ")")
            elif (
                word.lower() in KEYWORDS
                or next_char == "("
                or word.lower() in ("inf", "nan")
                or (word in AGGREGATIONS and re.match(r"(by|without)\b", expr[j:]))
            ):
                i = j
            else:
                selector = Selector(word)
                if next_char == "{":
                    end = _skip_group(expr, j, "{", "}")
                    selector.matchers = _parse_matchers(expr[j + 1 : end - 1])
                    j = end
                found.append(selector)
                i = j
        else:
            i += 1
    return found


def metric_names(expr: str) -> set[str]:
    return {s.metric for s in selectors(expr) if s.metric}


def _split_top_level(expr: str, operators: tuple[str, ...], words: bool) -> list[tuple[str, str]]:
    """Splits at operators outside parentheses, braces, brackets and strings.
    Returns [(operator before the part or "", part)]."""
    parts: list[tuple[str, str]] = []
    start, op_before, depth, i = 0, "", 0, 0
    while i < len(expr):
        c = expr[i]
        if c in "\"'`":
            i = _skip_string(expr, i)
            continue
        if c in "{[":
            i = _skip_group(expr, i, c, "}" if c == "{" else "]")
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            for op in operators:
                if words:
                    m = re.compile(rf"\b{op}\b").match(expr, i)
                    if m and (i == 0 or not (expr[i - 1].isalnum() or expr[i - 1] == "_")):
                        parts.append((op_before, expr[start:i]))
                        start, op_before = m.end(), op
                        i = m.end() - 1
                        break
                elif expr.startswith(op, i):
                    parts.append((op_before, expr[start:i]))
                    start, op_before = i + len(op), op
                    i += len(op) - 1
                    break
        i += 1
    parts.append((op_before, expr[start:]))
    return parts


def _strip_modifiers(part: str) -> str:
    """Drops a leading `bool` and vector matching (`on (..) group_left (..)`)."""
    part = part.strip()
    while True:
        m = re.match(r"(bool\b|(on|ignoring|group_left|group_right)\s*(\([^)]*\))?)\s*", part)
        if not m or not m.group(0):
            return part
        part = part[m.end() :]


def _unwrap(expr: str) -> str:
    expr = expr.strip()
    while expr.startswith("(") and _skip_group(expr, 0, "(", ")") == len(expr):
        expr = expr[1:-1].strip()
    return expr


def signals(expr: str) -> list[str]:
    """The parts of `expr` that return series whenever their metrics exist:
    the operands of `and`/`or` (the left one of `unless`), each without its
    comparison to a threshold, and the argument of absent()."""
    result: list[str] = []
    for op, part in _split_top_level(_unwrap(expr), ("or",), words=True):
        for op2, operand in _split_top_level(_strip_modifiers(part), ("and", "unless"), words=True):
            if op2 == "unless":
                continue
            for _, side in _split_top_level(_strip_modifiers(operand), COMPARISONS, words=False):
                side = _unwrap(_strip_modifiers(side))
                if not metric_names(side) and not selectors(side):
                    continue  # a threshold, time(), vector(0)
                m = re.fullmatch(r"absent(_over_time)?\s*\((.*)\)", side, re.S)
                if m:
                    result.extend(signals(m.group(2)))
                else:
                    result.append(side)
    return result
