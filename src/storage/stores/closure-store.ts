import type { Kysely } from 'kysely';
import type { ClosureStore } from '../../core/closure/closure-ports.ts';
import {
  CLOSURE_STEP_KINDS,
  type Closure,
  type ClosureStep,
  type ClosureStepKind,
  type ClosureTarget,
  type CrackdownCase,
  type EvidenceFileRef,
  type OwnershipRecord,
  type PolicyListEntry,
  type PopulationYear,
  type Transformation,
} from '../../core/closure/closure-types.ts';
import type { Database } from '../schema.ts';
import { asIs, bool, defineCodec, json, jsonOrNull, num, type Composite } from '../row-codec.ts';
import { newestFirst, recordTable, underPath } from './record-table.ts';

const closureCodec = defineCodec<Closure, Database['closures']>()({
  ...asIs('id mineId mineName regionPath'),
  capacityTPerYear: ['capacity_t_per_year', num],
  ...asIs('reason basis'),
  attachedToExisting: ['attached_to_existing', bool],
  ...asIs('status createdById createdByName createdAt closedAt'),
});

/** A step is stored with its place in the programme (`seq`), which orders the list. */
const stepKind: Composite<Database['closure_steps'], ClosureStepKind> = {
  columns: ['step', 'seq'],
  decode: (r) => r.step as ClosureStepKind,
  encode: (step) => ({ step, seq: CLOSURE_STEP_KINDS.indexOf(step) }),
};

const stepCodec = defineCodec<ClosureStep, Database['closure_steps']>()({
  closureId: 'closure_id',
  step: stepKind,
  ...asIs('state evidence'),
  file: ['file_json', jsonOrNull<EvidenceFileRef>()],
  ...asIs('recordedById recordedByName recordedAt verifiedById verifiedByName verifiedAt note'),
});

const caseCodec = defineCodec<CrackdownCase, Database['crackdown_cases']>()({
  ...asIs('id type mineId mineName regionPath summary status'),
  evidence: ['evidence_json', json<CrackdownCase['evidence']>()],
  decisions: ['decisions_json', json<CrackdownCase['decisions']>()],
  ...asIs('openedById openedByName openedAt updatedAt'),
});

const targetCodec = defineCodec<ClosureTarget, Database['closure_targets']>()({
  ...asIs('id regionId regionPath regionName deadline'),
  minesToClose: ['mines_to_close', num],
  capacityToWithdrawTPerYear: ['capacity_to_withdraw_t_per_year', num],
  ...asIs('note createdById createdByName createdAt'),
});

const policyCodec = defineCodec<PolicyListEntry, Database['closure_policy_list']>()({
  ...asIs('mineId regionPath reason source listedById listedByName listedAt'),
});

const transformationCodec = defineCodec<Transformation, Database['closure_transformations']>()({
  ...asIs('id closureId mineId regionPath what startedOn'),
  jobs: ['jobs', num],
  ...asIs('note recordedById recordedByName recordedAt'),
});

const ownershipCodec = defineCodec<OwnershipRecord, Database['mine_ownership']>()({
  ...asIs(
    'id mineId regionPath kind party fromDate toDate contractRef note recordedById recordedByName recordedAt',
  ),
});

const populationCodec = defineCodec<PopulationYear, Database['mine_population_years']>()({
  ...asIs('regionId regionPath'),
  year: ['year', num],
  mines: ['mines', num],
  smallMines: ['small_mines', num],
  capacityTPerYear: ['capacity_t_per_year', num],
  smallCapacityTPerYear: ['small_capacity_t_per_year', num],
  source: 'source',
});

export function createClosureStore(db: Kysely<Database>): ClosureStore {
  const closures = recordTable(db, 'closures', closureCodec);
  const steps = recordTable(db, 'closure_steps', stepCodec, ['closure_id', 'step']);
  const targets = recordTable(db, 'closure_targets', targetCodec);
  const policyList = recordTable(db, 'closure_policy_list', policyCodec, ['mine_id']);
  const transformations = recordTable(db, 'closure_transformations', transformationCodec);
  const ownership = recordTable(db, 'mine_ownership', ownershipCodec);
  const cases = recordTable(db, 'crackdown_cases', caseCodec);
  const population = recordTable(db, 'mine_population_years', populationCodec, ['region_id', 'year']);
  return {
    insertClosure: closures.insert,
    updateClosure: closures.update,
    getClosure: closures.get,
    openClosureOfMine: (mineId) => closures.find({ mine_id: mineId, status: 'in_progress' }),
    listClosures: (filter) =>
      closures.list(
        { region_path: underPath(filter.regionPath), mine_id: filter.mineId },
        newestFirst('created_at'),
      ),
    insertSteps: (list) => steps.insertMany(list),
    updateStep: steps.update,
    listSteps: (closureId) => steps.list({ closure_id: closureId }, ['seq']),
    insertTarget: targets.insert,
    listTargets: (regionPath) => targets.list({ region_path: { under: regionPath } }, ['deadline', 'id']),
    upsertPolicyEntry: policyList.upsert,
    listPolicyEntries: (regionPath) => policyList.list({ region_path: { under: regionPath } }, []),
    insertTransformation: transformations.insert,
    listTransformations: (closureId) => transformations.list({ closure_id: closureId }, ['started_on', 'id']),
    insertOwnership: ownership.insert,
    listOwnership: (mineId) => ownership.list({ mine_id: mineId }, ['from_date', 'id']),
    insertCase: cases.insert,
    updateCase: cases.update,
    getCase: cases.get,
    listCases: (filter) =>
      cases.list(
        { region_path: underPath(filter.regionPath), mine_id: filter.mineId },
        newestFirst('opened_at'),
      ),

    async putPopulationYears(rows) {
      for (const r of rows) await population.upsert(r);
    },
    listPopulationYears: (regionPath) =>
      population.list({ region_path: { under: regionPath } }, ['year', 'region_id']),
  };
}
