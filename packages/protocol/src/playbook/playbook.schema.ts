import { z } from 'zod';
import { ZLiveChatRouting } from './live-chat-routing.schema';
import { ZCrmMoney } from '../api/crm-common.schema';
import { ZCrmActivityType } from '../api/crm.schema';
import { ZId, ZLanguage } from '../common';
import { ZImageSrc, ZRichText } from '../rich-text/rich-text.schema';
import { ZConditionNode, ZSetVariableNode } from './condition.schema';
import { ZHttpRequestNode } from './http-request.schema';
import { ZWaitNode } from './wait.schema';
import { nodeBase, ZPlaybookElementId, ZVariableKey } from './node-base';

/**
 * The playbook DOCUMENT: the content an admin edits and the runtime follows. Server-owned
 * fields (id, publicId, name, status, revision, publishedRevision, embed, timestamps) live in
 * the server's row, not here. Structural rules that need the whole graph (ports, cycles,
 * reachability, variables…) are checked by `validatePlaybook`, not by this schema, so the
 * editor gets a finding per node instead of one opaque parse error.
 */
export const PLAYBOOK_SCHEMA_VERSION = 1;
export const MAX_PLAYBOOK_DOCUMENT_BYTES = 256 * 1024;
export const MAX_PLAYBOOK_NODES = 200;
export const MAX_PLAYBOOK_EDGES = 400;
/** Plain-text length limit of every rich-text field of a node (rule 3). */
export const MAX_PLAYBOOK_TEXT_CHARS = 1000;
export const MAX_BUTTON_OPTIONS = 10;
export const MAX_OPTION_LABEL_CHARS = 40;
export const MAX_REGEX_PATTERN_CHARS = 500;
export const LIVE_CHAT_WAIT_SECONDS = { min: 15, max: 600, default: 60 } as const;

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

export { ZPlaybookElementId, ZVariableKey } from './node-base';

const ZHexColor = z.string().regex(HEX_COLOR, 'Use a #RRGGBB colour');
const ZShortText = (max: number) => z.string().trim().min(1).max(max);
const ZTemplateString = z.string().trim().min(1).max(200);

export const ZPlaybookAppearance = z.strictObject({
  botName: ZShortText(40),
  avatarUrl: ZImageSrc.nullable(),
  colors: z.strictObject({
    primary: ZHexColor,
    primaryText: ZHexColor,
    background: ZHexColor,
    botBubble: ZHexColor,
    visitorBubble: ZHexColor,
  }),
  language: ZLanguage,
  position: z.enum(['bottom-right', 'bottom-left']),
  /** Satisfaction survey after the conversation closes; absent means stars. */
  satisfaction: z.enum(['stars', 'thumbs', 'off']).optional(),
  /** Email the transcript to the visitor when the conversation closes, if they gave an address (issue 20). */
  emailTranscript: z.boolean().optional(),
  /** The widget's own words follow the visitor's browser language when Charla speaks it (issue 23). */
  browserLanguage: z.boolean().optional(),
});
export type TPlaybookAppearance = z.infer<typeof ZPlaybookAppearance>;

export const ZPlaybookTargeting = z.strictObject({
  greeting: z.strictObject({
    /** Open a greeting bubble by itself after `delaySeconds`. */
    proactive: z.boolean(),
    delaySeconds: z.number().int().min(0).max(120),
    /** Text of the proactive bubble next to the launcher; the flow itself starts on click. */
    text: ZRichText.optional(),
  }),
});
export type TPlaybookTargeting = z.infer<typeof ZPlaybookTargeting>;

export const ZVariableType = z.enum(['text', 'email', 'phone', 'number', 'choice']);
export type TVariableType = z.infer<typeof ZVariableType>;

/** A custom variable. System variables (SYSTEM_VARIABLES) are implicit and never listed here. */
export const ZVariableDef = z.strictObject({
  key: ZVariableKey,
  label: ZShortText(80),
  type: ZVariableType,
});
export type TVariableDef = z.infer<typeof ZVariableDef>;

const ZMaxAttempts = z.number().int().min(1).max(10);
const ZErrorMessage = ZShortText(300);

export const ZCaptureValidation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('email'), errorMessage: ZErrorMessage, maxAttempts: ZMaxAttempts }),
  z.strictObject({ kind: z.literal('phone'), errorMessage: ZErrorMessage, maxAttempts: ZMaxAttempts }),
  z.strictObject({
    kind: z.literal('regex'),
    // Longer patterns are a REGEX_INVALID finding; this bound only keeps documents sane.
    pattern: z.string().min(1).max(2000),
    flags: z.literal('i').optional(),
    errorMessage: ZErrorMessage,
    maxAttempts: ZMaxAttempts,
  }),
  z
    .strictObject({
      kind: z.literal('length'),
      min: z.number().int().min(0).max(1000).optional(),
      max: z.number().int().min(1).max(1000).optional(),
      errorMessage: ZErrorMessage,
      maxAttempts: ZMaxAttempts,
    })
    .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, {
      message: 'min must not exceed max',
      path: ['min'],
    }),
]);
export type TCaptureValidation = z.infer<typeof ZCaptureValidation>;

export const ZButtonOption = z.strictObject({
  id: ZPlaybookElementId,
  label: ZShortText(MAX_OPTION_LABEL_CHARS),
  /** Saved to `saveTo` instead of the label when set. */
  value: ZShortText(200).optional(),
});
export type TButtonOption = z.infer<typeof ZButtonOption>;

export const ZQuestionAnswer = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('buttons'),
    options: z.array(ZButtonOption).min(1).max(MAX_BUTTON_OPTIONS),
    saveTo: ZVariableKey.optional(),
  }),
  z.strictObject({
    kind: z.literal('free_text'),
    saveTo: ZVariableKey,
    placeholder: z.string().max(100).optional(),
  }),
]);
export type TQuestionAnswer = z.infer<typeof ZQuestionAnswer>;

export const ZMessageNode = z.strictObject({
  ...nodeBase,
  type: z.literal('message'),
  content: ZRichText,
  typingDelayMs: z.number().int().min(0).max(10_000).optional(),
});
export type TMessageNode = z.infer<typeof ZMessageNode>;

export const ZQuestionNode = z.strictObject({
  ...nodeBase,
  type: z.literal('question'),
  content: ZRichText,
  answer: ZQuestionAnswer,
});
export type TQuestionNode = z.infer<typeof ZQuestionNode>;

export const ZCaptureField = z.enum(['name', 'email', 'phone', 'company', 'custom']);
export type TCaptureField = z.infer<typeof ZCaptureField>;

export const ZCaptureNode = z.strictObject({
  ...nodeBase,
  type: z.literal('capture'),
  field: ZCaptureField,
  saveTo: ZVariableKey,
  prompt: ZRichText,
  placeholder: z.string().max(100).optional(),
  required: z.boolean(),
  validation: ZCaptureValidation,
});
export type TCaptureNode = z.infer<typeof ZCaptureNode>;

export const ZLiveChatNode = z.strictObject({
  ...nodeBase,
  type: z.literal('live_chat'),
  onlineMessage: ZRichText,
  /** Range [15, 600] is a LIVECHAT_WAIT_OUT_OF_RANGE finding, not a parse error. */
  waitSeconds: z.number().int(),
  offlineMessage: ZRichText,
  /** Automatic assignment, team and ownership watchdog (issue 19); absent: manual. */
  routing: ZLiveChatRouting.optional(),
});
export type TLiveChatNode = z.infer<typeof ZLiveChatNode>;

export const ZPlaybookOutcome = z.enum(['qualified', 'disqualified', 'neutral']);
export type TPlaybookOutcome = z.infer<typeof ZPlaybookOutcome>;

/** The CRM's activity types. */
export const ZPlaybookActivityType = ZCrmActivityType;
export type TPlaybookActivityType = z.infer<typeof ZPlaybookActivityType>;

export const ZPlaybookCrmPersonMode = z.enum(['upsert_by_email_or_phone', 'create', 'none']);
export type TPlaybookCrmPersonMode = z.infer<typeof ZPlaybookCrmPersonMode>;

export const ZPlaybookCrmOrganizationMode = z.enum(['upsert_by_name', 'none']);
export type TPlaybookCrmOrganizationMode = z.infer<typeof ZPlaybookCrmOrganizationMode>;

export const ZPlaybookCrmRecordAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('lead'), titleTemplate: ZTemplateString }),
  z.strictObject({ kind: z.literal('deal'), titleTemplate: ZTemplateString, value: ZCrmMoney.optional() }),
]);
export type TPlaybookCrmRecordAction = z.infer<typeof ZPlaybookCrmRecordAction>;

export const ZPlaybookCrmActivityAction = z.strictObject({
  type: ZPlaybookActivityType,
  /** May be empty in a draft: rule 22 reports it on the card (ACTIVITY_SUBJECT_EMPTY). */
  subjectTemplate: z.string().trim().max(200),
  /** Due this many minutes after the conversation ends. */
  dueInMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 365),
});
export type TPlaybookCrmActivityAction = z.infer<typeof ZPlaybookCrmActivityAction>;

/** Who owns created records. User existence/role is checked by the server on activation. */
export const ZPlaybookCrmOwner = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('unassigned') }),
  z.strictObject({ strategy: z.literal('fixed'), userId: ZId }),
]);
export type TPlaybookCrmOwner = z.infer<typeof ZPlaybookCrmOwner>;

export const ZPlaybookCrmActions = z.strictObject({
  person: z.strictObject({ mode: ZPlaybookCrmPersonMode }),
  organization: z.strictObject({ mode: ZPlaybookCrmOrganizationMode }),
  record: ZPlaybookCrmRecordAction,
  activity: ZPlaybookCrmActivityAction.optional(),
  owner: ZPlaybookCrmOwner,
  /** Attach the conversation transcript as a note. */
  saveTranscript: z.boolean(),
});
export type TPlaybookCrmActions = z.infer<typeof ZPlaybookCrmActions>;

export const ZEndNode = z.strictObject({
  ...nodeBase,
  type: z.literal('end'),
  outcome: ZPlaybookOutcome,
  closingMessage: ZRichText.optional(),
  crm: ZPlaybookCrmActions,
});
export type TEndNode = z.infer<typeof ZEndNode>;

export const ZPlaybookNode = z.discriminatedUnion('type', [
  ZMessageNode,
  ZQuestionNode,
  ZCaptureNode,
  ZLiveChatNode,
  ZEndNode,
  ZConditionNode,
  ZSetVariableNode,
  ZHttpRequestNode,
  ZWaitNode,
]);
export type TPlaybookNode = z.infer<typeof ZPlaybookNode>;
export type TPlaybookNodeType = TPlaybookNode['type'];
export const PLAYBOOK_NODE_TYPES = [
  'message',
  'question',
  'capture',
  'live_chat',
  'end',
  'condition',
  'set_variable',
  'http_request',
  'wait',
] as const satisfies readonly TPlaybookNodeType[];

export const ZPlaybookEdge = z.strictObject({
  id: ZPlaybookElementId,
  from: z.strictObject({ nodeId: ZPlaybookElementId, port: z.string().min(1).max(80) }),
  to: z.strictObject({ nodeId: ZPlaybookElementId }),
});
export type TPlaybookEdge = z.infer<typeof ZPlaybookEdge>;

// Node/edge counts are TOO_MANY_NODES findings; the byte limit bounds the arrays.
export const ZPlaybookFlow = z.strictObject({
  startNodeId: ZPlaybookElementId,
  nodes: z.array(ZPlaybookNode),
  edges: z.array(ZPlaybookEdge),
});
export type TPlaybookFlow = z.infer<typeof ZPlaybookFlow>;

export const ZPlaybookDocument = z.strictObject({
  schemaVersion: z.literal(PLAYBOOK_SCHEMA_VERSION),
  appearance: ZPlaybookAppearance,
  targeting: ZPlaybookTargeting,
  variables: z.array(ZVariableDef).max(100),
  flow: ZPlaybookFlow,
});
export type TPlaybookDocument = z.infer<typeof ZPlaybookDocument>;
/** The document as sent by clients (before defaults such as image `alt` are applied). */
export type TPlaybookDocumentInput = z.input<typeof ZPlaybookDocument>;
