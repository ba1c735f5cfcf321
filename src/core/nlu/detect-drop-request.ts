/**
 * "那算了 不改了 就34吧", "no wait, keep it", "never mind, leave it as it is": the customer drops the
 * change, cancellation or return they asked for a moment ago. A switch to another action ("算了不换了
 * 直接退") is not a drop: the new request is what counts. Part of the understanding stage.
 */

const DROP =
  /((算了|那算了|还是)?.{0,3}(不改了|不用改了|不换了|不用换了|不退了|不用退了|不取消了|不用取消了|先不改了?|先不换了?|先不退了?|还是不改|保持原样|维持原样|不动了)|\b(never ?mind|nvm|forget it|scratch that)\b.{0,30}\b(keep|leave)\b|\bkeep it( as it is| as is)?\b|\bleave it( as it is| as is)\b|\bno need to (cancel|change|return|exchange)\b|\b(don'?t|do not) (change|cancel|return|exchange) (it|anything|the order)\b)/i
/** A new action after the drop ("不换了 直接退", "no exchange, just refund me"): that is the request. */
const NEW_ACTION =
  /((直接|改成|换成|那就|就)(退|取消|换)|退(多少|款|钱|货)|(要|想)退|\brefund\b|\b(just|then) (return|cancel|exchange)\b|\breturn (it|them) (instead|then)\b)/i

/** True when the message takes back the request in progress without asking for another one. */
export function dropsRequest(text: string): boolean {
  return DROP.test(text) && !NEW_ACTION.test(text)
}
