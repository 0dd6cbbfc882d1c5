import { Alert, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { LanguageSwitch } from '@relais/ui';
import { useState, type FormEvent } from 'react';
import { send } from '../api/client';
import { RefusalError, type Refusal } from '../api/refusal';
import { PortalRequestSignInLinkDocument, type PortalCompanyQuery } from '../gql/graphql';
import { CompanyBrand } from '../layout/PortalLayout';
import { useRouter } from '../routing/router';
import { usePortalTranslation, useRefusalText } from '../shared/ui';

type Company = NonNullable<PortalCompanyQuery['portalCompany']>;

/** Why the sign-in page opens with a message: the session ended, access was withdrawn, or a link failed. */
export type SignInNotice = 'sessionEnded' | 'accessRevoked' | null;

/**
 * The e-mail asks for a one-time link; the answer is the same whatever the address (nobody learns
 * who is a customer, docs/portal.md).
 */
export function SignInPage({ company, notice }: { company: Company; notice: SignInNotice }) {
  const { t } = usePortalTranslation();
  const refusalText = useRefusalText();
  const { slug } = useRouter();
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setRefusal(null);
    try {
      await send(PortalRequestSignInLinkDocument, { tenant: slug, email: email.trim() }, null);
      setSent(true);
    } catch (error) {
      setRefusal(error instanceof RefusalError ? error.refusal : { code: 'generic', message: '', fields: {} });
    } finally {
      setSending(false);
    }
  };

  return (
    <Container size={440} py="xl">
      <Stack gap="lg">
        <CompanyBrand company={company} />
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('signIn.intro')}
            </Text>
            {notice && <Alert color={notice === 'accessRevoked' ? 'red' : 'orange'}>{t(`signIn.${notice}`)}</Alert>}
            {sent ? (
              <Alert color="green" role="status">
                <Text size="sm">{t('signIn.sent')}</Text>
                <Text size="sm" c="dimmed">
                  {t('signIn.sentHint')}
                </Text>
              </Alert>
            ) : (
              <form onSubmit={(event) => void submit(event)}>
                <Stack gap="md">
                  <TextInput
                    type="email"
                    required
                    autoComplete="email"
                    label={t('signIn.email')}
                    value={email}
                    onChange={(event) => setEmail(event.currentTarget.value)}
                    error={refusal?.fields['email']}
                  />
                  {refusal && !refusal.fields['email'] && (
                    <Alert color="red" role="alert">
                      {refusalText(refusal)}
                    </Alert>
                  )}
                  <Button type="submit" loading={sending} fullWidth>
                    {t('signIn.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
        <LanguageSwitch />
      </Stack>
    </Container>
  );
}
