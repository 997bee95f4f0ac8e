import { PostForm } from '../../components/post-form.tsx';

/** A regulator sets a district target: mines to close and capacity to withdraw by a deadline. */
export function TargetForm({ onDone }: { onDone: () => void }) {
  return (
    <PostForm
      testId="closure-target-new"
      title="closure.target.new"
      url="/api/closure/targets"
      submitLabel="closure.target.add"
      onDone={onDone}
      fields={[
        { name: 'regionId', label: 'closure.target.region', kind: 'region', required: true },
        { name: 'deadline', label: 'closure.target.deadline', kind: 'date', required: true },
        { name: 'minesToClose', label: 'closure.target.mines', kind: 'number', required: true },
        {
          name: 'capacityToWithdrawTPerYear',
          label: 'closure.target.capacity',
          kind: 'number',
          required: true,
        },
        { name: 'note', label: 'closure.note', kind: 'textarea' },
      ]}
    />
  );
}

/** A regulator names a mine on the policy closure list. */
export function PolicyListForm({ onDone }: { onDone: () => void }) {
  return (
    <PostForm
      testId="closure-policy-new"
      title="closure.policy.new"
      url="/api/closure/policy-list"
      submitLabel="closure.policy.add"
      onDone={onDone}
      fields={[
        { name: 'mineId', label: 'closure.mineId', required: true },
        { name: 'reason', label: 'closure.reason', kind: 'textarea', required: true },
        { name: 'source', label: 'closure.policy.source', required: true },
      ]}
    />
  );
}

/** A regulator records what the exited mine became. */
export function TransformationForm({ closureId, onDone }: { closureId: string; onDone: () => void }) {
  return (
    <PostForm
      testId="closure-transformation-new"
      title="closure.transformation.new"
      url={`/api/closure/closures/${encodeURIComponent(closureId)}/transformations`}
      submitLabel="closure.transformation.add"
      onDone={onDone}
      fields={[
        { name: 'what', label: 'closure.transformation.what', required: true },
        { name: 'startedOn', label: 'closure.transformation.startedOn', kind: 'date', required: true },
        { name: 'jobs', label: 'closure.transformation.jobs', kind: 'number', required: true },
        { name: 'note', label: 'closure.note', kind: 'textarea' },
      ]}
    />
  );
}
