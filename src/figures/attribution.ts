// Attribution printed on every figure built from the demo city's data (see data/SOURCES.md).
export const DEMO_ATTRIBUTION =
  '区划边界:DataV.GeoAtlas(© 高德/阿里云,示意图,非标准地图)· 防护目标:© OpenStreetMap contributors (ODbL) · 危险源与风险点:示例数据,虚构';
