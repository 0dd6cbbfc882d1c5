import { Anchor, Divider, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { isPositiveAmount, useFormatters } from '@relais/ui';
import { usePortalQuery } from '../api/client';
import { PortalInvoicesDocument, type PortalInvoicesQuery } from '../gql/graphql';
import { invoiceStatusBadge, paymentMethodLabel } from '../shared/statuses';
import { PageTitle, QueryView, StatusBadge, usePortalTranslation } from '../shared/ui';

type Invoice = PortalInvoicesQuery['portalInvoices'][number];
type Transfer = NonNullable<Invoice['transfer']>;

/** The EPC QR code as an image of its own (the API's SVG text is never put into the page's markup). */
const svgImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function TransferDetails({ transfer }: { transfer: Transfer }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const rows = [
    ['beneficiary', transfer.beneficiary],
    ['iban', transfer.iban],
    ['bic', transfer.bic],
    ['reference', transfer.reference],
    ['amount', format.money(transfer.amount)],
  ] as const;
  return (
    <Paper bg="gray.0" p="sm" radius="sm" mt="sm" component="section" aria-label={t('invoices.transfer')}>
      <Title order={3} size="h5" mb="xs">
        {t('invoices.transfer')}
      </Title>
      <Group align="flex-start" gap="md" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 14rem' }}>
          {rows.map(
            ([label, value]) =>
              value && (
                <div key={label}>
                  <Text size="xs" c="dimmed">
                    {t(`invoices.${label}`)}
                  </Text>
                  <Text
                    size="sm"
                    ff={label === 'iban' || label === 'reference' ? 'monospace' : undefined}
                    style={{ wordBreak: 'break-all' }}
                  >
                    {value}
                  </Text>
                </div>
              ),
          )}
        </Stack>
        <Stack gap={4} align="center" style={{ flex: '0 0 auto' }}>
          <Image src={svgImage(transfer.qrCodeSvg)} alt={t('invoices.qrCode')} w={148} h={148} bg="white" />
          <Text size="xs" c="dimmed" maw={180} ta="center">
            {t('invoices.qrHint')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function InvoiceCard({ invoice }: { invoice: Invoice }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const creditNote = invoice.kind === 'CREDIT_NOTE';
  const title = creditNote ? t('invoices.creditNote', { number: invoice.number }) : t('invoices.invoice', { number: invoice.number });
  const due = isPositiveAmount(invoice.amountDue);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {[
              t('invoices.issuedOn', { date: format.date(invoice.issuedOn) }),
              due && invoice.dueOn && t('invoices.dueOn', { date: format.date(invoice.dueOn) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <StatusBadge status={invoiceStatusBadge(invoice.status)} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('invoices.totalExclTax')}
          </Text>
          <Text size="sm">{format.money(invoice.totalExclTax)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('invoices.totalInclTax')}
          </Text>
          <Text size="sm">{format.money(invoice.totalInclTax)}</Text>
        </div>
        {due && (
          <div>
            <Text size="xs" c="dimmed">
              {creditNote ? t('invoices.refundDue') : t('invoices.amountDue')}
            </Text>
            <Text size="sm" fw={700}>
              {format.money(invoice.amountDue)}
            </Text>
          </div>
        )}
      </SimpleGrid>
      <Group gap="md" mt="sm">
        <Anchor href={invoice.pdfUrl} target="_blank" rel="noopener" size="sm" fw={500}>
          {t('invoices.pdf')} — {invoice.number}
        </Anchor>
        {invoice.xmlUrl && (
          <Anchor href={invoice.xmlUrl} target="_blank" rel="noopener" size="sm" fw={500}>
            {t('invoices.xml')}
          </Anchor>
        )}
      </Group>
      {invoice.payments.length > 0 && (
        <>
          <Divider my="sm" />
          <Text size="sm" fw={500}>
            {t('invoices.payments')}
          </Text>
          <Stack gap={2}>
            {invoice.payments.map((payment, index) => {
              const method = paymentMethodLabel(payment.method);
              return (
                <Text size="sm" key={`${payment.receivedOn}-${index}`}>
                  {t('invoices.payment', { amount: format.money(payment.amount), date: format.date(payment.receivedOn) })}
                  {' · '}
                  {method ? t(method) : payment.method}
                </Text>
              );
            })}
          </Stack>
        </>
      )}
      {!creditNote && invoice.transfer && <TransferDetails transfer={invoice.transfer} />}
    </Paper>
  );
}

/** Factures: invoices and credit notes, what is left to pay, documents, payments, transfer details. */
export default function InvoicesPage() {
  const { t } = usePortalTranslation();
  const invoices = usePortalQuery(PortalInvoicesDocument, {});
  return (
    <>
      <PageTitle title={t('invoices.title')} subtitle={t('invoices.subtitle')} />
      <QueryView query={invoices}>
        {({ portalInvoices }) =>
          portalInvoices.length === 0 ? (
            <Text c="dimmed">{t('invoices.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {portalInvoices.map((invoice) => (
                <InvoiceCard key={invoice.id} invoice={invoice} />
              ))}
            </Stack>
          )
        }
      </QueryView>
    </>
  );
}
