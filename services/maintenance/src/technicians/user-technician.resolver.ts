import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { techniciansForUsers } from '@relais/domain';
import { loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { TechnicianType, toTechnicianType } from './technician.type';
import type { Technician } from '@relais/domain';

/** The platform's User, as maintenance sees it: the technician record a user signs in as. */
@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserTechnician {
  @Field(() => ID) id!: string;
}

@Resolver(() => UserTechnician)
export class UserTechnicianResolver {
  @FieldResolver(() => TechnicianType, { nullable: true, description: 'Set when the user is a field technician.' })
  async technician(@Root() user: UserTechnician, @Ctx() ctx: RequestContext) {
    const technician = await loaderFor<Technician>(ctx, 'technicianByUser', techniciansForUsers, (t) => t.userId!).load(user.id);
    return technician ? toTechnicianType(technician) : null;
  }
}
