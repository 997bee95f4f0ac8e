import { invalidInput } from '../errors.ts';
import type { MineFacts } from './types.ts';

/**
 * Key facts of a mine change only through their process, never by editing the mine (issue 15), as
 * the status changes only through its transitions. Each row: the fields, the process that alone sets
 * them, the error a direct edit meets (naming the process and where to run it), and the source.
 */
export type KeyFactProcess = 'gas_class_appraisal' | 'expert_assessment' | 'capacity_approval';

export interface KeyFactRule {
  process: KeyFactProcess;
  fields: ReadonlyArray<keyof MineFacts>;
  code: string;
  /** The audit action of a change made through the process. */
  action: string;
  message: string;
  source: string;
}

export const KEY_FACTS: readonly KeyFactRule[] = [
  {
    process: 'gas_class_appraisal',
    fields: ['gasClass'],
    code: 'MINE_GAS_CLASS_NEEDS_APPRAISAL',
    action: 'mine.gas_class_appraisal',
    message:
      'The gas class cannot be edited: it follows the gas-class appraisal (瓦斯等级鉴定) — record the appraisal result with its report number (POST /api/mines/:id/gas-class-appraisals).',
    source: '煤矿安全规程 (2016) art. 169–170; 煤矿瓦斯等级鉴定办法 (2018)',
  },
  {
    process: 'expert_assessment',
    fields: ['hasGasControlCapability', 'gasControlEvidence', 'gasControlCertifiedOn'],
    code: 'GAS_CONTROL_FLAG_NOT_EDITABLE',
    action: 'mine.update',
    message:
      'The gas-control capability cannot be edited: it follows the approved assessment signed by a gas-control expert (/api/expertise/assessments).',
    source: 'PRODUCT capability 9; Guizhou "no gas-control capability, no production" [S48]',
  },
  {
    process: 'capacity_approval',
    fields: ['approvedCapacityTPerYear'],
    code: 'MINE_CAPACITY_NEEDS_APPROVAL',
    action: 'mine.capacity_approval',
    message:
      'The approved capacity cannot be edited: it follows the capacity approval (生产能力核定) — record the approval with its document number (POST /api/mines/:id/capacity-approvals).',
    source: '煤矿生产能力管理办法 (capacity approval by the competent department)',
  },
];

/**
 * Refuses a patch that sets a key fact outside its process (`via` names the process making the
 * change, set only by that process's use case); the first offending rule's error names the process.
 */
export function requireKeyFactsThroughProcess(
  patch: Readonly<Record<string, unknown>>,
  via: KeyFactProcess | undefined,
): void {
  for (const rule of KEY_FACTS) {
    if (rule.process === via) continue;
    const fields = rule.fields.filter((f) => f in patch);
    if (fields.length > 0) throw invalidInput(rule.code, rule.message, { fields, process: rule.process });
  }
}

export function keyFactRule(process: KeyFactProcess): KeyFactRule {
  const rule = KEY_FACTS.find((r) => r.process === process);
  if (!rule) throw new Error(`unknown key-fact process ${process}`);
  return rule;
}
