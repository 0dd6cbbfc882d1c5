import { Anchor, Card, Checkbox, Table, Text } from '@mantine/core';
import { useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { financeNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import type { InvoiceExclusions } from '../../dunning/hooks/use-exclusions';
import type { DirectDebitCandidate } from '../hooks/use-new-batch';
import { SequenceBadge } from './SequenceBadge';

/** The invoices the batch takes, by customer then due date, each with a box to leave it out. */
export function CandidateTable({ candidates, exclusions }: { candidates: readonly DirectDebitCandidate[]; exclusions: InvoiceExclusions }) {
  const { t } = useTranslation(financeNamespace);
  const format = useFormatters();
  const ids = candidates.map((candidate) => candidate.invoice.id);
  const excludedCount = exclusions.ids.length;
  return (
    <Card withBorder padding={0} radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={6} data-testid="candidates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>
                <Checkbox
                  aria-label={t('directDebit.newBatch.selectAll')}
                  checked={excludedCount === 0}
                  indeterminate={excludedCount > 0 && excludedCount < ids.length}
                  onChange={() => exclusions.set(ids, excludedCount === 0)}
                />
              </Table.Th>
              <Table.Th>{t('directDebit.newBatch.column.customer')}</Table.Th>
              <Table.Th>{t('directDebit.newBatch.column.invoice')}</Table.Th>
              <Table.Th>{t('directDebit.newBatch.column.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('directDebit.newBatch.column.amount')}</Table.Th>
              <Table.Th>{t('directDebit.newBatch.column.sequence')}</Table.Th>
              <Table.Th>{t('directDebit.newBatch.column.mandate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((candidate) => {
              const excluded = exclusions.has(candidate.invoice.id);
              const struck = excluded ? ({ textDecoration: 'line-through' } as const) : undefined;
              return (
                <Table.Tr
                  key={candidate.invoice.id}
                  c={excluded ? 'dimmed' : undefined}
                  data-testid="candidate"
                  data-invoice={candidate.invoiceNumber}
                  data-excluded={excluded}
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('directDebit.newBatch.select', { number: candidate.invoiceNumber })}
                      checked={!excluded}
                      onChange={() => exclusions.toggle(candidate.invoice.id)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.customer(candidate.customer.id)} size="sm" c="dark" fw={600}>
                      {candidate.customerName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={billingPaths.invoice(candidate.invoice.id)} size="sm" style={struck}>
                      {candidate.invoiceNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{format.date(candidate.dueDate)}</Table.Td>
                  <Table.Td ta="right" fw={600} style={struck} data-testid="candidate-amount">
                    {format.money(candidate.amount)}
                  </Table.Td>
                  <Table.Td>
                    <SequenceBadge sequence={candidate.sequenceType} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {candidate.mandateReference}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
