import { Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { customerAuxiliaryAccount } from '@relais/domain';

/** Finance's view of the shared Customer: the accounting fields it derives from the customer file. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerAccounting {
  @Field(() => ID) id!: string;
  @Directive('@external')
  @Field(() => String)
  code!: string;
}

@Resolver(() => CustomerAccounting)
export class CustomerAccountingResolver {
  @Directive('@requires(fields: "code")')
  @FieldResolver(() => String, { description: 'Auxiliary receivable account (compte auxiliaire client) used in the FEC.' })
  accountingAuxiliaryCode(@Root() customer: CustomerAccounting): string {
    return customerAuxiliaryAccount(customer.code);
  }
}
