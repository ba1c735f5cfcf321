/**
 * WeChat Official Account (公众号) — credentials only, so `kefu channel add wechat-mp` works already.
 * The adapter and the server routes (`/channels/wechat-mp/:shopId`) are added here by the WeChat MP
 * work (branch `wechatmp`): fill `createAdapter` and `registerRoutes`.
 */
import { z } from 'zod'
import type { ChannelKindDefinition } from '../channel-kind.js'

const field = z.string().trim().min(1).max(512)

export const wechatMpKind: ChannelKindDefinition = {
  kind: 'wechat-mp',
  title: 'WeChat Official Account (公众号)',
  credentials: z
    .object({
      appId: field,
      appSecret: field,
      /** Server configuration Token. */
      token: field,
      /** Present in safe (encrypted) mode; absent in plaintext mode. */
      encodingAESKey: z.string().trim().length(43).optional(),
    })
    .strict(),
  secretFields: ['appSecret', 'token', 'encodingAESKey'],
  webhookPath: (shopId) => `/channels/wechat-mp/${encodeURIComponent(shopId)}`,
}
