/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Route modules owned by
 * other areas (knowledge, tickets, agents) contribute `paths` fragments merged here.
 */
const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: [
            'invalid_input',
            'invalid_json',
            'unauthorized',
            'forbidden',
            'not_found',
            'conflict',
            'rate_limited',
            'not_implemented',
            'upstream_failed',
            'unavailable',
            'internal',
          ],
        },
        message: { type: 'string' },
        details: {},
      },
    },
  },
}

/** OpenAPI `responses` entries for these status codes, each the `{error:{code,message}}` body. Shared by route fragments. */
export const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  )

const bearer = [{ conversationToken: [] }]
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }

const basePaths: Record<string, unknown> = {
  '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'process is up' } } } },
  '/readyz': {
    get: {
      summary: "Readiness: the store (and Redis) answer and no shop's first knowledge index is still building",
      responses: {
        '200': { description: 'ready; `knowledge` lists each shop index state (ready, rebuilding, failed)' },
        '503': { description: 'store or Redis unreachable, or a first knowledge index still building' },
      },
    },
  },
  '/metrics': { get: { summary: 'Prometheus metrics', responses: { '200': { description: 'text exposition' } } } },
  '/api/v1/conversations': {
    post: {
      summary: 'Start a conversation',
      description:
        'In a demo shop any visitor gets a conversation (customerId optional, unsigned accepted). Otherwise customerId must come with signature = hex HMAC-SHA256(widgetSecret, customerId). Without customerId the visitor is anonymous and must verify (order number + last 4 phone digits) before order details are shown.',
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                shopId: { type: 'string', default: 'demo' },
                customerId: { type: 'string' },
                signature: { type: 'string' },
                locale: { type: 'string', enum: ['zh', 'en'] },
                channel: { type: 'string', enum: ['widget', 'api', 'app', 'miniprogram'], default: 'api' },
              },
            },
          },
        },
      },
      responses: {
        '201': {
          description: 'created',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'token'],
                properties: {
                  id: { type: 'string' },
                  token: { type: 'string', description: 'Bearer token for this conversation only' },
                  shopId: { type: 'string' },
                  customerId: { type: ['string', 'null'] },
                  status: { type: 'string' },
                },
              },
            },
          },
        },
        ...errors(400, 401, 404, 429),
      },
    },
  },
  '/api/v1/conversations/{id}/attachments': {
    post: {
      summary: 'Upload a picture (JPEG, PNG, WebP) or a voice message; the type is read from the bytes',
      security: bearer,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
      responses: {
        '201': { description: '{id, kind: image|audio, mime, bytes}; send it with POST …/messages {attachmentId}' },
        ...errors(400, 401, 404, 409, 413, 415, 429),
      },
    },
  },
  '/api/v1/conversations/{id}/attachments/{attachmentId}': {
    get: {
      summary: 'An uploaded file of this conversation',
      security: bearer,
      parameters: [idParam, { name: 'attachmentId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'the file, with its type' }, ...errors(401, 404) },
    },
  },
  '/api/v1/conversations/{id}': {
    get: {
      summary: 'Conversation status and dialogue state',
      security: bearer,
      parameters: [idParam],
      responses: { '200': { description: 'ok' }, ...errors(401, 404) },
    },
  },
  '/api/v1/conversations/{id}/messages': {
    post: {
      summary: 'Send a customer message; returns the bot replies of this turn',
      security: bearer,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['text'],
              additionalProperties: false,
              properties: {
                text: { type: 'string', maxLength: 4000, description: 'may be empty with an attachmentId' },
                payload: { type: 'string', description: 'payload of a clicked quick-reply button' },
                attachmentId: {
                  type: 'string',
                  description: 'a picture or voice message uploaded first (POST …/attachments)',
                },
              },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'the turn',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Turn' } } },
        },
        ...errors(400, 401, 404, 409, 429),
      },
    },
    get: {
      summary: 'Conversation history',
      security: bearer,
      parameters: [
        idParam,
        { name: 'afterSeq', in: 'query', schema: { type: 'integer', minimum: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
      ],
      responses: { '200': { description: '{conversationId, messages[]}' }, ...errors(400, 401, 404) },
    },
  },
  '/api/v1/conversations/{id}/rating': {
    post: {
      summary: 'CSAT: the customer rates the conversation (1–5); rating again replaces the earlier score',
      security: bearer,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['score'],
              properties: {
                score: { type: 'integer', minimum: 1, maximum: 5 },
                comment: { type: 'string', maxLength: 1000 },
              },
            },
          },
        },
      },
      responses: {
        '201': { description: '{id, conversationId, score, comment, ratedAt, replaced}' },
        ...errors(400, 401, 404),
      },
    },
  },
  '/api/v1/conversations/{id}/token': {
    post: {
      summary:
        'Renew the conversation token: a valid token, or one expired less than KEFU_TOKEN_RENEW_DAYS ago, is exchanged for a fresh one (the widget does this silently)',
      security: bearer,
      parameters: [idParam],
      responses: { '200': { description: '{token, expiresAt}' }, ...errors(401, 404, 429) },
    },
  },
  '/api/v1/conversations/{id}/stream': {
    get: {
      summary: 'WebSocket: every new message of the conversation',
      description:
        'Upgrade to WebSocket; token in ?token= or Authorization header. Frames: {type:"ready"}, {type:"message", message}, {type:"status", status}, {type:"error", error}.',
      parameters: [idParam, { name: 'token', in: 'query', schema: { type: 'string' } }],
      responses: { '101': { description: 'switching protocols' } },
    },
  },
  '/api/v1/shops/{shopId}/products': {
    get: {
      summary: 'Public catalog of a shop (demo storefront)',
      parameters: [
        { name: 'shopId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'category', in: 'query', schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 200 } },
        { name: 'offset', in: 'query', schema: { type: 'integer' } },
      ],
      responses: { '200': { description: '{products[], total}' }, ...errors(400, 404) },
    },
  },
}

const schemas = {
  Error: error,
  Message: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      seq: { type: 'integer' },
      role: { type: 'string', enum: ['customer', 'bot', 'agent', 'system'] },
      text: { type: 'string' },
      meta: { type: 'object' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  Turn: {
    type: 'object',
    required: ['conversationId', 'replies', 'nlu', 'state', 'handoff', 'action', 'reason'],
    properties: {
      conversationId: { type: 'string' },
      replies: {
        type: 'array',
        items: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string' },
            buttons: {
              type: 'array',
              items: { type: 'object', properties: { label: { type: 'string' }, payload: { type: 'string' } } },
            },
            card: { type: 'object' },
          },
        },
      },
      nlu: {
        type: 'object',
        properties: {
          intent: { type: 'string', description: 'the intent the turn acted on' },
          classifierIntent: { type: 'string', description: "the classifier's intent for the message alone" },
          intentSource: { type: 'string', enum: ['classifier', 'context'] },
          confidence: { type: 'number', description: "the classifier's confidence" },
          entities: { type: 'array', items: { type: 'object' } },
          emotion: { type: 'object', properties: { score: { type: 'number' }, label: { type: 'string' } } },
          locale: { type: 'string' },
        },
      },
      state: { type: 'object' },
      handoff: { type: 'boolean' },
      action: {
        type: 'string',
        enum: ['answer', 'ask_slot', 'confirm', 'execute', 'clarify', 'handoff', 'fallback'],
      },
      reason: { type: 'string' },
      ticket: { type: 'object', properties: { id: {}, queue: {}, priority: {} } },
      returnRequest: { type: 'object', properties: { id: {} } },
      messages: { type: 'array', items: { $ref: '#/components/schemas/Message' } },
    },
  },
}

/** Builds the document; `fragments` are `paths` objects from other route modules. */
export function buildOpenApi(fragments: Array<Record<string, unknown>> = []): Record<string, unknown> {
  const paths: Record<string, unknown> = { ...basePaths }
  for (const f of fragments) Object.assign(paths, f)
  return {
    openapi: '3.1.0',
    info: {
      title: 'kefu API',
      version: '1',
      description: 'Self-hostable AI customer service for e-commerce shops. Errors are {error:{code,message}}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        conversationToken: { type: 'http', scheme: 'bearer', description: 'token from POST /api/v1/conversations' },
        shopApiKey: { type: 'http', scheme: 'bearer', description: "the shop's admin API key (machines)" },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'kefu_session',
          description:
            'staff session from POST /api/v1/staff/login; state-changing requests also send the x-kefu-csrf header (docs/staff.md)',
        },
        ownerToken: { type: 'http', scheme: 'bearer', description: 'the server owner token (KEFU_ADMIN_TOKEN)' },
      },
    },
  }
}
