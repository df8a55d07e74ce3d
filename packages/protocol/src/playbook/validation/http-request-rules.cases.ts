import { calling, pausing } from '../http-request.fixtures';
import type { TPlaybookFindingCode } from '../playbook-findings';

type TCase = { failing: () => unknown; passing: () => unknown };

/** One failing and one passing document per rule 23–24 finding (used by validate-playbook.test.ts). */
export const httpRequestCases: Record<
  Extract<TPlaybookFindingCode, `HTTP_${string}` | `WAIT_${string}`>,
  TCase
> = {
  HTTP_URL_INVALID: {
    failing: () => calling({ url: 'https://{{host}}.example.com/plans' }),
    passing: () => calling({ url: 'https://api.example.com/{{locale}}/plan' }),
  },
  HTTP_URL_PRIVATE: {
    failing: () => calling({ url: 'https://169.254.169.254/latest/meta-data' }),
    passing: () => calling({ url: 'https://203.0.114.7/plans' }),
  },
  HTTP_URL_INSECURE: {
    failing: () => calling({ url: 'http://api.example.com/plans' }),
    passing: () => calling({ url: 'https://api.example.com/plans' }),
  },
  HTTP_TIMEOUT_OUT_OF_RANGE: {
    failing: () => calling({ timeoutSeconds: 11 }),
    passing: () => calling({ timeoutSeconds: 10 }),
  },
  HTTP_BODY_INVALID: {
    failing: () => calling({ method: 'POST', body: '{"email": {{visitor_email}}}' }),
    passing: () => calling({ method: 'POST', body: '{"lang": "{{locale}}", "n": 1}' }),
  },
  HTTP_MAPPING_PATH_INVALID: {
    failing: () => calling({ mapping: [{ path: 'data..plan', variable: 'plan' }] }),
    passing: () => calling({ mapping: [{ path: 'data.items.0.plan', variable: 'plan' }] }),
  },
  HTTP_MAPPING_VARIABLE_INVALID: {
    failing: () => calling({ mapping: [{ path: 'data.url', variable: 'page_url' }] }),
    passing: () => calling({ mapping: [{ path: 'data.plan', variable: 'plan' }] }),
  },
  WAIT_OUT_OF_RANGE: {
    failing: () => pausing(61),
    passing: () => pausing(60),
  },
};
