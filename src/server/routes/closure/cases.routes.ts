import { z } from 'zod';
import {
  addCaseEvidence,
  advanceCase,
  getCase,
  listCases,
  listOwnership,
  openCase,
  recordOwnership,
} from '../../../core/closure/case-use-cases.ts';
import { CASE_EVENTS, type CaseEvent } from '../../../core/closure/closure-rules.ts';
import {
  CASE_EVIDENCE_KINDS,
  CASE_TYPES,
  OWNERSHIP_KINDS,
  type CaseEvidenceKind,
  type CaseType,
  type OwnershipKind,
} from '../../../core/closure/closure-types.ts';
import { CASE_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import { routeModule } from '../../route-kit.ts';
import { idParams, mineParams } from '../../route-schemas.ts';
import { crackdownCaseSchema, ownershipRecordSchema } from './closure.schemas.ts';

const caseType = z.enum(CASE_TYPES as [CaseType, ...CaseType[]]);

/** Ownership/trusteeship history and the crackdown cases (trusteeship, integration, evasion, tampering). */
export const registerCaseRoutes = routeModule(['closure'], (route, { ports }) => {
  route.get(
    '/api/closure/mines/:mineId/ownership',
    {
      summary: "A mine's ownership, trusteeship, integration and reorganisation records.",
      params: mineParams,
      response: z.object({ records: z.array(ownershipRecordSchema) }),
    },
    async ({ principal, params }) => ({ records: await listOwnership(ports, principal, params.mineId) }),
  );

  route.recordActions(
    '/api/closure/mines/:mineId',
    mineParams,
    'record',
    ownershipRecordSchema,
  )(
    'ownership',
    {
      summary: 'Record an owner, a trustee contract (托管), an integration or a reorganisation.',
      body: z.object({
        kind: z.enum(OWNERSHIP_KINDS as [OwnershipKind, ...OwnershipKind[]]),
        party: z.string().max(300),
        fromDate: z.string().max(10),
        toDate: z.string().max(10).nullable().optional(),
        contractRef: z.string().max(200).nullable().optional(),
        note: z.string().max(2000).optional(),
      }),
      status: 201,
    },
    (p, { mineId }, body) => recordOwnership(ports, p, mineId, body),
  );

  route.get(
    '/api/closure/cases',
    {
      summary: 'Crackdown cases in your scope, newest first.',
      response: z.object({ cases: z.array(crackdownCaseSchema) }),
    },
    async ({ principal }) => ({ cases: await listCases(ports, principal) }),
  );

  route.listExport({
    url: '/api/closure/cases/export',
    list: 'cases',
    filters: z.object({}),
    columns: CASE_COLUMNS,
    load: async (p, _f, limit) => (await listCases(ports, p)).slice(0, limit),
  });

  route.create(
    '/api/closure/cases',
    {
      summary: 'Open a case by hand (type, mineId, summary) or in one step from an alarm (alarmId).',
      body: z.object({
        type: caseType.optional(),
        mineId: z.string().min(1).max(100).optional(),
        summary: z.string().max(2000).optional(),
        alarmId: z.string().min(1).max(300).optional(),
      }),
      key: 'case',
      record: crackdownCaseSchema,
    },
    (p, body) => openCase(ports, p, body),
  );

  route.getOne(
    '/api/closure/cases/:id',
    { summary: 'One case with its evidence and decisions.', key: 'case', record: crackdownCaseSchema },
    (p, id) => getCase(ports, p, id),
  );

  const caseStep = route.recordActions('/api/closure/cases/:id', idParams, 'case', crackdownCaseSchema);
  caseStep(
    'evidence',
    {
      summary: 'Link evidence: an alarm, hazard, visit, data gap, inspection or document.',
      body: z.object({
        kind: z.enum(CASE_EVIDENCE_KINDS as [CaseEvidenceKind, ...CaseEvidenceKind[]]),
        ref: z.string().max(300),
        note: z.string().max(2000).optional(),
      }),
    },
    (p, { id }, body) => addCaseEvidence(ports, p, id, body),
  );
  caseStep(
    'events',
    {
      summary: 'Move a case: investigate, decide (with the decision text), close.',
      body: z.object({
        event: z.enum(CASE_EVENTS as [CaseEvent, ...CaseEvent[]]),
        text: z.string().max(4000).optional(),
      }),
    },
    (p, { id }, body) => advanceCase(ports, p, id, body),
  );
});
