"""The fork server: a child forked from it is what `python -m module` in its folder would be
(its own code from its folder, its environment, streams, exit status, signals), and without a
server the same call is a plain subprocess."""
import os
import signal
import subprocess
import textwrap

import pytest

from embedded_stack import prefork


@pytest.fixture(scope="module")
def forking():
    # A profile of its own: a module this test writes, served by a server that preloads little.
    prefork.PROFILES["probe"] = {"modules": ["probe_module", "probe_package"], "preload": ["json"]}
    try:
        with prefork.servers(["probe"]) as env:
            assert env, "the fork server said it was ready"
            yield env
    finally:
        del prefork.PROFILES["probe"]


def _module(folder, body: str) -> None:
    (folder / "probe_module.py").write_text(textwrap.dedent(body))


def _run(folder, env, args, **streams):
    out = folder / "out.txt"
    with out.open("w") as log:
        child = prefork.popen(["-m", "probe_module", *args], cwd=folder, env={**os.environ, **env},
                              stdout=log, stderr=subprocess.STDOUT, **streams)
        code = child.wait(timeout=30)
    return child, code, out.read_text()


def test_a_forked_child_is_python_m_in_its_own_folder(forking, tmp_path):
    _module(tmp_path, """
        import os, sys
        print(sys.argv[1:], os.getcwd(), os.environ["PROBE"], sys.path[0], __name__, sys.argv[0])
        sys.exit(3)
    """)
    (tmp_path / "extra").mkdir()
    child, code, out = _run(tmp_path, {**forking, "PROBE": "seen", "PYTHONPATH": "extra"}, ["a", "b"])
    assert isinstance(child, prefork.Forked)
    assert code == 3 == child.returncode
    assert out.split() == ["['a',", "'b']", str(tmp_path), "seen", str(tmp_path), "__main__",
                           str(tmp_path / "probe_module.py")]


def test_a_forked_child_imports_the_project_from_its_own_folder_never_the_server_s(forking, tmp_path):
    (tmp_path / "probe_package").mkdir()
    (tmp_path / "probe_package" / "__init__.py").write_text("")
    (tmp_path / "probe_package" / "__main__.py").write_text(
        "import sys, probe_package; print(probe_package.__file__, 'embedded_stack' in sys.modules)\n")
    out = tmp_path / "out.txt"
    with out.open("w") as log:
        code = prefork.popen(["-m", "probe_package"], cwd=tmp_path, env={**os.environ, **forking},
                             stdout=log, stderr=subprocess.STDOUT).wait(timeout=30)
    assert code == 0
    assert out.read_text().split() == [str(tmp_path / "probe_package" / "__init__.py"), "False"]


def test_an_uncaught_exception_is_printed_and_exits_1(forking, tmp_path):
    _module(tmp_path, "raise RuntimeError('it broke')\n")
    _, code, out = _run(tmp_path, forking, [])
    assert code == 1 and "RuntimeError: it broke" in out


def test_atexit_handlers_run_and_output_is_flushed(forking, tmp_path):
    _module(tmp_path, """
        import atexit, sys
        atexit.register(lambda: print("at exit"))
        sys.stdout.write("buffered, no newline")
    """)
    _, code, out = _run(tmp_path, forking, [])
    assert code == 0 and out == "buffered, no newlineat exit\n"


def test_a_killed_child_reports_its_signal_and_poll_sees_it_running_before(forking, tmp_path):
    _module(tmp_path, """
        import sys, time
        print("up", flush=True)
        time.sleep(60)
    """)
    child = prefork.popen(["-m", "probe_module"], cwd=tmp_path, env={**os.environ, **forking},
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert child.stdout.readline().strip() == "up"
    assert child.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        child.wait(timeout=0.05)
    child.kill()
    assert child.wait(timeout=10) == -signal.SIGKILL
    child.stdout.close()


def test_a_child_handles_sigterm_with_default_behaviour(forking, tmp_path):
    _module(tmp_path, """
        import time
        print("up", flush=True)
        time.sleep(60)
    """)
    child = prefork.popen(["-m", "probe_module"], cwd=tmp_path, env={**os.environ, **forking},
                          stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == "up"
    child.terminate()
    assert child.wait(timeout=10) == -signal.SIGTERM
    child.stdout.close()


def test_without_a_server_or_for_another_module_it_is_a_plain_subprocess(forking, tmp_path):
    _module(tmp_path, "print('plain')\n")
    env = {k: v for k, v in os.environ.items() if k != prefork.ENV}
    child = prefork.popen(["-m", "probe_module"], cwd=tmp_path, env=env, stdout=subprocess.PIPE)
    assert isinstance(child, subprocess.Popen) and child.wait(timeout=30) == 0
    child.stdout.close()
    other = prefork.popen(["-c", "pass"], cwd=tmp_path, env={**os.environ, **forking})
    assert isinstance(other, subprocess.Popen) and other.wait(timeout=30) == 0


def test_coverage_run_forked_measures_the_folder_s_module(tmp_path):
    _module(tmp_path, """
        def used():
            return 1

        used()
    """)
    with prefork.servers(["system"]) as env:  # the service's own server, as the acceptance run with coverage has it
        data = tmp_path / "cov.data"
        child = prefork.popen(["-m", "coverage", "run", f"--data-file={data}", f"--source={tmp_path}",
                               "-m", "probe_module"], cwd=tmp_path, env={**os.environ, **env})
        assert isinstance(child, prefork.Forked) and child.wait(timeout=60) == 0
    import coverage

    measured = coverage.Coverage(data_file=str(data))
    measured.load()
    lines = measured.get_data().lines(str(tmp_path / "probe_module.py"))
    assert lines and {2, 3, 5} <= set(lines)


def test_the_python_path_is_the_folder_then_pythonpath_then_the_rest():
    assert prefork._python_path("/w", {"PYTHONPATH": "a:/b"}, ["/lib"]) == ["/w", "/w/a", "/b", "/lib"]
    assert prefork._python_path("/w", {}, ["/lib"]) == ["/w", "/lib"]


def test_each_profile_serves_its_modules():
    assert prefork.profile_for("clinic_system") == "system" and prefork.profile_for("sms_stub") == "system"
    assert prefork.profile_for("behave") == "suite" and prefork.profile_for("embedded_stack.serve") == "suite"
    assert prefork.profile_for("coverage") == "system"  # coverage running the service
    assert prefork.profile_for("pytest") is None


def test_the_preloads_are_libraries_never_the_project_s_own_packages():
    own = ("clinic_system", "clinic_suite", "embedded_stack", "sms_stub", "breakages", "features")
    for profile in prefork.PROFILES.values():
        assert not [m for m in profile["preload"] if m.split(".")[0] in own]
