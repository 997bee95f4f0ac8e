import { asSession, buildTestApp, createWorld } from '../support/world.ts';
import { indexProvince, loginAll } from './http-kit.ts';

/** A mine as the list answers it (the fields checked here). */
export interface MineItem {
  id: string;
  code: string;
  name: string;
  status: string;
  gasClass: string;
  approvedCapacityTPerYear: number;
  regionId: string;
}
/** A page of the mine list. */
export interface MinePage {
  items: MineItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** A world, an app and every demo user's session headers. */
export async function setUp() {
  const world = await createWorld();
  const app = await buildTestApp(world);
  const sessions = await loginAll(app, ['province', 'city', 'county', 'officer', 'viewer']);
  const as = (username: string) => asSession(sessions.get(username)!);
  return { world, app, as, province: indexProvince(world) };
}

/** A small world (four mines) with the county user's session, for tests that need no whole province. */
export async function setUpSmall() {
  const world = await createWorld(undefined, 4);
  const app = await buildTestApp(world);
  const sessions = await loginAll(app, ['county']);
  const as = (username: string) => asSession(sessions.get(username)!);
  return { world, app, as };
}
