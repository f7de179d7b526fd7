// Names of the layers inside the site tiles, shared by the worker that writes them and the style that reads them.
export const SITES_LAYER = 'sites';
export const FINDINGS_LAYER = 'violations';
export const COUNTS_LAYER = 'counts';
