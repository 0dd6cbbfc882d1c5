import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { customerBalances, localDate, type CustomerBalance } from '@relais/domain';
import { loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { CustomerAccounting } from './customer-accounting.resolver';
import { CustomerBalanceType } from '../payments/payment.type';

@Resolver(() => CustomerAccounting)
export class CustomerBalanceResolver {
  @Authorized('finance:read')
  @FieldResolver(() => CustomerBalanceType, { description: 'What the customer owes today, net of payments not yet allocated.' })
  async balance(@Ctx() ctx: RequestContext, @Root() customer: CustomerAccounting) {
    const today = localDate(new Date());
    return (await loaderFor<CustomerBalance>(
      ctx,
      'customerBalance',
      (em, ids) => customerBalances(em, ids, today),
      (b) => b.customerId,
    ).load(customer.id))!;
  }
}
