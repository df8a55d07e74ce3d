import type { TPlaybookDocument, TPlaybookFindingDto } from '@charla/protocol';

/** Activation check against the CRM: every fixed record owner of an end card is an active user. */
export function crmOwnerFindings(
  document: TPlaybookDocument,
  activeUserIds: ReadonlySet<string>,
): TPlaybookFindingDto[] {
  const findings: TPlaybookFindingDto[] = [];
  document.flow.nodes.forEach((node, i) => {
    if (node.type !== 'end' || node.crm.owner.strategy !== 'fixed') return;
    if (activeUserIds.has(node.crm.owner.userId)) return;
    findings.push({
      code: 'CRM_OWNER_UNKNOWN',
      severity: 'error',
      nodeId: node.id,
      path: ['flow', 'nodes', String(i), 'crm', 'owner', 'userId'],
      message: 'The owner of the records this card creates is not an active user.',
    });
  });
  return findings;
}

/** The user ids named as fixed owners in a document. */
export function fixedOwnerIds(document: TPlaybookDocument): string[] {
  return document.flow.nodes.flatMap((node) =>
    node.type === 'end' && node.crm.owner.strategy === 'fixed' ? [node.crm.owner.userId] : [],
  );
}
