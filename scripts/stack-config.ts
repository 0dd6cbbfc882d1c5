/** Processes of the stack and their default ports (each overridable by <NAME>_PORT). */
export const SUBGRAPHS = [
  { name: 'platform', defaultPort: 4100 },
  { name: 'maintenance', defaultPort: 4101 },
  { name: 'billing', defaultPort: 4102 },
  { name: 'finance', defaultPort: 4103 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
