// Zones (WGS-84 GeoJSON) are read on the page, but only when a zones file comes: the reader is not in the first load.
export const zoneReader = async () => (await import('../io/zonesFromGeoJson')).readWgs84Zones;
