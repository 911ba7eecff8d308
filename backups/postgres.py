"""pg_dump and pg_restore, run with a database's Django connection settings (dj_database_url's)."""

import os
import shutil
import subprocess

import psycopg2
from django.db.backends.postgresql.client import DatabaseClient

POSTGRESQL_ENGINE = "django.db.backends.postgresql"


class PostgresError(Exception):
    """A PostgreSQL tool or connection failed; the message says which and why."""


def require_postgresql(settings_dict, what):
    if settings_dict.get("ENGINE") != POSTGRESQL_ENGINE:
        engine = (settings_dict.get("ENGINE") or "?").rsplit(".", 1)[-1]
        raise PostgresError(f"{what} works on PostgreSQL only; this database is {engine}.")


def libpq_env(settings_dict):
    """The environment that points pg_dump/pg_restore at the database (password and TLS included,
    the way Django's dbshell passes them), so that no secret appears on a command line."""
    _args, env = DatabaseClient.settings_to_cmd_args_env({"OPTIONS": {}, **settings_dict}, [])
    env = {**os.environ, **(env or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def tool(name):
    """The path of a PostgreSQL client program, or a clear refusal."""
    path = shutil.which(name) or shutil.which(name, path="/usr/bin:/usr/local/bin:/usr/lib/postgresql/15/bin")
    if path is None:
        raise PostgresError(f"{name} was not found: install the PostgreSQL client (apt install postgresql-client).")
    return path


def run(args, env):
    completed = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        detail = (completed.stderr or completed.stdout).strip().splitlines()
        raise PostgresError(f"{os.path.basename(args[0])} failed: {' '.join(detail[-3:]) or 'no message'}")


def dump(settings_dict, target):
    """A custom-format dump of the database into ``target``: pg_dump reads it in one snapshot, so
    the copy is consistent while the site keeps running."""
    run(
        [tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), settings_dict["NAME"]],
        libpq_env(settings_dict),
    )


def restore(settings_dict, source, clean=False):
    """Load the dump ``source`` into the database, all or nothing (one transaction)."""
    args = [tool("pg_restore"), "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction"]
    if clean:
        args += ["--clean", "--if-exists"]
    run([*args, "--dbname", settings_dict["NAME"], str(source)], libpq_env(settings_dict))


def table_count(settings_dict):
    """How many tables the database holds outside PostgreSQL's own schemas."""
    try:
        connection = psycopg2.connect(
            dbname=settings_dict["NAME"],
            user=settings_dict.get("USER") or None,
            password=settings_dict.get("PASSWORD") or None,
            host=settings_dict.get("HOST") or None,
            port=settings_dict.get("PORT") or None,
            **{k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k.startswith("ssl")},
        )
    except psycopg2.OperationalError as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "no message"
        raise PostgresError(f"Cannot connect to the database {settings_dict['NAME']!r}: {first}") from None
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            )
            return cursor.fetchone()[0]
    finally:
        connection.close()
