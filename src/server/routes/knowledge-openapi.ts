/** OpenAPI 3.1 description of the knowledge admin routes (FAQ workflow, search, import/export, mined questions). */

import { KNOWLEDGE_STATUSES } from '../../core/domain/schemas.js'
import { errors } from '../openapi.js'

const security = [{ shopApiKey: [] }]
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }
const faqEntry = {
  type: 'object',
  required: ['id', 'question', 'answer', 'category', 'locale', 'status'],
  properties: {
    id: { type: 'string' },
    question: { type: 'string' },
    answer: { type: 'string' },
    similar: { type: 'array', items: { type: 'string' } },
    category: { type: 'string' },
    locale: { type: 'string', enum: ['zh', 'en'] },
    status: { type: 'string', enum: [...KNOWLEDGE_STATUSES] },
  },
}
const entryResponse = {
  description: 'the entry after the change',
  content: { 'application/json': { schema: { type: 'object', properties: { entry: faqEntry } } } },
}
const actorBody = {
  content: {
    'application/json': {
      schema: { type: 'object', properties: { author: { type: 'string' }, note: { type: 'string' } } },
    },
  },
}
const hit = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['faq', 'product', 'fault'] },
    id: { type: 'string' },
    score: { type: 'number' },
    title: { type: 'string' },
    answer: { type: 'string' },
    data: { type: 'object' },
  },
}

/** OpenAPI 3.1 `paths` fragment for these routes; merged into /api/v1/openapi.json by the server. */
export const knowledgeOpenApi: Record<string, unknown> = {
  '/api/v1/admin/faq': {
    get: {
      summary: 'List / search FAQ entries (current head, any status)',
      security,
      parameters: [
        {
          name: 'q',
          in: 'query',
          schema: { type: 'string' },
          description: 'substring of id, question, similar or answer',
        },
        { name: 'status', in: 'query', schema: { type: 'string', enum: [...KNOWLEDGE_STATUSES] } },
        { name: 'locale', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] } },
        { name: 'limit', in: 'query', schema: { type: 'integer', default: 100, maximum: 1000 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', default: 0 } },
      ],
      responses: {
        '200': {
          description: 'entries',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { items: { type: 'array', items: faqEntry }, total: { type: 'integer' } },
              },
            },
          },
        },
        ...errors(400, 401),
      },
    },
    post: {
      summary: 'Create an FAQ entry as a draft (version 1)',
      security,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['id', 'question', 'answer', 'category', 'locale'],
              properties: {
                ...faqEntry.properties,
                status: undefined,
                author: { type: 'string' },
                note: { type: 'string' },
              },
            },
          },
        },
      },
      responses: { '201': entryResponse, ...errors(400, 401, 409) },
    },
  },
  '/api/v1/admin/faq/{id}': {
    get: {
      summary: 'An entry: head (latest version), the version customers see (live) and the version number',
      security,
      parameters: [idParam],
      responses: { '200': { description: '{entry, live, version}' }, ...errors(401, 404) },
    },
    patch: {
      summary: 'Edit an entry: a new draft version (the published text stays live until the edit is published)',
      security,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                question: { type: 'string' },
                answer: { type: 'string' },
                similar: { type: 'array', items: { type: 'string' } },
                category: { type: 'string' },
                locale: { type: 'string', enum: ['zh', 'en'] },
                baseVersion: { type: 'integer', description: 'optimistic locking: 409 when not the latest version' },
                author: { type: 'string' },
                note: { type: 'string' },
              },
            },
          },
        },
      },
      responses: { '200': entryResponse, ...errors(400, 401, 404, 409) },
    },
  },
  '/api/v1/admin/faq/{id}/submit': {
    post: {
      summary: 'draft → in_review',
      security,
      parameters: [idParam],
      requestBody: actorBody,
      responses: { '200': entryResponse, ...errors(401, 404, 409) },
    },
  },
  '/api/v1/admin/faq/{id}/publish': {
    post: {
      summary: 'in_review → published; answers customers from the next message on',
      security,
      parameters: [idParam],
      requestBody: actorBody,
      responses: { '200': entryResponse, ...errors(401, 404, 409) },
    },
  },
  '/api/v1/admin/faq/{id}/archive': {
    post: {
      summary: 'Archive: the entry stops answering',
      security,
      parameters: [idParam],
      requestBody: actorBody,
      responses: { '200': entryResponse, ...errors(401, 404, 409) },
    },
  },
  '/api/v1/admin/faq/{id}/versions': {
    get: {
      summary: 'Version history with author, time, note and a field diff against the previous version',
      security,
      parameters: [idParam],
      responses: { '200': { description: '{versions: [...]}' }, ...errors(401, 404) },
    },
  },
  '/api/v1/admin/faq/{id}/rollback': {
    post: {
      summary: 'Roll back: a new version equal (content and status) to an old one',
      security,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['version'],
              properties: { version: { type: 'integer' }, author: { type: 'string' }, note: { type: 'string' } },
            },
          },
        },
      },
      responses: { '200': entryResponse, ...errors(400, 401, 404) },
    },
  },
  '/api/v1/admin/faq/import': {
    post: {
      summary:
        'Import FAQ entries (JSONL, a JSON array or {entries}); all or nothing; each changed entry gets a version',
      security,
      requestBody: {
        required: true,
        content: {
          'application/x-ndjson': { schema: { type: 'string' } },
          'application/json': { schema: { type: 'array', items: faqEntry } },
        },
      },
      responses: { '200': { description: '{read, created, updated, unchanged}' }, ...errors(400, 401) },
    },
  },
  '/api/v1/admin/faq/export': {
    get: {
      summary: 'Export FAQ entries as JSONL (the import format)',
      security,
      parameters: [{ name: 'status', in: 'query', schema: { type: 'string', enum: [...KNOWLEDGE_STATUSES] } }],
      responses: {
        '200': { description: 'JSONL', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        ...errors(400, 401),
      },
    },
  },
  '/api/v1/admin/knowledge/candidates': {
    get: {
      summary: 'Draft FAQ candidates mined from unanswered / handed-off questions, grouped by similarity, with counts',
      security,
      parameters: [
        { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'minCount', in: 'query', schema: { type: 'integer', default: 1 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', default: 50 } },
      ],
      responses: { '200': { description: '{candidates: [...]}' }, ...errors(400, 401) },
    },
  },
  '/api/v1/admin/knowledge/search': {
    get: {
      summary: 'Ranked knowledge hits and the decision the bot would make',
      security,
      parameters: [
        { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'locale', in: 'query', schema: { type: 'string', enum: ['zh', 'en'] } },
        { name: 'limit', in: 'query', schema: { type: 'integer', default: 10 } },
        { name: 'product', in: 'query', schema: { type: 'string' }, description: 'SKU of the product being discussed' },
      ],
      responses: {
        '200': {
          description: '{query, decision, answer, hits}',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  query: { type: 'string' },
                  decision: { type: 'string', enum: ['answer', 'clarify', 'none'] },
                  answer: { type: 'object' },
                  hits: { type: 'array', items: hit },
                },
              },
            },
          },
        },
        ...errors(400, 401),
      },
    },
  },
}
