import { createContext, useContext, type ReactNode } from 'react';
import type { Region, RegionsResponse } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';

export interface RegionsState {
  /** The user's visible subtree; empty until loaded (and for users without regions). */
  regions: readonly Region[];
  error: unknown;
}

const RegionsContext = createContext<RegionsState>({ regions: [], error: null });

/** Loads `/api/regions` once per signed-in session for the header, filters and selects. */
export function RegionsProvider({ children }: { children: ReactNode }) {
  const { data, error } = useApiData<RegionsResponse>('/api/regions');
  return (
    <RegionsContext.Provider value={{ regions: data?.regions ?? [], error }}>
      {children}
    </RegionsContext.Provider>
  );
}

/** The regions the user can see. */
export function useRegions(): RegionsState {
  return useContext(RegionsContext);
}
