/** The words of the progress line for a run's status. */
import type { JobState as Status } from './state/jobQueue.ts';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * The message key that names `status` before "N of M replications": a run that
 * failed says so, it never reads as done (a failed run's count is how far it got).
 */
export function statusLabelKey(status: Status): MessageKey {
  switch (status) {
    case 'running':
      return 'running';
    case 'stopped':
      return 'stopped';
    case 'error':
      return 'failed';
    case 'done':
    case 'idle':
      return 'done';
  }
}
