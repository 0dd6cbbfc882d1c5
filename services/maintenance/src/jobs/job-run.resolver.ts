import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { createJobRun, getJobRun, PREVENTIVE_QUEUE, Validator } from '@relais/domain';
import { em, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { JobRunType, toJobRunType } from '../interventions/intervention.type';
import { jobQueue } from './job-queue';

@Resolver(() => JobRunType)
export class JobRunResolver {
  @Authorized('maintenance:read')
  @Query(() => JobRunType, { nullable: true })
  async jobRun(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return toJobRunType(await getJobRun(em(ctx), id));
  }

  @Authorized('maintenance:write')
  @Mutation(() => JobRunType, {
    description:
      'Creates, as a background job, the preventive interventions due within the horizon; running it again creates nothing twice.',
  })
  async generatePreventiveInterventions(
    @Ctx() ctx: RequestContext,
    @Arg('horizonDays', () => Int, { defaultValue: 90 }) horizonDays: number,
  ) {
    new Validator()
      .check(Number.isInteger(horizonDays) && horizonDays >= 1 && horizonDays <= 366, 'horizonDays', 'de 1 à 366 jours')
      .throwIfInvalid();
    const identity = identityOf(ctx);
    const run = await createJobRun(em(ctx), identity, PREVENTIVE_QUEUE, { horizonDays });
    ctx.afterCommit.push(() => jobQueue().enqueue(PREVENTIVE_QUEUE, { jobRunId: run.id, identity, horizonDays }));
    return toJobRunType(run);
  }
}
