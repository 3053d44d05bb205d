"""The mutation operators: cosmic-ray's (comparisons, numbers, booleans, arithmetic, loops,
exceptions) plus one it lacks, a removed call statement. (Its VariableReplacer needs a named
pair of variables, for causal testing: it has no general argument swap.)"""
from __future__ import annotations

import parso
from cosmic_ray.operators.operator import Example, Operator
from cosmic_ray.plugins import get_operator

# Each comparison becomes its boundary or its negation (30 < x -> 30 <= x, == -> !=).
COMPARISONS = ["Lt_LtE", "LtE_Lt", "Gt_GtE", "GtE_Gt", "Eq_NotEq", "NotEq_Eq", "Is_IsNot", "IsNot_Is",
               "Lt_Gt", "Gt_Lt"]
ARITHMETIC = ["Add_Sub", "Sub_Add", "Mul_Div", "Div_Mul", "FloorDiv_Mul", "Mod_FloorDiv"]
COSMIC_RAY = ([f"core/ReplaceComparisonOperator_{c}" for c in COMPARISONS]
              + [f"core/ReplaceBinaryOperator_{a}" for a in ARITHMETIC]
              + ["core/NumberReplacer", "core/ReplaceTrueWithFalse", "core/ReplaceFalseWithTrue",
                 "core/ReplaceAndWithOr", "core/ReplaceOrWithAnd", "core/AddNot", "core/ZeroIterationForLoop",
                 "core/ReplaceBreakWithContinue"])


class RemoveCallStatement(Operator):
    """A statement that is only a call (`await conn.execute(...)`, `log.info(...)`) becomes
    `pass`: the effect is gone, the code still runs."""

    def mutation_positions(self, node):
        if node.type == "expr_stmt" or node.type not in ("atom_expr", "power"):
            return
        parent = node.parent
        if parent is not None and parent.type == "simple_stmt" and parent.children[0] is node:
            last = node.children[-1]
            if last.type == "trailer" and last.children[0].value == "(":
                yield (node.start_pos, node.end_pos)

    def mutate(self, node, index):
        return parso.python.tree.Keyword("pass", node.start_pos, prefix=node.get_first_leaf().prefix)

    @classmethod
    def examples(cls):
        return (Example("f(x)\n", "pass\n"), Example("await conn.execute(q)\n", "pass\n"))


OWN = {"RemoveCallStatement": RemoveCallStatement}


def operator(name: str) -> Operator:
    return OWN[name]() if name in OWN else get_operator(name)()


def names() -> list[str]:
    return [*COSMIC_RAY, *OWN]
