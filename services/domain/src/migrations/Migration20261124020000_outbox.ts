import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../db/roles';
import { tenantTableSql } from './tenant-table';

/**
 * The mail outbox: each outgoing mail is a row written in the transaction of the action that sends
 * it, with its attachments, and its delivery status (QUEUED, SENDING, SENT, FAILED, DEAD) kept up
 * to date by the mail worker. A narrow definer function lists, across tenants, the mails whose
 * delivery job was lost, so the worker's sweep can publish them again.
 */
export class Migration20261124020000Outbox extends Migration {
  override up(): void {
    this.addSql(`
      create table outbox_messages (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        to_addresses text[] not null check (cardinality(to_addresses) > 0),
        cc_addresses text[] not null default '{}',
        reply_to text,
        subject text not null,
        text_body text not null,
        html_body text,
        status text not null default 'QUEUED' check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
        attempts integer not null default 0 check (attempts >= 0),
        last_error text,
        next_attempt_at timestamptz not null default now(),
        sent_at timestamptz,
        smtp_message_id text,
        related_type text,
        related_id uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        check ((related_type is null) = (related_id is null)),
        check ((status = 'SENT') = (sent_at is not null))
      );
      create index outbox_messages_related_idx on outbox_messages (tenant_id, related_type, related_id) where related_id is not null;
      create index outbox_messages_pending_idx on outbox_messages (next_attempt_at) where status in ('QUEUED', 'SENDING', 'FAILED');

      create table outbox_attachments (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        message_id uuid not null,
        position integer not null check (position >= 0),
        filename text not null check (length(trim(filename)) > 0),
        content_type text not null,
        content bytea not null,
        primary key (tenant_id, id),
        unique (tenant_id, message_id, position),
        foreign key (tenant_id, message_id) references outbox_messages (tenant_id, id) deferrable initially deferred
      );`);
    this.addSql(tenantTableSql('outbox_messages', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('outbox_attachments', { privileges: 'select, insert' }));

    // The sweep runs for no tenant: this owner-run function may read every tenant's pending ids
    // (and nothing else), which the policy below allows the owner alone, row-level security being forced.
    this.addSql(`
      create policy outbox_resume on outbox_messages for select to current_user using (true);
      create function outbox_messages_to_resume(p_late_seconds integer, p_limit integer)
        returns table (tenant_id uuid, id uuid)
        language sql stable security definer set search_path = public as $$
          select m.tenant_id, m.id from outbox_messages m
           where m.status in ('QUEUED', 'SENDING', 'FAILED') and m.next_attempt_at < now() - make_interval(secs => p_late_seconds)
           order by m.next_attempt_at
           limit p_limit
        $$;
      revoke all on function outbox_messages_to_resume(integer, integer) from public;
      grant execute on function outbox_messages_to_resume(integer, integer) to ${APP_ROLE};`);
  }
}
