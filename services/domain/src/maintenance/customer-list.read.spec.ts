import { describe, expect, it } from 'vitest';
import { customerSearch } from './customer-list.read';

describe('customerSearch', () => {
  it('lists everyone without a search, or with blanks only', () => {
    expect(customerSearch(null)).toEqual({ sql: 'true', params: [] });
    expect(customerSearch('   ')).toEqual({ sql: 'true', params: [] });
  });

  it('looks for the text in the name, code and city, with % and _ taken literally', () => {
    expect(customerSearch(' 100%_Santé ')).toEqual({
      sql: '(c.name ilike ? or c.code ilike ? or c.billing_city ilike ?)',
      params: ['%100\\%\\_Santé%', '%100\\%\\_Santé%', '%100\\%\\_Santé%'],
    });
  });

  it('also matches SIREN and SIRET prefixes when the text is 3 to 14 digits, spaces ignored', () => {
    expect(customerSearch('552 100').params).toEqual(['%552 100%', '%552 100%', '%552 100%', '552100%', '552100%']);
    expect(customerSearch('55').params).toHaveLength(3);
    expect(customerSearch('123456789012345').params).toHaveLength(3);
  });
});
