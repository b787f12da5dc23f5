"""Alembic migrations of the store, applied by ``Store(url)`` (see ``..migrate``).

To change the tables: edit ``..models``, then add ``versions/000N_what.py`` (by hand, or
drafted by autogenerate against a database at the current head, then reviewed)::

    from alembic import command
    from canvas_app.store.migrate import alembic_config

    config = alembic_config()
    config.set_main_option("sqlalchemy.url", "sqlite:////tmp/dev.db")
    command.revision(config, "what changed", autogenerate=True, rev_id="0002")
    command.check(config)  # after editing: "No new upgrade operations detected."

tests/store/test_migrations.py checks that the migrated schema equals the models.
"""
