// The legend's part for rescue within reach (issue #21): the rescue symbols with their counts (apart from the risk
// levels), the arrival bands with their minutes and the circles, the shelter colours; 初筛 and its sentence when
// the minutes are a straight-line screening. Band colours and words are the white paper's F7 (figures/reachMapFigure).
import { useEffect, useRef } from 'react';
import { reachBands } from '../figures/reachGridBands';
import { drawRescueIcon, HATCH_LINE_PX, HATCH_PERIOD_PX, SHELTER_FIT_COLOUR } from '../map/reachLayers';
import { RESCUE_MARKS, SHELTER_FITS, type RescueMark } from '../map/reachData';
import { ICON_PIXEL_RATIO } from '../map/siteIcons';
import { UNREACHED_FILL } from '../figures/reachBandShapes';
import { assessedReach } from '../state/assessedReach';
import { useAppState } from './AppContext';
import { useFilteredView } from './useFilteredView';
import { useLocale, useT } from './i18n';
import { bandLabel, circleRule, screeningSentence } from './reachWords';

/** The map's hatching as CSS: stripes of the band's colour, 45° to the upper right, at the map's spacing. */
const hatchSwatch = (fill: string): string => {
  const gap = HATCH_PERIOD_PX / Math.SQRT2;
  return `repeating-linear-gradient(135deg, ${fill} 0 ${HATCH_LINE_PX}px, #ffffff ${HATCH_LINE_PX}px ${gap}px)`;
};

/** A rescue symbol, drawn by the map's own code. */
function RescueSwatch({ mark }: { mark: RescueMark }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current!;
    const g = canvas.getContext('2d');
    if (!g) return; // no 2D canvas (a DOM without one): the legend's words still say it
    const image = drawRescueIcon(mark);
    canvas.width = image.width;
    canvas.height = image.height;
    g.putImageData(image, 0, 0);
  }, [mark]);
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex is not focusable
    <canvas
      ref={ref}
      className="swatch-rescue"
      style={{ width: '18px', height: '18px' }}
      data-mark={mark}
      data-pixel-ratio={ICON_PIXEL_RATIO}
      aria-hidden="true"
    />
  );
}

export function ReachLegend() {
  const a = useAppState((s) => s.assessment);
  const t = useT();
  const locale = useLocale();
  const { view, filtered } = useFilteredView();
  if (!a) return null;
  const reach = assessedReach.of(a);
  const all = a.stats.reachSites;
  const allCount = all.fire_station + all.rescue_team + all.shelter;
  if (!reach && allCount === 0) return null;
  const screening = reach?.result.mode === 'screening';
  const bands = reach ? reachBands(reach.profile) : [];
  const km2 = new Map((reach?.bands.summary ?? []).map((b) => [b.band, b.km2] as const));
  const shownCount = filtered && view ? `${view.counts.reachSites} / ${allCount}` : String(allCount);
  return (
    <div className="reach-legend" data-testid="reach-legend">
      <h3>{t(screening ? 'legend.reach.titleScreening' : 'legend.reach.title')}</h3>
      {reach && (
        <p className="meta" role="note">
          {screening ? screeningSentence(t, reach.profile) : t('legend.reach.network')}
        </p>
      )}
      <p className="meta">
        {t('legend.rescue.title')}{' '}
        <span data-testid="reach-site-count">{t('legend.rescue.count', { n: shownCount })}</span>
      </p>
      <ul className="symbols">
        {RESCUE_MARKS.map((m) => (
          <li key={m}>
            <RescueSwatch mark={m} /> {t(`legend.rescue.${m}`)}
          </li>
        ))}
      </ul>
      {reach?.result.reachGrid && (
        <>
          <p className="meta">{t('legend.reach.bands')}</p>
          <ul className="symbols reach-bands">
            {[...bands.map((b, i) => ({ i, fill: b.fill })), { i: -1, fill: UNREACHED_FILL }]
              .filter(({ i }) => i >= 0 || km2.has(-1))
              .map(({ i, fill }) => (
                <li key={i} data-band={i}>
                  <span className="swatch" style={{ background: hatchSwatch(fill) }} aria-hidden="true" />{' '}
                  {bandLabel(t, locale, reach.profile, bands, i)}
                  {km2.has(i) && (
                    <span className="meta"> {t('legend.reach.km2', { km2: km2.get(i)!.toFixed(1) })}</span>
                  )}
                </li>
              ))}
          </ul>
          <ul className="meta reach-circles">
            {reach.profile.circles.map((c) => (
              <li key={c.id}>{circleRule(t, locale, reach.profile, c.id)}</li>
            ))}
          </ul>
        </>
      )}
      {reach?.result.shelters && (
        <>
          <p className="meta">{t('legend.reach.shelters')}</p>
          <ul className="symbols">
            {SHELTER_FITS.map((f) => (
              <li key={f} data-fit={f}>
                <span
                  className={`sym shelter-area fit-${f}`}
                  style={{ borderColor: SHELTER_FIT_COLOUR[f] }}
                  aria-hidden="true"
                />{' '}
                {t(`legend.shelter.${f}`)}
              </li>
            ))}
          </ul>
          <p className="meta">
            {t('legend.reach.shelterRadius', {
              emergency: reach.profile.shelterClasses.emergency.radiusM,
              stay: reach.profile.shelterClasses.fixed_short.radiusM,
            })}
          </p>
        </>
      )}
    </div>
  );
}
