import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SepaSequenceType } from '../../../gql/graphql';
import { financeNamespace } from '../../../i18n/register';

const colorOf: Record<SepaSequenceType, string> = { FRST: 'grape', RCUR: 'blue', OOFF: 'teal', FNAL: 'gray' };

/** The pain.008 sequence type (FRST, RCUR, OOFF) as banks name it, explained on hover. */
export function SequenceBadge({ sequence }: { sequence: SepaSequenceType }) {
  const { t } = useTranslation(financeNamespace);
  return (
    <Tooltip label={t(`directDebit.sequence.${sequence}`)} withArrow>
      <Badge color={colorOf[sequence]} variant="light" data-testid="sequence-type">
        {sequence}
      </Badge>
    </Tooltip>
  );
}
