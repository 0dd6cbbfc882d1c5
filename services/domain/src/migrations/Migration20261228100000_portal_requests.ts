import { Migration } from '@mikro-orm/migrations';

/**
 * Breakdown requests from the customer portal (docs/portal.md): who asked (the contact's name, kept
 * as text: the request stays readable if the contact is later removed), and the photos sent with the
 * request, kept apart from the technician's report photos (`kind`), which recording the report
 * replaces without touching the request's.
 */
export class Migration20261228100000PortalRequests extends Migration {
  override up(): void {
    this.addSql(`
      alter table interventions add column requested_by text check (length(requested_by) <= 200);
      alter table intervention_photos add column kind text not null default 'REPORT' check (kind in ('REPORT', 'REQUEST'));`);
  }

  override down(): void {
    this.addSql(`
      alter table intervention_photos drop column kind;
      alter table interventions drop column requested_by;`);
  }
}
