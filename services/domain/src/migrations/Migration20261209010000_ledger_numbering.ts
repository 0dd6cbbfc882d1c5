import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';
import { APP_ROLE } from '../db/roles';

/**
 * Entry numbers (FEC EcritureNum) and validation (ValidDate), issue 10: closing a month validates
 * its entries: each journal's entries of the month, still unnumbered, get the next numbers of the
 * journal's counter in date order, and the closing moment as `validated_at`. A number is never
 * given twice nor changed: the ledger's guard now lets one update through, the validation of an
 * unnumbered entry (nothing else changes), and the period trigger refuses it once the month is closed.
 * Entries of months closed before this migration are validated here, month by month, at their closing.
 *
 * `accounting_exports` records each FEC, journal or customer-accounts export downloaded in full:
 * who, what range, which layout, how many lines and their totals.
 */
export class Migration20261209010000LedgerNumbering extends Migration {
  override up(): void {
    this.addSql(`
      alter table ledger_entries add column validated_at timestamptz;
      alter table ledger_entries add constraint ledger_entry_numbered_when_validated check ((number is null) = (validated_at is null));
      -- The FEC reads the validated entries in this order (closing, journal, number): an index scan, no sort.
      create index ledger_entries_validation_idx on ledger_entries (tenant_id, validated_at, journal, length(number), number);

      create table ledger_journal_counters (
        tenant_id uuid not null references tenants (id),
        journal text not null check (journal in ('VT', 'BQ', 'OD')),
        last_number bigint not null check (last_number > 0),
        primary key (tenant_id, journal)
      );

      create or replace function ledger_entry_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('app.ledger_rebuild', true) = 'on' then
          return old;
        end if;
        if tg_op = 'UPDATE' and tg_table_name = 'ledger_entries' then
          if old.number is null and new.number is not null and new.validated_at is not null
             and (to_jsonb(new) - 'number' - 'validated_at') = (to_jsonb(old) - 'number' - 'validated_at') then
            return new;
          end if;
        end if;
        raise exception 'a journal entry never changes: post a correcting entry'
          using errcode = 'check_violation', constraint = 'ledger_entry_immutable';
      end $$;

      create table accounting_exports (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        kind text not null check (kind in ('FEC', 'JOURNAL', 'CUSTOMER_ACCOUNTS')),
        layout text not null,
        file_name text not null,
        from_date date,
        to_date date,
        fiscal_year_id uuid,
        line_count integer not null check (line_count >= 0),
        total_debit numeric(16, 2) not null,
        total_credit numeric(16, 2) not null,
        provisional boolean not null,
        exported_by uuid,
        exported_by_name text not null,
        exported_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, fiscal_year_id) references fiscal_years (tenant_id, id)
      );
      create index accounting_exports_at_idx on accounting_exports (tenant_id, exported_at desc);`);

    this.addSql(tenantTableSql('ledger_journal_counters', { keyColumns: ['tenant_id', 'journal'] }));
    this.addSql(tenantTableSql('accounting_exports', { privileges: 'select, insert' }));
    this.addSql(`grant update (number, validated_at) on ledger_entries to ${APP_ROLE};`);

    // The months already closed: their entries are numbered in the order of the closings.
    this.addSql(`
      alter table ledger_entries no force row level security;
      alter table ledger_journal_counters no force row level security;
      alter table ledger_entries disable trigger ledger_entries_period_open;

      with numbered as (
        select e.tenant_id, e.id, p.closed_at,
               row_number() over (partition by e.tenant_id, e.journal
                                  order by p.closed_at, e.entry_date, e.posted_at, e.id) as n
          from ledger_entries e
          join accounting_periods p on p.tenant_id = e.tenant_id and e.entry_date between p.starts_on and p.ends_on
         where p.state = 'CLOSED'
      )
      update ledger_entries e
         set number = e.journal || lpad(numbered.n::text, greatest(6, length(numbered.n::text)), '0'),
             validated_at = numbered.closed_at
        from numbered
       where e.tenant_id = numbered.tenant_id and e.id = numbered.id;

      insert into ledger_journal_counters (tenant_id, journal, last_number)
      select tenant_id, journal, count(*) from ledger_entries where number is not null group by tenant_id, journal;

      alter table ledger_entries enable trigger ledger_entries_period_open;
      alter table ledger_entries force row level security;
      alter table ledger_journal_counters force row level security;`);
  }
}
