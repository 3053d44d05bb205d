"""allure-behave 2.16.2, mended in two places:

- its formatter wraps only `feature.scenarios`, so every scenario inside a `Rule:`
  vanished from the report; this subclass wraps the rules' scenarios too;
- its listener implements no `add_label` / `add_parameter` hooks, so `allure.dynamic.epic`,
  `.story`, `.label` and `.parameter` were silently dropped; a small plugin adds them to
  the running test's result (the epics, criteria, seeds and measured figures);
- a run of some of a feature's scenarios (`file:line`, a feature cut between the acceptance
  run's workers) reported every other one as skipped: those are left out, as a feature no
  worker was given would be. A scenario skipped while the run goes on is still reported."""
import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_commons.model2 import Label, Parameter
from allure_commons.utils import represent


class DynamicLabelsAndParameters:
    def __init__(self, listener):
        self.listener = listener

    def _test(self):
        return self.listener.logger.get_test(None)

    @allure_commons.hookimpl
    def add_label(self, label_type, labels):
        test = self._test()
        if test is not None:
            name = getattr(label_type, "value", label_type)
            test.labels.extend(Label(name=name, value=value) for value in labels)

    @allure_commons.hookimpl
    def add_parameter(self, name, value, excluded, mode):
        test = self._test()
        if test is not None:
            shown = value if isinstance(value, str) else represent(value)
            # a figure measured again: the latest stands
            test.parameters = [p for p in (test.parameters or []) if p.name != name]
            test.parameters.append(Parameter(name=name, value=shown, excluded=excluded,
                                             mode=getattr(mode, "value", mode)))


class RuleAwareAllureFormatter(AllureFormatter):
    def __init__(self, stream_opener, config):
        super().__init__(stream_opener, config)
        self.dynamic = DynamicLabelsAndParameters(self.listener)
        allure_commons.plugin_manager.register(self.dynamic)
        self.not_asked_for: set[int] = set()
        self._listener_stop_scenario, self.listener.stop_scenario = self.listener.stop_scenario, self._stop_scenario

    def feature(self, feature):
        # Before the feature runs, only a scenario its run was not asked for is skipped already.
        self.not_asked_for = {id(s) for s in feature.walk_scenarios() if s.status.name == "skipped"
                              and not getattr(s, "skip_reason", None)}
        super().feature(feature)
        for rule in getattr(feature, "rules", []):
            self._wrap_scenario(rule.scenarios)

    def _stop_scenario(self, scenario):
        if id(scenario) in self.not_asked_for:
            self.listener.logger.drop_test(self.listener.current_scenario_uuid)  # as allure drops a hidden one
        else:
            self._listener_stop_scenario(scenario)

    def close(self):
        try:
            super().close()
        finally:
            name = allure_commons.plugin_manager.get_name(self.dynamic)
            if name and allure_commons.plugin_manager.has_plugin(name):
                allure_commons.plugin_manager.unregister(name=name)
