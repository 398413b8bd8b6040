import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createPresenceWatch } from '../../../server/src/domains/sessions/presence.js';

/** A presence watch whose "who is in the room" answers only when the test says so. */
function watchWithPendingAnswers() {
  const answers: Array<(present: Set<string>) => void> = [];
  const changes: Array<{ sessionId: string; present: string[] }> = [];
  const resumed: string[] = [];
  const watch = createPresenceWatch({
    usersInSession: () => new Promise<Set<string>>((resolve) => answers.push(resolve)),
    onDropped: async () => undefined,
    onPresent: async (sessionId) => void resumed.push(sessionId),
    onChange: (sessionId, present) => void changes.push({ sessionId, present: [...present] }),
    graceMs: 60_000,
    logger: pino({ level: 'silent' }),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { watch, answers, changes, resumed, settle };
}

describe('the presence watch', () => {
  it('passes on who is in the room after each arrival and departure', async () => {
    const { watch, answers, changes, resumed, settle } = watchWithPendingAnswers();
    watch.joined('s1');
    answers.shift()!(new Set(['a', 'b']));
    await settle();
    watch.left('s1', 'b');
    answers.shift()!(new Set(['a']));
    await settle();
    expect(changes).toEqual([
      { sessionId: 's1', present: ['a', 'b'] },
      { sessionId: 's1', present: ['a'] },
    ]);
    expect(resumed).toEqual(['s1']);
    watch.close();
  });

  it('sends nothing once closed, even for an answer that was on its way (a shutdown: the realtime layer is going)', async () => {
    const { watch, answers, changes, resumed, settle } = watchWithPendingAnswers();
    watch.joined('s1');
    watch.left('s1', 'b');
    watch.close();
    for (const answer of answers.splice(0)) answer(new Set(['a']));
    await settle();
    expect(changes).toEqual([]);
    expect(resumed).toEqual([]);
  });
});
