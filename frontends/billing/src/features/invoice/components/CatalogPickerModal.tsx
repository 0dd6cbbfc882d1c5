import { Badge, Modal, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { useFormatters } from '@relais/ui';
import { useCatalogItems, type CatalogItem } from '../hooks/use-editor-data';

/** Parts and services of the catalog, searched by code or label; each click adds a line at list price. */
export function CatalogPickerModal({ onPick, onClose }: { onPick: (item: CatalogItem) => void; onClose: () => void }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const [search, setSearch] = useState('');
  const { items } = useCatalogItems(search);
  return (
    <Modal opened onClose={onClose} title={t('invoice.catalog.title')} size="xl">
      <TextInput
        type="search"
        aria-label={t('invoice.catalog.search')}
        placeholder={t('invoice.catalog.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        data-autofocus
        mb="sm"
      />
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              style={{ cursor: 'pointer' }}
              onClick={() => {
                onPick(item);
                onClose();
              }}
            >
              <Table.Td>
                <Text size="sm">{item.label}</Text>
                <Text size="xs" c="dimmed">
                  {item.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm">
                  {t(`invoice.catalog.kind.${item.kind}`, { defaultValue: item.kind })}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {format.money(item.salePrice)} / {t(`unit.${item.unit}`, { defaultValue: item.unit })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {t('invoice.catalog.empty')}
        </Text>
      )}
    </Modal>
  );
}
