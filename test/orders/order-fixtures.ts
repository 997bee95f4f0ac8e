import type { IssueOrderInput } from '../../src/core/orders/order-use-cases.ts';

/**
 * An order suspending `mineIds` (the kind most suites issue), as POSTed to /api/orders or given to
 * issueOrder; `overrides` names what the test cares about (its number, reason, another kind, an
 * evacuation deadline).
 */
export function orderFor(mineIds: string[], overrides: Partial<IssueOrderInput> = {}): IssueOrderInput {
  return {
    number: '停〔2026〕1号',
    kind: 'suspend_mine',
    legalBasis: '煤矿安全生产条例第48条',
    reason: '停产整顿',
    mineIds,
    ...overrides,
  };
}
