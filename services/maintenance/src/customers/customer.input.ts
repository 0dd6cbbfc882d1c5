import { Field, ID, InputType, Int } from 'type-graphql';
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

@InputType({
  description:
    'A contact in the list updateCustomer sets: with the id of one of the customer’s contacts, that contact, updated in place (its portal sessions stay open unless its e-mail changes); without id, a new contact.',
})
export class ContactEntryInput extends ContactInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  // type-graphql does not carry an inherited input field's deprecation over.
  @Field(() => Boolean, { nullable: true, deprecationReason: 'Use roles: [BILLING].' }) override isBillingContact?: boolean | null =
    undefined;
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

@InputType({
  description:
    'Only the fields given are changed. contacts, when given, is the whole list: the contacts named by id are updated, those without id added, the others removed; an id that is not one of the customer’s contacts is VALIDATION_FAILED (contacts[i].id) and nothing changes.',
})
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
  @Field(() => [ContactEntryInput], { nullable: true }) contacts?: ContactEntryInput[] | null;
}
