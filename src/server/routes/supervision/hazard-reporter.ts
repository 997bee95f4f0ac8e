import type { Ports } from '../../../core/ports.ts';
import { reportHazard } from '../../../core/hazards/hazard-use-cases.ts';
import type { HazardReporter } from '../../../core/supervision/supervision-ports.ts';

/** Supervision's HazardReporter port carried out by the hazards module's report use case. */
export function createHazardReporter(ports: Ports): HazardReporter {
  return {
    async report(principal, input) {
      const { hazard } = await reportHazard(ports, principal, {
        mineId: input.mineId,
        source: input.source,
        grade: input.grade,
        category: input.category,
        title: input.title,
        description: `${input.description}\n\n[督导检查 / site visit ${input.sourceRef.visitId}, finding ${input.sourceRef.findingId}]`,
        area: input.location,
      });
      return { id: hazard.id };
    },
  };
}
