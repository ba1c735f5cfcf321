/** What kefu says on a messaging channel when the message is not something the bot can read. */
import type { Locale } from '../domain/schemas.js'

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh' ? zh : en)

export const CHANNEL_TEXT = {
  /** A voice note without the platform's transcript. */
  typePlease: (l: Locale) =>
    say(
      l,
      '抱歉，我暂时听不了语音消息。麻烦您用文字描述一下问题，我马上帮您处理。',
      "Sorry, I can't listen to voice messages yet. Please type your question and I'll help right away.",
    ),
  /** A picture: kept for the agent. */
  imageReceived: (l: Locale) =>
    say(
      l,
      '收到您的图片，已保存在会话中，如有需要人工客服会查看。也请用文字简单描述一下您的问题，我先帮您看看。',
      "Thanks, I've saved your picture in the conversation and an agent will look at it if needed. Could you also describe the problem in a few words so I can help right away?",
    ),
  /** How a stored customer message stands for a picture / a voice note. */
  imagePlaceholder: (l: Locale) => say(l, '[图片]', '[image]'),
  voicePlaceholder: (l: Locale) => say(l, '[语音]', '[voice message]'),
  undeliveredSubject: (l: Locale) =>
    say(l, '回复未能送达：平台的回复时限已过', 'Reply not delivered: the platform reply window has closed'),
}
