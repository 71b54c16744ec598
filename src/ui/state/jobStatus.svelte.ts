/** The reactive status object every job of the app reports through (see jobQueue.ts). */
import type { ExperimentProgress } from '../../experiments/types.ts';
import type { JobState, JobStatus } from './jobQueue.ts';

/** A job's state, progress and error, as $state so the page follows them. */
export class ReactiveJobStatus implements JobStatus {
  state = $state<JobState>('idle');
  progress = $state.raw<ExperimentProgress | null>(null);
  error = $state<string | null>(null);

  /** Back to nothing to show (a new workspace). */
  reset(): void {
    this.state = 'idle';
    this.progress = null;
    this.error = null;
  }
}
