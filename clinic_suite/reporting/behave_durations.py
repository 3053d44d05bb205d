"""behave 1.3.3 adds up a feature's duration from `feature.scenarios`, which leaves out
every scenario inside a `Rule:`, so its closing line said "Took 0min 0.000s" here (every
feature has rules). Counting every scenario the feature walks gives the real time."""
from behave.model import Feature


def install() -> None:
    Feature.duration = property(lambda feature: sum(s.duration for s in feature.walk_scenarios()))
