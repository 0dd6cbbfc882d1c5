import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { DataTable, useFormatters, type DataTableColumn, type DataTableProps } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { maskIban } from '../hooks/iban';
import type { MandateListItem } from '../hooks/use-mandates';
import { MandateStatusBadge } from './MandateStatusBadge';
import { SequenceBadge } from './SequenceBadge';

/** The mandates: whose, which RUM and account (masked), signed when, what the next collection will be, and its state. */
export function MandateTable({
  mandates,
  loadMore,
  onRevoke,
}: {
  mandates: readonly MandateListItem[];
  loadMore: DataTableProps<MandateListItem>['loadMore'];
  onRevoke: (mandate: MandateListItem) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const columns: DataTableColumn<MandateListItem>[] = [
    {
      key: 'customer',
      header: t('directDebit.mandates.column.customer'),
      render: (mandate) => (
        <Stack gap={0}>
          <Anchor component={Link} to={billingPaths.customer(mandate.customer.id)} size="sm" c="dark" fw={600}>
            {mandate.customer.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {mandate.customer.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'reference',
      header: t('directDebit.mandates.column.reference'),
      render: (mandate) => (
        <Group gap={6} wrap="nowrap">
          <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="mandate-reference">
            {mandate.reference}
          </Text>
          {mandate.kind === 'ONE_OFF' && (
            <Badge size="xs" variant="outline" color="gray" tt="none">
              {t('directDebit.mandates.oneOff')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'iban',
      header: t('directDebit.mandates.column.iban'),
      render: (mandate) => (
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="mandate-iban">
          {maskIban(mandate.iban)}
        </Text>
      ),
    },
    {
      key: 'bic',
      header: t('directDebit.mandates.column.bic'),
      render: (mandate) => (
        <Text size="sm" ff="monospace">
          {mandate.bic ?? '—'}
        </Text>
      ),
    },
    { key: 'signedOn', header: t('directDebit.mandates.column.signedOn'), render: (mandate) => format.date(mandate.signedOn) },
    {
      key: 'sequence',
      header: t('directDebit.mandates.column.sequence'),
      render: (mandate) => (mandate.nextSequenceType ? <SequenceBadge sequence={mandate.nextSequenceType} /> : '—'),
    },
    {
      key: 'status',
      header: t('directDebit.mandates.column.status'),
      render: (mandate) => (
        <Stack gap={2} align="flex-start">
          <MandateStatusBadge mandate={mandate} />
          {mandate.status === 'REVOKED' && mandate.revokedOn && (
            <Text size="xs" c="dimmed">
              {t('directDebit.mandates.revokedOn', { date: format.date(mandate.revokedOn), reason: mandate.revocationReason })}
            </Text>
          )}
          {mandate.status === 'ACTIVE' && !mandate.blockedReason && mandate.kind === 'RECURRENT' && (
            <Text size="xs" c="dimmed">
              {t('directDebit.mandates.expiresOn', { date: format.date(mandate.expiresOn) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'lastCollectedOn',
      header: t('directDebit.mandates.column.lastCollectedOn'),
      render: (mandate) => (mandate.lastCollectedOn ? format.date(mandate.lastCollectedOn) : t('directDebit.never')),
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      render: (mandate) =>
        mandate.status === 'ACTIVE' && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            aria-label={t('directDebit.mandates.revokeOf', { reference: mandate.reference })}
            onClick={() => onRevoke(mandate)}
          >
            {t('directDebit.mandates.revoke')}
          </Button>
        ),
    },
  ];
  return (
    <div data-testid="mandates">
      <DataTable
        columns={columns}
        rows={mandates}
        rowKey={(mandate) => mandate.id}
        emptyLabel={t('directDebit.mandates.empty')}
        loadMore={loadMore}
      />
    </div>
  );
}
