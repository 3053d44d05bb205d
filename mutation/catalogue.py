"""Every mutant of the reference system's Python, with where it is and what it changes, and
the default sample: a fixed-seed draw spread over every module."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from cosmic_ray.ast import Visitor, get_ast
from cosmic_ray.mutating import mutate_code

from . import operators

ROOT = Path(__file__).resolve().parent.parent
SYSTEM = ROOT / "clinic_system"
# Test scaffolding of the embedded configuration, not the product.
SKIP = {"coverage_contexts.py"}


@dataclass(frozen=True)
class Mutant:
    module: str        # relative to the project root: clinic_system/booking.py
    operator: str
    occurrence: int    # cosmic-ray's index of this operator's positions in the module
    line: int
    function: str      # the enclosing def, or "<module>"
    nth: int           # index among this operator's mutants inside that function: a key that survives moves
    scope: tuple[int, int] = (0, 0)   # the enclosing def's first and last line; (0, 0) at module level
    defines: tuple[str, ...] = ()     # at module level or in a class body: the names that statement defines

    @property
    def key(self) -> str:
        return f"{self.module}::{self.function}::{self.operator}::{self.nth}"

    def mutated_source(self) -> str | None:
        return mutate_code((ROOT / self.module).read_text(), operators.operator(self.operator), self.occurrence)

    def change(self, mutated: str) -> str:
        """The line before and after, for people."""
        before = (ROOT / self.module).read_text().splitlines()[self.line - 1].strip()
        after = mutated.splitlines()
        return f"{before}  ->  {after[self.line - 1].strip() if self.line - 1 < len(after) else ''}"

    def as_dict(self) -> dict:
        return {**asdict(self), "key": self.key}


class _Positions(Visitor):
    def __init__(self, operator):
        self.operator, self.found = operator, []

    def visit(self, node):
        for _ in self.operator.mutation_positions(node):
            self.found.append(node)
        return node


def _function_of(node) -> str:
    names = []
    while node is not None:
        if node.type in ("funcdef", "classdef"):
            names.append(node.name.value)
        node = node.parent
    return ".".join(reversed(names)) or "<module>"


def _scope_of(node) -> tuple[int, int]:
    """The lines of the innermost def around the node: what runs when its defaults matter."""
    while node is not None and node.type not in ("funcdef", "classdef"):
        node = node.parent
    return (node.start_pos[0], node.end_pos[0]) if node is not None else (0, 0)


def _defines(node) -> tuple[str, ...]:
    """The names the statement around a module-level (or class-body) node defines: `LIMIT = 3`
    defines LIMIT; a node in a class body defines the class."""
    while node is not None and node.type not in ("funcdef", "classdef", "expr_stmt", "file_input"):
        node = node.parent
    if node is None or node.type == "funcdef":
        return ()
    if node.type == "classdef":
        return (node.name.value,)
    targets = node.children[0]
    names = [leaf.value for leaf in _leaves(targets) if leaf.type == "name"]
    outer = node.parent
    while outer is not None and outer.type not in ("classdef", "funcdef", "file_input"):
        outer = outer.parent
    return (outer.name.value,) if outer is not None and outer.type == "classdef" else tuple(names)


def _leaves(node):
    if hasattr(node, "children"):
        for child in node.children:
            yield from _leaves(child)
    else:
        yield node


def of_module(path: Path) -> list[Mutant]:
    source = path.read_text()
    module = str(path.relative_to(ROOT))
    out = []
    tree = get_ast(source)  # parsed once: a walk only records where each operator applies
    for name in operators.names():
        walker = _Positions(operators.operator(name))
        walker.walk(tree)
        per_function: dict[str, int] = defaultdict(int)
        for occurrence, node in enumerate(walker.found):
            function = _function_of(node)
            scope = _scope_of(node)
            in_class = scope != (0, 0) and function.split(".")[-1][:1].isupper() and "." not in function
            out.append(Mutant(module, name, occurrence, node.start_pos[0], function, per_function[function],
                              scope, _defines(node) if scope == (0, 0) or in_class else ()))
            per_function[function] += 1
    return out


def everything() -> list[Mutant]:
    return [m for path in sorted(SYSTEM.rglob("*.py")) if path.name not in SKIP for m in of_module(path)]


def draw(mutant: Mutant, seed: int) -> int:
    """The mutant's place in the seed's order: from its key alone, so a change elsewhere in the
    system (a new function, lines moving) leaves every other mutant's place, and the triage, as is."""
    return int.from_bytes(hashlib.sha256(f"{seed}:{mutant.key}".encode()).digest()[:8], "big")


def sample(mutants: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """`size` mutants in the seed's order, every module represented (its first), the rest the
    earliest in that order whatever their module."""
    if size >= len(mutants):
        return list(mutants)
    ordered = sorted(mutants, key=lambda m: draw(m, seed))
    by_module: dict[str, Mutant] = {}
    for m in ordered:
        by_module.setdefault(m.module, m)
    chosen = set(by_module.values())
    chosen |= set([m for m in ordered if m not in chosen][: max(0, size - len(chosen))])
    return sorted(chosen, key=lambda m: (m.module, m.line, m.operator, m.occurrence))


def functions_using(names: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """(module, first line, last line) of every function of the system whose code names one of
    `names`: where a module-level constant or a class can change what happens."""
    import re

    if not names:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    out = []
    for path in sorted(SYSTEM.rglob("*.py")):
        for node in _all(get_ast(path.read_text())):
            if node.type == "funcdef" and pattern.search(node.get_code()):
                out.append((str(path.relative_to(ROOT)), node.start_pos[0], node.end_pos[0]))
    return out


def _all(node):
    yield node
    for child in getattr(node, "children", []):
        yield from _all(child)
