"""ticket suggestions (status moves heard in a meeting, waiting for a person)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 04:50:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import vori.core.db

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ticket_suggestions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('ticket_id', sa.String(length=36), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('meeting_id', sa.String(length=36), nullable=True),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('segment_id', sa.String(length=36), nullable=True),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('created_at', vori.core.db.UtcDateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', vori.core.db.UtcDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['groups.id'], ),
    sa.ForeignKeyConstraint(['ticket_id'], ['tickets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('ticket_suggestions', schema=None) as batch_op:
        batch_op.create_index('ix_ticket_suggestions_meeting', ['meeting_id', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_suggestions_ticket_id'), ['ticket_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ticket_suggestions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_suggestions_ticket_id'))
        batch_op.drop_index('ix_ticket_suggestions_meeting')
    op.drop_table('ticket_suggestions')
