import { Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { hasVisitReport, requestPhotoCounts, type InterventionStatus } from '@relais/domain';
import { loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { InterventionType } from './intervention.type';
import { visitReportUrl } from '../portal/portal-maintenance.resolver';

/** What the office sees of a request's photos (sent from the portal) and of the signed visit report. */
@Resolver(() => InterventionType)
export class InterventionRequestResolver {
  @FieldResolver(() => Int, { description: 'Photos sent with the request (from the portal); the report’s photos are apart.' })
  async requestPhotoCount(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext): Promise<number> {
    const row = await loaderFor(ctx, 'requestPhotoCount', requestPhotoCounts, (r) => r.id).load(intervention.id);
    return row?.count ?? 0;
  }

  @Authorized('maintenance:read')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The signed visit report (PDF) once finished with the customer’s signature: a relative link, valid 15 minutes.',
  })
  reportPdfUrl(@Root() intervention: InterventionType, @Ctx() ctx: RequestContext): Promise<string | null> {
    const ready = hasVisitReport({ status: intervention.status as InterventionStatus, signerName: intervention.report.signerName });
    return ready ? visitReportUrl(ctx, intervention) : Promise.resolve(null);
  }
}
