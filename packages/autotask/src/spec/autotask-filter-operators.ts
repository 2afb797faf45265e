/** Every filter operator Autotask knows. A misspelled one is silently dropped by Autotask. */
export const autotaskFilterOperators = [
  'eq',
  'noteq',
  'gt',
  'gte',
  'lt',
  'lte',
  'beginsWith',
  'endsWith',
  'contains',
  'exist',
  'notExist',
  'in',
  'notIn',
  'and',
  'or',
] as const
