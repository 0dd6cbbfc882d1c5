import type { EntityManager } from '@mikro-orm/postgresql';
import { invoicePaymentMethods } from '../../billing/invoice-payment-method';
import { sumAmounts, toAmount } from '../../billing/money';
import { Errors } from '../../shared/errors';
import { uuidArrayLiteral } from '../../shared/ids';
import { isLocalDate, localDate } from '../../shared/time';
import type { MandateType } from '../sepa/mandate.rules';
import { earliestCollectionDate } from './collection-calendar';
import { planCollections, type BlockedCollection, type OpenInvoiceForCollection, type PlannedCollection } from './direct-debit.rules';

/** One row of the candidates statement: an open invoice and its customer's usable mandate, if any. */
interface CandidateRow {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  openBalance: string;
  customerId: string;
  customerName: string;
  contractId: string | null;
  contractReference: string | null;
  mandateId: string | null;
  reference: string | null;
  kind: MandateType | null;
  signedOn: string | null;
  debtorName: string | null;
  iban: string | null;
  bic: string | null;
  revokedOn: string | null;
  lastCollectedOn: string | null;
  pendingCollectionOn: string | null;
}

/**
 * Issued invoices (and deposit invoices) still open, due on or before `collectionDate`, not in a
 * pending direct debit item, with their customer's usable mandate: its active recurrent mandate,
 * else an active one-off mandate never collected. Customers without a mandate are included (their
 * contract may say direct debit); `planDirectDebit` tells which invoices are paid by direct debit.
 */
function openInvoices(em: EntityManager, collectionDate: string, invoiceIds?: readonly string[]): Promise<CandidateRow[]> {
  return em.execute<CandidateRow[]>(
    `select i.id as "invoiceId", i.number, i.issue_date::text as "issueDate", i.due_date::text as "dueDate",
            i.open_balance::text as "openBalance", i.customer_id as "customerId", c.name as "customerName",
            i.contract_id as "contractId", k.reference as "contractReference",
            m.id as "mandateId", m.reference, m.kind, m.signed_on::text as "signedOn", m.debtor_name as "debtorName",
            m.iban, m.bic, m.revoked_on::text as "revokedOn", m.last_collected_on::text as "lastCollectedOn",
            (select max(b.collection_date)::text from direct_debit_items d
               join direct_debit_batches b on b.tenant_id = d.tenant_id and b.id = d.batch_id
              where d.tenant_id = m.tenant_id and d.mandate_id = m.id and d.status = 'PENDING') as "pendingCollectionOn"
       from invoices i
       join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
       left join contracts k on k.tenant_id = i.tenant_id and k.id = i.contract_id
       left join lateral (
         select * from sepa_mandates m
          where m.tenant_id = i.tenant_id and m.customer_id = i.customer_id and m.status = 'ACTIVE'
          order by (m.kind = 'RECURRENT') desc, (m.first_collected_on is null) desc, m.signed_on, m.id
          limit 1) m on true
      where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0 and i.due_date <= ?
        and not exists (select 1 from direct_debit_items d
                         where d.tenant_id = i.tenant_id and d.invoice_id = i.id and d.status = 'PENDING')
        and (i.contract_id is not null or exists (select 1 from sepa_mandates s
                                                   where s.tenant_id = i.tenant_id and s.customer_id = i.customer_id))
        ${invoiceIds ? 'and i.id = any(?::uuid[])' : ''}
      order by c.name, i.due_date, i.number`,
    invoiceIds ? [collectionDate, uuidArrayLiteral(invoiceIds)] : [collectionDate],
  );
}

const toOpenInvoice = (r: CandidateRow): OpenInvoiceForCollection => ({
  invoiceId: r.invoiceId,
  number: r.number,
  issueDate: r.issueDate,
  dueDate: r.dueDate,
  openBalance: r.openBalance,
  customerId: r.customerId,
  customerName: r.customerName,
  contractReference: r.contractReference,
  mandate: r.mandateId
    ? {
        id: r.mandateId,
        reference: r.reference!,
        kind: r.kind!,
        signedOn: r.signedOn!,
        debtorName: r.debtorName!,
        iban: r.iban!,
        bic: r.bic,
        revokedOn: r.revokedOn,
        lastCollectedOn: r.lastCollectedOn,
        pendingCollectionOn: r.pendingCollectionOn,
      }
    : null,
});

export interface DirectDebitCandidates {
  collectionDate: string;
  /** The earliest date a batch prepared today may collect on (D-1 business day). */
  earliestCollectionDate: string;
  /** What a batch on `collectionDate` takes, exactly. */
  candidates: PlannedCollection[];
  /** Invoices to collect by direct debit that cannot be taken (no mandate, mandate expired...). */
  blocked: BlockedCollection[];
  totals: { count: number; amount: string };
}

/**
 * What a batch collecting on `collectionDate` would take: the open invoices paid by direct debit
 * (see `invoice-payment-method.ts`), due by then, not already pending in a batch, with their
 * customer's mandate and sequence type; and those it cannot take, with why. `invoiceIds` limits
 * the plan to these invoices.
 */
export async function planDirectDebit(
  em: EntityManager,
  collectionDate: string,
  options: { invoiceIds?: readonly string[]; today?: string } = {},
): Promise<DirectDebitCandidates> {
  if (!isLocalDate(collectionDate)) throw Errors.validation([{ field: 'collectionDate', message: 'date invalide (AAAA-MM-JJ)' }]);
  const today = options.today ?? localDate(new Date());
  const rows = await openInvoices(em, collectionDate, options.invoiceIds);
  const methods = await invoicePaymentMethods(
    em,
    rows.map((r) => ({ id: r.invoiceId, contractId: r.contractId, issueDate: r.issueDate, customerId: r.customerId })),
    today,
  );
  const { planned, blocked } = planCollections(
    rows.filter((r) => methods.get(r.invoiceId) === 'DIRECT_DEBIT').map(toOpenInvoice),
    collectionDate,
  );
  return {
    collectionDate,
    earliestCollectionDate: earliestCollectionDate(today),
    candidates: planned,
    blocked,
    totals: { count: planned.length, amount: toAmount(sumAmounts(planned.map((p) => p.amount))) },
  };
}
