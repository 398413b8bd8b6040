import { z } from 'zod';
import { Secret, Text, VersionSchema } from './primitives.js';
import { LIMITS } from './limits.js';

/** Roles a person can hold. `admin` is never self-assigned (CLI or FIRST_ADMIN_* only). */
export const ROLES = ['trainee', 'doctor', 'patient', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const SELF_ASSIGNABLE_ROLES = ['trainee', 'doctor', 'patient'] as const;

/** Stage of training, shown on the board so partners can pick someone at their level. */
export const TRAINING_LEVELS = [
  'medical_student',
  'foundation_year_1',
  'foundation_year_2',
  'core_trainee',
  'specialty_trainee',
  'img_plab',
  'staff_grade',
  'consultant',
  'general_practitioner',
  'nurse_or_ahp',
  'other',
  'not_applicable',
] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

export const TRAINING_LEVEL_LABELS: Record<TrainingLevel, string> = {
  medical_student: 'Medical student',
  foundation_year_1: 'Foundation year 1',
  foundation_year_2: 'Foundation year 2',
  core_trainee: 'Core trainee',
  specialty_trainee: 'Specialty trainee',
  img_plab: 'IMG preparing for PLAB',
  staff_grade: 'Staff grade / SAS doctor',
  consultant: 'Consultant',
  general_practitioner: 'General practitioner',
  nurse_or_ahp: 'Nurse or allied health professional',
  other: 'Other',
  not_applicable: 'Not applicable',
};

/** Emails compare case-insensitively; we store and look them up lower-cased. */
export const EmailSchema = Text
  .trim()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .transform((e) => e.toLowerCase());

export const PasswordSchema = Secret
  .min(LIMITS.passwordMin, { message: `Password must be at least ${LIMITS.passwordMin} characters` })
  .max(LIMITS.passwordMax, { message: `Password must be at most ${LIMITS.passwordMax} characters` });

/** Names are stored verbatim (any script, apostrophes, hyphens); only blank and control characters are refused. */
export const PersonNameSchema = Text
  .trim()
  .min(1, { message: 'Required' })
  .max(LIMITS.nameMax, { message: `At most ${LIMITS.nameMax} characters` })
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), { message: 'Must not contain control characters' });

export const TrainingLevelSchema = z.enum(TRAINING_LEVELS, { message: 'Choose a training level' });

/** POST /api/auth/register */
export const AccountRegisterSchema = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    first_name: PersonNameSchema,
    last_name: PersonNameSchema,
    training_level: TrainingLevelSchema.optional(),
    role: z.enum(SELF_ASSIGNABLE_ROLES, { message: 'Role must be trainee, doctor or patient' }).default('trainee'),
  })
  .superRefine((v, ctx) => {
    if (v.role !== 'patient' && v.training_level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['training_level'], message: 'Choose a training level' });
    }
  })
  .transform((v) => ({ ...v, training_level: v.training_level ?? ('not_applicable' as TrainingLevel) }));
export type AccountRegisterInput = z.input<typeof AccountRegisterSchema>;

/** POST /api/auth/login */
export const AccountLoginSchema = z.strictObject({
  email: EmailSchema,
  password: Secret.min(1, { message: 'Required' }).max(LIMITS.passwordMax),
});
export type AccountLoginInput = z.input<typeof AccountLoginSchema>;

/** POST /api/auth/password-reset */
export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestSchema>;

/** POST /api/auth/password-reset/confirm */
export const PasswordResetConfirmSchema = z.strictObject({
  token: Secret.min(1, { message: 'Required' }).max(200),
  password: PasswordSchema,
});
export type PasswordResetConfirmInput = z.input<typeof PasswordResetConfirmSchema>;

/** DELETE /api/auth/me — the password confirms an irreversible erasure. */
export const AccountEraseSchema = z.strictObject({
  password: Secret.min(1, { message: 'Required' }).max(LIMITS.passwordMax),
});
export type AccountEraseInput = z.input<typeof AccountEraseSchema>;

/** An http(s) URL to a picture, or null to remove it. */
export const AvatarSchema = Text
  .trim()
  .max(LIMITS.avatarUrlMax)
  .pipe(z.url({ protocol: /^https?$/i, message: 'Avatar must be an http(s) URL' }))
  // Stored in the URL standard's normal form (lower-case scheme and host), as the database expects.
  .transform((u) => new URL(u).href)
  .nullable();

/** PATCH /api/profiles/me — any subset; `version` guards against overwriting a newer edit. */
export const ProfileUpdateSchema = z.strictObject({
  version: VersionSchema.optional(),
  first_name: PersonNameSchema.optional(),
  last_name: PersonNameSchema.optional(),
  training_level: TrainingLevelSchema.optional(),
  avatar: AvatarSchema.optional(),
});
export type ProfileUpdateInput = z.input<typeof ProfileUpdateSchema>;

export const UserIdParamSchema = z.strictObject({ user_id: z.uuid({ message: 'Not a valid id' }) });

/** `user` as every auth route returns it. */
export interface User {
  id: string;
  email: string;
  role: Role;
  created_at: string;
}

/** A profile as anyone may read it. */
export interface PublicProfile {
  user_id: string;
  first_name: string;
  last_name: string;
  training_level: TrainingLevel;
  avatar: string | null;
}

/** The caller's own profile carries its version for optimistic updates. */
export interface OwnProfile extends PublicProfile {
  version: number;
  updated_at: string;
}

export interface MeResponse {
  user: User;
  profile: OwnProfile | null;
}
export interface LoginResponse {
  user: User;
  token: string;
}
