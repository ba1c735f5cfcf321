/**
 * WeChat Customer Service (微信客服, WeCom API) — credentials only, so `kefu channel add wecom-kf`
 * works already. The adapter and the callback routes (`/channels/wecom-kf/:shopId`) are added here by
 * the WeCom work (branch `wecom`): fill `createAdapter` and `registerRoutes`.
 */
import { z } from 'zod'
import type { ChannelKindDefinition } from '../channel-kind.js'

const field = z.string().trim().min(1).max(512)

export const wecomKfKind: ChannelKindDefinition = {
  kind: 'wecom-kf',
  title: 'WeChat Customer Service (微信客服, WeCom)',
  credentials: z
    .object({
      corpId: field,
      /** The 微信客服 application secret (for access_token). */
      secret: field,
      /** Callback Token and EncodingAESKey from the callback settings. */
      token: field,
      encodingAESKey: z.string().trim().length(43),
      /** The customer-service account (open_kfid); optional when the corp has one. */
      openKfId: field.optional(),
    })
    .strict(),
  secretFields: ['secret', 'token', 'encodingAESKey'],
  webhookPath: (shopId) => `/channels/wecom-kf/${encodeURIComponent(shopId)}`,
}
