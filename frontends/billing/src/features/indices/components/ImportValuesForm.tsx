import { Alert, Button, FileInput, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { SectionCard } from '@relais/ui';
import { graphQLFieldErrors, ActionError, useAction } from '@relais/session';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIndexValuesMutation } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { useImportIndexValues, type IndexSeries } from '../hooks/use-indices';

type ImportOutcome = ImportIndexValuesMutation['importIndexValues'];

const LINE_FIELD = /^csv\.line\[(\d+)\]/;

/**
 * CSV import of a series' values: a file (read into the text area) or pasted text. The server
 * takes all the lines or none; a refusal lists the lines it names ("csv.line[3].value").
 */
export function ImportValuesForm({ series }: { series: IndexSeries }) {
  const { t } = useTranslation(billingNamespace);
  const { importCsv, busy } = useImportIndexValues();
  const action = useAction();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const problems = graphQLFieldErrors(action.error);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setOutcome(null);
    action.clear();
    if (chosen) setCsv(await chosen.text());
  };

  const submit = async () => {
    setOutcome(null);
    const result = await action.run(() => importCsv(series.id, csv));
    if (result) {
      setOutcome(result);
      setCsv('');
      setFile(null);
    }
  };

  return (
    <SectionCard title={t('indices.import.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('indices.import.help')}
        </Text>
        <FileInput
          label={t('indices.import.file')}
          placeholder={t('indices.import.filePlaceholder')}
          accept=".csv,text/csv,text/plain"
          clearable
          value={file}
          onChange={(chosen) => void chooseFile(chosen)}
        />
        <Textarea
          label={t('indices.import.csv')}
          autosize
          minRows={4}
          maxRows={12}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          placeholder={'mois;valeur;publiée le\n2026-09;298,4;2026-10-15\n2026-10;299,0;2026-11-14'}
          value={csv}
          onChange={(event) => {
            setCsv(event.currentTarget.value);
            setOutcome(null);
          }}
        />
        <Group justify="flex-end">
          <Button onClick={() => void submit()} disabled={!csv.trim()} loading={busy}>
            {t('indices.import.confirm')}
          </Button>
        </Group>
        {problems.length > 0 ? (
          <Alert color="red" title={`${t('indices.import.refused')} (VALIDATION_FAILED)`} role="alert" data-testid="index-import-errors">
            <List size="sm" spacing={2}>
              {problems.map((problem) => {
                const line = LINE_FIELD.exec(problem.field)?.[1];
                return (
                  <List.Item key={`${problem.field}:${problem.message}`}>
                    <Text span size="sm" fw={600}>
                      {line ? t('indices.import.line', { line }) : t('indices.import.whole')}
                    </Text>
                    {` — ${problem.message} `}
                    <Text span size="xs" c="dimmed">
                      ({problem.field})
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          </Alert>
        ) : (
          <ActionError error={action.error} />
        )}
        {outcome && (
          <Alert color="green" data-testid="index-import-done">
            {t('indices.import.done', { imported: outcome.imported, created: outcome.created, updated: outcome.updated })}
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}
