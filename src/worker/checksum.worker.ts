// A file's SHA-256 off the main thread: digest() copies its input synchronously on the calling thread, which for a
// 91 MB upload held the page for ~0.8 s. Here the file (a Blob: nothing is copied to send it) is read and hashed.
import { sha256Hex } from '../io/sha256';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Blob>) => void) | null;
  postMessage(m: string | { error: string }): void;
};

scope.onmessage = async (e) => {
  try {
    scope.postMessage(await sha256Hex(new Uint8Array(await e.data.arrayBuffer())));
  } catch (err) {
    scope.postMessage({ error: String(err) });
  }
};
