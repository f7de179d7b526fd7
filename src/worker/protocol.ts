// Messages across the worker boundary: plain serialisable data only.
import type { AssessConfig, Assessment, AssessInput } from '../engine';

export interface AssessRequest {
  id: number;
  input: AssessInput;
  config: AssessConfig;
}

export type AssessResponse = { id: number; assessment: Assessment } | { id: number; error: string };
