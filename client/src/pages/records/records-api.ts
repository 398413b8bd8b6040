import type { MedicalRecord, MedicalRecordCreateInput, MedicalRecordListQuery, MedicalRecordUpdateInput, Page } from '$contract';
import { queryString, request } from '../../lib/api';

const recordPath = (id: string) => `/api/records/${encodeURIComponent(id)}`;

/** `/api/records`, through the app's one fetch wrapper: contract errors come back as data. */
export const recordsApi = {
  /** What the caller wrote (doctors) or what is about them (patients), newest first. */
  list: (params: Partial<MedicalRecordListQuery> = {}) => request<Page<MedicalRecord>>('GET', `/api/records${queryString(params)}`),
  /** Doctors only (403 for everyone else); 400 when the email or id is not a patient account. */
  create: (input: MedicalRecordCreateInput) => request<MedicalRecord>('POST', '/api/records', input),
  /** The writing doctor only; 409 when `version` is stale. */
  update: (id: string, input: MedicalRecordUpdateInput) => request<MedicalRecord>('PATCH', recordPath(id), input),
  remove: (id: string) => request<void>('DELETE', recordPath(id)),
};
