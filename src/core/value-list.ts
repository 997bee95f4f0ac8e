/**
 * A closed list of string values whose type is the union of those values, each value written once:
 *
 *   export type GasClass = (typeof GAS_CLASSES)[number];
 *   export const GAS_CLASSES = valueList('low', 'high', 'outburst');
 *
 * The list is a readonly array (not a readonly tuple), so callers can still hand it to `z.enum`.
 */
export function valueList<const T extends string>(...values: T[]): readonly T[] {
  return values;
}
