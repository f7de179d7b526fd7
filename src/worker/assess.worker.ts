// The engine behind a worker boundary: it holds the datasets (one copy of the data, here), saves and loads them,
// and assesses them, so large files and assessments never block the page and never cross to it whole.
import type { Assessment, Site, Finding } from '../engine';
import { createEngineHost } from './engineHost';
import { siteFactColumns, siteFactTransfer, type SiteFactColumns } from '../state/siteFactColumns';
import { findFindingPositions, type FindingPositions } from '../state/mapFilters';
import { packZones, type PackedZone } from './zoneColumns';
import { locatedCountsInZoneOrder } from '../figures/districtCounts';
import {
  errorText,
  FINDINGS_PER_MESSAGE,
  SITES_AS_COLUMNS_FROM,
  SITES_PER_MESSAGE,
  type EngineRequest,
  type EngineResponse,
  type EngineResult,
  type ImportPortMessage,
} from './protocol';
import { packSites, unpackSites } from './siteColumns';
import { packFindings } from './findingColumns';
import { createStringPool } from './stringPool';
import { assessedReach, type AssessedReach } from '../state/assessedReach';
import { roadsFrom } from './roadsFrom';
import { contoursFrom, fnCurvesFrom } from './qraFilesFrom';
import { reachForPage, reachTransfer } from './reachMessage';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(m: EngineResponse, transfer?: Transferable[]): void;
};

const host = createEngineHost();
/** sites sent ahead of their request, by request id */
const incoming = new Map<number, unknown[]>();
/** imports being received, by dataset id (a drop closes one that was cancelled) */
const receiving = new Map<string, { port: MessagePort; requestId: number }>();

/** An assessment's facts made here for the page: its findings' sites by position, its zones as columns, sites per zone. */
interface AssessmentExtras {
  findingAt: FindingPositions;
  zones: { zones: PackedZone[]; transfer: ArrayBuffer[] };
  locatedByZone: Int32Array;
  siteFacts: SiteFactColumns;
  /** rescue within reach as made for the page (worker/reachMessage: its grids' arrays are its own, transferred) */
  reach: AssessedReach | null;
}

const reply = (id: number, result: EngineResult, extras?: AssessmentExtras): void => {
  const { findingAt, zones, locatedByZone, siteFacts, reach } = extras ?? {};
  const extra = {
    ...(findingAt ? { findingAt } : {}),
    ...(zones ? { packedZones: zones.zones } : {}),
    ...(locatedByZone ? { locatedByZone } : {}),
    ...(siteFacts ? { siteFacts } : {}),
  };
  // the reach goes first, on its own: received with the result, the two held the page over 100 ms in one task
  if (reach) scope.postMessage({ id, reachAhead: reach }, reachTransfer(reach));
  const transferred = [
    ...(findingAt ? [findingAt.hazard.buffer as ArrayBuffer, findingAt.target.buffer as ArrayBuffer] : []),
    ...(zones?.transfer ?? []), // spread-ok: a few buffers per zone
    ...(locatedByZone ? [locatedByZone.buffer as ArrayBuffer] : []),
    ...(siteFacts ? siteFactTransfer(siteFacts) : []), // spread-ok: five buffers
  ];
  if (zones) result = { ...(result as Assessment), zones: [] };
  // a large result's sites and findings go in chunks of columns, each its own task on the receiving side; the result
  // follows without them
  const sites = (result as { sites?: Site[] } | null)?.sites;
  const findings = (result as { findings?: Finding[] } | null)?.findings;
  const chunkSites = sites !== undefined && sites.length >= SITES_AS_COLUMNS_FROM;
  const chunkFindings = findings !== undefined && findings.length > FINDINGS_PER_MESSAGE;
  if (chunkSites) {
    for (let i = 0; i < sites.length; i += SITES_PER_MESSAGE) {
      const { columns, transfer } = packSites(sites.slice(i, i + SITES_PER_MESSAGE));
      scope.postMessage({ id, sitesColumns: columns }, transfer);
    }
  }
  if (chunkFindings) {
    for (let i = 0; i < findings.length; i += FINDINGS_PER_MESSAGE) {
      const { columns, transfer } = packFindings(findings.slice(i, i + FINDINGS_PER_MESSAGE));
      scope.postMessage({ id, findingColumns: columns }, transfer);
    }
  }
  const rest =
    chunkSites || chunkFindings
      ? ({
          ...result,
          ...(chunkSites ? { sites: [] } : {}),
          ...(chunkFindings ? { findings: [] } : {}),
        } as EngineResult)
      : result;
  scope.postMessage({ id, result: rest, ...extra }, transferred);
};

function receive(request: Extract<EngineRequest, { kind: 'receive' }>): void {
  const { id, datasetId, port } = request;
  const sites: Site[] = [];
  const pool = createStringPool();
  receiving.set(datasetId, { port, requestId: id });
  port.onmessage = async (e: MessageEvent<ImportPortMessage>) => {
    const m = e.data;
    if ('sitesColumns' in m) {
      for (const s of unpackSites<Site>(m.sitesColumns, pool)) sites.push(s);
      return;
    }
    if (!('done' in m) && !('failed' in m)) return;
    port.close();
    receiving.delete(datasetId);
    if ('failed' in m) return scope.postMessage({ id, error: 'import failed' }); // the import worker tells the page why
    try {
      reply(id, await host.hold(datasetId, sites));
    } catch (err) {
      scope.postMessage({ id, error: errorText(err) });
    }
  };
  const existingIds = Array.from(host.idsBeside(request.beside));
  port.postMessage({ existingIds } satisfies ImportPortMessage);
}

scope.onmessage = async (e) => {
  const request = e.data;
  if (request.kind === 'sitesChunk') {
    const list = incoming.get(request.id) ?? [];
    for (const s of request.items) list.push(s);
    incoming.set(request.id, list);
    return;
  }
  let last = 0;
  const onProgress = (share: number, stage: string = request.kind): void => {
    // at most ~50 messages per run
    if (share - last >= 0.02 || share === 1) {
      last = share;
      scope.postMessage({ id: request.id, progress: share, stage });
    }
  };
  try {
    switch (request.kind) {
      case 'receive':
        return receive(request);
      case 'assess': {
        const assessment = host.assess(request.input, request.config, onProgress);
        const { findings, positionOf } = findFindingPositions(assessment);
        const locatedByZone = locatedCountsInZoneOrder(assessment); // before the zones are packed away
        const held = assessedReach.of(assessment);
        const reach = held && reachForPage(held, assessment.sites);
        return reply(request.id, assessment, {
          findingAt: findings,
          zones: packZones(assessment.zones, positionOf),
          locatedByZone,
          siteFacts: siteFactColumns(assessment.sites),
          reach,
        });
      }
      case 'proposal':
        return reply(
          request.id,
          host.checkProposal(request.proposal, request.datasets, request.config, request.contours),
        );
      case 'load': {
        const sent = incoming.get(request.id) ?? request.sites ?? [];
        incoming.delete(request.id);
        return reply(
          request.id,
          await host.load(request.datasetId, request.stored ? { stored: request.stored } : { sites: sent }),
        );
      }
      case 'store':
        return reply(request.id, await host.store(request.datasetId, request.projectId));
      case 'drop':
        for (const datasetId of request.datasetIds) {
          const r = receiving.get(datasetId);
          if (r) {
            r.port.close();
            receiving.delete(datasetId);
            scope.postMessage({ id: r.requestId, error: 'cancelled' });
          }
        }
        host.drop(request.datasetIds);
        return reply(request.id, null);
      case 'writeProjectFile': {
        const file = host.writeProjectFile(request.project, await request.project.roads?.source.text());
        return scope.postMessage({ id: request.id, result: file }, [file.bytes.buffer as ArrayBuffer]);
      }
      case 'readProjectFile':
        return reply(request.id, host.readProjectFile(request.bytes));
      case 'readContours':
        return reply(
          request.id,
          await contoursFrom(request.file, request.source, request.crs, host.hazardIdsOf(request.datasets)),
        );
      case 'readFnCurves':
        return reply(request.id, await fnCurvesFrom(request.file, request.source, host.hazardIdsOf(request.datasets)));
      case 'readRoads':
        return reply(request.id, host.holdRoads(request.roadsId, await roadsFrom(request.source, request.crs)));
    }
  } catch (err) {
    scope.postMessage({ id: request.id, error: errorText(err) });
  }
};
