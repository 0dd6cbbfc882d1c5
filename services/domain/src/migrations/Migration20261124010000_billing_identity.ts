import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table';

/**
 * What a French B2B invoice must say about its issuer (legal form, share capital, RCS, late-payment
 * terms, bank details, VAT on debits) on the tenant, and the legal artefacts of issued invoices:
 * the Factur-X PDF and its CII XML, rendered once and kept byte for byte with their SHA-256.
 * Artefacts are written once and never changed or deleted (the application role may only insert
 * and read them; a trigger refuses the rest even to the owner). Their content stays out of the
 * audit log, which records who stored which hash.
 */
export class Migration20261124010000BillingIdentity extends Migration {
  override up(): void {
    this.addSql(`
      alter table tenants
        add column legal_form text,
        add column share_capital numeric(14, 2) check (share_capital >= 0),
        add column rcs_city text,
        add column iban text check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        add column bic text check (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
        add column billing_email text,
        add column phone text,
        add column late_penalty_rate numeric(5, 2) check (late_penalty_rate >= 0),
        add column early_payment_terms text not null default 'Pas d’escompte pour paiement anticipé',
        add column vat_on_debits boolean not null default false,
        add column logo_image bytea;`);

    this.addSql(`
      create table invoice_artefacts (
        tenant_id uuid not null references tenants (id),
        id uuid not null unique,
        invoice_id uuid not null,
        kind text not null check (kind in ('PDF', 'XML')),
        content bytea not null,
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, invoice_id, kind),
        foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
      );

      create function invoice_artefact_is_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'an invoice artefact is never changed or deleted'
          using errcode = 'check_violation', constraint = 'invoice_artefact_immutable';
      end $$;
      create trigger invoice_artefacts_immutable before update or delete on invoice_artefacts
        for each row execute function invoice_artefact_is_immutable();`);

    // The audit function of the maintenance migration, also leaving binary `content` out of the log.
    this.addSql(`
      create or replace function audit_row_change() returns trigger language plpgsql as $$
      declare
        v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'password_hash' - 'secret_hash' - 'content' end;
        v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'password_hash' - 'secret_hash' - 'content' end;
        v_row jsonb := coalesce(v_new, v_old);
        v_changes jsonb;
        v_row_id text;
      begin
        if tg_op = 'UPDATE' then
          select coalesce(jsonb_object_agg(n.key, jsonb_build_object('from', v_old -> n.key, 'to', n.value)), '{}'::jsonb)
            into v_changes
            from jsonb_each(v_new) n
           where (v_old -> n.key) is distinct from n.value;
          if v_changes = '{}'::jsonb then
            return null;
          end if;
        else
          v_changes := v_row;
        end if;
        if tg_nargs > 1 then
          select string_agg(v_row ->> tg_argv[i], ':' order by i) into v_row_id from generate_series(1, tg_nargs - 1) i;
        else
          v_row_id := v_row ->> 'id';
        end if;
        insert into audit_log (tenant_id, actor_kind, actor_id, request_id, operation, table_name, row_id, action, changes)
        values (
          (v_row ->> tg_argv[0])::uuid,
          coalesce(nullif(current_setting('app.actor_kind', true), ''), 'system'),
          nullif(current_setting('app.actor_id', true), '')::uuid,
          nullif(current_setting('app.request_id', true), ''),
          nullif(current_setting('app.operation', true), ''),
          tg_table_name,
          v_row_id,
          lower(tg_op),
          v_changes
        );
        return null;
      end $$;`);

    this.addSql(tenantTableSql('invoice_artefacts', { privileges: 'select, insert' }));
  }
}
