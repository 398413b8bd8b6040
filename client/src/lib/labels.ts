import { TRAINING_LEVELS, TRAINING_LEVEL_LABELS, type Role } from '$contract';

export const PRODUCT_NAME = 'OSCE Practice';

export const ROLE_LABELS: Record<Role, string> = {
  trainee: 'Trainee',
  doctor: 'Doctor',
  patient: 'Patient',
  admin: 'Administrator',
};

export const TRAINING_LEVEL_OPTIONS = TRAINING_LEVELS.map((value) => ({ value, label: TRAINING_LEVEL_LABELS[value] }));
