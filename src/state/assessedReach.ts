// Rescue within reach as the page sees it (issue #21): the engine's reach assessment of the sites just assessed, its
// profile, and the reach grid as band polygons for the map. Made where the engine runs (worker/engineHost) and noted
// on the assessment it belongs to; null when the data hold no rescue resource or shelter and no road or population
// file was given (nothing to say, and nothing is "covered" by an absent service).
import type { ReachAssessment, ReachProfile } from '../engine';
import type { ReachBandLayer } from '../figures/reachBandShapes';

export type { ReachBandLayer };
import { assessmentFact } from './assessmentFact';

export interface AssessedReach {
  result: ReachAssessment;
  profile: ReachProfile;
  bands: ReachBandLayer;
  /** the cover as columns (from the engine worker; `result.cover` is then made from them on first use: reachCover.ts) */
  coverColumns?: CoverColumns;
}

/**
 * Rescue cover rows as columns (worker/coverColumns.ts packs them): row i is the site at `position[i]` of the
 * assessment's sites; its nearest resource by index into `result.resources` (-1: none); minutes NaN when nothing
 * reaches it; its circle and note by index into `circles` and `notes`.
 */
export interface CoverColumns {
  position: Int32Array;
  nearest: Int32Array;
  minutes: Float64Array;
  circle: Uint8Array;
  circles: { id: string; targetMinutes: number }[];
  covered: Uint8Array;
  note: Int32Array;
  notes: string[];
}

/** The reach of an assessment: as noted by the engine, or null (there was none). */
export const assessedReach = assessmentFact<AssessedReach | null>(() => null);
