import { Anchor, Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DataTable, ErrorNotice, LoadingState, PageHeader, useFormatters } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditLogQuery } from '../../gql/graphql';
import { useApiKeys } from '../api-keys/use-api-keys';
import { adminFr } from '../i18n/admin.fr';
import { adminNamespace } from '../i18n/register';
import { useUsers } from '../users/use-users';
import { changedFields, recordLinkOf } from './audit-entry';
import { useAuditLog, type AuditFilters } from './use-audit-log';

type Entry = AuditLogQuery['auditLog'][number];

const TABLES = Object.keys(adminFr.audit.table);

/** "Journal d'audit": every change, latest first, filtered by author, record and period, by pages of 50. */
export function AuditLogPage() {
  const { t } = useTranslation(adminNamespace);
  const format = useFormatters();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<AuditFilters>({
    actorId: '',
    tableName: params.get('table') ?? '',
    rowId: params.get('id') ?? '',
    fromDay: '',
    toDay: '',
  });
  // Cursors of the pages shown so far: the last one is the current page's (null: the latest).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { entries, hasOlder, loading, error, retry } = useAuditLog(filters, cursors.at(-1) ?? null);
  const { users } = useUsers();
  const { keys } = useApiKeys();
  const names = new Map<string, string>([...users.map((u) => [u.id, u.fullName] as const), ...keys.map((k) => [k.id, k.name] as const)]);
  const setFilter = (change: Partial<AuditFilters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setCursors([null]);
  };
  const actorOptions = [
    ...users.map((user) => ({ value: user.id, label: user.fullName })),
    ...keys.map((key) => ({ value: key.id, label: t('audit.actor.apiKey', { name: key.name }) })),
  ];
  const tableLabel = (table: string) => t(`audit.table.${table}`, { defaultValue: table });
  const actorOf = (entry: Entry) => {
    if (entry.actorKind === 'user')
      return entry.actorId && names.has(entry.actorId) ? names.get(entry.actorId) : t('audit.actor.unknownUser');
    if (entry.actorKind === 'api_key')
      return entry.actorId && names.has(entry.actorId)
        ? t('audit.actor.apiKey', { name: names.get(entry.actorId) })
        : t('audit.actor.unknownKey');
    return t('audit.actor.system');
  };
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="md">
        <Select
          label={t('audit.filter.actor')}
          placeholder={t('audit.filter.actorPlaceholder')}
          data={actorOptions}
          value={filters.actorId || null}
          onChange={(value) => setFilter({ actorId: value ?? '' })}
          searchable
          clearable
        />
        <Select
          label={t('audit.filter.table')}
          placeholder={t('audit.filter.tablePlaceholder')}
          data={TABLES.map((table) => ({ value: table, label: tableLabel(table) }))}
          value={filters.tableName || null}
          onChange={(value) => setFilter({ tableName: value ?? '' })}
          searchable
          clearable
        />
        <TextInput label={t('audit.filter.rowId')} value={filters.rowId} onChange={(e) => setFilter({ rowId: e.currentTarget.value })} />
        <TextInput
          label={t('audit.filter.from')}
          type="date"
          value={filters.fromDay}
          onChange={(e) => setFilter({ fromDay: e.currentTarget.value })}
        />
        <TextInput
          label={t('audit.filter.to')}
          type="date"
          value={filters.toDay}
          onChange={(e) => setFilter({ toDay: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group mb="md">
        <Button variant="subtle" size="xs" onClick={() => setFilter({ actorId: '', tableName: '', rowId: '', fromDay: '', toDay: '' })}>
          {t('audit.filter.reset')}
        </Button>
      </Group>
      {Boolean(error) && <ErrorNotice onRetry={retry} />}
      {loading ? (
        <LoadingState />
      ) : (
        <DataTable
          rows={entries}
          rowKey={(entry) => entry.id}
          emptyLabel={t('audit.empty')}
          columns={[
            { key: 'at', header: t('audit.column.at'), render: (entry) => format.dateTime(entry.at) },
            { key: 'actor', header: t('audit.column.actor'), render: actorOf },
            {
              key: 'what',
              header: t('audit.column.what'),
              render: (entry) => {
                const fields = changedFields(entry.action, entry.changes);
                return (
                  <>
                    <Text size="sm">
                      {t(`audit.action.${entry.action}`, { defaultValue: entry.action })} · {tableLabel(entry.tableName)}
                    </Text>
                    {fields.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('audit.changedFields', { fields: fields.join(', ') })}
                      </Text>
                    )}
                  </>
                );
              },
            },
            {
              key: 'record',
              header: t('audit.column.record'),
              render: (entry) => {
                const link = recordLinkOf(entry.tableName, entry.rowId, entry.changes);
                return link ? (
                  <Anchor href={link} size="sm">
                    {t('audit.open')}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {entry.rowId}
                  </Text>
                );
              },
            },
          ]}
        />
      )}
      <Group justify="space-between" mt="md">
        <Button variant="default" disabled={cursors.length === 1} onClick={() => setCursors((current) => current.slice(0, -1))}>
          {t('audit.newer')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('audit.page', { page: cursors.length })}
        </Text>
        <Button variant="default" disabled={!hasOlder} onClick={() => setCursors((current) => [...current, entries.at(-1)?.id ?? null])}>
          {t('audit.older')}
        </Button>
      </Group>
    </>
  );
}
