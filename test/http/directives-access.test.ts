import { createAccessKit, type AccessWalk, type WalkTarget } from '../support/access-walk.ts';
import { createWorld } from '../support/world.ts';
import { DIRECTIVES_WALKED_ROUTES } from './route-walks.ts';

/**
 * Every directives route × every demo user × a notice to target A's mine and one to B's
 * (test/support/access-walk.ts). The read-back walk runs before the reply walk, so each officer replies
 * to a notice it has read.
 */
const world = await createWorld();
const kit = createAccessKit(world);
const notices = new Map<string, string>();
const noticeOf = (t: WalkTarget) => notices.get(t.mine.id)!;
const deadline = () => new Date(world.clock.nowMs() + 86_400_000).toISOString();

const WALKS: readonly AccessWalk[] = [
  {
    key: 'GET /api/directives',
    permission: 'directive.read',
    scope: 'none',
    ok: [200],
    call: () => ({ url: '/api/directives' }),
  },
  {
    key: 'POST /api/directives',
    permission: 'directive.issue',
    scope: 'mine',
    ok: [201],
    call: (t) => ({
      url: '/api/directives',
      payload: {
        kind: 'directive',
        title: 'walk',
        body: 'walk body',
        deadline: deadline(),
        isReplyRequired: true,
        mineIds: [t.mine.id],
      },
    }),
  },
  {
    key: 'GET /api/directives/:id',
    permission: 'directive.read',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/directives/${noticeOf(t)}` }),
  },
  {
    key: 'POST /api/directives/:id/read',
    permission: 'directive.acknowledge',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/directives/${noticeOf(t)}/read` }),
  },
  {
    key: 'POST /api/directives/:id/reply',
    permission: 'directive.acknowledge',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/directives/${noticeOf(t)}/reply`, payload: { text: '已自查' } }),
  },
  {
    key: 'POST /api/directives/:id/visit-requests',
    permission: 'directive.visit',
    scope: 'mine',
    ok: [200],
    call: (t) => ({ url: `/api/directives/${noticeOf(t)}/visit-requests`, payload: {} }),
  },
];

kit.walk({
  module: 'directives',
  walks: WALKS,
  walkedRoutes: DIRECTIVES_WALKED_ROUTES,
  list: { url: '/api/directives', field: 'directives', idOf: noticeOf },
  async setup() {
    for (const t of kit.targets) {
      const res = await kit.must<{ directive: { id: string } }>('province', 'POST', {
        url: '/api/directives',
        payload: {
          kind: 'accident_warning',
          title: `fixture ${t.mine.id}`,
          body: 'fixture',
          causeSummary: 'fixture cause',
          deadline: deadline(),
          isReplyRequired: true,
          mineIds: [t.mine.id],
        },
      });
      notices.set(t.mine.id, res.directive.id);
    }
  },
});
