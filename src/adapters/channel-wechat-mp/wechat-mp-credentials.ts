/**
 * What a shop configures for its Official Account (mp.weixin.qq.com → 设置与开发 → 基本配置):
 * AppID and AppSecret for the API, the server Token that signs callbacks, the EncodingAESKey when
 * messages are encrypted (safe/compatible mode), and two optional tuning fields. Every field is a
 * string (channel settings are strings); `toChannelOptions` turns them into adapter options.
 */
import { z } from 'zod'

export const wechatMpCredentialsSchema = z
  .object({
    appId: z
      .string()
      .trim()
      .regex(/^wx[0-9a-zA-Z]{6,30}$/, 'appId is "wx" followed by letters and digits'),
    appSecret: z.string().trim().min(16).max(128),
    /** The server configuration's Token: 3–32 letters and digits. */
    token: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{3,32}$/, 'token is 3–32 letters and digits'),
    /** Required for safe mode: the 43-character EncodingAESKey. */
    encodingAESKey: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{43}$/, 'encodingAESKey is 43 letters and digits')
      .optional(),
    /** Milliseconds a callback waits for the turn before answering `success` (default 4000; WeChat gives 5 s). */
    replyBudgetMs: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, 'replyBudgetMs is a number of milliseconds')
      .refine((v) => Number(v) >= 100 && Number(v) <= 4500, 'replyBudgetMs is between 100 and 4500')
      .optional(),
    /** Another API host (a forward proxy in front of api.weixin.qq.com); default https://api.weixin.qq.com. */
    apiBaseUrl: z.string().trim().url().max(300).optional(),
  })
  .strict()

export type WechatMpCredentials = z.infer<typeof wechatMpCredentialsSchema>

/** The fields that are secrets (encrypted at rest, never logged or shown again). */
export const WECHAT_MP_SECRET_FIELDS = ['appSecret', 'token', 'encodingAESKey'] as const
