// Messages across the worker boundary: plain serialisable data only.
import type { AssessConfig, Assessment, AssessInput, ProposalResult, Site } from '../engine';
import type { ImportOptions, ImportResult } from '../io';
import type { SiteColumns } from './siteColumns';

export type EngineRequest =
  | { id: number; kind: 'assess'; input: AssessInput; config: AssessConfig }
  | { id: number; kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig }
  | { id: number; kind: 'import'; file: string; bytes: Uint8Array; options: Omit<ImportOptions, 'existingIds'> & { existingIds: string[] } }
  /** sites of the request with the same id, sent ahead of it in parts */
  | { id: number; kind: 'sitesChunk'; items: Site[] };

export type EngineResponse =
  | { id: number; result: Assessment | ProposalResult | ImportResult }
  | { id: number; error: string }
  | { id: number; progress: number; stage: string }
  /** part of the result's `sites`, sent ahead of the result (as columns) so no single message takes long to receive */
  | { id: number; sitesColumns: SiteColumns };

/** Sites per message: receiving 20 000 sites took 50–150 ms on the main thread here; 5 000 keep each message short. */
export const SITES_PER_MESSAGE = 5_000;
