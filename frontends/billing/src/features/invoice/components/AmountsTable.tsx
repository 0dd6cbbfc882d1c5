import { Table } from '@mantine/core';

export interface AmountRow {
  label: string;
  amount: string;
  strong?: boolean;
  testId?: string;
}

/** Labelled amounts, right-aligned, already formatted. */
export function AmountsTable({ rows, dimmed }: { rows: readonly AmountRow[]; dimmed?: boolean }) {
  return (
    <Table verticalSpacing={6} style={dimmed ? { opacity: 0.55 } : undefined}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Td fw={row.strong ? 700 : undefined}>{row.label}</Table.Td>
            <Table.Td ta="right" fw={row.strong ? 700 : undefined} data-testid={row.testId} style={{ whiteSpace: 'nowrap' }}>
              {row.amount}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
