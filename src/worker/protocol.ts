// Messages across the worker boundary: plain serialisable data only.
import type { AssessConfig, Assessment, AssessInput, ProposalResult, Site } from '../engine';

export type EngineRequest =
  | { id: number; kind: 'assess'; input: AssessInput; config: AssessConfig }
  | { id: number; kind: 'proposal'; proposal: Site; sites: Site[]; config: AssessConfig };

export type EngineResponse =
  | { id: number; result: Assessment | ProposalResult }
  | { id: number; error: string }
  | { id: number; progress: number; stage: string };
