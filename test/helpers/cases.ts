import { randomBytes } from 'node:crypto';
import { DEFAULT_MARK_DOMAINS } from '../../server/src/contract/cases.js';

/** A complete, valid private case whose condition and brief carry a distinctive marker. */
export function caseInput(overrides: Record<string, unknown> = {}) {
  const marker = randomBytes(4).toString('hex');
  return {
    case_name: `Headache in a teacher ${marker}`,
    internal_name: `HX-NEURO-T${marker}`,
    category: 'history_taking',
    domain: 'neurology',
    condition: `Idiopathic intracranial hypertension ${marker}`,
    candidate_brief: { setting: 'GP surgery, routine appointment', task: 'Take a history and explain your next steps.', information: ['BMI 34'] },
    actor_brief: {
      role: 'Patient, 29-year-old teacher',
      opening_line: `My headaches are getting worse, doctor (${marker}).`,
      persona: 'Anxious, articulate, worried about her job.',
      facts: [
        { id: 'onset', text: 'Started three months ago', disclosure: 'volunteer' },
        { id: 'vision', text: 'Brief greying of vision when standing', disclosure: 'if_asked' },
        { id: 'tinnitus', text: 'Whooshing noise in the ears', disclosure: 'if_asked' },
        { id: 'medication', text: 'Takes the combined pill', disclosure: 'if_asked' },
      ],
      ideas: 'Thinks it is stress.',
      concerns: 'Worried it is a brain tumour.',
      expectations: 'Wants a scan.',
      emotional_cues: ['Fidgets when asked about work'],
      questions_to_ask: ['Do I need a scan?'],
    },
    mark_scheme: {
      domains: DEFAULT_MARK_DOMAINS.map((d) => ({ ...d })),
      checklist: [
        { id: 'visual', domain: 'data_gathering', text: 'Asks about visual symptoms' },
        { id: 'drugs', domain: 'data_gathering', text: 'Takes a drug history' },
        { id: 'plan', domain: 'clinical_management', text: 'Arranges urgent fundoscopy' },
        { id: 'ice', domain: 'interpersonal_skills', text: 'Explores ideas, concerns and expectations' },
        { id: 'safety', domain: 'clinical_management', text: 'Safety-nets for visual loss' },
      ],
    },
    ...overrides,
  };
}
