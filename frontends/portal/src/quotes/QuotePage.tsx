import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { sumAmounts, useFormatters } from '@relais/ui';
import { useRef, useState, type FormEvent } from 'react';
import { usePortalQuery, useSend } from '../api/client';
import { RefusalError, type Refusal } from '../api/refusal';
import { PortalAcceptQuoteDocument, PortalQuoteDocument, PortalRefuseQuoteDocument, type PortalQuoteDetailFragment } from '../gql/graphql';
import { quoteStatusBadge } from '../shared/statuses';
import { BackLink, PageTitle, QueryView, StatusBadge, usePortalTranslation, useRefusalText } from '../shared/ui';
import { SignatureField, type SignatureHandle } from './SignatureField';

type Quote = PortalQuoteDetailFragment;

/** Devis: its lines (options to tick), the server's totals, the PDF, and the decision. */
export default function QuotePage({ id }: { id: string }) {
  const { t } = usePortalTranslation();
  const query = usePortalQuery(PortalQuoteDocument, { id });
  const [decided, setDecided] = useState<Quote | null>(null);
  return (
    <>
      <BackLink to={{ name: 'quotes' }}>{t('quote.back')}</BackLink>
      <QueryView query={query}>
        {({ portalQuote }) => {
          const quote = decided ?? portalQuote;
          return quote ? <QuoteView quote={quote} onDecided={setDecided} /> : <Alert color="orange">{t('quote.notFound')}</Alert>;
        }}
      </QueryView>
    </>
  );
}

type Line = Quote['lines'][number];

/** A line's description: a checkbox for an option the customer may still choose. */
function LineLabel({
  line,
  canDecide,
  chosen,
  onChoose,
}: {
  line: Line;
  canDecide: boolean;
  chosen: string[];
  onChoose: (chosen: string[]) => void;
}) {
  const { t } = usePortalTranslation();
  return (
    <div>
      {line.optional && canDecide ? (
        <Checkbox
          label={line.description}
          checked={chosen.includes(line.id)}
          onChange={(event) => onChoose(event.currentTarget.checked ? [...chosen, line.id] : chosen.filter((lineId) => lineId !== line.id))}
        />
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {line.description}
        </Text>
      )}
      {line.optional && (
        <Badge size="xs" variant="outline" mt={4}>
          {t('quote.optional')}
        </Badge>
      )}
    </div>
  );
}

function QuoteView({ quote, onDecided }: { quote: Quote; onDecided: (quote: Quote) => void }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const [chosen, setChosen] = useState<string[]>([]);
  const optionalNet = sumAmounts(quote.lines.filter((line) => line.optional && chosen.includes(line.id)).map((line) => line.netAmount));
  const hasOptions = quote.lines.some((line) => line.optional);
  return (
    <>
      <PageTitle title={t('quotes.number', { number: quote.number })} subtitle={quote.subject}>
        <Group gap="xs">
          <StatusBadge status={quoteStatusBadge(quote.status)} />
          {quote.issuedOn && (
            <Text size="sm" c="dimmed">
              {t('quotes.issuedOn', { date: format.date(quote.issuedOn) })}
            </Text>
          )}
          {quote.canDecide && quote.validUntil && (
            <Text size="sm" c="dimmed">
              {t('quotes.validUntil', { date: format.date(quote.validUntil) })}
            </Text>
          )}
        </Group>
      </PageTitle>
      <Stack gap="md">
        {/* Phone: one block per line; wider screens: the table. */}
        <Paper withBorder radius="md" hiddenFrom="sm">
          {quote.lines.map((line, index) => (
            <Stack
              key={line.id}
              gap={2}
              p="sm"
              c={line.optional && !chosen.includes(line.id) ? 'dimmed' : undefined}
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
            >
              <LineLabel line={line} canDecide={quote.canDecide} chosen={chosen} onChoose={setChosen} />
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" c="dimmed">
                  {t('quote.lineDetail', {
                    quantity: format.decimal(line.quantity),
                    unitPrice: format.money(line.unitPrice),
                    vatRate: format.percent(line.vatRate),
                  })}
                </Text>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {format.money(line.netAmount)}
                </Text>
              </Group>
            </Stack>
          ))}
        </Paper>
        <Paper withBorder radius="md" visibleFrom="sm">
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quote.description')}</Table.Th>
                <Table.Th ta="right">{t('quote.quantity')}</Table.Th>
                <Table.Th ta="right">{t('quote.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('quote.vatRate')}</Table.Th>
                <Table.Th ta="right">{t('quote.netAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quote.lines.map((line) => (
                <Table.Tr key={line.id} c={line.optional && !chosen.includes(line.id) ? 'dimmed' : undefined}>
                  <Table.Td>
                    <LineLabel line={line} canDecide={quote.canDecide} chosen={chosen} onChoose={setChosen} />
                  </Table.Td>
                  <Table.Td ta="right">{format.decimal(line.quantity)}</Table.Td>
                  <Table.Td ta="right">{format.money(line.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{format.percent(line.vatRate)}</Table.Td>
                  <Table.Td ta="right">{format.money(line.netAmount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {hasOptions && quote.canDecide && (
          <Text size="sm" c="dimmed">
            {t('quote.optionalHint')}
          </Text>
        )}
        <Paper withBorder p="md" radius="md" style={{ alignSelf: 'flex-end', minWidth: 260 }}>
          <Stack gap={4}>
            {(
              [
                ['totalExclTax', quote.totalExclTax],
                ['totalVat', quote.totalVat],
                ['totalInclTax', quote.totalInclTax],
              ] as const
            ).map(([label, amount]) => (
              <Group key={label} justify="space-between" gap="xl">
                <Text size="sm" fw={label === 'totalInclTax' ? 700 : 400}>
                  {t(`quote.${label}`)}
                </Text>
                <Text size="sm" fw={label === 'totalInclTax' ? 700 : 400}>
                  {format.money(amount)}
                </Text>
              </Group>
            ))}
            {/* Once decided, the server's totals include the options taken. */}
            {quote.canDecide && chosen.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('quote.optionsChosen', { amount: format.money(optionalNet) })}
              </Text>
            )}
          </Stack>
        </Paper>
        {quote.pdfUrl && (
          <Anchor href={quote.pdfUrl} target="_blank" rel="noopener" fw={500}>
            {t('quote.pdf')}
          </Anchor>
        )}
        <Decision quote={quote} chosen={chosen} onDecided={onDecided} />
      </Stack>
    </>
  );
}

function Decision({ quote, chosen, onDecided }: { quote: Quote; chosen: string[]; onDecided: (quote: Quote) => void }) {
  const { t } = usePortalTranslation();
  const format = useFormatters();
  const [mode, setMode] = useState<'accept' | 'refuse' | null>(null);
  if (!quote.canDecide) {
    if (!quote.decidedBy || !quote.decidedAt) return null;
    const key = quote.status === 'ACCEPTED' ? 'quote.accepted' : quote.status === 'REFUSED' ? 'quote.refused' : 'quote.decided';
    return (
      <Alert color={quote.status === 'REFUSED' ? 'red' : 'green'} role="status">
        {t(key, { name: quote.decidedBy, date: format.dateTime(quote.decidedAt) })}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('quote.decide')}>
      <Title order={2} size="h4" mb="sm">
        {t('quote.decide')}
      </Title>
      {mode === null ? (
        <Group gap="sm">
          <Button onClick={() => setMode('accept')}>{t('quote.accept')}</Button>
          <Button variant="default" onClick={() => setMode('refuse')}>
            {t('quote.refuse')}
          </Button>
        </Group>
      ) : (
        <DecisionForm quote={quote} mode={mode} chosen={chosen} onCancel={() => setMode(null)} onDecided={onDecided} />
      )}
    </Paper>
  );
}

function DecisionForm({
  quote,
  mode,
  chosen,
  onCancel,
  onDecided,
}: {
  quote: Quote;
  mode: 'accept' | 'refuse';
  chosen: string[];
  onCancel: () => void;
  onDecided: (quote: Quote) => void;
}) {
  const { t } = usePortalTranslation();
  const refusalText = useRefusalText();
  const send = useSend();
  const signature = useRef<SignatureHandle | null>(null);
  const [signerName, setSignerName] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const drawn = mode === 'accept' ? (signature.current?.dataUrl() ?? null) : null;
    const found: Record<string, string> = {};
    if (!signerName.trim()) found['signerName'] = t('quote.signerRequired');
    if (mode === 'accept' && !drawn) found['signature'] = t('quote.signatureRequired');
    setProblems(found);
    setRefusal(null);
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      const decided =
        mode === 'accept'
          ? (
              await send(PortalAcceptQuoteDocument, {
                id: quote.id,
                signerName: signerName.trim(),
                signature: drawn!,
                optionalLineIds: chosen,
              })
            ).portalAcceptQuote
          : (await send(PortalRefuseQuoteDocument, { id: quote.id, signerName: signerName.trim(), reason: reason.trim() || null }))
              .portalRefuseQuote;
      onDecided(decided);
    } catch (error) {
      const next = error instanceof RefusalError ? error.refusal : { code: 'generic', message: '', fields: {} };
      setProblems(next.fields);
      setRefusal(next);
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('quote.signerName')}
          required
          autoComplete="name"
          value={signerName}
          onChange={(event) => setSignerName(event.currentTarget.value)}
          error={problems['signerName']}
        />
        {mode === 'accept' ? (
          <SignatureField ref={signature} error={problems['signature']} />
        ) : (
          <Textarea
            label={t('quote.reason')}
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={problems['reason']}
          />
        )}
        {refusal && (
          <Alert color="red" role="alert">
            {refusalText(refusal)}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" loading={sending} color={mode === 'refuse' ? 'red' : undefined}>
            {mode === 'accept' ? t('quote.confirmAccept') : t('quote.confirmRefuse')}
          </Button>
          <Button variant="subtle" onClick={onCancel} disabled={sending}>
            {t('quote.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
