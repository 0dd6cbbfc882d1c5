import { serveBackOffice } from './serve';

/** `pnpm --filter @relais/shell serve`: the built back-office alone, against a running gateway. */
const backOffice = await serveBackOffice({
  port: Number(process.env['PORT'] ?? 8080),
  gatewayUrl: process.env['RELAIS_GATEWAY_URL'] ?? 'http://localhost:4000/graphql',
});
console.log(`Back-office: ${backOffice.url}`);
process.once('SIGTERM', () => void backOffice.close());
process.once('SIGINT', () => void backOffice.close());
