import { MedicalRecordCreateSchema, MedicalRecordListQuerySchema, MedicalRecordUpdateSchema } from '../../contract/records.js';
import { resourceRoutes } from '../../kit/resource-routes.js';
import type { RecordsService } from './service.js';

/** `/api/records`: the kit's five routes over the records service, which adds the doctor-only rules. */
export function recordsRoutes({ records }: { records: RecordsService }) {
  return resourceRoutes(records, { list: MedicalRecordListQuerySchema, create: MedicalRecordCreateSchema, update: MedicalRecordUpdateSchema });
}
