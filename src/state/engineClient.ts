// What the app's state asks of the engine, owned here so state depends on an interface, not on the worker that
// implements it (src/worker/engineClient.ts: a Web Worker in the browser, in-process where there is none). The app
// wires one in (src/app/main.tsx).
import type { AssessConfig, Assessment, AssessInput, ProposalResult, Site } from '../engine';
import type { ImportOptions, ImportResult } from '../io';

export type Progress = (share: number, stage: string) => void;

export interface EngineClient {
  assess(input: AssessInput, config: AssessConfig, onProgress?: Progress): Promise<Assessment>;
  checkProposal(proposal: Site, sites: Site[], config: AssessConfig): Promise<ProposalResult>;
  /** read a site file off the main thread */
  importFile(file: string, bytes: Uint8Array, options: ImportOptions, onProgress?: Progress): Promise<ImportResult>;
  /** stop whatever is running (a long import): the worker is replaced and pending work rejects with CancelledError */
  cancel(): void;
}

export class CancelledError extends Error {}
