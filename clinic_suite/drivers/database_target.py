"""A team's own database as a target (pinned decision 24): a TOML file names its migrations,
how a clinic acts (a setting, or JWT claims and a role as PostgREST sets them), how to make
two clinics and a row in each clinic table, and how to claim a time. The migrations are loaded
into the embedded PostgreSQL, each file in its own transaction; a failing file stops the run
with the file, the statement's line and PostgreSQL's message."""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

SHIM = Path(__file__).resolve().parent / "supabase_shim.sql"
SUCCESS = re.compile(r"^(raise|boolean|json:[A-Za-z0-9_.]+)$")
PLACEHOLDER = re.compile(r"(?<!:):([a-z_]+)\b")


class TargetFileError(SystemExit):
    """A target file the suite cannot use: the message names the key or the file."""


@dataclass
class Claim:
    call: str
    success: str          # "raise", "boolean" or "json:<path>"
    active: str


@dataclass
class StatusRule:
    table: str
    column: str
    row: str              # an SQL condition naming one row of the clinic's ("id = :clinic || '-call'")
    legal: list[str]      # a move the database must allow ...
    illegal: list[str]    # ... and one it must refuse


@dataclass
class DatabaseTarget:
    name: str
    file: Path
    migrations: list[Path]
    supabase: bool
    column: str
    acts_by: str          # "setting" | "jwt"
    setting: str
    claims_path: str
    role: str
    create: str
    rows: dict[str, str]
    claim: Claim
    status: StatusRule | None = None
    url: str = ""         # the admin connection, once the database is up
    pool: object = field(default=None, repr=False)

    # --- reading the file ---------------------------------------------------------------------

    @classmethod
    def read(cls, path: str | Path) -> "DatabaseTarget":
        file = Path(path).resolve()
        if not file.exists():
            raise TargetFileError(f"target file {path} does not exist")
        try:
            raw = tomllib.loads(file.read_text())
        except tomllib.TOMLDecodeError as exc:
            raise TargetFileError(f"{path}: not valid TOML ({exc})") from None

        def need(section: dict, key: str, where: str):
            if key not in section or section[key] in ("", None):
                raise TargetFileError(f"{path}: missing key {where}{key}")
            return section[key]

        clinic, claim = raw.get("clinic", {}), raw.get("claim", {})
        folders = [(file.parent / f).resolve() for f in need(raw, "migrations", "")]
        for folder in folders:
            if not folder.is_dir():
                raise TargetFileError(f"{path}: migrations folder {folder} does not exist")
        acts_by = need(clinic, "acts_by", "clinic.")
        if acts_by not in ("setting", "jwt"):
            raise TargetFileError(f"{path}: clinic.acts_by is 'setting' or 'jwt', not {acts_by!r}")
        success = need(claim, "success", "claim.")
        if not SUCCESS.match(success):
            raise TargetFileError(f"{path}: claim.success is 'raise', 'boolean' or 'json:<path>', not {success!r}")
        status = raw.get("status")
        return cls(
            name=re.sub(r"[^A-Za-z0-9_-]", "-", need(raw, "name", "")), file=file, migrations=folders,
            supabase=bool(raw.get("supabase", False)), column=clinic.get("column", "org_id"), acts_by=acts_by,
            setting=need(clinic, "setting", "clinic.") if acts_by == "setting" else "",
            claims_path=need(clinic, "claims_path", "clinic.") if acts_by == "jwt" else "",
            role=need(clinic, "role", "clinic."), create=need(clinic, "create", "clinic."),
            rows=dict(raw.get("rows", {})),
            claim=Claim(need(claim, "call", "claim."), success, need(claim, "active", "claim.")),
            status=StatusRule(**{k: status[k] for k in ("table", "column", "row", "legal", "illegal")})
            if status else None)

    def migration_files(self) -> list[Path]:
        return [f for folder in self.migrations for f in sorted(folder.glob("*.sql"))]

    def checksum(self) -> str:
        digest = hashlib.sha256()
        for f in self.migration_files():
            digest.update(f.name.encode() + b"\0" + f.read_bytes())
        return "sha256:" + digest.hexdigest()[:16]

    # --- loading it ---------------------------------------------------------------------------

    async def load(self, url: str) -> None:
        """The shim (when asked), then each migration file in its own transaction."""
        self.url = url
        conn = await asyncpg.connect(url)
        try:
            files = ([SHIM] if self.supabase else []) + self.migration_files()
            for f in files:
                try:
                    async with conn.transaction():
                        await conn.execute(f.read_text())
                except asyncpg.PostgresError as exc:
                    raise TargetFileError(_migration_failure(f, exc)) from None
            for table in self.rows:
                if not await conn.fetchval("SELECT to_regclass($1) IS NOT NULL", table):
                    raise TargetFileError(f"{self.file}: rows.{table} names a table the migrations do not create")
        finally:
            await conn.close()

    # --- acting as a clinic --------------------------------------------------------------------

    def claims_for(self, clinic: str) -> str:
        claims: dict = {"role": self.role, "sub": "00000000-0000-0000-0000-000000000000"}
        node = claims
        *path, last = self.claims_path.split(".")
        for key in path:
            node = node.setdefault(key, {})
        node[last] = clinic
        return json.dumps(claims)

    async def enter(self, conn, clinic: str) -> None:
        """Inside a transaction: act as the clinic's user does (the role, then the clinic)."""
        await conn.execute(f'SET LOCAL ROLE "{self.role}"')
        if self.acts_by == "setting":
            await conn.execute("SELECT set_config($1, $2, true)", self.setting, clinic)
        else:
            await conn.execute("SELECT set_config('request.jwt.claims', $1, true)", self.claims_for(clinic))

    def service_role(self):
        """The database as the clinic's user sees it, for the isolation and claim proofs."""
        from .service_role import ServiceRole

        return ServiceRole(self.url, act=self.enter, column=self.column, inserts={}, claim=self)

    def statement(self, clinic: str, local: str, patient_id: str | None) -> tuple[str, list]:
        return self.sql(self.claim.call, clinic=clinic, slot_time=local, patient=patient_id)

    def won(self, answer) -> bool:
        return self.claimed(answer)

    def status_move(self, clinic: str, move: list[str]) -> tuple[str, list]:
        """ST-1: move the clinic's declared row from one status to another, as its user would."""
        rule = self.status
        return self.sql(f'UPDATE "{rule.table}" SET "{rule.column}" = :to_status '
                        f'WHERE ({rule.row}) AND "{rule.column}" = :from_status',
                        clinic=clinic, from_status=move[0], to_status=move[1])

    def sql(self, template: str, **values) -> tuple[str, list]:
        """A template with :name placeholders as SQL with $n parameters."""
        names: list[str] = []

        def number(match):
            if match.group(1) not in names:
                names.append(match.group(1))
            n = f"${names.index(match.group(1)) + 1}"
            return f"{n}::text::timestamptz" if match.group(1) == "slot_time" else n  # sent as the session writes it
        text = PLACEHOLDER.sub(number, template)
        missing = [n for n in names if n not in values]
        if missing:
            raise TargetFileError(f"{self.file}: a template uses :{missing[0]}, which the suite does not provide")
        return text, [values[n] for n in names]

    def claimed(self, answer) -> bool:
        """Read success from the claim's answer (raised errors are caught by the caller)."""
        if self.claim.success in ("raise",):
            return True
        if self.claim.success == "boolean":
            return answer is True
        value = json.loads(answer) if isinstance(answer, str) else answer
        for key in self.claim.success.removeprefix("json:").split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value is True


def _migration_failure(path: Path, exc: asyncpg.PostgresError) -> str:
    position = getattr(exc, "position", None)
    line = path.read_text()[: int(position)].count("\n") + 1 if position and str(position).isdigit() else None
    where = f"{path}" + (f", line {line}" if line else "")
    hint = ""
    if exc.sqlstate == "0A000" or "extension" in str(exc).lower():
        hint = (" (this PostgreSQL has only the extensions plpgsql and vector; a target needing pgcrypto,"
                " uuid-ossp or pg_trgm needs a server with contrib)")
    return f"migration {where} failed: {exc.__class__.__name__}: {exc}{hint}"


# The catalogue, to make one row of a clinic in a table the target file has no template for.
COLUMNS = """
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS required,
           (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS has_default,
           (SELECT json_build_object('table', fc.relname, 'column', fa.attname)
            FROM pg_constraint k JOIN pg_class fc ON fc.oid = k.confrelid
            JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = k.confkey[1]
            WHERE k.conrelid = a.attrelid AND k.contype = 'f' AND k.conkey = ARRAY[a.attnum]) AS refers_to
    FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
"""
FILL = {"text": "'x-' || md5(random()::text)", "character varying": "'x-' || md5(random()::text)",
        "integer": "1", "bigint": "1", "smallint": "1", "numeric": "1", "boolean": "false", "jsonb": "'{}'::jsonb",
        "json": "'{}'::json", "uuid": "gen_random_uuid()", "timestamp with time zone": "now()",
        "timestamp without time zone": "now()", "date": "current_date", "text[]": "'{}'::text[]"}


async def seed_row(conn, target: "DatabaseTarget", table: str, clinic: str, clinic_tables: set[str]) -> bool:
    """One row of `clinic` in `table`, as the admin: the file's template, or made from the
    catalogue (a value for each required column, a parent row of the same clinic for each
    reference). False when a parent row is not there yet."""
    if table in target.rows:
        sql, args = target.sql(target.rows[table], clinic=clinic)
        await conn.execute(sql, *args)
        return True
    names, values = [], []
    for col in await conn.fetch(COLUMNS, f'"{table}"'):
        refers = json.loads(col["refers_to"]) if col["refers_to"] else None
        if col["name"] == target.column:
            value = "$1"
        elif refers and refers["table"] in clinic_tables:
            parent = f'(SELECT "{refers["column"]}" FROM "{refers["table"]}" WHERE "{target.column}" = $1 LIMIT 1)'
            if not await conn.fetchval(f"SELECT {parent} IS NOT NULL", clinic):
                if not col["required"]:
                    continue
                return False
            value = parent
        elif not col["required"] or col["has_default"]:
            continue
        elif col["type"].startswith("vector("):
            value = f"array_fill(0.1::real, ARRAY[{col['type'][7:-1]}])::vector"
        elif col["type"] in FILL:
            value = FILL[col["type"]]
        else:
            raise TargetFileError(f"{target.file}: give rows.{table}: the suite cannot fill its column "
                                  f"{col['name']} ({col['type']})")
        names.append(f'"{col["name"]}"')
        values.append(value)
    await conn.execute(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join(values)})', clinic)
    return True
