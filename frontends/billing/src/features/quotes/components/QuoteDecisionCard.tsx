import { Image, Stack, Text } from '@mantine/core';
import { FieldList, SectionCard, type Field, useFormatters } from '@relais/ui';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import type { QuoteDetail } from '../hooks/use-quote';

/** The customer's decision as recorded: when, by whom, and for an online acceptance its evidence (signature, IP, browser). */
export function QuoteDecisionCard({ quote }: { quote: QuoteDetail }) {
  const { t } = useTranslation(billingNamespace);
  const format = useFormatters();
  const accepted = quote.status === 'ACCEPTED' && quote.acceptedAt;
  const refused = quote.status === 'REFUSED' && quote.refusedAt;
  if (!accepted && !refused) return null;
  const byCustomer = quote.decidedBy === 'CUSTOMER';

  const fields: Field[] = [
    accepted
      ? { label: t('quotes.decision.acceptedAt'), value: format.dateTime(quote.acceptedAt!) }
      : { label: t('quotes.decision.refusedAt'), value: format.dateTime(quote.refusedAt!) },
    { label: t('quotes.decision.decidedBy'), value: t(byCustomer ? 'quotes.decision.byCustomer' : 'quotes.decision.byOffice') },
    { label: t('quotes.decision.signer'), value: quote.signerName },
    ...(refused ? [{ label: t('quotes.decision.reason'), value: quote.refusalReason }] : []),
    ...(byCustomer
      ? [
          { label: t('quotes.decision.ip'), value: quote.acceptanceIp },
          { label: t('quotes.decision.userAgent'), value: quote.acceptanceUserAgent },
        ]
      : []),
  ];
  return (
    <SectionCard title={t('quotes.decision.title')}>
      <Stack data-testid="quote-decision">
        <FieldList fields={fields} />
        {quote.signatureDataUrl && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
              {t('quotes.decision.signature')}
            </Text>
            <Image
              src={quote.signatureDataUrl}
              alt={t('quotes.decision.signatureAlt', { name: quote.signerName ?? '' })}
              maw={320}
              radius="sm"
              style={{ border: '1px solid var(--mantine-color-gray-3)' }}
            />
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}
