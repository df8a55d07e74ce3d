import type { Readable } from 'node:stream';
import {
  ZAttachmentDto,
  ZAttachmentLinkDto,
  ZAttachmentParams,
  ZUploadQuery,
  type ErrorCode,
} from '@charla/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { readBearerToken, readSessionToken } from '../../http/guards';
import { requireUser, requireVisitor } from '../../http/route-config';
import type { AuthUser } from '../auth/index';
import type { Actor, AttachmentsService } from './attachments.service';
import { AppError } from '../../lib/app-error';
import type { SharedLimiter } from '../../lib/shared-limits';
import { contentDisposition } from './file-name';

const tags = ['attachments'];
/** What a file's bytes can be refused for, wherever they are uploaded. */
export const FILE_ERRORS: ErrorCode[] = [
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE_NOT_ALLOWED',
  'ATTACHMENT_POLYGLOT',
  'ATTACHMENT_UNREADABLE',
  'ATTACHMENT_INCOMPLETE',
  'RATE_LIMITED',
];
const UPLOAD_ERRORS: ErrorCode[] = [
  'CONVERSATION_NOT_FOUND',
  'CONVERSATION_CLOSED',
  'INVALID_TRANSITION',
  'ANSWER_NOT_EXPECTED',
  'ATTACHMENT_QUOTA_EXCEEDED',
  ...FILE_ERRORS,
];
const UPLOAD_HELP =
  'The body is the file’s raw bytes (any Content-Type: the type is sniffed from the content). `size` must be the body’s length. Images are re-encoded without metadata. Send the returned id in `attachments` of a message within a day.';
/** Served files never run: no scripts, no plug-ins, no frames, and never sniffed into HTML. */
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export type Callers = { authenticateSession(token: string | undefined): Promise<AuthUser | null> } & {
  authenticateBearer(token: string): Promise<AuthUser | null>;
  /** Uploads per visitor or user (30 a minute by default, shared by every process). */
  uploadLimiter: SharedLimiter;
};

/** Upload, link and download routes of files in live chat (issue 17). */
export function registerAttachmentsRoutes(app: App, attachments: AttachmentsService, callers: Callers): void {
  registerRawBodyRoutes(app, (scope) => registerUploads(scope, attachments, callers.uploadLimiter));
  registerLinks(app, attachments);
  app.get(
    '/api/v1/files/:token',
    {
      config: {
        auth: 'public',
        errors: ['ATTACHMENT_LINK_INVALID', 'ATTACHMENT_NOT_FOUND', 'CONVERSATION_NOT_FOUND'],
      },
      schema: {
        tags,
        summary:
          'A file’s bytes by its signed, expiring link (from a …/link route or a webhook); a user’s link needs that user’s session or API token',
        params: z.strictObject({ token: z.string().min(1).max(400) }),
      },
    },
    async (request, reply) => {
      const caller = await callerOf(request, callers);
      const { upload, body } = await attachments.open(request.params.token, caller);
      return sendFile(reply, upload, body);
    },
  );
}

/** Routes whose body is a file's raw bytes, read as a stream: nothing holds a whole file in memory. */
export function registerRawBodyRoutes(app: App, register: (scope: App) => void): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    register(scope);
  });
}

/** A stored file's bytes, never run nor sniffed: only re-encoded images may show inline. */
export function sendFile(
  reply: FastifyReply,
  file: { kind: 'image' | 'file'; content_type: string; size: number; name: string },
  body: Readable,
) {
  const inline = file.kind === 'image';
  void reply
    .header('content-type', file.content_type)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
    .header('content-security-policy', FILE_CSP)
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, max-age=600');
  return reply.send(body);
}

/** Who fetches a file link: their API token or their session (null for nobody). */
export async function callerOf(request: FastifyRequest, callers: Callers): Promise<AuthUser | null> {
  const bearer = readBearerToken(request);
  if (bearer !== undefined) return callers.authenticateBearer(bearer);
  return callers.authenticateSession(readSessionToken(request));
}

function registerUploads(app: App, attachments: AttachmentsService, limiter: SharedLimiter): void {
  const upload = async (
    actor: Actor,
    request: FastifyRequest,
    conversationId: string,
    query: z.infer<typeof ZUploadQuery>,
  ) => {
    const key = actor.kind === 'user' ? `user:${actor.user.id}` : `visitor:${actor.id}`;
    if (!(await limiter.take(key))) throw new AppError('RATE_LIMITED');
    return attachments.upload(actor, conversationId, query, request.body as Readable);
  };
  app.post(
    '/api/v1/conversations/:conversationId/uploads',
    {
      config: { auth: 'user', errors: UPLOAD_ERRORS },
      schema: {
        tags,
        summary: 'Upload a file to send in the conversation (as its assignee)',
        description: UPLOAD_HELP,
        params: ZAttachmentParams.pick({ conversationId: true }),
        querystring: ZUploadQuery,
        response: { 201: ZAttachmentDto },
      },
    },
    async (request, reply) => {
      const actor: Actor = { kind: 'user', user: requireUser(request) };
      return reply
        .status(201)
        .send(await upload(actor, request, request.params.conversationId, request.query));
    },
  );
  app.post(
    '/api/v1/widget/conversations/:conversationId/uploads',
    {
      config: { auth: 'visitor', errors: UPLOAD_ERRORS },
      schema: {
        tags: ['widget'],
        summary: 'Upload a file to send in the visitor’s own conversation',
        description: UPLOAD_HELP,
        params: ZAttachmentParams.pick({ conversationId: true }),
        querystring: ZUploadQuery,
        response: { 201: ZAttachmentDto },
      },
    },
    async (request, reply) => {
      const actor: Actor = { kind: 'visitor', id: requireVisitor(request).id };
      return reply
        .status(201)
        .send(await upload(actor, request, request.params.conversationId, request.query));
    },
  );
}

function registerLinks(app: App, attachments: AttachmentsService): void {
  const errors: ErrorCode[] = ['CONVERSATION_NOT_FOUND', 'ATTACHMENT_NOT_FOUND'];
  app.get(
    '/api/v1/conversations/:conversationId/attachments/:attachmentId/link',
    {
      config: { auth: 'user', errors },
      schema: {
        tags,
        summary: 'A signed link to a sent file, valid 15 minutes and only with your own session or token',
        params: ZAttachmentParams,
        response: { 200: ZAttachmentLinkDto },
      },
    },
    async (request) => {
      const { conversationId, attachmentId } = request.params;
      return attachments.link({ kind: 'user', user: requireUser(request) }, conversationId, attachmentId);
    },
  );
  app.get(
    '/api/v1/widget/conversations/:conversationId/attachments/:attachmentId/link',
    {
      config: { auth: 'visitor', errors },
      schema: {
        tags: ['widget'],
        summary: 'A signed link to a file of the visitor’s own conversation, valid 15 minutes',
        params: ZAttachmentParams,
        response: { 200: ZAttachmentLinkDto },
      },
    },
    async (request) => {
      const { conversationId, attachmentId } = request.params;
      return attachments.link(
        { kind: 'visitor', id: requireVisitor(request).id },
        conversationId,
        attachmentId,
      );
    },
  );
}
