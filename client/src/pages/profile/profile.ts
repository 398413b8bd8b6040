import type { OwnProfile, ProfileUpdateInput, TrainingLevel } from '$contract';

export interface ProfileValues {
  first_name: string;
  last_name: string;
  training_level: string;
  avatar: string;
}

export function toValues(profile: OwnProfile | null): ProfileValues {
  return {
    first_name: profile?.first_name ?? '',
    last_name: profile?.last_name ?? '',
    training_level: profile?.training_level ?? 'not_applicable',
    avatar: profile?.avatar ?? '',
  };
}

/** An empty avatar box removes the picture; `version` is the one the form was filled from. */
export function toUpdate(values: ProfileValues, version: number | undefined): ProfileUpdateInput {
  const avatar = values.avatar.trim();
  return {
    ...(version === undefined ? {} : { version }),
    first_name: values.first_name,
    last_name: values.last_name,
    training_level: values.training_level as TrainingLevel,
    avatar: avatar === '' ? null : avatar,
  };
}
