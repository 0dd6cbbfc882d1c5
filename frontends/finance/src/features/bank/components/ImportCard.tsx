import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import { ActionError, useAction } from '@relais/session';
import { ErrorNotice, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBankStatementMutation } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';
import { useBankStatements, useImportStatement } from '../hooks/use-bank';

type ImportOutcome = ImportBankStatementMutation['importBankStatement'];

const accepted = '.xml,.ofx,.txt,.cfo,.053';

/** "Importer un relevé": a statement file read in the browser, what the import did, and the latest imports. */
export function ImportCard() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const { importFile, busy } = useImportStatement();
  const action = useAction();
  const recent = useBankStatements();

  const count = (key: string, value: number) => t(`bank.import.${key}`, { count: value, formattedCount: format.count(value) });
  const submit = async () => {
    if (!file) return;
    setOutcome(null);
    const result = await action.run(() => importFile(file));
    if (result) {
      setOutcome(result);
      setFile(null);
    }
  };

  return (
    <SectionCard title={t('bank.import.title')}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <FileInput
            w={380}
            label={t('bank.import.file')}
            description={t('bank.import.fileHint')}
            placeholder={t('bank.import.filePlaceholder')}
            accept={accepted}
            clearable
            value={file}
            onChange={(picked) => {
              setFile(picked);
              action.clear();
            }}
          />
          <Button onClick={() => void submit()} disabled={!file} loading={busy}>
            {t('bank.import.confirm')}
          </Button>
        </Group>
        <ActionError error={action.error} />
        {outcome && (
          <Alert color="green" title={t('bank.import.done')} data-testid="bank-import-outcome">
            {t('bank.import.outcome', {
              movements: count('movements', outcome.movementCount),
              newMovements: count('newMovements', outcome.newMovementCount),
              duplicates: count('duplicates', outcome.duplicateCount),
              autoMatched: count('autoMatched', outcome.autoMatchedCount),
            })}
          </Alert>
        )}
        <Title order={5}>{t('bank.import.recent')}</Title>
        {recent.error && <ErrorNotice onRetry={recent.retry} />}
        {recent.statements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bank.import.noStatements')}
          </Text>
        ) : (
          <Table verticalSpacing={4} data-testid="bank-statements">
            <Table.Tbody>
              {recent.statements.map((statement) => (
                <Table.Tr key={statement.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t('bank.import.statement', {
                        fileName: statement.fileName,
                        from: format.date(statement.fromDate),
                        to: format.date(statement.toDate),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('bank.import.statementDetail', {
                        movements: count('movements', statement.movementCount),
                        newMovements: count('newMovements', statement.newMovementCount),
                        autoMatched: count('autoMatched', statement.autoMatchedCount),
                      })}
                      {statement.closingBalance &&
                        ` · ${t('bank.import.closingBalance', { amount: format.money(statement.closingBalance) })}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t('bank.import.importedAt', { date: format.dateTime(statement.importedAt) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
