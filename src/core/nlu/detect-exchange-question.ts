/**
 * "can I swap it when it arrives?", "到了以后能换大一码吗": whether an item still on its way can be exchanged
 * for another size or colour later — a question about the exchange rule, not a return request now.
 * Part of the understanding stage.
 */

const SWAP = `(swap|exchange|change|switch|trade)`
const ARRIVES = `(arrives?|comes?|gets? (here|delivered)|(is|has been|'s) delivered|lands|turns up|shows up)`
const EN = new RegExp(
  String.raw`\b${SWAP}\b.{0,40}\b(when|once|after|as soon as) (it|they|the parcel|the package|the order)( finally)? ${ARRIVES}\b|\b(when|once|after) (it|they) ${ARRIVES}\b.{0,30}\b${SWAP}\b`,
  'i',
)
const ZH =
  /((到了|到货|收到|签收)(以后|之后|后)?.{0,8}(能|可以|还能)?(换|调换)(码|尺码|大|小|颜色|一)?|(换|调换).{0,8}(等|要等)?(到了|收到|签收)(以后|之后|后|再))/

/** Asks whether an item can be exchanged once it has arrived. */
export function asksExchangeLater(text: string): boolean {
  return EN.test(text) || ZH.test(text)
}
