import { Anchor, Card, Group, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { useFormatters } from '@relais/ui';
import { useVatRates } from '../../invoice/hooks/use-editor-data';
import type { ContractBillingPreview } from '../hooks/use-contract-billing';
import type { LineExclusions } from '../hooks/use-line-exclusions';
import { PreviewContractRows } from './PreviewContractRows';

/** The preview by customer (name, totals), then each contract, expandable to its periods and lines. */
export function PreviewTable({ preview, exclusions }: { preview: ContractBillingPreview; exclusions: LineExclusions }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const { options: vatRates } = useVatRates();
  const vatLabel = (code: string) => vatRates.find((rate) => rate.value === code)?.label ?? code;
  return (
    <Card withBorder padding={0} radius="md">
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing={6} data-testid="contract-billing-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56} />
              <Table.Th>{t('contractBilling.column.contract')}</Table.Th>
              <Table.Th>{t('contractBilling.column.periods')}</Table.Th>
              <Table.Th>{t('contractBilling.column.payment')}</Table.Th>
              <Table.Th ta="right">{t('contractBilling.column.net')}</Table.Th>
              <Table.Th ta="right">{t('contractBilling.column.vat')}</Table.Th>
              <Table.Th ta="right">{t('contractBilling.column.gross')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.customers.map((group) => (
              <Fragment key={group.customer.id}>
                <Table.Tr bg="gray.1" data-testid="preview-customer">
                  <Table.Td />
                  <Table.Td colSpan={3}>
                    <Group gap="sm">
                      <Anchor component={Link} to={billingPaths.customer(group.customer.id)} fw={700} c="dark">
                        {group.customerName}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {t('contractBilling.customerContracts', { count: group.contracts.length })}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" fw={700} data-testid="preview-customer-net">
                    {format.money(group.totalNet)}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td ta="right" fw={700} data-testid="preview-customer-gross">
                    {format.money(group.totalGross)}
                  </Table.Td>
                </Table.Tr>
                {group.contracts.map((contract) => (
                  <PreviewContractRows key={contract.contract.id} contract={contract} exclusions={exclusions} vatLabel={vatLabel} />
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
