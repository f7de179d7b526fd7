// zrender names classes, clip paths and gradients with a process-wide counter ("zr3-cls-7"), so the same figure
// rendered twice differs. Renumber them by first appearance under the figure's own prefix: same data, same bytes.
export function stableSvgIds(svg: string, prefix: string): string {
  const seen = new Map<string, string>();
  const perKind = new Map<string, number>();
  return svg.replace(/\bzr\d+-([a-z]+)-?(\d+)\b/g, (token, kind: string) => {
    let renamed = seen.get(token);
    if (!renamed) {
      const n = perKind.get(kind) ?? 0;
      perKind.set(kind, n + 1);
      renamed = `${prefix}-${kind}-${n}`;
      seen.set(token, renamed);
    }
    return renamed;
  });
}
