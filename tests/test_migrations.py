"""The Alembic migrations create exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from support import database_url_for

from vori.migrations.runner import upgrade_to_head
from vori.models import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    url = database_url_for(tmp_path)
    upgrade_to_head(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrating_twice_is_harmless(tmp_path: Path) -> None:
    url = database_url_for(tmp_path)
    upgrade_to_head(url)
    upgrade_to_head(url)
