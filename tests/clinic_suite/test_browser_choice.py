"""Which Chromium the patient's phone is: SUITE_CHROMIUM, else the old headless shell, else the full browser."""
from clinic_suite.drivers import browser


def _which(present):
    return lambda name: f"/bin/{name}" if name in present else None


def test_the_headless_shell_before_the_full_browser(monkeypatch):
    monkeypatch.delenv("SUITE_CHROMIUM", raising=False)
    monkeypatch.setattr(browser.shutil, "which", _which({"chromium", "chromium-headless-shell"}))
    assert browser.chromium() == "/bin/chromium-headless-shell"


def test_the_full_browser_where_the_shell_is_missing(monkeypatch):
    monkeypatch.delenv("SUITE_CHROMIUM", raising=False)
    monkeypatch.setattr(browser.shutil, "which", _which({"chromium"}))
    assert browser.chromium() == "/bin/chromium"


def test_the_variable_wins(monkeypatch):
    monkeypatch.setenv("SUITE_CHROMIUM", "/opt/mine")
    monkeypatch.setattr(browser.shutil, "which", _which({"chromium", "chromium-headless-shell"}))
    assert browser.chromium() == "/opt/mine"
