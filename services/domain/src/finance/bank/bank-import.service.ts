import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { BankAccount, BankMovement, BankStatement } from './bank.entity';
import { autoMatchMovements, matchingIndex } from './bank-matching.service';
import { parseBankFile, type BankFileFormat, type ParsedMovement, type ParsedStatement } from '../bank-files';
import { Errors, Validator } from '../../shared/errors';
import { actorId, type Identity } from '../../shared/identity';
import { newId } from '../../shared/ids';

/** 10 MB: a year of movements of a busy account is far below. */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;
const INSERT_CHUNK = 1000;

export interface StatementImport {
  statements: BankStatement[];
  movementCount: number;
  newMovementCount: number;
  duplicateCount: number;
  autoMatchedCount: number;
}

async function bankAccountFor(em: EntityManager, identity: Identity, statement: ParsedStatement): Promise<BankAccount> {
  const accountKey = statement.accountIban ?? statement.accountNumber;
  const [row] = await em.execute<{ id: string }[]>(
    `insert into bank_accounts (tenant_id, id, account_key, iban, label, currency) values (?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, account_key) do update set iban = coalesce(bank_accounts.iban, excluded.iban) returning id`,
    [identity.tenantId, newId(), accountKey, statement.accountIban, `Compte ${accountKey.slice(-11)}`, statement.currency],
  );
  return em.findOneOrFail(BankAccount, { id: row!.id });
}

/** Inserts the movements not seen before on this account (by fingerprint); returns their ids. */
async function insertNewMovements(
  em: EntityManager,
  identity: Identity,
  accountId: string,
  statementId: string,
  movements: readonly ParsedMovement[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < movements.length; start += INSERT_CHUNK) {
    const chunk = movements.slice(start, start + INSERT_CHUNK);
    const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)').join(', ');
    const params = chunk.flatMap((m) => [
      identity.tenantId,
      newId(),
      accountId,
      statementId,
      m.fingerprint,
      m.bookingDate,
      m.valueDate,
      m.amount,
      m.currency,
      m.label,
      m.remittanceInfo,
      m.counterpartyName,
      m.counterpartyIban,
      m.bankReference,
      m.endToEndId,
      m.mandateId,
      m.bankTransactionCode,
      JSON.stringify(m.details),
    ]);
    const inserted = await em.execute<{ id: string }[]>(
      `insert into bank_movements (tenant_id, id, bank_account_id, statement_id, fingerprint, booking_date, value_date, amount, currency,
                                   label, remittance_info, counterparty_name, counterparty_iban, bank_reference, end_to_end_id,
                                   mandate_id, bank_transaction_code, details)
       values ${values}
       on conflict (tenant_id, bank_account_id, fingerprint) do nothing returning id`,
      params,
    );
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/**
 * Imports a statement file (CAMT.053, OFX or CFONB 120, detected or given): a file that does not
 * parse is refused whole, naming its line; movements already imported (same file again, or an
 * overlapping statement) are skipped; the new credits are matched when the rules are sure and
 * get proposals otherwise.
 */
export async function importBankStatement(
  em: EntityManager,
  identity: Identity,
  input: { content: Buffer; fileName: string; format?: BankFileFormat | null },
): Promise<StatementImport> {
  new Validator()
    .check(input.content.length > 0, 'content', 'fichier vide')
    .check(input.content.length <= MAX_STATEMENT_BYTES, 'content', 'fichier trop volumineux (10 Mo au plus)')
    .check(input.fileName.trim().length > 0 && input.fileName.length <= 255, 'fileName', 'nom de fichier obligatoire')
    .throwIfInvalid();
  const parsed = parseBankFile(input.content, input.format ?? undefined);
  if (parsed.length === 0) throw Errors.validation([{ field: 'content', message: 'aucun relevé dans ce fichier' }]);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const result: StatementImport = { statements: [], movementCount: 0, newMovementCount: 0, duplicateCount: 0, autoMatchedCount: 0 };
  const fresh: string[] = [];
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
    const ids = await insertNewMovements(em, identity, account.id, row.id, statement.movements);
    row.newMovementCount = ids.length;
    fresh.push(...ids);
    result.statements.push(row);
    result.movementCount += statement.movements.length;
    result.newMovementCount += ids.length;
  }
  result.duplicateCount = result.movementCount - result.newMovementCount;
  if (fresh.length > 0) {
    const movements = await em.find(BankMovement, { id: { $in: fresh }, amount: { $gt: '0' } }, { orderBy: { bookingDate: 'asc' } });
    result.autoMatchedCount = await autoMatchMovements(em, identity, movements, await matchingIndex(em));
    const byStatement = Map.groupBy(
      movements.filter((m) => m.status === 'MATCHED'),
      (m) => m.statementId,
    );
    for (const statement of result.statements) statement.autoMatchedCount = byStatement.get(statement.id)?.length ?? 0;
  }
  await em.flush();
  return result;
}
