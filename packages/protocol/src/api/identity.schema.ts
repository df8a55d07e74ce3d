import { z } from 'zod';
import { ZEmail } from '../common';

// Signed visitor identity (issue 24): the host page's server computes HMAC-SHA256(secret, userId)
// and the page passes it to `Charla.identify({ userId, userHash, … })`.

/** At most this many custom attributes, each key a playbook variable key. */
export const MAX_VISITOR_ATTRIBUTES = 20;
/** The attributes as JSON are at most this many bytes (UTF-8). */
export const MAX_VISITOR_ATTRIBUTES_BYTES = 2048;

const ZAttributeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use a lowercase letter, then a–z, 0–9 or "_"');

/**
 * One attribute value: text, a finite number, a boolean, or a date (`YYYY-MM-DD`, kept as text and
 * shown as a date). Objects and arrays are refused: attributes are shown and fed to playbooks.
 */
export const ZVisitorAttributeValue = z.union([z.string().trim().max(200), z.number().finite(), z.boolean()]);
export type TVisitorAttributeValue = z.infer<typeof ZVisitorAttributeValue>;

export const ZVisitorAttributes = z
  .record(ZAttributeKey, ZVisitorAttributeValue)
  .refine((value) => Object.keys(value).length <= MAX_VISITOR_ATTRIBUTES, {
    message: `At most ${MAX_VISITOR_ATTRIBUTES} attributes`,
  })
  .refine((value) => new TextEncoder().encode(JSON.stringify(value)).length <= MAX_VISITOR_ATTRIBUTES_BYTES, {
    message: `Attributes are at most ${MAX_VISITOR_ATTRIBUTES_BYTES} bytes as JSON`,
  });
export type TVisitorAttributes = z.infer<typeof ZVisitorAttributes>;

/** The identity the team sees: verified when the host page's server signed the userId. */
export const ZVisitorIdentity = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** True only for a userId whose HMAC the server verified (issue 24). Older rows lack it. */
  verified: z.boolean().optional(),
  userId: z.string().nullable().optional(),
  attributes: z.record(z.string(), ZVisitorAttributeValue).optional(),
  /**
   * The attribute keys whose value came from the company's server (`PUT
   * /api/v1/visitor-identities/{userId}`). The userHash signs the userId only, so every other
   * attribute came from the browser and is shown as unverified.
   */
  verifiedAttributes: z.array(z.string()).optional(),
  /**
   * True when the email came from the company's server (`PUT /api/v1/visitor-identities/{userId}`).
   * An email the browser passed is not covered by the userHash: it is shown as unverified and never
   * matched to a CRM person.
   */
  emailVerified: z.boolean().optional(),
});
export type TVisitorIdentity = z.infer<typeof ZVisitorIdentity>;

export const ZUserId = z.string().trim().min(1).max(200);
/** Lower-case hex of HMAC-SHA256: 64 characters. */
export const ZUserHash = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s.toLowerCase());

/** `POST /api/v1/widget/identify`: what `Charla.identify()` passes on (signed or not). */
export const ZIdentifyRequest = z.strictObject({
  userId: ZUserId.optional(),
  userHash: ZUserHash.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  email: ZEmail.optional(),
  attributes: ZVisitorAttributes.optional(),
});
export type TIdentifyRequest = z.infer<typeof ZIdentifyRequest>;

export const ZIdentifyResponse = z.object({
  verified: z.boolean(),
  /** Set when this browser becomes another visitor (the verified user's, from another device). */
  visitorToken: z.string().nullable(),
  visitorId: z.string(),
  /** The conversation to show on this device: the open one, else the newest (read-only when closed). */
  conversationId: z.string().nullable(),
});
export type TIdentifyResponse = z.infer<typeof ZIdentifyResponse>;

/** The identity settings as admins see them: never the secret itself (only its last four characters). */
export const ZIdentitySettingsDto = z.object({
  requireVerified: z.boolean(),
  /** Grace period of the previous secret after a rotation, in hours. */
  graceHours: z.number().int(),
  secrets: z.array(z.object({ hint: z.string(), createdAt: z.number(), expiresAt: z.number().nullable() })),
});
export type TIdentitySettingsDto = z.infer<typeof ZIdentitySettingsDto>;

export const ZUpdateIdentitySettingsRequest = z.strictObject({
  requireVerified: z.boolean().optional(),
  graceHours: z.number().int().min(0).max(720).optional(),
});
export type TUpdateIdentitySettingsRequest = z.infer<typeof ZUpdateIdentitySettingsRequest>;

/** The answer to a rotation: the new secret, shown this once. */
export const ZRotatedIdentitySecretDto = ZIdentitySettingsDto.extend({ secret: z.string() });
export type TRotatedIdentitySecretDto = z.infer<typeof ZRotatedIdentitySecretDto>;

/** A verified user's identity, as the REST API and the `visitor.identified` webhook show it. */
export const ZVerifiedIdentityDto = z.object({
  userId: z.string(),
  visitorId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  attributes: z.record(z.string(), ZVisitorAttributeValue),
  /** The attribute keys that came from the browser (`Charla.identify()`): not covered by the signature. */
  unverifiedAttributes: z.array(z.string()),
  /** True once the company's server set or confirmed the email over REST; false when only the browser passed it. */
  emailVerified: z.boolean(),
});
export type TVerifiedIdentityDto = z.infer<typeof ZVerifiedIdentityDto>;

/** `PUT /api/v1/visitor-identities/{userId}`: the host's server changes email, name or attributes. */
export const ZPutVerifiedIdentityRequest = z.strictObject({
  name: z.string().trim().min(1).max(120).nullable().optional(),
  email: ZEmail.nullable().optional(),
  attributes: ZVisitorAttributes.optional(),
});
export type TPutVerifiedIdentityRequest = z.infer<typeof ZPutVerifiedIdentityRequest>;

/** The `visitor.identified` webhook payload. */
export const ZVisitorIdentifiedEvent = z.object({ identity: ZVerifiedIdentityDto });
