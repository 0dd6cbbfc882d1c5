import type { EntityManager } from '@mikro-orm/postgresql';
import { camt053Statement, type SampleEntry } from './camt053-writer';
import { seedDirectDebitCollections, type DemoBatchCredit, type DirectDebitCollectionsDemo } from './direct-debit-demo';
import { seededRandom } from './french-data';
import { Money, toAmount } from '../billing/money';
import { Tenant } from '../platform/tenant.entity';
import { importBankStatement } from '../finance/bank/bank-import.service';
import { dunningPreview } from '../finance/dunning/dunning-preview';
import { sendReminder } from '../finance/dunning/dunning-run';
import { setInvoiceDispute, setPaymentPromise } from '../finance/dunning/dunning-settings.service';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';
import { shiftDate } from '../finance/receivables/ageing.rules';

interface OpenInvoice {
  id: string;
  number: string;
  openBalance: string;
  dueDate: string;
  customerName: string;
}

export interface DemoFile {
  name: string;
  content: string;
}

/** Open invoices, but those in a pending direct debit (the bank collects them). */
const openInvoices = (em: EntityManager) =>
  em.execute<OpenInvoice[]>(
    `select i.id, i.number, i.open_balance::text as "openBalance", i.due_date::text as "dueDate", c.name as "customerName"
       from invoices i join customers c on c.tenant_id = i.tenant_id and c.id = i.customer_id
      where i.status = 'ISSUED' and i.type_code <> '381' and i.open_balance > 0
        and not exists (select 1 from direct_debit_items d where d.tenant_id = i.tenant_id and d.invoice_id = i.id and d.status = 'PENDING')
      order by i.due_date, i.number`,
  );

const upper = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();

/** A statement paying some open invoices exactly, one partly, one without reference, plus bank fees. */
function statementEntries(invoices: OpenInvoice[], date: string, offset: number): SampleEntry[] {
  const pick = (i: number) => invoices[(offset + i * 3) % invoices.length]!;
  const entries: SampleEntry[] = [0, 1, 2, 3].map((i) => ({
    amount: pick(i).openBalance,
    bookingDate: date,
    reference: `DEMO${date.replaceAll('-', '')}${offset}${i}`,
    remittance: `REGLEMENT FACTURE ${pick(i).number}`,
    counterpartyName: upper(pick(i).customerName),
  }));
  const partial = pick(4);
  entries.push({
    amount: toAmount(new Money(partial.openBalance).times('0.5')),
    bookingDate: date,
    reference: `DEMO${date.replaceAll('-', '')}${offset}4`,
    remittance: `ACOMPTE ${partial.number}`,
    counterpartyName: upper(partial.customerName),
  });
  const anonymous = pick(5);
  entries.push({
    amount: anonymous.openBalance,
    bookingDate: date,
    reference: `DEMO${date.replaceAll('-', '')}${offset}5`,
    remittance: 'VIREMENT',
    counterpartyName: upper(anonymous.customerName),
  });
  entries.push({
    amount: '-24.90',
    bookingDate: date,
    reference: `DEMO${date.replaceAll('-', '')}${offset}6`,
    remittance: 'COMMISSION TENUE DE COMPTE',
  });
  return entries;
}

/** The bank's credit of a direct-debit batch, on its collection date, naming the file. */
const batchCredit = (batch: DemoBatchCredit, n: number): SampleEntry => ({
  amount: batch.amount,
  bookingDate: batch.collectionDate,
  reference: `DEMO${batch.collectionDate.replaceAll('-', '')}PRLV${n}`,
  remittance: `REMISE PRLV SEPA CORE ${batch.messageId}`,
});

/** The debit of a returned direct debit: the invoice number (its end-to-end id) and the reason code, as banks write them. */
const returnedDebit = (directDebit: DirectDebitCollectionsDemo, date: string): SampleEntry => ({
  amount: `-${directDebit.returned.amount}`,
  bookingDate: date,
  reference: `DEMO${date.replaceAll('-', '')}IMPAYE`,
  remittance: `IMPAYE PRLV SEPA ${directDebit.returned.invoiceNumber} MOTIF AM04`,
  counterpartyName: upper(directDebit.returned.customerName),
});

const earliest = (entries: readonly SampleEntry[], date: string) =>
  entries.reduce((min, e) => (e.bookingDate < min ? e.bookingDate : min), date);

/**
 * The collection side of the demo: one statement already imported (some movements matched, some
 * proposed, fees to book, the credit of a direct-debit batch that settled it), a second one
 * written to disk for the user to import (with the credit of a second batch and the return of an
 * item of the first, both matched by the import), a disputed invoice, a payment promise, and
 * reminders already sent at each level.
 */
export async function seedCollectionsDemo(em: EntityManager, identity: Identity, options: { now?: Date } = {}): Promise<DemoFile[]> {
  const today = localDate(options.now ?? new Date());
  const random = seededRandom(7);
  const tenant = await em.findOneOrFail(Tenant, { id: identity.tenantId });
  const iban = tenant.iban ?? 'FR7630004008230001012345669';
  const directDebit = await seedDirectDebitCollections(em, identity, options);
  const invoices = await openInvoices(em);
  if (invoices.length < 12) return [];
  const statement = (id: string, date: string, entries: SampleEntry[]) =>
    camt053Statement({
      id,
      iban,
      ownerName: upper(tenant.legalName),
      from: earliest(entries, date),
      to: date,
      openingBalance: '18240.35',
      entries,
    });

  const yesterday = shiftDate(today, -1);
  const importedEntries = [...(directDebit ? [batchCredit(directDebit.settled, 1)] : []), ...statementEntries(invoices, yesterday, 0)];
  const imported = statement(`DEMO-${yesterday}`, yesterday, importedEntries);
  await importBankStatement(em, identity, { content: Buffer.from(imported), fileName: `releve-${yesterday}.xml` });

  const overdue = (await openInvoices(em)).filter((i) => i.dueDate < shiftDate(today, -8));
  const [disputed, promised] = overdue;
  if (disputed)
    await setInvoiceDispute(em, identity, disputed.id, { disputed: true, reason: 'Le client conteste le nombre d’heures facturées' });
  if (promised) await setPaymentPromise(em, identity, promised.id, { until: shiftDate(today, 5), note: 'Virement promis par téléphone' });

  // Reminders already sent: the days each level was reached, replayed as the daily job would have run them.
  const preview = await dunningPreview(em, identity.tenantId, today);
  for (const planned of preview.reminders.filter((r) => !r.problem && random() < 0.5)) {
    for (const level of preview.settings.levels.filter((l) => l.rank <= planned.level.rank)) {
      const day = shiftDate(planned.dueDate, level.daysAfterDue);
      if (day >= today) continue;
      const then = await dunningPreview(em, identity.tenantId, day, { onlyInvoiceIds: [planned.invoiceId] });
      const due = then.reminders.find((r) => r.level.rank === level.rank);
      if (due) await sendReminder(em, identity, due, then.settings, null, day);
    }
  }

  const toImport = [
    ...(directDebit ? [batchCredit(directDebit.pending, 2), returnedDebit(directDebit, today)] : []),
    ...statementEntries(await openInvoices(em), today, 1),
  ];
  return [{ name: `releve-${today}.xml`, content: statement(`DEMO-${today}`, today, toImport) }];
}
