import type { Principal } from '../access/types.ts';
import { chinaDateOf } from '../china-time.ts';
import { refuseIssues } from '../errors.ts';
import type { Ports } from '../ports.ts';
import { updateMineFacts } from './mine-use-cases.ts';
import type { KeyFactProcess } from './key-facts.ts';
import type { GasClass, Mine } from './types.ts';

type Deps = Pick<Ports, 'clock' | 'transaction'>;

/** Common checks of a process record: its document number and a date not in the future. */
function requireDocument(kind: string, ref: string, on: string, today: string): string[] {
  const bad: string[] = [];
  if (ref.trim().length < 2) bad.push(`${kind} number is required`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(on)))
    bad.push(`${kind} date must be YYYY-MM-DD`);
  else if (on > today) bad.push(`${kind} date cannot be in the future`);
  return bad;
}

const todayOf = (deps: Deps) => chinaDateOf(deps.clock.nowIso());

/**
 * Changes a mine's key facts on the strength of a document (`kind`, its number `ref` and date `on`),
 * audited `via` the process with the document as the basis; InvalidInput names the `record` refused.
 */
function recordByDocument(
  deps: Deps,
  p: Principal,
  mineId: string,
  facts: Record<string, unknown>,
  via: KeyFactProcess,
  document: { kind: string; ref: string; on: string; record: string },
): Promise<Mine> {
  const bad = requireDocument(document.kind, document.ref, document.on, todayOf(deps));
  refuseIssues('MINE_PROCESS_RECORD_INVALID', `The ${document.record}`, bad);
  return updateMineFacts(deps, p, mineId, facts, { via, basis: `${document.ref.trim()} (${document.on})` });
}

/**
 * Records the result of a gas-class appraisal (瓦斯等级鉴定) by an appraisal body: the mine's gas class
 * becomes the appraised one, audited as `mine.gas_class_appraisal` with the report. A high-gas or
 * outburst result for a mine without certified gas-control capability is recorded as found — the
 * gas-control list then shows the mine (the appraisal is a fact, not a permission).
 */
export function recordGasClassAppraisal(
  deps: Deps,
  p: Principal,
  mineId: string,
  input: { gasClass: GasClass; reportRef: string; appraisedOn: string },
): Promise<Mine> {
  return recordByDocument(deps, p, mineId, { gasClass: input.gasClass }, 'gas_class_appraisal', {
    kind: 'appraisal report',
    ref: input.reportRef,
    on: input.appraisedOn,
    record: 'appraisal',
  });
}

/** Records a capacity approval (生产能力核定): the approved capacity becomes the approved one, audited. */
export function recordCapacityApproval(
  deps: Deps,
  p: Principal,
  mineId: string,
  input: { capacityTPerYear: number; approvalRef: string; approvedOn: string },
): Promise<Mine> {
  const facts = { approvedCapacityTPerYear: input.capacityTPerYear };
  return recordByDocument(deps, p, mineId, facts, 'capacity_approval', {
    kind: 'approval document',
    ref: input.approvalRef,
    on: input.approvedOn,
    record: 'approval',
  });
}
