/**
 * Price-drop alert requests ("降到800提醒我", "tell me when it's cheaper", "取消降价提醒"): part of the
 * understanding stage; the price-alert skill (src/core/proactive) reads the typed cue.
 */

const ALERT =
  /((降到|低于|跌到|便宜到)\s*[¥$]?\s*\d+(\.\d+)?\s*(元|块)?.{0,4}(提醒|通知|告诉|叫)|降价.{0,8}(提醒|通知|告诉|叫)|(提醒|通知|告诉|叫)我?.{0,10}降价|便宜.{0,6}(提醒|通知|告诉|叫)我|降价提醒|到货降价|price[- ]?(drop )?alerts?|(tell|notify|let|ping|message) me (know )?(when|if) .{0,40}(cheaper|price drops?|drops?|goes on sale|on sale|less)|alert me (when|if) .{0,40}(cheaper|price|drops?|sale|less))/i

const CANCEL =
  /((取消|不要|关闭|关掉|停止|别再?发).{0,4}降价(提醒|通知)|\b(stop|cancel|turn off|unsubscribe)( me)?( from)?( the| my| all)? (price[- ]?(drop )?(alerts?|notifications?)|alerts?)\b)/i

/** Does the message ask to stop price-drop alerts? */
export function wantsCancelAlert(text: string): boolean {
  return CANCEL.test(text)
}

/** Does the message ask for a price-drop alert (or to cancel one)? */
export function wantsPriceAlert(text: string): boolean {
  return ALERT.test(text) || CANCEL.test(text)
}

/** "降到800提醒我" / "below $50": the price the customer waits for, if they named one. */
export function targetPriceIn(text: string): number | null {
  const m = text.match(
    /(?:降到|低于|到|少于|below|under|drops? to|reaches|hits)\s*[¥$]?\s*(\d+(?:\.\d+)?)\s*(?:元|块)?/i,
  )
  return m ? Number(m[1]) : null
}
