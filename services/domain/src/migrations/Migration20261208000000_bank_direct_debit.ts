import { Migration } from '@mikro-orm/migrations';

/**
 * Bank reconciliation of direct debits: a credit movement may be the bank's credit of a
 * direct-debit batch, a debit movement the return of one of its items (an R-transaction). The
 * movement keeps what the bank said about them (the batch's payment block or message id, the
 * return's ISO reason code) and, once matched, the batch or the item it reconciles instead of a
 * payment: a matched movement has exactly one of the three. One movement per returned item.
 */
export class Migration20261208000000BankDirectDebit extends Migration {
  override up(): void {
    this.addSql(`
      alter table bank_movements
        add column batch_reference text,
        add column return_reason_code text,
        add column direct_debit_batch_id uuid,
        add column direct_debit_item_id uuid,
        add foreign key (tenant_id, direct_debit_batch_id) references direct_debit_batches (tenant_id, id),
        add foreign key (tenant_id, direct_debit_item_id) references direct_debit_items (tenant_id, id),
        drop constraint bank_movement_matched_has_payment,
        add constraint bank_movement_matched_has_one_link
          check ((status = 'MATCHED') = (num_nonnulls(payment_id, direct_debit_batch_id, direct_debit_item_id) = 1));
      create unique index bank_movements_one_per_returned_item on bank_movements (tenant_id, direct_debit_item_id)
        where direct_debit_item_id is not null;
      create index bank_movements_batch_idx on bank_movements (tenant_id, direct_debit_batch_id)
        where direct_debit_batch_id is not null;`);
  }
}
