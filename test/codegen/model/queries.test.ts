// Questions the emitters ask of an operation: mirrors codegen/model/queries.ts.

import { describe, expect, it } from 'vitest';
import { constantQuery, pathTemplate } from '../../../codegen/model/queries.js';

describe('the query a path template fixes (Smithy @http(uri: "/x?k=v"))', () => {
  it.each([
    { given: '/things/{Id}', want: { template: '/things/{Id}', query: [] } },
    { given: '/2018-10-31/layers?find=LayerVersion', want: { template: '/2018-10-31/layers', query: [['find', 'LayerVersion']] } },
    { given: '/ConstantQueryString/{hello}?foo=bar&hello', want: { template: '/ConstantQueryString/{hello}', query: [['foo', 'bar'], ['hello', '']] } },
    { given: '/x?a=1&a=2', want: { template: '/x', query: [['a', '1'], ['a', '2']] } },
  ])('$given', ({ given, want }) => {
    expect({ template: pathTemplate(given), query: constantQuery(given) }).toEqual(want);
  });
});
