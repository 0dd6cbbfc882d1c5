import { APP_ROLE } from './roles';

export const DEFAULT_APP_PASSWORD = 'relais-app-dev';

/** The services' connection: same server and database as the admin URL, as the application role. */
export function appDatabaseUrl(adminUrl: string, password = process.env.DATABASE_APP_PASSWORD ?? DEFAULT_APP_PASSWORD): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
