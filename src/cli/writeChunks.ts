// Writes a file from a sequence of text chunks through a stream, waiting for "drain" whenever the stream's buffer is
// full, so a 300 000-row sites.csv never exists as one string and memory stays bounded by the chunk size.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export async function writeChunks(
  path: string,
  chunks: Iterable<string | Uint8Array>,
  onChunk?: () => void,
): Promise<void> {
  const stream = createWriteStream(path);
  // an error (e.g. EACCES on open) rejects whichever wait is pending; until then keep it from being unhandled
  const failed = once(stream, 'error').then(([e]) => Promise.reject(e as Error));
  failed.catch(() => {});
  try {
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
      onChunk?.();
    }
    stream.end();
    await Promise.race([once(stream, 'close'), failed]); // 'close': written, flushed and the descriptor closed
  } finally {
    stream.destroy();
  }
}
