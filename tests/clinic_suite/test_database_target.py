"""A team's target file: read and refused with a message naming the key or the file, before
anything starts; a migration that fails names its file, line and PostgreSQL's message."""
import asyncio
from pathlib import Path

import pytest

from clinic_suite.drivers.database_target import DatabaseTarget, TargetFileError

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "targets" / "supabase-example" / "target.toml"


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "migrations").mkdir(exist_ok=True)
    path = tmp_path / "target.toml"
    path.write_text(text)
    return path


GOOD = EXAMPLE.read_text().replace('migrations = ["supabase/migrations"]', 'migrations = ["migrations"]')


def test_the_example_reads():
    target = DatabaseTarget.read(EXAMPLE)
    assert target.name == "supabase-example" and len(target.migration_files()) == 3
    assert target.claims_for("o1") == '{"role": "authenticated", "sub": "00000000-0000-0000-0000-000000000000", ' \
                                      '"app_metadata": {"org_id": "o1"}}'


@pytest.mark.parametrize("change,message", [
    (("[claim]\n", "[nothing]\n"), "missing key claim."),
    (('role = "authenticated"', ""), "missing key clinic.role"),
    (('migrations = ["migrations"]', 'migrations = ["nowhere"]'), "does not exist"),
    (('success = "json:success"', 'success = "maybe"'), "claim.success"),
    (('acts_by = "jwt"', 'acts_by = "magic"'), "clinic.acts_by"),
])
def test_a_broken_target_file_is_refused_naming_the_key(tmp_path, change, message):
    with pytest.raises(TargetFileError, match=message):
        DatabaseTarget.read(_write(tmp_path, GOOD.replace(*change)))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TargetFileError, match="does not exist"):
        DatabaseTarget.read(tmp_path / "nope.toml")


def test_a_failing_migration_names_its_file_and_line(tmp_path, postgres):
    path = _write(tmp_path, GOOD.replace("supabase = true", "supabase = false"))
    (tmp_path / "migrations" / "001_bad.sql").write_text("create table ok (id int);\n\ncreate tabel broken (id int);\n")
    target = DatabaseTarget.read(path)
    with pytest.raises(TargetFileError, match=r"001_bad.sql, line 3 failed: PostgresSyntaxError"):
        asyncio.run(target.load(postgres.url()))


def test_a_row_template_naming_an_unknown_table_is_refused(tmp_path, postgres):
    path = _write(tmp_path, GOOD.replace("supabase = true", "supabase = false").replace(
        "bookings = ", "no_such_table = "))
    (tmp_path / "migrations" / "001_ok.sql").write_text("create table if not exists other_table (id int);\n")
    with pytest.raises(TargetFileError, match="rows.no_such_table names a table"):
        asyncio.run(DatabaseTarget.read(path).load(postgres.url()))
