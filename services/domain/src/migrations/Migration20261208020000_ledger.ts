import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';
import { APP_ROLE } from '../db/roles';

/** Accounts the default ledger mapping posts to, added to every chart of accounts that lacks them. */
const DEFAULT_ACCOUNTS: [number: string, label: string, kind: string][] = [
  ['401000', 'Fournisseurs', 'other'],
  ['411700', 'Clients – retenues de garantie', 'receivable'],
  ['419100', 'Clients – avances et acomptes reçus sur commandes', 'receivable'],
  ['445711', 'TVA collectée 20 %', 'vat_collected'],
  ['445712', 'TVA collectée 10 %', 'vat_collected'],
  ['445713', 'TVA collectée 5,5 %', 'vat_collected'],
  ['445714', 'TVA collectée 2,1 %', 'vat_collected'],
  ['471000', 'Compte d’attente', 'other'],
  ['580000', 'Virements internes', 'other'],
  ['627000', 'Services bancaires et assimilés', 'other'],
  ['706100', 'Prestations de services – contrats de maintenance', 'revenue'],
  ['706200', 'Prestations de services – astreintes', 'revenue'],
  ['706300', 'Prestations de services – télésurveillance', 'revenue'],
  ['708500', 'Ports et frais accessoires facturés', 'revenue'],
  ['709000', 'Rabais, remises et ristournes accordés', 'revenue'],
];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The ledger, derived from business facts (issue 10). Billing now writes `invoice.issued` and
 * `credit_note.issued`, finance `bank_movement.booked` and `bank_movement.unbooked`; the facts of
 * documents issued or booked before this migration are written here, in the order they happened
 * (and those of payments carried over from before the payments' facts).
 *
 * - `business_facts.xact_id`: the transaction that wrote the fact. The consumer reads facts of
 *   transactions older than every running one, in (xact_id, seq) order, so a fact committed late
 *   with a low `seq` is never passed over.
 * - `ledger_entries` / `ledger_entry_lines`: one entry per fact at most (unique source fact), lines
 *   with debit or credit, balanced per entry (checked at commit). Never updated; deleted only by the
 *   rebuild of an open range, which sets `app.ledger_rebuild` in its transaction. A closed period's
 *   check is one more row trigger on `ledger_entries` (inserts and deletes): posting and rebuilding
 *   both go through it.
 * - `ledger_mappings`: the tenant's accounts (the defaults while absent); `ledger_cursors`: how far
 *   the consumer went, moved in the transaction of the entries it wrote.
 */
export class Migration20261208020000Ledger extends Migration {
  override up(): void {
    this.addSql(`
      alter table business_facts add column xact_id xid8 not null default pg_current_xact_id();
      create index business_facts_xact_idx on business_facts (tenant_id, xact_id, seq);

      create table ledger_mappings (
        tenant_id uuid not null primary key references tenants (id),
        labour_account text not null,
        travel_account text not null,
        parts_account text not null,
        contract_fee_account text not null,
        other_revenue_account text not null,
        allowance_account text not null,
        charge_account text not null,
        deposit_account text not null,
        receivable_account text not null,
        retention_account text not null,
        bank_account text not null,
        bank_fees_account text not null,
        internal_transfer_account text not null,
        supplier_account text not null,
        suspense_account text not null,
        vat_accounts jsonb not null default '[]',
        default_vat_account text not null,
        updated_by uuid,
        updated_at timestamptz not null default now(),
        version integer not null default 1
      );

      create table ledger_cursors (
        tenant_id uuid not null primary key references tenants (id),
        last_xact_id xid8 not null default '0',
        last_seq bigint not null default 0,
        updated_at timestamptz not null default now()
      );

      create table ledger_entries (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        journal text not null check (journal in ('VT', 'BQ', 'OD')),
        entry_date date not null,
        number text,
        piece_ref text not null check (length(piece_ref) > 0),
        piece_date date not null,
        label text not null check (length(label) > 0),
        source_fact_id uuid not null,
        source_type text not null check (source_type in ('INVOICE', 'CREDIT_NOTE', 'PAYMENT', 'BANK_MOVEMENT')),
        source_id uuid not null,
        customer_id uuid,
        posted_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, source_fact_id),
        foreign key (tenant_id, source_fact_id) references business_facts (tenant_id, id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id)
      );
      create index ledger_entries_date_idx on ledger_entries (tenant_id, entry_date, id);
      create index ledger_entries_source_idx on ledger_entries (tenant_id, source_id);
      create index ledger_entries_customer_idx on ledger_entries (tenant_id, customer_id, entry_date) where customer_id is not null;
      create unique index ledger_entries_number_idx on ledger_entries (tenant_id, journal, number) where number is not null;

      create table ledger_entry_lines (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        entry_id uuid not null,
        position integer not null check (position >= 0),
        account text not null check (account ~ '^[0-9A-Z]{3,20}$'),
        auxiliary_account text,
        auxiliary_label text,
        label text not null,
        debit numeric(14, 2) not null default 0,
        credit numeric(14, 2) not null default 0,
        vat_rate numeric(5, 2),
        vat_due_on text check (vat_due_on in ('ISSUE', 'PAYMENT')),
        primary key (tenant_id, id),
        unique (tenant_id, entry_id, position),
        foreign key (tenant_id, entry_id) references ledger_entries (tenant_id, id) on delete cascade,
        constraint ledger_line_one_side check (debit >= 0 and credit >= 0 and (debit = 0) <> (credit = 0)),
        check ((auxiliary_account is null) = (auxiliary_label is null)),
        check (vat_due_on is null or vat_rate is not null)
      );
      create index ledger_entry_lines_account_idx on ledger_entry_lines (tenant_id, account);`);

    this.addSql(`
      create function ledger_entry_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and current_setting('app.ledger_rebuild', true) = 'on' then
          return old;
        end if;
        raise exception 'a journal entry never changes: post a correcting entry'
          using errcode = 'check_violation', constraint = 'ledger_entry_immutable';
      end $$;
      create trigger ledger_entries_immutable before update or delete on ledger_entries
        for each row execute function ledger_entry_guard();
      create trigger ledger_entry_lines_immutable before update or delete on ledger_entry_lines
        for each row execute function ledger_entry_guard();

      -- Lines are written with their entry, in its transaction: none is added to an entry afterwards.
      create function ledger_line_with_its_entry() returns trigger language plpgsql as $$
      begin
        if not exists (select 1 from ledger_entries e
                        where e.tenant_id = new.tenant_id and e.id = new.entry_id and e.xmin = pg_current_xact_id()::xid) then
          raise exception 'journal entry lines are written with their entry'
            using errcode = 'check_violation', constraint = 'ledger_entry_immutable';
        end if;
        return new;
      end $$;
      create trigger ledger_entry_lines_with_entry before insert on ledger_entry_lines
        for each row execute function ledger_line_with_its_entry();

      create function ledger_entry_balances() returns trigger language plpgsql as $$
      declare
        v_lines integer;
        v_debit numeric;
        v_credit numeric;
      begin
        select count(*), coalesce(sum(debit), 0), coalesce(sum(credit), 0) into v_lines, v_debit, v_credit
          from ledger_entry_lines where tenant_id = new.tenant_id and entry_id = new.id;
        if v_lines < 2 or v_debit <> v_credit then
          raise exception 'journal entry % does not balance (% lines, debit %, credit %)', new.id, v_lines, v_debit, v_credit
            using errcode = 'check_violation', constraint = 'ledger_entry_balanced';
        end if;
        return null;
      end $$;
      create constraint trigger ledger_entries_balanced after insert on ledger_entries
        deferrable initially deferred for each row execute function ledger_entry_balances();`);

    this.addSql(tenantTableSql('ledger_mappings', { keyColumns: ['tenant_id'] }));
    this.addSql(tenantTableSql('ledger_entries', { privileges: 'select, insert, delete' }));
    this.addSql(tenantTableSql('ledger_entry_lines', { privileges: 'select, insert, delete' }));
    // The cursor is the consumer's bookkeeping, not business data: the entries it writes are audited.
    this.addSql(`
      alter table ledger_cursors enable row level security;
      alter table ledger_cursors force row level security;
      create policy tenant_isolation on ledger_cursors
        using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
      grant select, insert, update on ledger_cursors to ${APP_ROLE};`);

    // Facts of transactions older than this are all committed (or rolled back) and visible. Only the
    // transactions of this database count, found by the locks they hold on its relations (a
    // transaction writes a table, so holds a lock, before it can write a fact): those of other
    // databases on the server, however long, never hold the ledger back.
    this.addSql(`
      create function ledger_posting_horizon() returns xid8 language plpgsql volatile as $$
      declare
        v_snapshot pg_snapshot := pg_current_snapshot();
        v_horizon xid8;
      begin
        with locks as materialized (select pid, locktype, database, transactionid from pg_locks)
        select min(x) into v_horizon
          from pg_snapshot_xip(v_snapshot) x
         where x::xid in (select t.transactionid from locks t
                           where t.locktype = 'transactionid'
                             and exists (select 1 from locks r
                                          where r.pid = t.pid and r.locktype = 'relation'
                                            and r.database = (select oid from pg_database where datname = current_database())));
        return coalesce(v_horizon, pg_snapshot_xmax(v_snapshot));
      end $$;
      grant execute on function ledger_posting_horizon() to ${APP_ROLE};`);

    // The job finds the tenants with facts to post through this owner function.
    this.addSql(`
      create policy ledger_posting on business_facts for select to current_user using (true);
      create policy ledger_posting on ledger_cursors for select to current_user using (true);
      create function ledger_tenants_to_post() returns table (id uuid)
        language sql volatile security definer set search_path = public as $$
          with horizon as (select ledger_posting_horizon() as xact_id)
          select t.id from tenants t left join ledger_cursors c on c.tenant_id = t.id
           where exists (select 1 from business_facts f
                          where f.tenant_id = t.id
                            and (f.xact_id, f.seq) > (coalesce(c.last_xact_id, '0'::xid8), coalesce(c.last_seq, 0))
                            and f.xact_id < (select xact_id from horizon))
           order by t.id
        $$;
      revoke all on function ledger_tenants_to_post() from public;
      grant execute on function ledger_tenants_to_post() to ${APP_ROLE};`);

    // What existed before: the accounts of the default mapping, and the facts of documents already
    // issued or booked (row-level security is forced on these tables; the owner writes across tenants here).
    this.addSql(`
      alter table ledger_accounts no force row level security;
      alter table invoices no force row level security;
      alter table bank_movements no force row level security;
      alter table payments no force row level security;
      alter table business_facts no force row level security;

      insert into ledger_accounts (tenant_id, id, number, label, kind)
      select t.id, gen_random_uuid(), a.number, a.label, a.kind
        from tenants t cross join (values ${DEFAULT_ACCOUNTS.map((a) => `(${a.map(literal).join(', ')})`).join(', ')}) as a (number, label, kind)
      on conflict (tenant_id, number) do nothing;

      insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload)
      select i.tenant_id, gen_random_uuid(), case when i.type_code = '381' then 'credit_note.issued' else 'invoice.issued' end, 'Invoice', i.id,
             i.issue_date,
             jsonb_build_object('number', i.number, 'typeCode', i.type_code, 'customerId', i.customer_id,
                                'totalGross', i.total_gross::text, 'amountDue', i.amount_due::text)
               || case when i.type_code = '381' then jsonb_build_object('creditedInvoiceId', i.credited_invoice_id) else '{}'::jsonb end
        from invoices i
       where i.status = 'ISSUED'
       order by i.issued_at, i.number;

      -- The payments the payments migration carried over from invoice_payments were recorded before facts were.
      insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload)
      select p.tenant_id, gen_random_uuid(), 'payment.recorded', 'Payment', p.id, p.received_on,
             jsonb_build_object('customerId', p.customer_id, 'amount', p.amount::text, 'method', p.method)
        from payments p
       where not exists (select 1 from business_facts f
                          where f.tenant_id = p.tenant_id and f.subject_id = p.id and f.kind = 'payment.recorded')
       order by p.created_at, p.id;

      insert into business_facts (tenant_id, id, kind, subject_type, subject_id, occurred_on, payload)
      select m.tenant_id, gen_random_uuid(), 'bank_movement.booked', 'BankMovement', m.id, m.booking_date,
             jsonb_build_object('kind', m.booked_as, 'amount', m.amount::text, 'bookingDate', m.booking_date::text, 'note', m.booked_note,
                                'label', m.label, 'bankReference', m.bank_reference)
        from bank_movements m
       where m.status = 'BOOKED'
       order by m.matched_at, m.id;

      alter table ledger_accounts force row level security;
      alter table invoices force row level security;
      alter table bank_movements force row level security;
      alter table payments force row level security;
      alter table business_facts force row level security;`);
  }
}
