import type { Readable } from 'node:stream';
import {
  ZAttachmentDto,
  ZAttachmentLinkDto,
  ZCannedFileDto,
  ZCannedFileParams,
  ZUploadQuery,
  ZUploadsFromCannedRequest,
  type ErrorCode,
} from '@charla/protocol';
import { z } from 'zod';
import type { App } from '../../http/app-type';
import { requireUser } from '../../http/route-config';
import { AppError } from '../../lib/app-error';
import type { AuthUser } from '../auth/index';
import { callerOf, FILE_ERRORS, registerRawBodyRoutes, sendFile, type Callers } from './attachments.routes';
import type { CannedFilesService } from './canned-files.service';

const tags = ['canned-responses'];
const EDIT_ERRORS: ErrorCode[] = ['FORBIDDEN', 'CANNED_RESPONSE_NOT_FOUND'];

/** Files of canned responses (issue 17): add, remove, preview, and stage them in a conversation. */
export function registerCannedFilesRoutes(app: App, cannedFiles: CannedFilesService, callers: Callers): void {
  const limited = async (user: AuthUser) => {
    if (!(await callers.uploadLimiter.take(`user:${user.id}`))) throw new AppError('RATE_LIMITED');
  };
  registerRawBodyRoutes(app, (scope) =>
    scope.post(
      '/api/v1/canned-responses/:id/files',
      {
        config: { auth: 'user', errors: [...EDIT_ERRORS, 'CANNED_FILE_LIMIT_REACHED', ...FILE_ERRORS] },
        schema: {
          tags,
          summary: 'Add a file to one’s own canned response, or to a team one (admins); at most 10',
          description:
            'The body is the file’s raw bytes, as for a chat upload: the same types, limit, sniffing and re-encoding. Inserting the response stages its files in the conversation (`POST …/uploads/from-canned`).',
          params: ZCannedFileParams.pick({ id: true }),
          querystring: ZUploadQuery,
          response: { 201: ZCannedFileDto },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        await limited(user);
        const file = await cannedFiles.upload(
          request.params.id,
          user,
          request.query,
          request.body as Readable,
        );
        return reply.status(201).send(file);
      },
    ),
  );
  registerFileRoutes(app, cannedFiles, callers);
  app.post(
    '/api/v1/conversations/:conversationId/uploads/from-canned',
    {
      config: {
        auth: 'user',
        errors: [
          'CONVERSATION_NOT_FOUND',
          'CONVERSATION_CLOSED',
          'INVALID_TRANSITION',
          'CANNED_RESPONSE_NOT_FOUND',
          'ATTACHMENT_QUOTA_EXCEEDED',
          'RATE_LIMITED',
        ],
      },
      schema: {
        tags: ['attachments'],
        summary: 'Stage a canned response’s files as your uploads in the conversation (as its assignee)',
        description:
          'No byte is copied: each file becomes a new staged upload naming the same stored bytes. Send the returned ids in `attachments` of a message within a day, as for any upload.',
        params: z.strictObject({ conversationId: z.string().min(1).max(64) }),
        body: ZUploadsFromCannedRequest,
        response: { 201: z.array(ZAttachmentDto) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await limited(user);
      const staged = await cannedFiles.useIn(
        request.params.conversationId,
        request.body.cannedResponseId,
        user,
      );
      return reply.status(201).send(staged);
    },
  );
}

function registerFileRoutes(app: App, cannedFiles: CannedFilesService, callers: Callers): void {
  app.delete(
    '/api/v1/canned-responses/:id/files/:fileId',
    {
      config: { auth: 'user', errors: [...EDIT_ERRORS, 'CANNED_FILE_NOT_FOUND'] },
      schema: {
        tags,
        summary: 'Remove a file from one’s own canned response, or from a team one (admins)',
        params: ZCannedFileParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await cannedFiles.remove(request.params.id, request.params.fileId, requireUser(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/canned-responses/:id/files/:fileId/link',
    {
      config: { auth: 'user', errors: ['CANNED_RESPONSE_NOT_FOUND', 'CANNED_FILE_NOT_FOUND'] },
      schema: {
        tags,
        summary:
          'A signed link to preview a canned response’s file, valid 15 minutes and only with your own session or token',
        params: ZCannedFileParams,
        response: { 200: ZAttachmentLinkDto },
      },
    },
    async (request) => cannedFiles.link(request.params.id, request.params.fileId, requireUser(request)),
  );
  app.get(
    '/api/v1/canned-files/:token',
    {
      config: {
        auth: 'public',
        errors: ['ATTACHMENT_LINK_INVALID', 'CANNED_FILE_NOT_FOUND', 'CANNED_RESPONSE_NOT_FOUND'],
      },
      schema: {
        tags,
        summary:
          'A canned response’s file by its signed link; needs the session or API token of the user it was made for',
        params: z.strictObject({ token: z.string().min(1).max(400) }),
      },
    },
    async (request, reply) => {
      const { file, body } = await cannedFiles.open(request.params.token, await callerOf(request, callers));
      return sendFile(reply, file, body);
    },
  );
}
