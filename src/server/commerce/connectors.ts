/**
 * The connector platforms this build ships (see connector-registry.ts). Adding a platform is one
 * entry here plus its adapter in src/adapters/commerce-<platform>.
 */
import type { ConnectorRegistry } from './connector-registry.js'

export const CONNECTORS: ConnectorRegistry = {}
