import { Migration } from '@mikro-orm/migrations';

/**
 * Closing interventions in bulk and by themselves (issue 11).
 *
 * - `interventions.customer_reservations`: the reservations the customer wrote beside the
 *   signature (« sous réserve de… »); a job with reservations is closed one by one, after reading.
 *   Frozen with the rest of the report once the intervention is closed.
 * - `tenants.auto_close_interventions`: « Clôture automatique », off by default: a job completed
 *   with the customer's signature and no reservation closes itself.
 */
export class Migration20261219000000InterventionClosing extends Migration {
  override up(): void {
    this.addSql(`
      alter table interventions add column customer_reservations text;
      alter table tenants add column auto_close_interventions boolean not null default false;

      create or replace function intervention_closed_is_frozen() returns trigger language plpgsql as $$
      begin
        if old.status in ('CLOSED', 'INVOICED') and (
             new.travel_count, new.travel_zone, new.observations, new.signer_name, new.signature_data_url, new.signed_at,
             new.customer_reservations, new.customer_id, new.site_id, new.equipment_id, new.started_at, new.completed_at)
             is distinct from (
             old.travel_count, old.travel_zone, old.observations, old.signer_name, old.signature_data_url, old.signed_at,
             old.customer_reservations, old.customer_id, old.site_id, old.equipment_id, old.started_at, old.completed_at) then
          raise exception 'the report of a closed intervention is frozen' using errcode = 'check_violation', constraint = 'report_frozen';
        end if;
        return new;
      end $$;`);
  }
}
