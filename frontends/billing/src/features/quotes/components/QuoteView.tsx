import { Alert, Button, SimpleGrid, Stack } from '@mantine/core';
import { SectionCard } from '@relais/ui';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../../../gql/graphql';
import { billingNamespace } from '../../../i18n/register';
import { ActionError, ConfirmModal, useAction } from '@relais/session';
import { quoteInput, quoteValuesOf, type QuoteFormValues } from '../hooks/quote-form';
import { useQuoteActions, type QuoteDetail } from '../hooks/use-quote';
import { AcceptQuoteModal } from './AcceptQuoteModal';
import { PublicLink } from './PublicLink';
import { QuoteBillingPanel } from './QuoteBillingPanel';
import { QuoteDecisionCard } from './QuoteDecisionCard';
import { QuoteEditor } from './QuoteEditor';
import { QuoteHeader } from './QuoteHeader';
import { QuoteLinesView } from './QuoteLinesView';
import { QuoteRevisionsCard } from './QuoteRevisionsCard';
import { RefuseQuoteModal } from './RefuseQuoteModal';
import { SendQuoteModal } from './SendQuoteModal';

/** Statuses in which saving edits the quote (a draft) or makes a new revision of it (sent, expired or refused). */
const editable: readonly QuoteStatus[] = ['DRAFT', 'SENT', 'EXPIRED', 'REFUSED'];
const decidable: readonly QuoteStatus[] = ['SENT', 'EXPIRED'];

type Dialog = 'send' | 'cancel' | 'accept' | 'refuse' | null;

/** A quote and the actions of its state: edit, send, record the decision, cancel, bill. */
export function QuoteView({ quote, reload }: { quote: QuoteDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation(billingNamespace);
  const saved = useMemo(() => quoteValuesOf(quote), [quote]);
  const form = useForm<QuoteFormValues>({ values: saved });
  const actions = useQuoteActions(quote);
  const action = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [justSent, setJustSent] = useState(false);
  const dirty = form.formState.isDirty;
  const canEdit = editable.includes(quote.status);
  const revises = quote.status !== 'DRAFT';

  const pendingInput = () => (dirty ? quoteInput(form.getValues()) : null);
  const save = () => {
    const input = pendingInput();
    if (input) void action.run(() => actions.save(input)).then((done) => done && setJustSent(false));
  };
  const closeDialog = () => (action.clear(), setDialog(null));
  const runInDialog = async (run: () => Promise<unknown>) => {
    if (await action.run(run)) setDialog(null);
  };
  const reloadQuote = () => {
    action.clear();
    setDialog(null);
    void reload();
  };

  return (
    <Stack component="form" onSubmit={(event) => (event.preventDefault(), save())}>
      <QuoteHeader quote={quote}>
        {editable.includes(quote.status) && (
          <Button variant="default" color="red" onClick={() => setDialog('cancel')}>
            {t('quotes.cancel')}
          </Button>
        )}
        {canEdit && (
          <Button type="submit" variant="light" disabled={!dirty} loading={actions.busy && !dialog}>
            {revises ? t('quotes.saveRevision', { revision: quote.revision + 1 }) : t('quotes.save')}
          </Button>
        )}
        {decidable.includes(quote.status) && !dirty && (
          <>
            <Button variant="default" onClick={() => setDialog('refuse')}>
              {t('quotes.refuse.action')}
            </Button>
            <Button color="green" onClick={() => setDialog('accept')}>
              {t('quotes.accept.action')}
            </Button>
          </>
        )}
        {quote.status === 'DRAFT' && (
          <Button onClick={() => setDialog('send')}>{quote.number ? t('quotes.resend') : t('quotes.send')}</Button>
        )}
      </QuoteHeader>
      {!dialog && <ActionError error={action.error} onReload={reloadQuote} />}
      {justSent && quote.status === 'SENT' && quote.publicUrl && (
        <Alert color="green" title={t('quotes.sent')} data-testid="quote-sent">
          <PublicLink url={quote.publicUrl} />
        </Alert>
      )}
      {canEdit && revises && dirty && <Alert color="blue">{t('quotes.revisionHint', { revision: quote.revision + 1 })}</Alert>}
      {quote.status === 'CANCELLED' && (
        <Alert color="gray" variant="outline" title={t('quotes.cancelled.title')} data-testid="quote-cancelled">
          {t('quotes.cancelled.text')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <QuoteDecisionCard quote={quote} />
        {quote.publicUrl && !justSent && quote.status !== 'CANCELLED' && (
          <SectionCard title={t('quotes.publicLink.title')}>
            <PublicLink url={quote.publicUrl} />
          </SectionCard>
        )}
      </SimpleGrid>
      {quote.status === 'ACCEPTED' && <QuoteBillingPanel quote={quote} />}
      {canEdit ? <QuoteEditor form={form} saved={quote} currency={quote.currency} /> : <QuoteLinesView quote={quote} />}
      <QuoteRevisionsCard quote={quote} />
      {dialog === 'send' && (
        <SendQuoteModal
          quote={quote}
          pendingInput={pendingInput()}
          onSent={() => {
            setDialog(null);
            setJustSent(true);
          }}
          onClose={closeDialog}
        />
      )}
      {dialog === 'cancel' && (
        <ConfirmModal
          title={t('quotes.cancelConfirm.title')}
          confirmLabel={t('quotes.cancelConfirm.confirm')}
          color="red"
          busy={actions.busy}
          error={action.error}
          onConfirm={() => void runInDialog(() => actions.cancel())}
          onClose={closeDialog}
          onReload={reloadQuote}
        >
          {t('quotes.cancelConfirm.text')}
        </ConfirmModal>
      )}
      {dialog === 'accept' && (
        <AcceptQuoteModal
          quote={quote}
          busy={actions.busy}
          error={action.error}
          onAccept={(input) => void runInDialog(() => actions.accept(input))}
          onClose={closeDialog}
          onReload={reloadQuote}
        />
      )}
      {dialog === 'refuse' && (
        <RefuseQuoteModal
          quote={quote}
          busy={actions.busy}
          error={action.error}
          onRefuse={(reason) => void runInDialog(() => actions.refuse(reason))}
          onClose={closeDialog}
          onReload={reloadQuote}
        />
      )}
    </Stack>
  );
}
