// Centres of China's provincial capitals, municipalities and a few large cities, to say in words where a file's
// positions lie when they miss the loaded zones ("the file's positions are around 上海市"). Approximate city-centre
// coordinates (WGS-84, near the city government's seat), rounded to 0.01°, as in public gazetteers (GeoNames,
// geonames.org, CC BY 4.0). Good to a few kilometres: enough to name a city, never used in any result.
export interface CityCentre {
  name: string;
  lon: number;
  lat: number;
}

export const CITY_CENTRES: readonly CityCentre[] = [
  { name: '北京市', lon: 116.4, lat: 39.9 },
  { name: '天津市', lon: 117.2, lat: 39.08 },
  { name: '上海市', lon: 121.47, lat: 31.23 },
  { name: '重庆市', lon: 106.55, lat: 29.56 },
  { name: '石家庄市', lon: 114.51, lat: 38.04 },
  { name: '太原市', lon: 112.55, lat: 37.87 },
  { name: '呼和浩特市', lon: 111.75, lat: 40.84 },
  { name: '沈阳市', lon: 123.43, lat: 41.8 },
  { name: '大连市', lon: 121.61, lat: 38.91 },
  { name: '长春市', lon: 125.32, lat: 43.82 },
  { name: '哈尔滨市', lon: 126.53, lat: 45.8 },
  { name: '南京市', lon: 118.8, lat: 32.06 },
  { name: '苏州市', lon: 120.58, lat: 31.3 },
  { name: '无锡市', lon: 120.31, lat: 31.49 },
  { name: '杭州市', lon: 120.16, lat: 30.27 },
  { name: '宁波市', lon: 121.55, lat: 29.87 },
  { name: '湖州市', lon: 120.09, lat: 30.89 },
  { name: '合肥市', lon: 117.23, lat: 31.82 },
  { name: '福州市', lon: 119.3, lat: 26.08 },
  { name: '厦门市', lon: 118.09, lat: 24.48 },
  { name: '泉州市', lon: 118.68, lat: 24.87 },
  { name: '南昌市', lon: 115.86, lat: 28.68 },
  { name: '济南市', lon: 117.12, lat: 36.65 },
  { name: '青岛市', lon: 120.38, lat: 36.07 },
  { name: '郑州市', lon: 113.63, lat: 34.75 },
  { name: '武汉市', lon: 114.31, lat: 30.59 },
  { name: '长沙市', lon: 112.94, lat: 28.23 },
  { name: '广州市', lon: 113.26, lat: 23.13 },
  { name: '深圳市', lon: 114.06, lat: 22.54 },
  { name: '东莞市', lon: 113.75, lat: 23.02 },
  { name: '佛山市', lon: 113.12, lat: 23.02 },
  { name: '南宁市', lon: 108.37, lat: 22.82 },
  { name: '海口市', lon: 110.33, lat: 20.03 },
  { name: '成都市', lon: 104.07, lat: 30.57 },
  { name: '贵阳市', lon: 106.63, lat: 26.65 },
  { name: '昆明市', lon: 102.83, lat: 24.88 },
  { name: '拉萨市', lon: 91.11, lat: 29.65 },
  { name: '西安市', lon: 108.94, lat: 34.34 },
  { name: '兰州市', lon: 103.83, lat: 36.06 },
  { name: '西宁市', lon: 101.78, lat: 36.62 },
  { name: '银川市', lon: 106.23, lat: 38.49 },
  { name: '乌鲁木齐市', lon: 87.62, lat: 43.83 },
  { name: '香港', lon: 114.17, lat: 22.32 },
  { name: '澳门', lon: 113.54, lat: 22.19 },
  { name: '台北市', lon: 121.56, lat: 25.04 },
];

/** A position counts as "around" a city within this distance of its centre (a large city's built-up area). */
export const CITY_RADIUS_KM = 60;

/** Great-circle distance (spherical, R = 6 371 km): for wording a place, not for setbacks. */
export function roughKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The nearest listed city within CITY_RADIUS_KM of (lon, lat), with its distance. */
export function nearestCity(lon: number, lat: number): { city: CityCentre; km: number } | null {
  let best: { city: CityCentre; km: number } | null = null;
  for (const city of CITY_CENTRES) {
    const km = roughKm(lon, lat, city.lon, city.lat);
    if (!best || km < best.km) best = { city, km };
  }
  return best && best.km <= CITY_RADIUS_KM ? best : null;
}
