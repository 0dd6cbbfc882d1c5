import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * Bank reconciliation: the tenant's bank accounts (found or created from the statements' IBAN or
 * account number), each import of a statement file, and the movements, unique per account by
 * their fingerprint, so re-importing a file or an overlapping statement adds nothing twice. A
 * movement is matched to a payment (recorded from it, allocated to invoices), or booked as
 * something else (bank fees, internal transfer, other) with a note.
 */
export class Migration20261207040000Bank extends Migration {
  override up(): void {
    this.addSql(`
      create table bank_accounts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        account_key text not null,
        iban text,
        label text not null,
        currency text not null default 'EUR',
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, account_key)
      );

      create table bank_statements (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        bank_account_id uuid not null,
        format text not null check (format in ('CAMT053', 'OFX', 'CFONB120')),
        file_name text not null,
        file_sha256 text not null,
        bank_statement_id text,
        from_date date not null,
        to_date date not null,
        opening_balance numeric(14, 2),
        closing_balance numeric(14, 2),
        movement_count integer not null,
        new_movement_count integer not null,
        auto_matched_count integer not null default 0,
        imported_by uuid,
        imported_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, bank_account_id) references bank_accounts (tenant_id, id)
      );
      create index bank_statements_imported_idx on bank_statements (tenant_id, imported_at desc);

      create table bank_movements (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        bank_account_id uuid not null,
        statement_id uuid not null,
        fingerprint text not null,
        booking_date date not null,
        value_date date,
        amount numeric(14, 2) not null check (amount <> 0),
        currency text not null,
        label text not null,
        remittance_info text not null default '',
        counterparty_name text,
        counterparty_iban text,
        bank_reference text,
        end_to_end_id text,
        mandate_id text,
        bank_transaction_code text,
        details jsonb not null default '[]',
        status text not null default 'UNMATCHED' check (status in ('UNMATCHED', 'PROPOSED', 'MATCHED', 'BOOKED')),
        proposals jsonb not null default '[]',
        payment_id uuid,
        booked_as text check (booked_as in ('BANK_FEES', 'INTERNAL_TRANSFER', 'SUPPLIER', 'OTHER')),
        booked_note text,
        matched_by uuid,
        matched_at timestamptz,
        match_reason text,
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, bank_account_id, fingerprint),
        foreign key (tenant_id, bank_account_id) references bank_accounts (tenant_id, id),
        foreign key (tenant_id, statement_id) references bank_statements (tenant_id, id),
        foreign key (tenant_id, payment_id) references payments (tenant_id, id),
        constraint bank_movement_matched_has_payment check ((status = 'MATCHED') = (payment_id is not null)),
        constraint bank_movement_booked_has_kind check ((status = 'BOOKED') = (booked_as is not null))
      );
      create index bank_movements_status_idx on bank_movements (tenant_id, status, booking_date desc);
      create index bank_movements_date_idx on bank_movements (tenant_id, booking_date desc, id);
      create index payments_payer_iban_idx on payments (tenant_id, payer_iban) where payer_iban is not null;`);

    this.addSql(tenantTableSql('bank_accounts'));
    this.addSql(tenantTableSql('bank_statements', { privileges: 'select, insert, update' }));
    this.addSql(tenantTableSql('bank_movements'));
  }
}
