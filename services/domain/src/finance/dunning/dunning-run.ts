import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { DunningRun, Reminder } from './dunning.entity';
import { dunningPreview, type PlannedReminder } from './dunning-preview';
import { formalNoticeLetter, reminderMail, type ReminderFacts } from './reminder-documents';
import type { DunningConfig } from './dunning-settings.service';
import { ensureInvoiceArtefacts } from '../../billing/documents/invoice-artefacts';
import { documentFileName } from '../../billing/documents/document-link';
import type { LetterParty } from '../../billing/documents/letter-pdf';
import { renderLetterInPool } from '../../billing/documents/render-pool';
import { INVOICE_MAIL_RELATION } from '../../billing/invoice-sending';
import { Customer } from '../../maintenance/customer.entity';
import { enqueueMail } from '../../mail/outbox.service';
import type { MailAttachmentInput } from '../../mail/outbox.rules';
import { Tenant } from '../../platform/tenant.entity';
import { recordFact } from '../../platform/business-facts';
import { inTenantScope } from '../../db/tenant-scope';
import type { Orm } from '../../db/orm';
import { Errors } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';
import { localDate } from '../../shared/time';

export const DUNNING_QUEUE = 'finance.dunning';

export interface DunningJobData {
  runId: string;
  identity: Identity;
}

/** The clerk's run, for today, of what the preview shows less the excluded invoices. */
export async function startDunningRun(
  em: EntityManager,
  identity: Identity,
  excludedInvoiceIds: readonly string[] = [],
): Promise<DunningRun> {
  const run = em.create(DunningRun, {
    id: newId(),
    tenantId: identity.tenantId,
    runOn: localDate(new Date()),
    trigger: 'MANUAL',
    state: 'QUEUED',
    excludedInvoiceIds: [...new Set(excludedInvoiceIds)],
    createdBy: actorId(identity),
  });
  await em.flush();
  return run;
}

/** The daily run of a tenant in AUTO mode: at most one per day, whichever replica asks first. */
export async function startDailyDunningRun(em: EntityManager, tenantId: string, date: string): Promise<string | null> {
  const [row] = await em.execute<{ id: string }[]>(
    `insert into dunning_runs (tenant_id, id, run_on, trigger, state) values (?, ?, ?, 'DAILY', 'QUEUED')
     on conflict (tenant_id, run_on) where trigger = 'DAILY' do nothing returning id`,
    [tenantId, newId(), date],
  );
  return row?.id ?? null;
}

function party(p: { name: string; lines: (string | null | undefined)[]; email?: string | null; phone?: string | null }): LetterParty {
  return { name: p.name, address: p.lines.filter((l): l is string => Boolean(l?.trim())), email: p.email ?? null, phone: p.phone ?? null };
}

/**
 * Sends one planned reminder: records it (unique per invoice and level, so a replay sends
 * nothing twice), renders the formal notice letter when the level is one, and queues the mail
 * through the outbox with the invoice and the letter attached as the level says.
 */
export async function sendReminder(
  em: EntityManager,
  identity: Identity,
  planned: PlannedReminder,
  settings: Pick<DunningConfig, 'lateInterestRate'>,
  runId: string | null,
  sentOn: string,
): Promise<Reminder | null> {
  if (planned.problem) throw Errors.conflict('REMINDER_NOT_SENDABLE', planned.problem, { invoiceId: planned.invoiceId });
  const id = newId();
  const [inserted] = await em.execute<{ id: string }[]>(
    `insert into reminders (tenant_id, id, invoice_id, customer_id, run_id, level_rank, level_name, channel, formal_notice, sent_on,
                            days_late, open_balance, late_interest, indemnity, sent_to, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?)
     on conflict (tenant_id, invoice_id, level_rank) do nothing returning id`,
    [
      identity.tenantId,
      id,
      planned.invoiceId,
      planned.customerId,
      runId,
      planned.level.rank,
      planned.level.name,
      planned.level.channel,
      planned.level.formalNotice,
      sentOn,
      planned.daysLate,
      planned.openBalance,
      planned.lateInterest,
      planned.indemnity,
      `{${planned.customerEmail ? JSON.stringify(planned.customerEmail) : ''}}`,
      actorId(identity),
    ],
  );
  if (!inserted) return null;
  const [tenant, customer] = await Promise.all([
    em.findOneOrFail(Tenant, { id: identity.tenantId }),
    em.findOneOrFail(Customer, { id: planned.customerId }),
  ]);
  const facts: ReminderFacts = {
    ...planned,
    invoiceNumber: planned.number,
    sellerName: tenant.legalName,
    lateInterestRate: settings.lateInterestRate,
    sentOn,
  };
  const attachments: MailAttachmentInput[] = [];
  let letterPdf: Uint8Array | null = null;
  if (planned.level.formalNotice) {
    letterPdf = await renderLetterInPool(
      formalNoticeLetter(
        facts,
        party({
          name: tenant.legalName,
          lines: [tenant.addressLine1, `${tenant.postalCode ?? ''} ${tenant.city ?? ''}`],
          email: tenant.billingEmail,
          phone: tenant.phone,
        }),
        party({
          name: customer.name,
          lines: [customer.billingAddressLine1, customer.billingAddressLine2, `${customer.billingPostalCode} ${customer.billingCity}`],
        }),
      ),
    );
    attachments.push({ filename: `mise-en-demeure-${planned.number}.pdf`, contentType: 'application/pdf', content: letterPdf });
  }
  if (planned.level.attachInvoicePdf) {
    const artefacts = await ensureInvoiceArtefacts(em, planned.invoiceId);
    attachments.push({
      filename: documentFileName({ id: planned.invoiceId, number: planned.number }, 'PDF'),
      contentType: 'application/pdf',
      content: artefacts.pdf,
    });
  }
  let mailId: string | null = null;
  if (planned.customerEmail) {
    const mail = reminderMail(facts);
    const message = await enqueueMail(em, identity, {
      to: [planned.customerEmail],
      ...(tenant.billingEmail ? { replyTo: tenant.billingEmail } : {}),
      subject: `${mail.subject} — ${tenant.name}`,
      text: mail.text,
      attachments,
      related: { type: INVOICE_MAIL_RELATION, id: planned.invoiceId },
    });
    mailId = message.id;
  }
  await em.execute('update reminders set mail_message_id = ?, letter_pdf = ? where id = ?', [
    mailId,
    letterPdf ? Buffer.from(letterPdf) : null,
    id,
  ]);
  recordFact(em, identity, {
    kind: 'reminder.sent',
    subjectType: 'Invoice',
    subjectId: planned.invoiceId,
    occurredOn: sentOn,
    payload: {
      level: planned.level.rank,
      openBalance: planned.openBalance,
      lateInterest: planned.lateInterest,
      indemnity: planned.indemnity,
    },
  });
  await em.flush();
  return em.findOneOrFail(Reminder, { id });
}

const heartbeat = (
  em: EntityManager,
  runId: string,
  patch: Partial<Pick<DunningRun, 'state' | 'planned' | 'sent' | 'failed' | 'errors' | 'finishedAt'>>,
) => em.nativeUpdate(DunningRun, { id: runId }, { ...patch, heartbeatAt: new Date() });

/**
 * Runs a dunning run: what the preview of its day shows (less excluded invoices), one
 * transaction per reminder, so a customer without an address stops no other; a resumed run
 * sends only what is missing.
 */
export async function processDunningRun(orm: Orm, data: DunningJobData): Promise<DunningRun | null> {
  const { identity, runId } = data;
  const scope = <T>(work: (em: EntityManager) => Promise<T>) => inTenantScope(orm, identity, { requestId: `dunning:${runId}` }, work);
  const prepared = await scope(async (em) => {
    const run = await em.findOne(DunningRun, { id: runId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!run || run.state === 'SUCCEEDED' || run.state === 'FAILED') return null;
    const preview = await dunningPreview(em, identity.tenantId, run.runOn, { excludedInvoiceIds: run.excludedInvoiceIds });
    await heartbeat(em, runId, { state: 'RUNNING', planned: preview.reminders.length });
    return { run, preview };
  });
  if (!prepared) return null;
  const { run, preview } = prepared;
  let sent = 0;
  const errors: { invoiceId: string; message: string }[] = [];
  for (const planned of preview.reminders) {
    try {
      const reminder = await scope((em) => sendReminder(em, identity, planned, preview.settings, runId, run.runOn));
      if (reminder) sent += 1;
    } catch (error) {
      errors.push({ invoiceId: planned.invoiceId, message: error instanceof Error ? error.message : String(error) });
    }
    if ((sent + errors.length) % 50 === 0) await scope((em) => heartbeat(em, runId, { sent, failed: errors.length }));
  }
  return scope(async (em) => {
    await heartbeat(em, runId, { state: 'SUCCEEDED', sent, failed: errors.length, errors, finishedAt: new Date() });
    return em.findOneOrFail(DunningRun, { id: runId }, { refresh: true });
  });
}

export const dunningRunsToResume = (em: EntityManager, staleSeconds: number) =>
  em.execute<{ tenant_id: string; id: string }[]>('select tenant_id, id from dunning_runs_to_resume(?)', [staleSeconds]);

export const dunningDailyTenants = async (em: EntityManager) =>
  (await em.execute<{ tenant_id: string }[]>('select id as tenant_id from dunning_daily_tenants()')).map((r) => r.tenant_id);

export const remindersByInvoiceIds = (em: EntityManager, ids: readonly string[]) =>
  em.find(Reminder, { invoiceId: { $in: [...ids] } }, { orderBy: { sentOn: 'asc', levelRank: 'asc' } });

export const listDunningRuns = (em: EntityManager, first: number) =>
  em.find(DunningRun, {}, { orderBy: { createdAt: 'desc' }, limit: first });
