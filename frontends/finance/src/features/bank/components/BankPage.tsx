import { Group, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { ErrorNotice, LoadingState, PageHeader, SectionCard, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import { useBankMovementCounts, useBankMovements, type BankMovementItem, type MovementView } from '../hooks/use-bank';
import { ImportCard } from './ImportCard';
import { MovementDrawer } from './MovementDrawer';
import { MovementTable } from './MovementTable';

const views: MovementView[] = ['todo', 'matched', 'booked'];

/** "Banque": statements imported, then each movement matched to invoices, booked, or its match undone. */
export function BankPage() {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const [view, setView] = useState<MovementView>('todo');
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState<BankMovementItem | null>(null);
  const counts = useBankMovementCounts();
  const { movements, totalCount, loading, error, retry, loadMore } = useBankMovements(view, searchText);
  /** The list's copy while it shows the movement (fresher after a reload), else the last one the server sent back. */
  const current = movements.find((movement) => movement.id === selected?.id) ?? selected;

  return (
    <>
      <PageHeader
        title={t('bank.title')}
        subtitle={
          totalCount === undefined ? t('bank.subtitle') : t('bank.count', { count: totalCount, formattedCount: format.count(totalCount) })
        }
      />
      <Stack>
        <ImportCard />
        <SectionCard title={t('bank.filter.label')}>
          <Group mb="md" gap="sm">
            <SegmentedControl
              aria-label={t('bank.filter.label')}
              value={view}
              onChange={(value) => setView(value as MovementView)}
              data={views.map((value) => ({
                value,
                label: counts ? `${t(`bank.filter.${value}`)} (${format.count(counts[value])})` : t(`bank.filter.${value}`),
              }))}
            />
            <TextInput
              type="search"
              w={260}
              aria-label={t('bank.filter.search')}
              placeholder={t('bank.filter.search')}
              value={searchText}
              onChange={(event) => setSearchText(event.currentTarget.value)}
            />
          </Group>
          {error && <ErrorNotice onRetry={retry} />}
          <div data-testid="bank-movements">
            {loading ? <LoadingState /> : <MovementTable movements={movements} loadMore={loadMore} onOpen={setSelected} />}
          </div>
        </SectionCard>
      </Stack>
      <MovementDrawer movement={current} onClose={() => setSelected(null)} onChanged={setSelected} onReload={retry} />
    </>
  );
}
