/**
 * The `ACTIONS_RUNTIME_TOKEN` a runner hands a job: a JWT whose `scp` claim names the run and job
 * backend ids (`Actions.Results:<run>:<job>`). The toolkit clients only decode it; the fake results
 * service reads it back to know which run a call acts for. The signature is a dummy.
 */

export interface BackendIds {
  runBackendId: string;
  jobBackendId: string;
}

const base64url = (value: string): string => Buffer.from(value, 'utf8').toString('base64url');

export function makeRuntimeToken(ids: BackendIds, extraScopes: readonly string[] = ['Actions.GenericRead:00000000-0000-0000-0000-000000000000']): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { typ: 'JWT', alg: 'RS256', x5t: 'fake' };
  const payload = {
    // Other scopes first: the clients must pick Actions.Results out of a space-separated list.
    scp: [...extraScopes, `Actions.Results:${ids.runBackendId}:${ids.jobBackendId}`].join(' '),
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:fake',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
  };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url('not-a-signature')}`;
}

/** Backend ids from a runtime token, or undefined when it is not one. */
export function decodeRuntimeToken(token: string | undefined): BackendIds | undefined {
  const payloadPart = token?.split('.')[1];
  if (payloadPart === undefined) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const scp = (payload as { scp?: unknown }).scp;
  if (typeof scp !== 'string') return undefined;
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':');
    if (parts[0] === 'Actions.Results' && parts.length === 3) return { runBackendId: parts[1]!, jobBackendId: parts[2]! };
  }
  return undefined;
}
