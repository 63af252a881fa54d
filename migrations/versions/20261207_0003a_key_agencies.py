"""key agencies: a key speaks for a list of agencies; keys gain a prefix, an expiry and a last-used time;
rejections remember the agency the copy named

Existing keys keep their one agency (moved into api_key_agencies) and get the prefix `wf_<id>_` (their
secret is not known, only its hash). Downgrading keeps each key's first agency.

Revision ID: 0003a
Revises: 0003r
Create Date: 2026-12-07 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.db

revision: str = "0003a"
down_revision: str | None = "0003r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Read the agencies first: on SQLite dropping api_keys.agency rebuilds api_keys, and a rebuild with
    # api_key_agencies already in place would cascade-delete its rows.
    bound = op.get_bind().execute(sa.text("SELECT pk, agency FROM api_keys WHERE agency IS NOT NULL")).all()
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prefix", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("expires_at", app.db.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_used_at", app.db.UTCDateTime(timezone=True), nullable=True))
    op.execute("UPDATE api_keys SET prefix = 'wf_' || id || '_'")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.alter_column("prefix", existing_type=sa.String(length=40), nullable=False)
        batch_op.drop_column("agency")
    agencies = op.create_table(
        "api_key_agencies",
        sa.Column("api_key_pk", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["api_key_pk"], ["api_keys.pk"], name=op.f("fk_api_key_agencies_api_key_pk_api_keys"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("api_key_pk", "agency", name=op.f("pk_api_key_agencies")),
    )
    with op.batch_alter_table("api_key_agencies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_key_agencies_agency"), ["agency"], unique=False)
    if bound and agencies is not None:
        op.bulk_insert(agencies, [{"api_key_pk": pk, "agency": agency} for pk, agency in bound])
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agency", sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f("ix_rejections_agency"), ["agency"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rejections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rejections_agency"))
        batch_op.drop_column("agency")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("agency", sa.String(length=40), nullable=True))
    op.execute(
        "UPDATE api_keys SET agency = (SELECT MIN(a.agency) FROM api_key_agencies a WHERE a.api_key_pk = api_keys.pk)"
    )
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_column("last_used_at")
        batch_op.drop_column("expires_at")
        batch_op.drop_column("prefix")
    with op.batch_alter_table("api_key_agencies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_key_agencies_agency"))
    op.drop_table("api_key_agencies")
