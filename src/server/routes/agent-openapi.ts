/** OpenAPI 3.1 description of the agent console routes (queue, claim, reply, notes, release, close, live socket). */
import { MAX_MESSAGE_CHARS } from '../../core/conversation/conversation-service.js'
import { MAX_NOTE_CHARS } from '../../core/handoff/agent-desk.js'

const BASE = '/api/v1/admin/agent'
const security = [{ staffSession: [] }, { shopApiKey: [] }]
const agentHeaders = [
  {
    name: 'x-kefu-agent',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description:
      'with the API key only: the staff account acted for (account id or username, URL-encoded UTF-8); the name customers see is the account’s',
  },
  { name: 'x-kefu-shop', in: 'header', required: false, schema: { type: 'string', default: 'demo' } },
]
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
const err = (d: string) => ({ description: d })
const textBody = (max: number) => ({
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['text'],
        additionalProperties: false,
        properties: { text: { type: 'string', maxLength: max } },
      },
    },
  },
})
const transition = (summaryText: string) => ({
  post: {
    summary: summaryText,
    security,
    parameters: [idParam, ...agentHeaders],
    responses: {
      '200': { description: '{conversation:{id,status,locale,agent,updatedAt}, messages: the system messages sent}' },
      '401': err('unauthorized (bad key / missing agent)'),
      '404': err('not_found'),
      '409': err('conflict: details.reason = already_claimed | not_assignee | wrong_status'),
    },
  },
})

/** OpenAPI paths of the agent API, merged into /api/v1/openapi.json. */
export const agentOpenApi: Record<string, unknown> = {
  [`${BASE}/queue`]: {
    get: {
      summary: 'Conversations waiting for a human, oldest handoff first (wait time, reason, last message, emotion)',
      security,
      parameters: agentHeaders,
      responses: { '200': { description: '{queue: QueueItem[], serverTime}' }, '401': err('unauthorized') },
    },
  },
  [`${BASE}/mine`]: {
    get: {
      summary: "The calling agent's active conversations",
      security,
      parameters: agentHeaders,
      responses: { '200': { description: '{conversations: ActiveItem[]}' }, '401': err('unauthorized') },
    },
  },
  [`${BASE}/conversations/{id}`]: {
    get: {
      summary:
        'Whole context: messages with NLU, notes, dialogue state, handoff reason, timeline, customer, orders with shipments, tickets, returns, suggested replies',
      security,
      parameters: [idParam, ...agentHeaders],
      responses: {
        '200': { description: 'ConversationContext & {viewer:{agent,isAssignee}}' },
        '401': err('unauthorized'),
        '404': err('not_found'),
      },
    },
  },
  [`${BASE}/conversations/{id}/claim`]: transition(
    'Claim a waiting conversation (waiting_human → human); exactly one of concurrent claims wins',
  ),
  [`${BASE}/conversations/{id}/messages`]: {
    post: {
      summary: 'Reply to the customer (assignee only); pushed to the customer stream',
      security,
      parameters: [idParam, ...agentHeaders],
      requestBody: textBody(MAX_MESSAGE_CHARS),
      responses: {
        '201': { description: '{message}' },
        '400': err('invalid_input'),
        '401': err('unauthorized'),
        '404': err('not_found'),
        '409': err('conflict: not_assignee | wrong_status'),
      },
    },
  },
  [`${BASE}/conversations/{id}/notes`]: {
    post: {
      summary: 'Internal note (agents only, stored as an agent.note event, never sent to the customer)',
      security,
      parameters: [idParam, ...agentHeaders],
      requestBody: textBody(MAX_NOTE_CHARS),
      responses: {
        '201': { description: '{note}' },
        '400': err('invalid_input'),
        '401': err('unauthorized'),
        '404': err('not_found'),
      },
    },
  },
  [`${BASE}/conversations/{id}/release`]: transition('Hand back to the bot (human → bot; assignee only)'),
  [`${BASE}/conversations/{id}/close`]: transition('Close the conversation (the assignee, or anyone when not owned)'),
  [`${BASE}/conversations/{id}/transfer`]: transition(
    'Transfer to another agent {agentId} or queue {queue} (the assignee, or an owner/admin); back to waiting_human',
  ),
  [`${BASE}/stream`]: {
    get: {
      summary:
        'WebSocket: the staff session cookie (same origin), or ?key=<apiKey>&agent=<account>[&shop=]. Send {type:"watch",conversationIds:[…]}',
      description:
        'Frames: ready, queue {conversationId,status,change,agentId}, note {conversationId,note}, message {conversationId,message}, status {conversationId,status}, watching, error.',
      responses: { '101': { description: 'switching protocols' } },
    },
  },
}
