import { Field, InputType, Int } from 'type-graphql';
import { ContactRoleEnum, PaymentTermsKind } from './customer.type';

@InputType()
export class ContactInput {
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [ContactRoleEnum], { nullable: true, description: 'When absent: BILLING if isBillingContact, else none.' })
  roles?: ContactRoleEnum[] | null;
  @Field(() => Boolean, { nullable: true, deprecationReason: 'Use roles: [BILLING].' }) isBillingContact?: boolean | null;
}

@InputType()
export class CreateCustomerInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) siren?: string | null;
  @Field(() => String, { nullable: true }) siret?: string | null;
  @Field(() => String, { nullable: true }) vatNumber?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'A private person (particulier); then no SIREN, SIRET or VAT number.',
  })
  isConsumer?: boolean;
  @Field(() => String) billingAddressLine1!: string;
  @Field(() => String, { nullable: true }) billingAddressLine2?: string | null;
  @Field(() => String) billingPostalCode!: string;
  @Field(() => String) billingCity!: string;
  @Field(() => String, { nullable: true, defaultValue: 'FR' }) billingCountry?: string;
  @Field(() => Int, { nullable: true, defaultValue: 30 }) paymentTermsDays?: number;
  @Field(() => PaymentTermsKind, { nullable: true, defaultValue: PaymentTermsKind.NET }) paymentTermsKind?: PaymentTermsKind;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [ContactInput], { nullable: true }) contacts?: ContactInput[] | null;
}

@InputType({ description: 'Only the fields given are changed; contacts, when given, replace the list.' })
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) siren?: string | null;
  @Field(() => String, { nullable: true }) siret?: string | null;
  @Field(() => String, { nullable: true }) vatNumber?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Boolean, { nullable: true }) isConsumer?: boolean;
  @Field(() => String, { nullable: true }) billingAddressLine1?: string;
  @Field(() => String, { nullable: true }) billingAddressLine2?: string | null;
  @Field(() => String, { nullable: true }) billingPostalCode?: string;
  @Field(() => String, { nullable: true }) billingCity?: string;
  @Field(() => String, { nullable: true }) billingCountry?: string;
  @Field(() => Int, { nullable: true }) paymentTermsDays?: number;
  @Field(() => PaymentTermsKind, { nullable: true }) paymentTermsKind?: PaymentTermsKind;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [ContactInput], { nullable: true }) contacts?: ContactInput[] | null;
}
