/** Finding one of a doctor's earlier patients by what they type: pure, so the rules are unit-tested. */

interface Named {
  first_name: string;
  last_name: string;
}

/** Lower case without accents: "Zoë" is found by "zoe". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/**
 * The patients whose name matches `query`, in the order given (most recently written for first):
 * every word typed must start a different word of the name, so "pat" and "pa pa" both find
 * "Pat Patient", "pa pa" does not find "Patrick Jones", and "tient" finds nobody. Nothing typed lists them all; an email (anything with "@") matches no name.
 */
export function matchPatients<T extends Named>(patients: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...patients];
  if (query.includes('@')) return [];
  // Longest words first, each taking a word of the name of its own: "pa pa" needs two names starting "pa".
  const wanted = [...words].sort((a, b) => b.length - a.length);
  return patients.filter((p) => {
    const parts = fold(`${p.first_name} ${p.last_name}`).split(/[\s'’-]+/);
    return wanted.every((w) => {
      const at = parts.findIndex((part) => part.startsWith(w));
      if (at === -1) return false;
      parts.splice(at, 1);
      return true;
    });
  });
}

interface Listed extends Named {
  id: string;
  records: number;
  last_written_at: string;
}

/**
 * The list once the doctor has written `record`: its patient first (most recently written for),
 * counted once more, added if new. Saves asking the server again for what it has just answered.
 */
export function afterWriting<T extends Listed>(
  patients: readonly T[],
  record: { created_at: string; patient: { id: string; first_name: string; last_name: string } },
): Listed[] {
  const before = patients.find((p) => p.id === record.patient.id);
  const written: Listed = {
    ...record.patient,
    records: (before?.records ?? 0) + 1,
    last_written_at: record.created_at,
  };
  return [written, ...patients.filter((p) => p.id !== record.patient.id)];
}
