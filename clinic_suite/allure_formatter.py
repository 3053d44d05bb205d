"""allure-behave 2.16.2 wraps only `feature.scenarios`, so every scenario inside a
`Rule:` vanished from the report. This subclass wraps the rules' scenarios too."""
from allure_behave.formatter import AllureFormatter


class RuleAwareAllureFormatter(AllureFormatter):
    def feature(self, feature):
        super().feature(feature)
        for rule in getattr(feature, "rules", []):
            self._wrap_scenario(rule.scenarios)
