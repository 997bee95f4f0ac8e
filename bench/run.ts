/**
 * `npm run bench [-- --quick]`: runs every benchmark and merges the named figures into
 * bench/results/latest.json ({ "<name>": { value, unit, note } }). Speed goals live here, not in tests.
 */
import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEvaluatorBench } from './evaluator-bench.ts';
import { runIngestBench } from './ingest-bench.ts';

type Figures = Record<string, { value: number; unit: string; note: string }>;

const quick = process.argv.includes('--quick');
const out = join(import.meta.dirname, 'results', 'latest.json');
const previous: Figures = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Figures) : {};

const figures: Figures = {
  ...previous,
  ...(await runEvaluatorBench({ quick })),
  ...(await import('./engine-bench.ts')).runEngineBench({ quick }),
  ...(await runIngestBench({ quick })),
  ...(await (await import('./ingest-doors-bench.ts')).runIngestDoorsBench({ quick })),
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
{
  const stages = await import('./ingest-stages-bench.ts');
  const result = await stages.runIngestStagesBench({ quick, profile: [] });
  writeFileSync(
    join(import.meta.dirname, 'results', 'ingest-stages-latest.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  Object.assign(figures, stages.stageFigures(result));
}
writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
