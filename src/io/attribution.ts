// The data credit printed on every figure. The demo project carries the demo city's credit (see data/SOURCES.md);
// any other project its own, or, when it has none, a pointer to the input files listed with their checksums in T3.
// The credit is never chosen from the data (a project with a few fictitious rows is not the demo).
export const DEMO_ATTRIBUTION =
  '区划边界:DataV.GeoAtlas(© 高德/阿里云,示意图,非标准地图)· 防护目标:© OpenStreetMap contributors (ODbL) · 危险源与风险点:示例数据,虚构';
export const INPUT_ATTRIBUTION = '数据:本次评估的输入文件(清单及 SHA-256 见表3)';
