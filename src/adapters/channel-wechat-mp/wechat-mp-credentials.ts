/**
 * What a shop configures for its Official Account (mp.weixin.qq.com → 设置与开发 → 基本配置):
 * AppID and AppSecret for the API, the server Token that signs callbacks, and the EncodingAESKey
 * when messages are encrypted (safe/compatible mode).
 */
import { z } from 'zod'

export const wechatMpCredentialsSchema = z.object({
  appId: z.string().regex(/^wx[0-9a-zA-Z]{6,30}$/, 'appId looks like wx followed by letters and digits'),
  appSecret: z.string().min(16).max(128),
  /** The server configuration's Token: 3–32 letters and digits. */
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'token is 3–32 letters and digits'),
  /** Required for safe mode: the 43-character EncodingAESKey. */
  encodingAESKey: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'encodingAESKey is 43 letters and digits')
    .optional(),
})

export type WechatMpCredentials = z.infer<typeof wechatMpCredentialsSchema>

/** The fields that are secrets (encrypted at rest, never logged). */
export const WECHAT_MP_SECRET_FIELDS = ['appSecret', 'token', 'encodingAESKey'] as const
