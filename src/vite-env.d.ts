/// <reference types="vite/client" />
declare module '*.geojson?url' {
  const url: string;
  export default url;
}
declare module '*.csv?url' {
  const url: string;
  export default url;
}
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' {
  const url: string;
  export default url;
}
