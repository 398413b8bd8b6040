import { describe, expect, it } from 'vitest';
import { afterWriting, matchPatients } from '../../../client/src/pages/records/patient-search.js';

const patients = [
  { id: '1', first_name: 'Pat', last_name: 'Patient' },
  { id: '2', first_name: 'Zoë', last_name: 'O’Neill' },
  { id: '3', first_name: 'Anne-Marie', last_name: 'Smith' },
  { id: '4', first_name: 'Patrick', last_name: 'Jones' },
];
const ids = (query: string) => matchPatients(patients, query).map((p) => p.id);

describe('finding an earlier patient by name', () => {
  it('lists every patient, in the order given, before anything is typed', () => {
    expect(ids('')).toEqual(['1', '2', '3', '4']);
    expect(ids('   ')).toEqual(['1', '2', '3', '4']);
  });

  it('matches the start of any word of the name, every word typed, in any case', () => {
    expect(ids('pat')).toEqual(['1', '4']);
    expect(ids('PAT PA')).toEqual(['1']);
    expect(ids('jones pat')).toEqual(['4']);
    expect(ids('tient')).toEqual([]);
  });

  it('ignores accents and splits names at hyphens and apostrophes', () => {
    expect(ids('zoe')).toEqual(['2']);
    expect(ids('neill')).toEqual(['2']);
    expect(ids('marie')).toEqual(['3']);
  });

  it('matches no name once an email is being typed', () => {
    expect(ids('pat@example.com')).toEqual([]);
  });
});

describe('the list after writing a record', () => {
  const listed = [
    { id: '1', first_name: 'Pat', last_name: 'Patient', records: 2, last_written_at: '2026-12-01T10:00:00.000Z' },
    { id: '2', first_name: 'Zoë', last_name: 'O’Neill', records: 1, last_written_at: '2026-11-01T10:00:00.000Z' },
  ];

  it('moves the patient to the top and counts the record', () => {
    const after = afterWriting(listed, { created_at: '2026-12-03T09:00:00.000Z', patient: { id: '2', first_name: 'Zoë', last_name: 'O’Neill' } });
    expect(after.map((p) => [p.id, p.records, p.last_written_at])).toEqual([
      ['2', 2, '2026-12-03T09:00:00.000Z'],
      ['1', 2, '2026-12-01T10:00:00.000Z'],
    ]);
  });

  it('adds a patient written for the first time', () => {
    const after = afterWriting(listed, { created_at: '2026-12-03T09:00:00.000Z', patient: { id: '3', first_name: 'New', last_name: 'Person' } });
    expect(after.map((p) => [p.id, p.records])).toEqual([
      ['3', 1],
      ['1', 2],
      ['2', 1],
    ]);
  });
});
