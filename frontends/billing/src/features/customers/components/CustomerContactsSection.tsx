import { Alert, Button, Group, Text } from '@mantine/core';
import { ConfirmModal, useAction } from '@relais/session';
import { DataTable } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { CustomerContact } from '../hooks/use-customer';
import { useInvitePortalContact, useRemoveContact } from '../hooks/use-customer-save';
import { ContactModal } from './ContactModal';
import { ContactRoleBadges } from './ContactRoleBadges';
import { FileSection } from './FileSection';

/** The customer's contacts with their roles; added, edited and removed by those who keep the file. */
export function CustomerContactsSection({
  customerId,
  contacts,
  canEdit,
  onReload,
}: {
  customerId: string;
  contacts: readonly CustomerContact[];
  canEdit: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation(billingNamespace);
  const [editing, setEditing] = useState<CustomerContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomerContact | null>(null);
  const removal = useRemoveContact();
  const removeAction = useAction();
  const [inviting, setInviting] = useState<CustomerContact | null>(null);
  const [invitedEmail, setInvitedEmail] = useState<string | null>(null);
  const invitation = useInvitePortalContact();
  const inviteAction = useAction();

  return (
    <FileSection
      title={t('customer.contacts')}
      action={
        canEdit && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('customerFile.contacts.add')}
          </Button>
        )
      }
    >
      {invitedEmail && (
        <Alert color="green" role="status" mb="sm" withCloseButton onClose={() => setInvitedEmail(null)}>
          {t('customerFile.contacts.invited', { email: invitedEmail })}
        </Alert>
      )}
      <DataTable
        rows={contacts}
        rowKey={(contact) => contact.id}
        emptyLabel={t('customer.noContacts')}
        columns={[
          {
            key: 'fullName',
            header: t('customerFile.contacts.fullName'),
            render: (contact) => (
              <>
                <Text size="sm" fw={500}>
                  {contact.fullName}
                </Text>
                {contact.jobTitle && (
                  <Text size="xs" c="dimmed">
                    {contact.jobTitle}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'roles',
            header: t('customerFile.contacts.roles'),
            render: (contact) =>
              contact.roles.length ? (
                <ContactRoleBadges roles={contact.roles} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('customerFile.contacts.noRole')}
                </Text>
              ),
          },
          { key: 'email', header: t('customerFile.contacts.email'), render: (contact) => contact.email },
          { key: 'phone', header: t('customerFile.contacts.phone'), render: (contact) => contact.phone },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  header: t('customerFile.contacts.actions'),
                  align: 'right' as const,
                  render: (contact: CustomerContact) => (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {contact.email && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => {
                            inviteAction.clear();
                            setInviting(contact);
                          }}
                          aria-label={`${t('customerFile.contacts.invite')} ${contact.fullName}`}
                        >
                          {t('customerFile.contacts.invite')}
                        </Button>
                      )}
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setEditing(contact)}
                        aria-label={`${t('customerFile.contacts.edit')} ${contact.fullName}`}
                      >
                        {t('customerFile.contacts.edit')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          removeAction.clear();
                          setRemoving(contact);
                        }}
                        aria-label={`${t('customerFile.contacts.remove')} ${contact.fullName}`}
                      >
                        {t('customerFile.contacts.remove')}
                      </Button>
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <ContactModal
          customerId={customerId}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onReload={onReload}
        />
      )}
      {inviting && (
        <ConfirmModal
          title={t('customerFile.contacts.inviteTitle', { name: inviting.fullName })}
          confirmLabel={t('customerFile.contacts.inviteConfirm')}
          busy={invitation.busy}
          error={inviteAction.error}
          onConfirm={() =>
            void inviteAction.run(async () => {
              await invitation.invite(inviting.id);
              setInvitedEmail(inviting.email ?? null);
              setInviting(null);
            })
          }
          onClose={() => setInviting(null)}
          onReload={() => {
            onReload();
            setInviting(null);
          }}
        >
          {t('customerFile.contacts.inviteText', { email: inviting.email })}
        </ConfirmModal>
      )}
      {removing && (
        <ConfirmModal
          title={t('customerFile.contacts.removeTitle', { name: removing.fullName })}
          confirmLabel={t('customerFile.contacts.removeConfirm')}
          color="red"
          busy={removal.busy}
          error={removeAction.error}
          onConfirm={() =>
            void removeAction.run(async () => {
              await removal.remove(removing);
              setRemoving(null);
            })
          }
          onClose={() => setRemoving(null)}
          onReload={() => {
            onReload();
            setRemoving(null);
          }}
        >
          {t('customerFile.contacts.removeText')}
        </ConfirmModal>
      )}
    </FileSection>
  );
}
