import { z } from 'zod';
import { ZRichText } from '../rich-text/rich-text.schema';
import { MAX_VISITOR_ANSWER_CHARS } from './capture-input';
import { ZHttpFailure } from './http-request.schema';
import { ZCaptureField, ZPlaybookElementId } from './playbook.schema';

/**
 * Where a playbook run is: `running` only before the `start` input; `live_chat` while handed off;
 * `server_step` while the server works on a card (a wait card's pause, an HTTP request card's call).
 */
export const ZRunStatus = z.enum(['running', 'awaiting_input', 'live_chat', 'server_step', 'ended']);
export type TRunStatus = z.infer<typeof ZRunStatus>;

/** The persisted state of one run (store it with the conversation, next to `playbookId@revision`). */
export const ZRunState = z.strictObject({
  /** Current card; null after a dead end (only possible in an invalid playbook). */
  nodeId: z.string().nullable(),
  vars: z.record(z.string(), z.string()),
  /** Failed attempts per capture card. */
  attempts: z.record(z.string(), z.number().int().min(0)),
  status: ZRunStatus,
});
export type TRunState = z.infer<typeof ZRunState>;

/**
 * What moves a run on. `live_chat_offline` comes from the server only (nobody online, playbook
 * not embedded, or the waiting time ran out), never from a visitor; so do `wait_over` (a wait
 * card's pause ended) and `http_response` / `http_failed` (an HTTP request card's answer).
 */
export const ZRunInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('start') }),
  z.strictObject({ kind: z.literal('button'), optionId: ZPlaybookElementId }),
  z.strictObject({ kind: z.literal('text'), text: z.string().max(MAX_VISITOR_ANSWER_CHARS) }),
  z.strictObject({ kind: z.literal('skip') }),
  z.strictObject({
    kind: z.literal('live_chat_offline'),
    /** Outside business hours: when live chat opens again, for `{{back_at}}` (issue 19). */
    backAt: z.string().max(200).optional(),
  }),
  z.strictObject({ kind: z.literal('wait_over') }),
  /** A 2xx JSON answer, parsed (null for an empty body); the card's mapping picks the values. */
  z.strictObject({ kind: z.literal('http_response'), json: z.unknown() }),
  z.strictObject({ kind: z.literal('http_failed'), reason: ZHttpFailure }),
]);
export type TRunInput = z.infer<typeof ZRunInput>;
export type TRunInputKind = TRunInput['kind'];

/** What the bot says or asks; `content` is already interpolated. */
export const ZRunOutput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bot_message'), content: ZRichText, nodeId: z.string() }),
  z.strictObject({
    kind: z.literal('ask_buttons'),
    options: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    nodeId: z.string(),
  }),
  z.strictObject({
    kind: z.literal('ask_text'),
    field: z.union([ZCaptureField, z.literal('free_text')]),
    placeholder: z.string().nullable(),
    /** False when the visitor may answer with `skip`. */
    required: z.boolean(),
    nodeId: z.string(),
  }),
  z.strictObject({ kind: z.literal('validation_error'), message: z.string(), nodeId: z.string() }),
]);
export type TRunOutput = z.infer<typeof ZRunOutput>;
