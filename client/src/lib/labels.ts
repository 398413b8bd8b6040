import type { Role } from '$contract';

export const PRODUCT_NAME = 'OSCE Practice';

export const ROLE_LABELS: Record<Role, string> = {
  trainee: 'Trainee',
  doctor: 'Doctor',
  patient: 'Patient',
  admin: 'Administrator',
};
