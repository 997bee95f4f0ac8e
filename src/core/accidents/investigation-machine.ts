/**
 * The investigation of an accident as a pure transition table: investigating → (extended) → reported
 * (the investigation report with its findings) → closed (the government's reply).
 */

import { valueList } from '../value-list.ts';
export type InvestigationState = 'investigating' | 'extended' | 'reported' | 'closed';
export type InvestigationEvent = (typeof INVESTIGATION_EVENTS)[number];
export const INVESTIGATION_EVENTS = valueList('extend', 'submit_report', 'close');

export type InvestigationEffect =
  { kind: 'extend-due'; days: number } | { kind: 'record-findings' } | { kind: 'record-reply'; at: string };

const TABLE: Readonly<Record<InvestigationState, Partial<Record<InvestigationEvent, InvestigationState>>>> = {
  investigating: { extend: 'extended', submit_report: 'reported' },
  extended: { submit_report: 'reported' },
  reported: { close: 'closed' },
  closed: {},
};

export type InvestigationTransition =
  { ok: true; state: InvestigationState; effects: InvestigationEffect[] } | { ok: false; why: string };

export function transitionInvestigation(
  state: InvestigationState,
  event: InvestigationEvent,
  now: string,
  extensionDays: number,
): InvestigationTransition {
  const next = TABLE[state][event];
  if (next === undefined)
    return { ok: false, why: `"${event}" is not possible while the investigation is ${state}` };
  switch (event) {
    case 'extend':
      return { ok: true, state: next, effects: [{ kind: 'extend-due', days: extensionDays }] };
    case 'submit_report':
      return { ok: true, state: next, effects: [{ kind: 'record-findings' }] };
    case 'close':
      return { ok: true, state: next, effects: [{ kind: 'record-reply', at: now }] };
  }
}
