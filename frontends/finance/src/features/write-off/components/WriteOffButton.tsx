import { Button } from '@mantine/core';
import { useCan } from '@relais/session';
import { isPositiveAmount } from '@relais/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { financeNamespace } from '../../../i18n/register';
import type { WriteOffTarget } from '../hooks/use-write-off';
import { WriteOffModal } from './WriteOffModal';

/** « Passer en perte » on an invoice with something still owed, for those who may (finance:write). */
export function WriteOffButton({ target }: { target: WriteOffTarget }) {
  const { t } = useTranslation(financeNamespace);
  const allowed = useCan('finance:write');
  const [open, setOpen] = useState(false);
  if (!allowed || !isPositiveAmount(target.openBalance)) return null;
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        onClick={() => setOpen(true)}
        aria-label={t('writeOff.actionOf', { number: target.invoiceNumber })}
      >
        {t('writeOff.action')}
      </Button>
      {open && <WriteOffModal target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
