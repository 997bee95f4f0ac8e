import { z } from 'zod';
import {
  decideProposal,
  fileProgressReport,
  listProposals,
  listUnderSupervision,
  unlistSupervision,
} from '../../../core/hazards/hazard-oversight.ts';
import {
  getHazardDetail,
  hazardBoard,
  listCriteria,
  listHazards,
} from '../../../core/hazards/hazard-queries.ts';
import { fileSelfCheckReport, listMissingSelfChecks } from '../../../core/hazards/hazard-records.ts';
import { DEFAULT_DAYS_PER_ESCALATION_LEVEL, runDailyReviewAs } from '../../../core/hazards/hazard-review.ts';
import { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATES } from '../../../core/hazards/hazard-types.ts';
import {
  assignHazard,
  extendDueDate,
  rejectRectification,
  reportHazard,
  startRectifying,
  submitForVerification,
  verifyAndClose,
} from '../../../core/hazards/hazard-use-cases.ts';
import { HAZARD_COLUMNS } from '../../../reports/list-export/list-columns.ts';
import { routeModule } from '../../route-kit.ts';
import { createEquipmentState } from '../../../monitoring/equipment-state.ts';
import { registerEvidenceRoutes } from './hazard-evidence.routes.ts';
import { idParams, isoDateSchema, itemsOf, regionIdSchema } from '../../route-schemas.ts';
import {
  criteriaListingSchema,
  hazardBoardSchema,
  hazardDetailSchema,
  hazardProposalSchema,
  hazardSchema,
  hazardViewSchema,
  listingSchema,
  missingSelfChecksSchema,
  progressReportSchema,
  reviewResultSchema,
  selfCheckReportSchema,
} from './hazards.schemas.ts';

const text = (max: number) => z.string().max(max);
const date = isoDateSchema;
const regionId = regionIdSchema.optional();
const hazardFilters = z.object({
  regionId,
  mineId: z.string().max(100).optional(),
  state: z.enum(HAZARD_STATES).optional(),
  grade: z.enum(HAZARD_GRADES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

const planBody = z.object({
  responsiblePerson: text(200).optional(),
  measures: text(5000).optional(),
  fundsCny: z.number().min(0).max(1e12).nullable().optional(),
  deadline: text(20).optional(),
  contingencyPlan: text(5000).nullable().optional(),
  objectives: text(5000).nullable().optional(),
  methods: text(5000).nullable().optional(),
  materials: text(5000).nullable().optional(),
  responsibleBody: text(500).nullable().optional(),
  requirements: text(5000).nullable().optional(),
  safetyMeasures: text(5000).nullable().optional(),
});

/** The hazards API: report, the closed loop, supervision listings, proposals, reviews, self-checks. */
export const registerHazardRoutes = routeModule(['hazards'], (route, deps) => {
  const { ports } = deps;

  route.get(
    '/api/hazards/criteria',
    {
      summary:
        'The major-hazard criteria editions, each row with its source, and which edition grades a hazard found today (standIn: the edition in force is not encoded yet).',
      response: criteriaListingSchema,
    },
    ({ principal }) => listCriteria(ports, principal),
  );

  route.get(
    '/api/hazards',
    {
      summary: 'Hazards in your scope (overdue first), filtered by region, mine, state, grade, overdue.',
      query: hazardFilters.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: itemsOf(hazardViewSchema),
    },
    ({ principal, query }) => listHazards(ports, principal, { ...query, overdue: query.overdue === 'true' }),
  );

  route.listExport({
    url: '/api/hazards/export',
    list: 'hazards',
    filters: hazardFilters,
    columns: HAZARD_COLUMNS,
    load: async (p, f, limit) =>
      (await listHazards(ports, p, { ...f, overdue: f.overdue === 'true', limit })).items,
  });

  route.get(
    '/api/hazards/board',
    {
      summary: 'Counts by state with the overdue count first.',
      query: z.object({ regionId, mineId: z.string().max(100).optional() }),
      response: hazardBoardSchema,
    },
    ({ principal, query }) => hazardBoard(ports, principal, query),
  );

  route.get(
    '/api/hazards/:id',
    {
      summary: 'One hazard with its history, timeline, evidence and listings.',
      params: idParams,
      response: hazardDetailSchema,
    },
    ({ principal, params }) => getHazardDetail(ports, principal, params.id),
  );

  route.post(
    '/api/hazards',
    {
      summary: 'Report a hazard against a mine; a major one proposes suspension (and closure on a repeat).',
      body: z.object({
        mineId: z.string().min(1).max(100),
        source: z.enum(HAZARD_SOURCES),
        grade: z.enum(HAZARD_GRADES),
        category: z.string().min(1).max(40),
        title: text(200),
        description: text(5000).default(''),
        area: text(200).nullable().optional(),
        equipment: text(200).nullable().optional(),
        pointCode: text(40).nullable().optional(),
        /** The alarm the hazard is reported from; the alarm then shows the hazard. */
        alarmId: z.string().min(1).max(300).nullable().optional(),
      }),
      response: z.object({ hazard: hazardSchema, proposals: z.array(hazardProposalSchema) }),
      status: 201,
    },
    ({ principal, body }) => reportHazard(ports, principal, body),
  );

  const hazardStep = route.recordActions('/api/hazards/:id', idParams, 'hazard', hazardSchema);
  const noteBody = z.object({ note: text(2000).nullable().optional() }).default({});
  hazardStep(
    'assign',
    { summary: 'The mine sets the five implementations (and the plan, for a major hazard).', body: planBody },
    (p, { id }, body) => assignHazard(ports, p, id, body),
  );
  hazardStep('start', { summary: 'The mine starts rectifying.' }, (p, { id }) =>
    startRectifying(ports, p, id),
  );
  hazardStep('submit', { summary: 'The mine applies for verification.', body: noteBody }, (p, { id }, body) =>
    submitForVerification(ports, p, id, body.note ?? null),
  );
  hazardStep(
    'verify',
    { summary: 'A regulator verifies on site and closes (writes off) the hazard.', body: noteBody },
    (p, { id }, body) => verifyAndClose(ports, p, id, body.note ?? null),
  );
  hazardStep(
    'reject',
    {
      summary: 'A regulator rejects the rectification, with a reason.',
      body: z.object({ reason: text(2000) }),
    },
    (p, { id }, body) => rejectRectification(ports, p, id, body.reason),
  );
  hazardStep(
    'extend',
    {
      summary: 'A regulator extends the current due date, with a reason (the original stays).',
      body: z.object({ newDueDate: date, reason: text(2000) }),
    },
    (p, { id }, body) => extendDueDate(ports, p, id, body),
  );
  const listingStep = route.recordActions('/api/hazards/:id', idParams, 'listing', listingSchema);
  listingStep(
    'listing',
    {
      summary: 'A regulator lists a major hazard under supervision (挂牌督办).',
      body: z.object({ notice: text(5000) }),
      status: 201,
    },
    (p, { id }, body) => listUnderSupervision(ports, p, id, body.notice),
  );
  listingStep(
    'listing/close',
    { summary: 'Close the supervision listing of a closed hazard.' },
    (p, { id }) => unlistSupervision(ports, p, id),
  );
  route.recordActions(
    '/api/hazards/:id',
    idParams,
    'progress',
    progressReportSchema,
  )(
    'progress',
    {
      summary: 'The mine reports progress on a listed hazard.',
      body: z.object({ text: text(5000) }),
      status: 201,
    },
    (p, { id }, body) => fileProgressReport(ports, p, id, body.text),
  );

  route.get(
    '/api/hazards/proposals',
    {
      summary: 'Suspension, closure and stop-work proposals in your scope (regulators).',
      query: z.object({ state: z.enum(['open', 'confirmed', 'dismissed', 'lapsed']).optional() }),
      response: itemsOf(hazardProposalSchema),
    },
    ({ principal, query }) => listProposals(ports, principal, query.state),
  );
  const proposalStep = route.recordActions(
    '/api/hazards/proposals/:id',
    idParams,
    'proposal',
    hazardProposalSchema,
  );
  const decide = (decision: 'confirm' | 'dismiss', summary: string) =>
    proposalStep(decision, { summary, body: noteBody }, (p, { id }, body) =>
      decideProposal(ports, p, id, { decision, note: body.note ?? null }),
    );
  decide('confirm', 'Confirm a proposal: the mine is suspended or ordered closed.');
  decide('dismiss', 'Dismiss a proposal, with a reason.');

  const equipment = createEquipmentState(deps.monitoring?.view);
  route.post(
    '/api/hazards/daily-review',
    {
      summary: 'Run overdue escalation and the running-equipment rule now, over your scope.',
      response: reviewResultSchema,
    },
    ({ principal }) => runDailyReviewAs(ports, principal, equipment, DEFAULT_DAYS_PER_ESCALATION_LEVEL),
  );

  route.create(
    '/api/hazards/self-check-reports',
    {
      summary:
        'File the signed quarterly major-hazard self-check report of your mine (2024 Regulation art. 35).',
      body: z.object({
        mineId: z.string().min(1).max(100),
        quarter: z.string().max(10),
        signer: text(200),
        summary: text(10_000),
        evidenceId: z.string().max(100).nullable().optional(),
      }),
      key: 'report',
      record: selfCheckReportSchema,
    },
    (p, body) => fileSelfCheckReport(ports, p, body),
  );
  route.get(
    '/api/hazards/self-check-reports/missing',
    {
      summary: 'Producing and building mines in scope without a self-check report for the quarter.',
      query: z.object({ quarter: z.string().max(10), regionId }),
      response: missingSelfChecksSchema,
    },
    ({ principal, query }) => listMissingSelfChecks(ports, principal, query.quarter, query.regionId),
  );

  registerEvidenceRoutes(route.app, deps);
});
