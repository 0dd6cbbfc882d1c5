import { Tabs } from '@mantine/core';
import { NotFoundPage } from '@relais/session';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiKeysPage } from './api-keys/ApiKeysPage';
import { AuditLogPage } from './audit-log/AuditLogPage';
import { adminNamespace } from './i18n/register';
import { adminPaths } from './paths';
import { UsersPage } from './users/UsersPage';
import { WebhookDeliveriesPage } from './webhooks/WebhookDeliveriesPage';
import { WebhooksPage } from './webhooks/WebhooksPage';

const tabs = [
  { key: 'users', path: adminPaths.users },
  { key: 'apiKeys', path: adminPaths.apiKeys },
  { key: 'audit', path: adminPaths.audit },
  { key: 'webhooks', path: adminPaths.webhooks },
] as const;

/** "Administration": users, API keys, audit log and webhooks, for admins (the shell checks `platform:admin`). */
export default function AdminApp() {
  const { t } = useTranslation(adminNamespace);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = tabs.find((tab) => pathname.startsWith(tab.path))?.path ?? null;
  return (
    <>
      <Tabs value={current} onChange={(path) => path && void navigate(path)} mb="lg">
        <Tabs.List aria-label={t('tabs.label')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.path}>
              {t(`tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to={adminPaths.users} replace />} />
        <Route path="utilisateurs" element={<UsersPage />} />
        <Route path="cles-api" element={<ApiKeysPage />} />
        <Route path="journal" element={<AuditLogPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/:id" element={<WebhookDeliveriesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
