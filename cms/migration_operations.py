"""Migration operations shared by the apps' migrations."""

from django.db import migrations


def postgresql_only(sql, reverse_sql):
    """A RunPython operation that runs ``sql`` (a list of statements) on PostgreSQL and nothing
    elsewhere: for indexes SQLite cannot build (trigram, operator classes), kept out of model
    Meta so that Django never tries to build them there."""

    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(sql), run(reverse_sql), elidable=False)
