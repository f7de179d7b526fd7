// Asks a fresh worker for the white-paper zip; the worker ends with the export (nothing stays loaded).
import type { WhitepaperInput } from '../whitepaper/bundle';
import { plainSite } from '../state/siteView';
import { plainFinding } from '../state/findingView';
import type { WhitepaperWorkerMessage } from './whitepaper.worker';

export function exportWhitepaperZip(
  input: WhitepaperInput,
  onProgress: (share: number, stage: string) => void,
): Promise<Uint8Array> {
  const worker = new Worker(new URL('./whitepaper.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WhitepaperWorkerMessage>) => {
      const m = e.data;
      if (m.kind === 'progress') return onProgress(m.share, m.stage);
      worker.terminate();
      if (m.kind === 'done') resolve(m.zip);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || '白皮书导出线程出错'));
    };
    worker.postMessage(cloneable(input));
  });
}

/** The input as a worker can receive it: the page's sites and findings are views a structured clone does not see into. */
function cloneable(input: WhitepaperInput): WhitepaperInput {
  const a = input.assessment;
  return { ...input, assessment: { ...a, sites: a.sites.map(plainSite), findings: a.findings.map(plainFinding) } };
}
