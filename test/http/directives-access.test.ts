import { createAccessKit, routeWalk, type AccessWalk } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { DIRECTIVES_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every directives route × every demo user × a notice to target A's mine and one to B's
 * (test/support/access-walk.ts). The read-back walk runs before the reply walk, so each officer replies
 * to a notice it has read.
 */
const world = await createWorld();
const kit = createAccessKit(world);
const deadline = () => new Date(world.clock.nowMs() + 86_400_000).toISOString();
const notices = kit.perTarget('/api/directives', 'directive', (t) => ({
  kind: 'accident_warning',
  title: `fixture ${t.mine.id}`,
  body: 'fixture',
  causeSummary: 'fixture cause',
  deadline: deadline(),
  isReplyRequired: true,
  mineIds: [t.mine.id],
}));
const noticeOf = notices.idOf;

const WALKS: readonly AccessWalk[] = [
  routeWalk('GET /api/directives', 'directive.read', 'none', [200]),
  routeWalk('POST /api/directives', 'directive.issue', 'mine', [201], {
    payload: (t) => ({
      kind: 'directive',
      title: 'walk',
      body: 'walk body',
      deadline: deadline(),
      isReplyRequired: true,
      mineIds: [t.mine.id],
    }),
  }),
  routeWalk('GET /api/directives/:id', 'directive.read', 'mine', [200], { params: { id: noticeOf } }),
  routeWalk('POST /api/directives/:id/read', 'directive.acknowledge', 'mine', [200], {
    params: { id: noticeOf },
  }),
  routeWalk('POST /api/directives/:id/reply', 'directive.acknowledge', 'mine', [200], {
    params: { id: noticeOf },
    payload: () => ({ text: '已自查' }),
  }),
  routeWalk('POST /api/directives/:id/visit-requests', 'directive.visit', 'mine', [200], {
    params: { id: noticeOf },
    payload: () => ({}),
  }),
];

kit.walk({
  module: 'directives',
  walks: WALKS,
  walkedRoutes: DIRECTIVES_WALKED_ROUTES,
  list: { url: '/api/directives', field: 'directives', idOf: noticeOf },
  setup: notices.make,
});
