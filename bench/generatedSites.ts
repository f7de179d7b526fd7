// The generated site file the import benchmarks read: N rows with Chinese headers and categories, a quoted field
// with a comma, coordinates spread over Nanjing (all rows valid, so every row is parsed, validated and converted).
export function generatedSitesCsv(rows: number): string {
  const CATEGORIES = ['加油站', '建筑施工', '学校', '人员密集场所', '道路交通隐患点段'];
  const lines = ['编号,名称,类别,经度,纬度,所属区域,可能性,严重性,管控措施'];
  for (let i = 0; i < rows; i++) {
    const lon = (118.4 + (i % 997) * 0.0008).toFixed(6);
    const lat = (31.3 + (i % 991) * 0.0012).toFixed(6);
    lines.push(`R${i},示例风险点${i},${CATEGORIES[i % 5]},${lon},${lat},鼓楼区,${1 + (i % 5)},${1 + ((i * 3) % 5)},"巡查,记录"`);
  }
  return lines.join('\n') + '\n';
}
