// What a local PMTiles file holds (tile type, vector layers, zoom range, attribution), read with the format's own
// decoder before the file becomes the basemap. A file that is not PMTiles v3, or holds a tile type the map cannot
// draw, is refused with the reason.
import { FileSource, type Header, PMTiles, TileType } from 'pmtiles';
import { LocalisedError } from '../i18n/localisedError';

export interface PmtilesInfo {
  tileType: 'raster' | 'vector';
  vectorLayers: string[];
  minZoom: number;
  maxZoom: number;
  attribution: string;
}

const RASTER = new Set([TileType.Png, TileType.Jpeg, TileType.Webp]);

export async function readPmtilesInfo(file: File): Promise<PmtilesInfo> {
  const archive = new PMTiles(new FileSource(file));
  let header: Header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    throw new LocalisedError('basemap.notPmtiles', { message: (e as Error).message });
  }
  const tileType = header.tileType === TileType.Mvt ? 'vector' : RASTER.has(header.tileType) ? 'raster' : null;
  if (!tileType) throw new LocalisedError('basemap.tileTypeUnsupported', { type: String(header.tileType) });
  const metadata = ((await archive.getMetadata().catch(() => ({}))) ?? {}) as {
    attribution?: unknown;
    vector_layers?: unknown;
  };
  const vectorLayers = Array.isArray(metadata.vector_layers)
    ? metadata.vector_layers
        .flatMap((l: unknown) =>
          typeof (l as { id?: unknown })?.id === 'string' ? [(l as { id: string }).id.slice(0, 100)] : [],
        )
        .slice(0, 200)
    : [];
  return {
    tileType,
    vectorLayers,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution.slice(0, 500) : '',
  };
}
