import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { BankMovementItem, MovementProposal } from '../hooks/use-bank';
import { DirectDebitBatchSummary, DirectDebitItemSummary } from './DirectDebitSummary';

const scoreColor = (score: number) => (score >= 80 ? 'green' : score >= 50 ? 'yellow' : 'gray');

/** Whether the proposal names what accepting it records. */
const acceptable = (proposal: MovementProposal) =>
  proposal.kind === 'INVOICES'
    ? proposal.allocations.length > 0
    : Boolean(proposal.kind === 'DIRECT_DEBIT_BATCH' ? proposal.directDebitBatch : proposal.directDebitItem);

/**
 * The server's possible matches for a movement, best first, each one click from being recorded:
 * invoices a credit pays, the direct-debit batch it credits, or the direct debit a debit returns.
 */
export function ProposalList({
  movement,
  busy,
  onAccept,
}: {
  movement: BankMovementItem;
  busy: boolean;
  onAccept: (proposal: MovementProposal) => void;
}) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('bank.proposals.title')}</Title>
      {movement.proposals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('bank.proposals.empty')}
        </Text>
      )}
      {movement.proposals.map((proposal, index) => (
        <Card key={index} withBorder padding="sm" data-testid="bank-proposal">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <Group gap="xs">
                <Badge color={scoreColor(proposal.score)} variant="filled">
                  {t('bank.proposals.score', { score: proposal.score })}
                </Badge>
                <Text size="sm">{proposal.reason}</Text>
              </Group>
              <ProposalBody proposal={proposal} />
            </Stack>
            <Button
              size="xs"
              style={{ flexShrink: 0 }}
              loading={busy}
              disabled={!acceptable(proposal)}
              aria-label={t('bank.proposals.acceptOf', { rank: index + 1 })}
              onClick={() => onAccept(proposal)}
            >
              {t('bank.proposals.accept')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function ProposalBody({ proposal }: { proposal: MovementProposal }) {
  const format = useFormatters();
  if (proposal.kind === 'DIRECT_DEBIT_BATCH' && proposal.directDebitBatch)
    return <DirectDebitBatchSummary batch={proposal.directDebitBatch} />;
  if (proposal.kind === 'DIRECT_DEBIT_RETURN' && proposal.directDebitItem)
    return <DirectDebitItemSummary item={proposal.directDebitItem} reasonCode={proposal.returnReasonCode} />;
  return (
    <Table verticalSpacing={2} withRowBorders={false}>
      <Table.Tbody>
        {proposal.allocations.map((allocation) => (
          <Table.Tr key={allocation.invoice.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {allocation.invoice.number ?? allocation.invoice.id}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{allocation.invoice.customer.name}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm">{format.money(allocation.amount)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
