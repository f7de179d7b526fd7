// Messages across the worker boundary: plain serialisable data only.
import type { AssessConfig, Assessment, AssessInput, ProposalResult, Site } from '../engine';
import type { ImportOptions, ImportResult } from '../io';

export type EngineRequest =
  | { id: number; kind: 'assess'; input: AssessInput; config: AssessConfig }
  | { id: number; kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig }
  | { id: number; kind: 'import'; file: string; bytes: Uint8Array; options: Omit<ImportOptions, 'existingIds'> & { existingIds: string[] } };

export type EngineResponse =
  | { id: number; result: Assessment | ProposalResult | ImportResult }
  | { id: number; error: string }
  | { id: number; progress: number; stage: string };
