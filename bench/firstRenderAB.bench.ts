// The demo's first render, this tree against an earlier commit, in alternating fresh browsers: when the map's canvas
// is first in the page (the map shows), and when the demo is drawn and the map idle (data-ready-at).
// Usage: npm run bench:first-render-ab -- <git-ref> [rounds]   (e.g. HEAD~1 6)
import { launchChromium } from '../tests/e2e/browser';
import { alternating, median, withBuildsOf } from './abBuilds';

const [ref = 'HEAD~1', roundsArg = '6'] = process.argv.slice(2);
const rounds = Number(roundsArg);

await withBuildsOf(ref, async (builds) => {
  const times: number[][] = builds.map(() => []);
  const canvasTimes: number[][] = builds.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const i of alternating(r)) {
      const session = await launchChromium();
      try {
        const page = await session.newPage();
        await page.addInitScript(() => {
          new MutationObserver((_, observer) => {
            if (!document.querySelector('canvas.maplibregl-canvas')) return;
            (window as unknown as { mapCanvasAt: number }).mapCanvasAt = performance.now();
            observer.disconnect();
          }).observe(document, { childList: true, subtree: true });
        });
        await page.goto(builds[i]!.url);
        await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
        times[i]!.push(Number(await page.getByTestId('map').getAttribute('data-ready-at')));
        canvasTimes[i]!.push(await page.evaluate(() => (window as unknown as { mapCanvasAt: number }).mapCanvasAt));
      } finally {
        await session.close();
      }
    }
  }
  console.log(`demo first complete render (navigation → idle), ${rounds} fresh browsers each, alternating`);
  builds.forEach((b, i) =>
    console.log(
      `  ${b.name}: median ${median(times[i]!).toFixed(0)} ms  [${times[i]!.map((t) => t.toFixed(0)).join(', ')}]`,
    ),
  );
  console.log(`  ratio this tree / ${ref}: ${(median(times[0]!) / median(times[1]!)).toFixed(2)}`);
  console.log('the map first in the page (navigation → its canvas added)');
  builds.forEach((b, i) =>
    console.log(
      `  ${b.name}: median ${median(canvasTimes[i]!).toFixed(0)} ms  [${canvasTimes[i]!.map((t) => t.toFixed(0)).join(', ')}]`,
    ),
  );
  console.log(`  ratio this tree / ${ref}: ${(median(canvasTimes[0]!) / median(canvasTimes[1]!)).toFixed(2)}`);
});
