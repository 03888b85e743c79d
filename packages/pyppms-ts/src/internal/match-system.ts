import type { PpmsSystem } from "../models/system.js";

/**
 * Finds the system a running-sheet entry means: same core facility, exactly the same name, and
 * (when given) a localisation containing `localisation` (case-insensitive). pyppms matched names
 * by substring across all facilities, so "Zeiss LSM 900" also hit "Zeiss LSM 900 Airyscan".
 */
export function matchSystemIds(
  systems: Iterable<PpmsSystem>,
  coreFacilityRef: number,
  name: string,
  localisation: string,
): number[] {
  const loc = localisation.toLowerCase();
  const ids: number[] = [];
  for (const system of systems) {
    if (system.coreFacilityRef !== coreFacilityRef) continue;
    if (system.name !== name) continue;
    if (!system.localisation.toLowerCase().includes(loc)) continue;
    ids.push(system.systemId);
  }
  return ids;
}
