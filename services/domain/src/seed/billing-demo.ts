import type { EntityManager } from '@mikro-orm/postgresql';
import { Invoice, InvoiceLine } from '../billing/invoice.entity';
import { convertInterventionsToInvoice, markNotBillable } from '../billing/intervention-invoicing';
import { createDraftInvoice } from '../billing/invoice-drafts';
import { issueInvoice } from '../billing/invoice-issue';
import { createCreditNote } from '../billing/credit-notes';
import { recordPayment } from '../finance/payments/payments.service';
import type { PaymentMethod } from '../finance/payments/payment.entity';
import { openBalanceOf } from '../billing/invoice-status';
import { sendInvoice } from '../billing/invoice-sending';
import { Money } from '../billing/money';
import { Customer } from '../maintenance/customer.entity';
import { Intervention } from '../maintenance/intervention.entity';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';
import { seededRandom } from './french-data';
import { acceptQuote, convertQuoteToInvoice, createQuote, refuseQuote } from '../billing/quotes/quote.service';
import { sendQuote } from '../billing/quotes/quote-sending';
import type { QuoteLineInput } from '../billing/quotes/quote.rules';
import { QuoteLine, type Quote } from '../billing/quotes/quote.entity';

/**
 * The billing history that follows from the demo interventions: months of invoices issued a few
 * days after the work (grouped per customer and month for contract customers), most paid, some
 * partly paid or overdue, recent ones sent by e-mail, credit notes, two drafts in progress, one
 * intervention not billed under warranty, and the latest closed interventions still waiting.
 */

export interface BillingDemoSummary {
  quotes: number;
  issued: number;
  creditNotes: number;
  drafts: number;
  waiting: number;
}

const DAY = 24 * 3600_000;
/** Closed interventions of the last days stay in "À facturer". */
const WAITING_DAYS = 12;

export async function seedBillingDemo(
  em: EntityManager,
  identity: Identity,
  options: { seed: number; now?: Date; beforeIssuing?: (at: Date) => Promise<void> },
): Promise<BillingDemoSummary> {
  const random = seededRandom(options.seed * 15_485_863);
  const now = options.now ?? new Date();
  const closed = await em.find(Intervention, { status: 'CLOSED' }, { orderBy: { closedAt: 'asc', id: 'asc' } });
  const cutoff = new Date(now.getTime() - WAITING_DAYS * DAY);
  const toBill = closed.filter((i) => i.closedAt && i.closedAt < cutoff);

  // One invoice per customer and month of closing, issued 2 to 6 days after the month's last job.
  const batches = new Map<string, Intervention[]>();
  for (const i of toBill) {
    const key = `${i.customerId}:${localDate(i.closedAt!).slice(0, 7)}`;
    batches.set(key, [...(batches.get(key) ?? []), i]);
  }
  const plans = [...batches.values()]
    .map((interventions) => {
      const last = interventions[interventions.length - 1]!.closedAt!;
      const at = new Date(Math.min(last.getTime() + (2 + Math.floor(random() * 5)) * DAY, now.getTime() - DAY));
      return { interventions, at };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());

  // Under warranty: the office decided not to bill it.
  const [warranty, ...billable] = plans;
  if (warranty) await markNotBillable(em, identity, warranty.interventions[0]!.id, 'Intervention sous garantie constructeur (compresseur)');
  const drafts = billable.slice(-2);
  const toIssue = billable.slice(0, -2);
  for (const plan of drafts)
    await convertInterventionsToInvoice(
      em,
      identity,
      plan.interventions.map((i) => i.id),
    );

  const customers = new Map((await em.find(Customer, {})).map((c) => [c.id, c]));
  const issued: Invoice[] = [];
  for (const plan of toIssue) {
    // Other invoices of the series (the contracts' monthly runs) go out in date order with these.
    await options.beforeIssuing?.(plan.at);
    const draft = await convertInterventionsToInvoice(
      em,
      identity,
      plan.interventions.map((i) => i.id),
    );
    const invoice = await issueInvoice(em, draft.id, draft.version, { at: plan.at });
    issued.push(invoice);
    const ageDays = (now.getTime() - plan.at.getTime()) / DAY;
    const dueInPast = invoice.dueDate! < localDate(now);
    if (ageDays > 20 && random() < (dueInPast ? 0.8 : 0.5) && new Money(invoice.amountDue).greaterThan(0)) {
      const paidOn = localDate(new Date(Math.min(plan.at.getTime() + (10 + Math.floor(random() * 30)) * DAY, now.getTime())));
      const partial = random() < 0.12;
      const amount = partial ? new Money(invoice.amountDue).times('0.4').toFixed(2) : invoice.amountDue;
      await payInFull(em, identity, invoice, {
        amount,
        receivedOn: paidOn,
        method: random() < 0.8 ? 'TRANSFER' : 'CHECK',
        reference: `VIR ${invoice.number}`,
      });
    }
    if (!customers.get(invoice.customerId)?.email) continue;
    // The last invoices went out by e-mail through the outbox; older ones were sent the same way before.
    if (ageDays < 35) await sendInvoice(em, identity, invoice.id, {});
    else invoice.sentAt = plan.at;
  }

  await options.beforeIssuing?.(new Date(now.getTime() - DAY));

  // Credit notes: a part returned on one invoice, a whole invoice cancelled (billed to the wrong site).
  let creditNotes = 0;
  const unpaid = issued.filter((i) => new Money(i.paidAmount).isZero());
  for (const [invoice, full] of [
    [unpaid[0], false],
    [unpaid[1], true],
  ] as const) {
    if (!invoice) continue;
    const lines = await em.find(InvoiceLine, { invoiceId: invoice.id, kind: 'PART' }, { orderBy: { position: 'asc' } });
    const reason = full ? 'Facturée sur le mauvais site : annulée et refaite' : 'Pièce reprise (non posée)';
    const note = await createCreditNote(em, identity, invoice.id, {
      reason,
      lines: full || !lines[0] ? null : [{ invoiceLineId: lines[0].id, quantity: lines[0].quantity }],
    });
    await issueInvoice(em, note.id, note.version, { at: new Date(Math.min(invoice.issuedAt!.getTime() + 7 * DAY, now.getTime())) });
    creditNotes++;
  }

  // A manual invoice typed by the office, issued and sent: a refrigerant recovery certificate.
  const first = [...customers.values()].find((c) => c.email);
  if (first) {
    const manual = await createDraftInvoice(em, identity, {
      customerId: first.id,
      lines: [
        {
          kind: 'OTHER',
          description: 'Attestation de capacité et registre fluides frigorigènes 2026',
          quantity: '1',
          unit: 'C62',
          unitPrice: '85.00',
          vatRateCode: 'TVA20',
        },
        {
          kind: 'OTHER',
          description: 'Contrôle d’étanchéité annuel (équipements > 5 t CO2e)',
          quantity: '3',
          unit: 'C62',
          unitPrice: '65.00',
          vatRateCode: 'TVA20',
        },
      ],
      allowanceCharges: [{ charge: false, reason: 'Remise client fidèle', amount: '20.00', vatRateCode: 'TVA20' }],
    });
    const invoice = await issueInvoice(em, manual.id, manual.version, { at: now });
    issued.push(invoice);
    await sendInvoice(em, identity, invoice.id, {});
  }
  const quotes = await seedQuotes(em, identity, [...customers.values()].filter((c) => c.email).slice(1, 8), now);
  await em.flush();
  return { quotes, issued: issued.length, creditNotes, drafts: drafts.length, waiting: closed.length - toBill.length };
}

const CHILLER_WORKS: QuoteLineInput[] = [
  {
    section: 'Dépose',
    kind: 'LABOUR',
    description: 'Dépose et évacuation du groupe existant (récupération du fluide R410A)',
    quantity: '14',
    unit: 'HUR',
    unitPrice: '68.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Fourniture',
    kind: 'PART',
    description: 'Groupe de production d’eau glacée 45 kW, R32',
    quantity: '1',
    unit: 'C62',
    unitPrice: '18450.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Fourniture',
    kind: 'PART',
    description: 'Kit hydraulique et vannes d’isolement',
    quantity: '1',
    unit: 'C62',
    unitPrice: '1280.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Pose et mise en service',
    kind: 'LABOUR',
    description: 'Pose, raccordements et mise en service',
    quantity: '24',
    unit: 'HUR',
    unitPrice: '68.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Pose et mise en service',
    kind: 'OTHER',
    description: 'Grutage',
    quantity: '1',
    unit: 'C62',
    unitPrice: '1650.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Options',
    optional: true,
    kind: 'OTHER',
    description: 'Supervision à distance (GTC) — 1ère année',
    quantity: '1',
    unit: 'C62',
    unitPrice: '890.00',
    vatRateCode: 'TVA20',
  },
];

const FIRE_SAFETY: QuoteLineInput[] = [
  {
    section: 'Détection',
    kind: 'PART',
    description: 'Détecteurs optiques de fumée adressables',
    quantity: '48',
    unit: 'C62',
    unitPrice: '62.50',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Détection',
    kind: 'PART',
    description: 'Centrale de détection incendie 4 boucles',
    quantity: '1',
    unit: 'C62',
    unitPrice: '4200.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Travaux',
    kind: 'LABOUR',
    description: 'Câblage et pose',
    quantity: '60',
    unit: 'HUR',
    unitPrice: '64.00',
    vatRateCode: 'TVA20',
  },
  {
    section: 'Travaux',
    kind: 'OTHER',
    description: 'Essais, réception et formation du personnel',
    quantity: '1',
    unit: 'C62',
    unitPrice: '950.00',
    vatRateCode: 'TVA20',
  },
];

const HEAT_PUMP: QuoteLineInput[] = [
  { kind: 'PART', description: 'Pompe à chaleur air/eau 16 kW', quantity: '1', unit: 'C62', unitPrice: '9800.00', vatRateCode: 'TVA5_5' },
  {
    kind: 'LABOUR',
    description: 'Installation et mise en service',
    quantity: '16',
    unit: 'HUR',
    unitPrice: '68.00',
    vatRateCode: 'TVA5_5',
  },
  { kind: 'OTHER', description: 'Désembouage du réseau existant', quantity: '1', unit: 'C62', unitPrice: '480.00', vatRateCode: 'TVA10' },
];

/**
 * Quotes at every stage: a draft, one waiting for the customer, one refused, and three accepted
 * jobs being billed: a deposit only, a deposit then the final invoice deducting it (paid), and a
 * progress-billed job (two situations, 5 % retention).
 */
async function seedQuotes(em: EntityManager, identity: Identity, customers: Customer[], now: Date): Promise<number> {
  if (customers.length < 6) return 0;
  const today = localDate(now);
  const quote = (customer: Customer, title: string, lines: QuoteLineInput[], discount = '0') =>
    createQuote(em, identity, { customerId: customer.id, title, lines, globalDiscountPercent: discount });
  const sent = async (q: Quote) => sendQuote(em, identity, q.id, q.version);
  const accepted = async (q: Quote, signerName: string) => {
    const s = await sent(q);
    return acceptQuote(em, identity, s.id, { expectedVersion: s.version, signerName });
  };
  const issue = async (quoteId: string, mode: Parameters<typeof convertQuoteToInvoice>[3]) => {
    const draft = await convertQuoteToInvoice(em, identity, quoteId, mode);
    return issueInvoice(em, draft.id, draft.version, { at: now });
  };

  await quote(customers[0]!, 'Remplacement des ventilo-convecteurs du 2e étage', HEAT_PUMP.slice(0, 2));
  await sent(await quote(customers[1]!, 'Pompe à chaleur et désembouage', HEAT_PUMP));
  const refused = await sent(await quote(customers[2]!, 'Extension du réseau de sprinklers', FIRE_SAFETY.slice(2)));
  await refuseQuote(em, identity, refused.id, { expectedVersion: refused.version, reason: 'Budget reporté à l’an prochain' });

  const chiller = await accepted(
    await quote(customers[3]!, 'Remplacement du groupe d’eau glacée', CHILLER_WORKS, '3'),
    'Mme Le Gall, directrice technique',
  );
  await issue(chiller.id, { mode: 'DEPOSIT', percent: '30' });

  const pump = await accepted(await quote(customers[4]!, 'Pompe à chaleur, logements de fonction', HEAT_PUMP), 'M. Riou, gérant');
  const deposit = await issue(pump.id, { mode: 'DEPOSIT', percent: '40' });
  await payInFull(em, identity, deposit, {
    amount: deposit.amountDue,
    receivedOn: today,
    method: 'TRANSFER',
    reference: `VIR ${deposit.number}`,
  });
  const final = await issue(pump.id, { mode: 'FINAL' });
  await payInFull(em, identity, final, {
    amount: final.amountDue,
    receivedOn: today,
    method: 'TRANSFER',
    reference: `VIR ${final.number}`,
  });

  const fire = await accepted(
    await quote(customers[5]!, 'Mise en conformité SSI catégorie A', FIRE_SAFETY),
    'M. Bertrand, responsable sécurité',
  );
  const fireLines = await em.find(QuoteLine, { quoteId: fire.id }, { orderBy: { position: 'asc' } });
  const situation = (percents: string[]) => ({
    mode: 'PROGRESS' as const,
    retentionPercent: '5',
    lines: fireLines.map((l, i) => ({ quoteLineId: l.id, cumulativePercent: percents[i]! })),
  });
  const first = await issue(fire.id, situation(['50', '100', '30', '0']));
  await payInFull(em, identity, first, {
    amount: openBalanceOf(first),
    receivedOn: today,
    method: 'TRANSFER',
    reference: `VIR ${first.number}`,
  });
  await issue(fire.id, situation(['100', '100', '70', '0']));
  return 6;
}

/** A payment received for one invoice, allocated to it. */
function payInFull(
  em: EntityManager,
  identity: Identity,
  invoice: Invoice,
  payment: { amount: string; receivedOn: string; method: PaymentMethod; reference: string },
) {
  return recordPayment(em, identity, {
    ...payment,
    customerId: invoice.customerId,
    allocations: [{ invoiceId: invoice.id, amount: payment.amount }],
  });
}
