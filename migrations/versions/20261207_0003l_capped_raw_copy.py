"""capped raw copy: oversize copy is quarantined as its first bytes, with what was declared

`raw_copies.truncated` marks a row whose `data` is only a prefix of the upload (its `size` and `sha256` are of
all that was read); `declared_size` is the Content-Length the sender declared.

Revision ID: 0003l
Revises: 0003a
Create Date: 2026-12-07 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003l"
down_revision: str | None = "0003a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("raw_copies") as batch:
        batch.add_column(sa.Column("truncated", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("declared_size", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("raw_copies") as batch:
        batch.drop_column("declared_size")
        batch.drop_column("truncated")
