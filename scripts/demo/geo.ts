/**
 * Cities, districts and streets for demo addresses and tracking events (Chinese and English names),
 * and the relay hubs of long routes. The tables are data: data/demo/sources/geo.yaml.
 */
import { readSource } from '../read-source.js'

export type District = { zh: string; en: string; street: string; streetEn: string }
export type City = { zh: string; en: string; province: string; provinceEn: string; far: boolean; districts: District[] }

const SOURCE = readSource<{ cities: Record<string, City>; relay: Record<string, Record<string, string>> }>(
  'demo/sources/geo.yaml',
)
export const CITY_DATA = SOURCE.cities
/** Regional relay hubs used on long routes, by origin warehouse city. */
export const RELAY = SOURCE.relay
