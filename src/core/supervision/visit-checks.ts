import type { Ports } from '../ports.ts';
import type { SiteVisit } from './supervision-types.ts';
import { checkUndergroundClaim, type UndergroundCheck } from './underground-presence.ts';

/** A visit as shown: its "went underground" claim checked against the visitor's positioning card. */
export type VisitView = SiteVisit & { undergroundCheck: UndergroundCheck | null };

/**
 * Checks each visit's claim at read time, so positioning data uploaded after the visit was recorded still
 * counts: one query for the visitors' cards, one for the stays of those cards at those mines.
 */
export async function withUndergroundChecks(
  deps: Pick<Ports, 'supervision'>,
  visits: readonly SiteVisit[],
): Promise<VisitView[]> {
  const claims = visits.filter((v) => v.wentUnderground);
  if (claims.length === 0) return visits.map((v) => ({ ...v, undergroundCheck: null }));
  const cards = await deps.supervision.cardsOf([...new Set(claims.map((v) => v.visitorId))]);
  const withCard = claims.filter((v) => cards.has(v.visitorId));
  const stays =
    withCard.length === 0
      ? []
      : await deps.supervision.staysOf(
          [...new Set(withCard.map((v) => v.mineId))],
          Math.min(...withCard.map((v) => Date.parse(v.startedAt))),
          Math.max(...withCard.map((v) => Date.parse(v.endedAt))),
          [...new Set(withCard.map((v) => cards.get(v.visitorId) ?? ''))],
        );
  return visits.map((v) => ({
    ...v,
    undergroundCheck: checkUndergroundClaim(
      v,
      cards.get(v.visitorId) ?? null,
      stays.filter((s) => s.mineId === v.mineId),
    ),
  }));
}
