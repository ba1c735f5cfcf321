/**
 * What a shop configures for WeChat Customer Service (微信客服) through WeCom: the corp, the secret
 * of the app allowed to call the kf API, the callback Token / EncodingAESKey, and the kf account.
 */
import { z } from 'zod'

export const wecomKfCredentialsSchema = z.object({
  /** 企业ID (CorpID), "ww…". */
  corpId: z.string().min(1).max(64),
  /** The Secret of the self-built app listed under 微信客服 → 可调用接口的应用 (or the kf secret). */
  secret: z.string().min(1).max(256),
  /** The callback Token set with the callback URL. */
  token: z.string().min(1).max(64),
  /** The callback EncodingAESKey: 43 characters of [A-Za-z0-9]. */
  encodingAESKey: z.string().regex(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey must be 43 characters of [A-Za-z0-9]'),
  /**
   * The kf account kefu answers for (open_kfid, "wk…"). Without it kefu answers every account the
   * callbacks announce (each callback names its OpenKfId).
   */
  openKfId: z.string().min(1).max(64).optional(),
  /** A servicer (接待人员) userid to hand conversations to; without it they go to the waiting pool. */
  servicerUserId: z.string().min(1).max(64).optional(),
  /**
   * Who takes a handed-off conversation: `wecom` (default) moves the WeCom session to a servicer or
   * the waiting pool (service_state/trans), and people answer in WeCom; `kefu` leaves the session
   * with the API, and agents answer from kefu's console (relayed through send_msg, within the
   * 48-hour / 5-message window).
   */
  handoffTo: z.enum(['wecom', 'kefu']).optional(),
  /** Replaces https://qyapi.weixin.qq.com (an egress proxy). */
  apiBaseUrl: z.string().url().optional(),
})

export type WecomKfCredentials = z.infer<typeof wecomKfCredentialsSchema>

/** Where and how kefu calls the WeCom API. Tests point `baseUrl` at the fake. */
export type WecomKfHttpOptions = {
  /** Default https://qyapi.weixin.qq.com */
  baseUrl?: string
  /** Per request. Default 5000 ms. */
  timeoutMs?: number
  /** Largest response body read. Default 2 MiB (a sync_msg page of 1000 messages). */
  maxResponseBytes?: number
  fetch?: typeof fetch
}

export const WECOM_DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com'
