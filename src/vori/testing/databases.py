"""Fresh PostgreSQL databases for tests and benchmarks: each gets its own, next to the one it is given."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text


def create_database(base_url: str, prefix: str = "vori_t") -> str:
    """Create an empty database on the server of `base_url`; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base_url.rsplit('/', 1)[0]}/{name}"
