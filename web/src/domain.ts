/** Domain figures the UI applies itself (the API's types are generated: web/src/api/generated). */

/** Approved capacity below this is a "small mine", targeted by the closure programme (t/yr). */
export const SMALL_MINE_CAPACITY_T_PER_YEAR = 300_000;
