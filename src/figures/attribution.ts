// The data credit printed on every figure. The demo city's sources are credited by name (see data/SOURCES.md);
// for a user's own data the credit points to the input files listed, with their checksums, in table T3.
export const DEMO_ATTRIBUTION =
  '区划边界:DataV.GeoAtlas(© 高德/阿里云,示意图,非标准地图)· 防护目标:© OpenStreetMap contributors (ODbL) · 危险源与风险点:示例数据,虚构';
export const INPUT_ATTRIBUTION = '数据:本次评估的输入文件(清单及 SHA-256 见表3)';

export function defaultAttribution(hasFictitiousSites: boolean): string {
  return hasFictitiousSites ? DEMO_ATTRIBUTION : INPUT_ATTRIBUTION;
}
