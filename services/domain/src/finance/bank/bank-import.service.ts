import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { BankAccount, BankStatement } from './bank.entity';
import { autoMatchNewMovements, type MatchableMovement } from './bank-matching.service';
import { jsonChunks, runInTurn, textsLiteral, uuidLiteral } from './sure-match-recording';
import { parseBankFile, type BankFileFormat, type ParsedMovement, type ParsedStatement } from '../bank-files';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';

/** 10 MB: a year of movements of a busy account is far below. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;
/** Fingerprints looked up per statement (about 70 KB of them). */
const LOOKUP_CHUNK = 1000;

export interface StatementImport {
  statements: BankStatement[];
  movementCount: number;
  newMovementCount: number;
  duplicateCount: number;
  autoMatchedCount: number;
}

/**
 * The account the statement is for, found or created. The upsert locks its row until the import
 * commits, so two imports into one account run one after the other: each sees what the other
 * imported, and a movement is never taken as new by both.
 */
async function bankAccountFor(em: EntityManager, identity: Identity, statement: ParsedStatement): Promise<BankAccount> {
  const accountKey = statement.accountIban ?? statement.accountNumber;
  const [row] = await em.execute<{ id: string }[]>(
    `insert into bank_accounts (tenant_id, id, account_key, iban, label, currency) values (?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, account_key) do update set iban = coalesce(bank_accounts.iban, excluded.iban) returning id`,
    [identity.tenantId, newId(), accountKey, statement.accountIban, `Compte ${accountKey.slice(-11)}`, statement.currency],
  );
  return em.findOneOrFail(BankAccount, { id: row!.id });
}

/** A movement of the file not imported before: its row to insert, and what the matching sets on it. */
type NewMovement = MatchableMovement & { bankAccountId: string; parsed: ParsedMovement };

/**
 * The statement's movements not seen before on this account (by fingerprint, among the account's
 * movements and those this import already took from an earlier statement of the file), in the
 * statement's order, UNMATCHED and without proposals until the matching decides.
 */
async function newMovements(
  em: EntityManager,
  identity: Identity,
  accountId: string,
  statementId: string,
  movements: readonly ParsedMovement[],
  taken: Set<string>,
): Promise<NewMovement[]> {
  const known = new Set<string>(taken);
  for (let start = 0; start < movements.length; start += LOOKUP_CHUNK) {
    const fingerprints = textsLiteral(movements.slice(start, start + LOOKUP_CHUNK).map((m) => m.fingerprint));
    const rows = await em.execute<{ fingerprint: string }[]>(
      `select fingerprint from bank_movements
        where tenant_id = ${uuidLiteral(identity.tenantId)} and bank_account_id = ${uuidLiteral(accountId)} and fingerprint = any(${fingerprints})`,
    );
    rows.forEach((r) => known.add(r.fingerprint));
  }
  return movements
    .filter((m) => !known.has(m.fingerprint))
    .map((m) => {
      taken.add(m.fingerprint);
      return {
        id: newId(),
        bankAccountId: accountId,
        statementId,
        amount: m.amount,
        bookingDate: m.bookingDate,
        label: m.label,
        remittanceInfo: m.remittanceInfo,
        counterpartyName: m.counterpartyName,
        counterpartyIban: m.counterpartyIban,
        bankReference: m.bankReference,
        endToEndId: m.endToEndId,
        mandateId: m.mandateId,
        batchReference: m.batchReference,
        returnReasonCode: m.returnReasonCode,
        details: m.details,
        status: 'UNMATCHED',
        proposals: [],
        paymentId: null,
        directDebitBatchId: null,
        directDebitItemId: null,
        matchedBy: null,
        matchedAt: null,
        matchReason: null,
        parsed: m,
      };
    });
}

/**
 * Inserts the new movements as the matching left them (matched with their payment, proposed, or
 * unmatched), with multi-row inserts. The account is locked (see `bankAccountFor`), so none can
 * have been imported meanwhile; if one was all the same, the import is refused and nothing stays.
 */
async function insertMovements(em: EntityManager, identity: Identity, movements: readonly NewMovement[]): Promise<void> {
  const rows = movements.map((m) => ({
    id: m.id,
    bank_account_id: m.bankAccountId,
    statement_id: m.statementId,
    fingerprint: m.parsed.fingerprint,
    booking_date: m.bookingDate,
    value_date: m.parsed.valueDate,
    amount: m.amount,
    currency: m.parsed.currency,
    label: m.label,
    remittance_info: m.remittanceInfo,
    counterparty_name: m.counterpartyName,
    counterparty_iban: m.counterpartyIban,
    bank_reference: m.bankReference,
    end_to_end_id: m.endToEndId,
    mandate_id: m.mandateId,
    batch_reference: m.batchReference,
    return_reason_code: m.returnReasonCode,
    bank_transaction_code: m.parsed.bankTransactionCode,
    details: m.details,
    status: m.status,
    proposals: m.proposals,
    payment_id: m.paymentId,
    direct_debit_batch_id: m.directDebitBatchId,
    direct_debit_item_id: m.directDebitItemId,
    matched_by: m.matchedBy,
    matched_at: m.matchedAt,
    match_reason: m.matchReason,
  }));
  const counts: number[] = [];
  function* statements(): Generator<string> {
    for (const chunk of jsonChunks(rows)) {
      counts.push(chunk.count);
      yield `insert into bank_movements (tenant_id, id, bank_account_id, statement_id, fingerprint, booking_date, value_date, amount,
                                         currency, label, remittance_info, counterparty_name, counterparty_iban, bank_reference,
                                         end_to_end_id, mandate_id, batch_reference, return_reason_code, bank_transaction_code, details,
                                         status, proposals, payment_id, direct_debit_batch_id, direct_debit_item_id, matched_by,
                                         matched_at, match_reason)
             select ${uuidLiteral(identity.tenantId)}, r.id, r.bank_account_id, r.statement_id, r.fingerprint, r.booking_date,
                    r.value_date, r.amount, r.currency, r.label, r.remittance_info, r.counterparty_name, r.counterparty_iban,
                    r.bank_reference, r.end_to_end_id, r.mandate_id, r.batch_reference, r.return_reason_code, r.bank_transaction_code,
                    r.details, r.status, r.proposals, r.payment_id, r.direct_debit_batch_id, r.direct_debit_item_id, r.matched_by,
                    r.matched_at, r.match_reason
               from json_to_recordset(${chunk.rows}) as r(id uuid, bank_account_id uuid, statement_id uuid, fingerprint text,
                    booking_date date, value_date date, amount numeric, currency text, label text, remittance_info text,
                    counterparty_name text, counterparty_iban text, bank_reference text, end_to_end_id text, mandate_id text,
                    batch_reference text, return_reason_code text, bank_transaction_code text, details jsonb, status text,
                    proposals jsonb, payment_id uuid, direct_debit_batch_id uuid, direct_debit_item_id uuid, matched_by uuid,
                    matched_at timestamptz, match_reason text)
             on conflict (tenant_id, bank_account_id, fingerprint) do nothing returning id`;
    }
  }
  await runInTurn<{ id: string }>(em, statements(), (inserted, i) => {
    if (inserted.length !== counts[i])
      throw Errors.conflict('STATEMENT_IMPORTED_CONCURRENTLY', 'Ces mouvements viennent d’être importés par ailleurs ; réessayez', {
        movements: counts[i]! - inserted.length,
      });
  });
}

/**
 * Imports a statement file (CAMT.053, OFX or CFONB 120, detected or given): a file that does not
 * parse is refused whole, naming its line; movements already imported (same file again, or an
 * overlapping statement) are skipped; the new movements are matched when the rules are sure (a
 * credit to invoices or to a direct-debit batch, a debit to a returned direct debit) and get
 * proposals otherwise. They are matched before they are stored, then inserted as the matching left
 * them (a sure match's payment, settlement or return is recorded first).
 */
export async function importBankStatement(
  em: EntityManager,
  identity: Identity,
  input: { content: Buffer; fileName: string; format?: BankFileFormat | null },
): Promise<StatementImport> {
  new Validator()
    .check(input.content.length > 0, 'content', 'fichier vide')
    .check(input.content.length <= MAX_STATEMENT_BYTES, 'content', 'fichier trop volumineux (10 Mo au plus)')
    .check(input.fileName.trim().length > 0 && input.fileName.length <= 255, 'fileName', 'nom de fichier obligatoire', 'REQUIRED')
    .throwIfInvalid();
  const parsed = parseBankFile(input.content, input.format ?? undefined);
  if (parsed.length === 0) throw Errors.validation([{ field: 'content', message: 'aucun relevé dans ce fichier' }]);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const result: StatementImport = { statements: [], movementCount: 0, newMovementCount: 0, duplicateCount: 0, autoMatchedCount: 0 };
  const fresh: NewMovement[] = [];
  const taken = new Map<string, Set<string>>();
  for (const statement of parsed) {
    const account = await bankAccountFor(em, identity, statement);
    const row = em.create(BankStatement, {
      id: newId(),
      tenantId: identity.tenantId,
      bankAccountId: account.id,
      format: statement.format,
      fileName: input.fileName.trim(),
      fileSha256: sha256,
      bankStatementId: statement.statementId,
      fromDate: statement.fromDate,
      toDate: statement.toDate,
      openingBalance: statement.openingBalance,
      closingBalance: statement.closingBalance,
      movementCount: statement.movements.length,
      newMovementCount: 0,
      importedBy: actorId(identity),
    });
    await em.flush();
    if (!taken.has(account.id)) taken.set(account.id, new Set());
    const news = await newMovements(em, identity, account.id, row.id, statement.movements, taken.get(account.id)!);
    row.newMovementCount = news.length;
    fresh.push(...news);
    result.statements.push(row);
    result.movementCount += statement.movements.length;
    result.newMovementCount += news.length;
  }
  result.duplicateCount = result.movementCount - result.newMovementCount;
  if (fresh.length > 0) {
    result.autoMatchedCount = await autoMatchNewMovements(em, identity, fresh);
    await insertMovements(em, identity, fresh);
    const byStatement = Map.groupBy(
      fresh.filter((m) => m.status === 'MATCHED'),
      (m) => m.statementId,
    );
    for (const statement of result.statements) statement.autoMatchedCount = byStatement.get(statement.id)?.length ?? 0;
  }
  await em.flush();
  return result;
}
