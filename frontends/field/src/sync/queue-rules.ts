import type { InterventionStatus } from '../gql/graphql';
import type { CommandAction, FieldJob, QueuedCommand } from '../store/db';
import type { RequestOutcome } from '../api/graphql-request';
import { reportInput } from '@relais/ui/report-input';
import { draftFromJob, type ReportDraft } from './report-draft';

/** The status the technician sees: the server's, moved on by the commands still in the queue. */
export function localStatus(status: InterventionStatus, commands: readonly Pick<QueuedCommand, 'kind'>[]): InterventionStatus {
  return commands.reduce<InterventionStatus>((current, command) => {
    if (command.kind === 'start' && current === 'SCHEDULED') return 'IN_PROGRESS';
    if (command.kind === 'complete') return 'COMPLETED';
    return current;
  }, status);
}

/** The report as the technician last saved it on the device, else as the server has it. */
export function localDraft(job: FieldJob, commands: readonly CommandAction[]): ReportDraft {
  const reports = commands.flatMap((command) => (command.kind === 'report' ? [command.draft] : []));
  return reports.at(-1) ?? draftFromJob(job);
}

/** The variables of a command's first attempt, against the version the technician worked from. */
export function commandVariables(command: CommandAction & { jobId: string }, expectedVersion: number): Record<string, unknown> {
  if (command.kind === 'report') {
    const { draft } = command;
    return {
      id: command.jobId,
      report: reportInput(draft, { signatureDataUrl: draft.signatureDataUrl, photosChanged: draft.photosChanged }),
      expectedVersion,
    };
  }
  return { id: command.jobId, expectedVersion };
}

export type OutcomeAction = 'applied' | 'retryLater' | 'signIn' | 'problem';

/** What the queue does after one attempt: next command, stop until the network or a sign-in, or hold the job. */
export function actionFor(outcome: RequestOutcome<unknown>): OutcomeAction {
  switch (outcome.kind) {
    case 'ok':
      return 'applied';
    case 'offline':
      return 'retryLater';
    case 'unauthenticated':
      return 'signIn';
    case 'refused':
      return 'problem';
  }
}

/**
 * After a refusal the technician may send their work again on the office's version: the commands that
 * still make sense there (no "start" on a job already started), each with a NEW idempotency key
 * (the request differs), or nothing when the office cancelled or finished the job.
 */
export function commandsToResend<T extends Pick<QueuedCommand, 'kind'>>(
  serverStatus: InterventionStatus,
  commands: readonly T[],
): T[] | null {
  if (serverStatus !== 'SCHEDULED' && serverStatus !== 'IN_PROGRESS') return null;
  return commands.filter((command) => !(command.kind === 'start' && serverStatus !== 'SCHEDULED'));
}
