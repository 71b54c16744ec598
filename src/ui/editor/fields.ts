/**
 * The editor's cards, as data: one per department, read from the department
 * descriptors (src/domain/departments.ts), then the run settings.
 */
import type { MessageKey } from '../../i18n/messages.ts';
import { DEPARTMENT_LIST, type Department, type DepartmentInfo } from '../../domain/departments.ts';
import type { FieldDef } from '../../domain/fields.ts';

export type { FieldDef, FieldKind } from '../../domain/fields.ts';

/** A card of the editor: a department, or the run settings. */
export interface CardDef {
  title: MessageKey;
  department: Department | 'run';
  /** Colour of the card's top border. */
  colour: string;
  /** Its fields; paths are full paths in the scenario. */
  fields: FieldDef[];
  /** Validation problems about several fields together, shown under the card. */
  jointProblems: DepartmentInfo['jointProblems'];
}

/** The run settings: horizon, warm-up, the date of day 0, replications, seed and target. */
const RUN_CARD: CardDef = {
  title: 'run',
  department: 'run',
  colour: '#777',
  fields: [
    { path: ['horizonDays'], label: 'horizonDays', help: 'horizonDaysHelp', kind: 'number' },
    { path: ['warmupDays'], label: 'warmupDays', help: 'warmupDaysHelp', kind: 'number' },
    { path: ['startDate'], label: 'startDate', help: 'startDateHelp', kind: 'date' },
    { path: ['replications'], label: 'replications', help: 'replicationsHelp', kind: 'number' },
    { path: ['seed'], label: 'seed', help: 'seedHelp', kind: 'text' },
    { path: ['targets', 'arrYen'], label: 'targetArr', help: 'targetArrHelp', kind: 'yen' },
  ],
  jointProblems: [],
};

/** The cards, in flow order, then the run settings. */
export const CARDS: CardDef[] = [
  ...DEPARTMENT_LIST.map((d) => ({
    title: d.label,
    department: d.key,
    colour: d.cardColour,
    fields: d.fields.map((f) => ({ ...f, path: [d.key, ...f.path] })),
    jointProblems: d.jointProblems,
  })),
  RUN_CARD,
];
