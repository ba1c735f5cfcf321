/**
 * The channel kinds this build knows. A new kind is one file in ./kinds/ exporting a
 * `ChannelKindDefinition` (credential schema, secret fields, adapter factory, webhook routes) and one
 * line here. Its routes are mounted at `/channels/<kind>/…` with the raw body (src/server/routes/channel-routes.ts).
 */
import type { ChannelKindDefinition } from './channel-kind.js'
import { chatwootKind } from './kinds/chatwoot.js'
import { wechatMpKind } from './kinds/wechat-mp.js'
import { wecomKfKind } from './kinds/wecom-kf.js'

export const CHANNEL_KINDS: readonly ChannelKindDefinition[] = [wecomKfKind, wechatMpKind, chatwootKind]
