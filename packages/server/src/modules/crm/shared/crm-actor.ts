import type { FastifyRequest } from 'fastify';
import { requireUser } from '../../../http/route-config';
import type { CrmActor } from './crm-context';

/** The acting user of a CRM route; records made through a browser session count as `manual`. */
export function actorOf(request: FastifyRequest): CrmActor {
  return { user: requireUser(request), source: request.viaCookie ? 'manual' : 'api' };
}
