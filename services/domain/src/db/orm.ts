import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from './orm-config';
import { tenantOwnedEntities } from '../entities';

export type Orm = MikroORM;

/** The ORM for the services: connects as the application role, every tenant-owned entity behind the `tenant` filter. */
export async function createOrm(clientUrl: string, overrides: Options = {}): Promise<Orm> {
  return MikroORM.init(
    ormOptions(clientUrl, {
      filters: {
        tenant: {
          cond: (args: { tenantId: string }) => ({ tenantId: args.tenantId }),
          entity: tenantOwnedEntities.map((e) => e.meta.className),
          default: true,
          args: true,
        },
      },
      ...overrides,
    }),
  );
}
