import { ApiError } from './client';

/** Known refusals of the API, said in plain words (`code/subcode` → sentence). */
const PLAIN: Record<string, string> = {
  '400/101': 'This experiment does not exist any more (it may have been deleted).',
  '400/110': 'The experiment’s status does not allow this (for example it is running, queued or published).',
  '400/111': 'The experiment is not in a status that can be changed this way.',
  '400/201': 'This model does not exist any more.',
  '400/401': 'This project does not exist any more.',
  '400/403': 'A project with that name already exists.',
  '400/701': 'The queue does not exist any more.',
  '400/702': 'The queue still has experiments waiting in it.',
  '400/703': 'The experiment is not in this queue any more.',
  '400/706': 'The experiment is already in that queue.',
  '400/707': 'There is no default queue; choose a queue.',
  '400/801': 'A queue with that name already exists.',
  '403/20': 'Your role does not allow this.',
};

/** What a failed call means for the user, in one sentence; the server's own message when no better one is known. */
export function plainError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return 'The server cannot be reached. Check that it is running and try again.';
    if (error.unauthorized) return 'Your session has ended. Sign in again.';
    const known = PLAIN[`${error.code}/${error.subcode}`];
    if (known) return known;
    if (error.code === 403) return 'You are not allowed to do this.';
    return sentence(error.message);
  }
  return sentence(error instanceof Error ? error.message : String(error));
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'Something went wrong.';
  const first = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The `failed` items of a `*_many` answer, as `{id, message}` in plain words. */
export interface BatchFailure {
  id: string;
  message: string;
}

export function batchFailures(failed: { id: string; error?: { codes?: number[]; msg?: string } }[] | undefined):
  BatchFailure[] {
  return (failed ?? []).map((f) => {
    const [code = 400, subcode = 0] = f.error?.codes ?? [];
    return { id: f.id, message: plainError(new ApiError('', code, subcode, f.error?.msg ?? '')) };
  });
}
