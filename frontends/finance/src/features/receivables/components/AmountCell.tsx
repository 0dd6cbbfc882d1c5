import { Anchor, Text } from '@mantine/core';
import { isNegativeAmount, isPositiveAmount, useFormatters } from '@relais/ui';

/** An amount of the balance âgée that opens the items behind it; nothing to open behind a zero. */
export function AmountCell({
  amount,
  label,
  expanded,
  onToggle,
}: {
  amount: string;
  /** What the click shows, for screen readers ("Voir les pièces de … : 31 à 60 jours"). */
  label: string;
  expanded: boolean;
  onToggle: () => void;
}) {
  const format = useFormatters();
  if (!isPositiveAmount(amount) && !isNegativeAmount(amount))
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      fw={expanded ? 700 : undefined}
      underline={expanded ? 'always' : 'hover'}
      aria-label={label}
      aria-expanded={expanded}
      onClick={onToggle}
      style={{ whiteSpace: 'nowrap' }}
    >
      {format.money(amount)}
    </Anchor>
  );
}
