// What the medical-records domain adds to the app: the records under /api/records, and the
// person's records (as their doctor or as the patient) in their personal-data export.
import { defineDomain } from '../registry.js';
import { exportMedicalRecords } from './repo.js';
import { recordsRoutes } from './routes.js';
import { createRecordsService, type RecordsService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    records: RecordsService;
  }
}

export const recordsDomain = defineDomain({
  name: 'records',
  services: ({ db, realtime }) => createRecordsService({ db, realtime }),
  mounts: [{ path: '/records', routes: ({ records }) => recordsRoutes({ records }) }],
  providers: () => ({
    async exportFor(tx, userId) {
      const rows = await exportMedicalRecords(tx, userId);
      return {
        medical_records: rows.map((r) => ({
          id: r.id,
          role: r.doctor_id === userId ? 'doctor' : 'patient',
          doctor_id: r.doctor_id,
          patient_id: r.patient_id,
          title: r.title,
          notes: r.notes,
          version: r.version,
          created_at: r.created_at.toISOString(),
          updated_at: r.updated_at.toISOString(),
        })),
      };
    },
  }),
});
