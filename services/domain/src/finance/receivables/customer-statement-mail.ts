import type { EntityManager } from '@mikro-orm/postgresql';
import { customerStatement, type CustomerStatement } from './customer-statement';
import { renderStatementPdf, statementSeller, type StatementSeller } from './customer-statement-pdf';
import { formatEuro } from '../../billing/documents/format';
import { Money, sumAmounts } from '../../billing/money';
import type { OutboxMessage } from '../../mail/outbox.entity';
import { enqueueMail } from '../../mail/outbox.service';
import { Validator } from '../../shared/errors';
import type { Identity } from '../../shared/identity';
import { frenchDate } from '../../shared/time';

/** Mails sent with a customer's statement are shown beside the customer (related id). */
export const CUSTOMER_STATEMENT_MAIL_RELATION = 'customer-statement';

export interface SendStatementInput {
  from: string;
  to: string;
  /** Recipients; by default the customer's e-mail address. */
  recipients?: string[] | null;
  /** A personal message put before the standard text. */
  message?: string | null;
}

export function statementMailText(
  statement: CustomerStatement,
  seller: Pick<StatementSeller, 'legalName'>,
  message: string | null,
): string {
  const closing = new Money(statement.closing);
  const overdue = sumAmounts(
    statement.openItems.filter((i) => i.daysLate > 0 && new Money(i.openBalance).greaterThan(0)).map((i) => i.openBalance),
  );
  const balance = closing.greaterThan(0)
    ? `Solde dû au ${frenchDate(statement.to)} : ${formatEuro(statement.closing)}${overdue.greaterThan(0) ? `, dont ${formatEuro(overdue.toFixed(2))} échus` : ''}.`
    : closing.isNegative()
      ? `Au ${frenchDate(statement.to)}, nous vous devons ${formatEuro(closing.negated().toFixed(2))}.`
      : `Au ${frenchDate(statement.to)}, votre compte est soldé.`;
  const paragraphs = [
    message?.trim() || 'Bonjour,',
    `Veuillez trouver ci-joint le relevé de votre compte client ${statement.customer.code} pour la période du ${frenchDate(statement.from)} au ${frenchDate(statement.to)}.`,
    closing.greaterThan(0) ? `${balance}\nSi ce montant a déjà été réglé, merci de ne pas tenir compte de ce rappel.` : balance,
    `Cordialement,\n${seller.legalName}`,
  ];
  return paragraphs.join('\n\n');
}

export const statementFileName = (statement: Pick<CustomerStatement, 'customer' | 'to'>): string =>
  `releve-${statement.customer.code.replace(/[^\w-]+/g, '-')}-${statement.to}.pdf`;

/** Queues a mail with the statement's PDF through the outbox (retried, visible in deliveries), in the caller's transaction. */
export async function sendCustomerStatement(
  em: EntityManager,
  identity: Identity,
  customerId: string,
  input: SendStatementInput,
): Promise<OutboxMessage> {
  new Validator().check((input.message ?? '').length <= 5000, 'message', 'au plus 5 000 caractères', 'TOO_LONG').throwIfInvalid();
  const statement = await customerStatement(em, customerId, { from: input.from, to: input.to });
  const recipients = input.recipients?.length ? input.recipients : statement.customer.email ? [statement.customer.email] : [];
  new Validator()
    .check(recipients.length > 0, 'recipients', 'le client n’a pas d’adresse e-mail : indiquez un destinataire')
    .throwIfInvalid();
  const seller = await statementSeller(em, identity.tenantId);
  return enqueueMail(em, identity, {
    to: recipients,
    ...(seller.email ? { replyTo: seller.email } : {}),
    subject: `Relevé de compte au ${frenchDate(statement.to)} — ${seller.name}`,
    text: statementMailText(statement, seller, input.message ?? null),
    attachments: [
      { filename: statementFileName(statement), contentType: 'application/pdf', content: await renderStatementPdf(statement, seller) },
    ],
    related: { type: CUSTOMER_STATEMENT_MAIL_RELATION, id: statement.customer.id },
  });
}
