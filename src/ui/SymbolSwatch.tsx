// One map symbol, drawn by the same code as the map's, so the legend shows exactly what the map draws.
import { useEffect, useRef } from 'react';
import { drawSiteIcon, ICON_PIXEL_RATIO, type SiteIconKey } from '../map/siteIcons';

export function SymbolSwatch({ icon, mark }: { icon: SiteIconKey; mark: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the icon's fields, not its identity
  useEffect(() => {
    const canvas = ref.current;
    const image = drawSiteIcon(icon, mark);
    canvas!.width = image.width;
    canvas!.height = image.height;
    canvas!.getContext('2d')!.putImageData(image, 0, 0);
  }, [icon.role, icon.category, icon.level, mark]);
  const size = '20px'; // a little smaller than on the map (26 px)
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex is not focusable
    <canvas
      ref={ref}
      className="swatch-symbol"
      style={{ width: size, height: size }}
      data-icon={`${icon.role}:${icon.category}:${icon.level}`}
      aria-hidden="true"
      data-pixel-ratio={ICON_PIXEL_RATIO}
    />
  );
}
