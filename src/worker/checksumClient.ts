// The SHA-256 of an uploaded file, computed in a worker of its own (in this thread where there is no Worker: jsdom).
import { sha256Hex } from '../io/sha256';

export async function checksumOf(file: Blob): Promise<string> {
  if (typeof Worker === 'undefined') return sha256Hex(new Uint8Array(await file.arrayBuffer()));
  const worker = new Worker(new URL('./checksum.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<string>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<string | { error: string }>) =>
        typeof e.data === 'string' ? resolve(e.data) : reject(new Error(e.data.error));
      worker.onerror = (e) => reject(new Error(e.message || 'checksum worker failed'));
      worker.postMessage(file);
    });
  } finally {
    worker.terminate();
  }
}
