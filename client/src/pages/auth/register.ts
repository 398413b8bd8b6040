import { SELF_ASSIGNABLE_ROLES, type AccountRegisterInput } from '$contract';
import { ROLE_LABELS } from '../../lib/labels';

export const ROLE_OPTIONS = SELF_ASSIGNABLE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export interface RegisterValues {
  email: string;
  password: string;
  first_name: string;
  last_name: string;
  role: string;
  training_level: string;
}

/**
 * The request body as typed; the contract schema checks it before sending. Patients have no
 * training level: the server records `not_applicable` for them.
 */
export function toRegisterInput(values: RegisterValues): AccountRegisterInput {
  const { training_level, role, ...rest } = values;
  const input = { ...rest, role: role as AccountRegisterInput['role'] };
  if (role === 'patient' || training_level === '') return input;
  return { ...input, training_level: training_level as AccountRegisterInput['training_level'] };
}
