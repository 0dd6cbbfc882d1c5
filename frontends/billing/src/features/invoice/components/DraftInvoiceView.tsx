import { Button, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { billingNamespace } from '../../../i18n/register';
import { billingPaths } from '../../../routes';
import { ConfirmModal, FormActionError, useFormAction } from '@relais/session';
import { draftFormPathOf, draftInput, draftValuesOf, type DraftFormValues } from '../hooks/draft-form';
import { useDraftActions } from '../hooks/use-draft-actions';
import type { InvoiceDetail } from '../hooks/use-invoice';
import { InvoiceDraftForm } from './InvoiceDraftForm';
import { InvoiceHeader } from './InvoiceHeader';
import { InvoiceSummaryCard } from './InvoiceSummaryCard';
import { SendInvoiceModal } from './SendInvoiceModal';

/** A draft being edited: save (at the version read), delete, or issue for good. */
export function DraftInvoiceView({ invoice, reload }: { invoice: InvoiceDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation(billingNamespace);
  const navigate = useNavigate();
  const saved = useMemo(() => draftValuesOf(invoice), [invoice]);
  const form = useForm<DraftFormValues>({ values: saved });
  const actions = useDraftActions(invoice);
  const action = useFormAction(form, draftFormPathOf);
  const [confirming, setConfirming] = useState<'issue' | 'delete' | 'issueAndSend' | null>(null);
  const dirty = form.formState.isDirty;

  /** What to save: nothing when untouched; the lines only when they changed (the server keeps its priced lines otherwise). */
  const pendingInput = () => {
    if (!dirty) return null;
    const values = form.getValues();
    return draftInput(values, JSON.stringify(values.lines) !== JSON.stringify(saved.lines));
  };

  const save = () => {
    const input = pendingInput();
    form.clearErrors();
    if (input) void action.run(() => actions.save(input));
  };
  const issue = async () => {
    if (await action.run(() => actions.saveAndIssue(pendingInput()))) setConfirming(null);
  };
  const remove = async () => {
    if (!(await action.run(() => actions.remove()))) return;
    void navigate(invoice.creditedInvoice ? billingPaths.invoice(invoice.creditedInvoice.id) : billingPaths.invoices);
  };
  /** Before "Émettre et envoyer": the pending edits saved; the version to issue. */
  const saveFirst = async () => {
    const input = pendingInput();
    return input ? (await actions.save(input)).version : invoice.version;
  };
  const reloadDraft = () => {
    action.clear();
    setConfirming(null);
    void reload();
  };

  return (
    <Stack component="form" onSubmit={(event) => (event.preventDefault(), save())}>
      <InvoiceHeader invoice={invoice}>
        <Button variant="default" color="red" onClick={() => setConfirming('delete')}>
          {t('invoice.editor.delete')}
        </Button>
        <Button type="submit" variant="light" disabled={!dirty} loading={actions.busy && !confirming}>
          {t('invoice.editor.save')}
        </Button>
        <Button variant="light" onClick={() => setConfirming('issue')}>
          {t('invoice.issue')}
        </Button>
        <Button onClick={() => setConfirming('issueAndSend')}>{t('send.issueAndSend')}</Button>
      </InvoiceHeader>
      {!confirming && <FormActionError error={action.error} unplaced={action.unplaced} onReload={reloadDraft} />}
      <InvoiceSummaryCard invoice={invoice} />
      <InvoiceDraftForm form={form} currency={invoice.currency} />
      {confirming === 'issue' && (
        <ConfirmModal
          title={t('invoice.issueConfirm.title')}
          confirmLabel={t('invoice.issueConfirm.confirm')}
          busy={actions.busy}
          error={action.error}
          onConfirm={() => void issue()}
          onClose={() => (action.clear(), setConfirming(null))}
          onReload={reloadDraft}
        >
          {t('invoice.issueConfirm.text')} {dirty && t('invoice.issueConfirm.savesFirst')}
        </ConfirmModal>
      )}
      {confirming === 'issueAndSend' && (
        <SendInvoiceModal invoice={invoice} onClose={() => setConfirming(null)} saveFirst={saveFirst} pendingEdits={dirty} />
      )}
      {confirming === 'delete' && (
        <ConfirmModal
          title={t('invoice.deleteConfirm.title')}
          confirmLabel={t('invoice.deleteConfirm.confirm')}
          color="red"
          busy={actions.busy}
          error={action.error}
          onConfirm={() => void remove()}
          onClose={() => (action.clear(), setConfirming(null))}
          onReload={reloadDraft}
        >
          {t(invoice.interventions.length > 0 ? 'invoice.deleteConfirm.textWithInterventions' : 'invoice.deleteConfirm.text')}
        </ConfirmModal>
      )}
    </Stack>
  );
}
