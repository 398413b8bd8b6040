import { describe, expect, it } from 'vitest';
import {
  analyseTranscript,
  CONCERNS_CUES,
  EXPECTATIONS_CUES,
  IDEAS_CUES,
  IDENTITY_CHECK_CUES,
  INTRODUCTION_CUES,
  JARGON_EXPLANATION_MARKERS,
  MEDICAL_JARGON,
  OPEN_QUESTION_STARTERS,
  QUESTION_STARTERS,
  QUOTE_MAX_CHARS,
  SAFETY_NETTING_CUES,
  type AnalysisFact,
  type AnalysisSegment,
} from '../../../server/src/domains/assessments/analysis.js';

let clock = 0;
const c = (text: string): AnalysisSegment => ({ speaker: 'candidate', at_ms: (clock += 4000), text });
const a = (text: string): AnalysisSegment => ({ speaker: 'actor', at_ms: (clock += 4000), text });

const facts: AnalysisFact[] = [
  { id: 'f1', text: 'Tight chest on walking uphill', disclosure: 'volunteer' },
  { id: 'f2', text: 'The pain goes into the left arm', disclosure: 'if_asked' },
  { id: 'f3', text: 'Father had a heart attack at 50', disclosure: 'if_asked' },
  { id: 'f4', text: 'Smokes 20 a day', disclosure: 'if_asked' },
  { id: 'f5', text: 'Works as a bus driver', disclosure: 'volunteer' },
];

// A good consultation. Words per segment are counted by hand in the trailing comments.
const good: AnalysisSegment[] = [
  /* 0 */ c("Hello, my name is Dr Amara Patel, I'm one of the doctors here."), // 13
  /* 1 */ c('Could you confirm your full name and date of birth for me?'), // 12 · closed
  /* 2 */ a('Sarah Jones, fourteenth of March 1968.'), // 6
  /* 3 */ c('Thank you. What brought you in to see us today?'), // 10 · open
  /* 4 */ a("I've been getting this tight feeling in my chest when I walk up the hill to the shops."), // 18
  /* 5 */ c('Can you tell me a bit more about that feeling?'), // 10 · open
  /* 6 */ a("It's like a heavy band across my chest, and it goes after a few minutes of rest."), // 17
  /* 7 */ c('How long has this been happening? Does the pain spread anywhere? Any shortness of breath?'), // 15 · 3 closed
  /* 8 */ a('About two months. Sometimes it goes into my left arm.'), // 10
  /* 9 */ c('What do you think might be causing it?'), // 8 · open
  /* 10 */ a("My dad had a heart attack at fifty, so I keep thinking it's my heart."), // 15
  /* 11 */ c("Is there anything in particular that's worrying you about that?"), // 10 · closed
  /* 12 */ a("That I'll end up like him."), // 6
  /* 13 */ c('And what were you hoping we could do for you today?'), // 11 · open
  /* 14 */ a('Find out what it is, really.'), // 6
  /* 15 */ c(
    "It sounds like this could be angina, which means the heart muscle isn't getting enough blood when you exert yourself. " +
      "I'd like to arrange an ECG, that is a tracing of your heart's electrical activity.",
  ), // 20 + 15 = 35
  /* 16 */ c('If the pain comes on at rest or lasts more than 15 minutes, call 999 straight away.'), // 17
  /* 17 */ a('Okay, thank you doctor.'), // 4
];
// Candidate: 13+12+10+10+15+8+10+11+35+17 = 141. Actor: 6+18+17+10+15+6+6+4 = 82. Total 223.

// A poor one: no introduction or identity check, closed questions only, unexplained jargon, no ICE,
// no safety-netting.
const poor: AnalysisSegment[] = [
  /* 0 */ c('do you smoke'), // 3 · closed (unpunctuated)
  /* 1 */ a('yes about twenty a day'), // 5
  /* 2 */ c('Any chest pain?'), // 3 · closed
  /* 3 */ a('Yes, when I walk up stairs.'), // 6
  /* 4 */ c('How many times has it happened? How often do you get it? Does it go away with rest?'), // 6+6+6 = 18 · 3 closed
  /* 5 */ a('Maybe five times. Every few days. Yes, it does.'), // 9
  /* 6 */ c('Right. I think you may have had a myocardial infarction. We\'ll do an ECG and some bloods.'), // 17
  /* 7 */ a('Okay.'), // 1
  /* 8 */ c('Is the pain there now? Have you had it before?'), // 10 · 2 closed
];
// Candidate: 3+3+18+17+10 = 51. Actor: 5+6+9+1 = 21. Total 72.

describe('analyseTranscript — a good consultation', () => {
  const result = analyseTranscript(good, facts, ['f2', 'f3']);

  it('measures the talking by words spoken', () => {
    expect(result.talk_share).toEqual({ candidate: 0.632, actor: 0.368 }); // 141/223, 82/223
  });

  it('counts the questions and the open share', () => {
    expect(result.questions).toEqual({ total: 9, open: 4, open_share: 0.444 });
  });

  it('finds the introduction, identity check, ICE and safety-netting', () => {
    expect(result.introduction).toEqual({ introduced_self: true, checked_identity: true });
    expect(result.ice).toEqual({ ideas: true, concerns: true, expectations: true });
    expect(result.safety_netting).toBe(true);
  });

  it('reports the jargon used, explained', () => {
    expect(result.jargon).toEqual([
      { term: 'angina', explained: true },
      { term: 'ECG', explained: true },
    ]);
  });

  it('points at the sentence that showed each positive finding', () => {
    expect(result.evidence).toEqual([
      { check: 'introduced_self', segment_index: 0, quote: "Hello, my name is Dr Amara Patel, I'm one of the doctors here." },
      { check: 'checked_identity', segment_index: 1, quote: 'Could you confirm your full name and date of birth for me?' },
      { check: 'ideas', segment_index: 9, quote: 'What do you think might be causing it?' },
      { check: 'concerns', segment_index: 11, quote: "Is there anything in particular that's worrying you about that?" },
      { check: 'expectations', segment_index: 13, quote: 'And what were you hoping we could do for you today?' },
      { check: 'safety_netting', segment_index: 16, quote: 'If the pain comes on at rest or lasts more than 15 minutes, call 999 straight away.' },
    ]);
  });

  it('includes the disclosure tracker', () => {
    expect(result.disclosure).toEqual({ if_asked_total: 3, elicited: 2, coverage: 0.667, missed: [{ id: 'f4', text: 'Smokes 20 a day' }] });
  });

  it('is deterministic and leaves its input alone', () => {
    const copy = structuredClone(good);
    expect(analyseTranscript(good, facts, ['f2', 'f3'])).toEqual(result);
    expect(good).toEqual(copy);
  });
});

describe('analyseTranscript — a poor consultation', () => {
  const result = analyseTranscript(poor, facts, ['f4']);

  it('finds no introduction, identity check, ICE or safety-netting, and so no evidence', () => {
    expect(result.introduction).toEqual({ introduced_self: false, checked_identity: false });
    expect(result.ice).toEqual({ ideas: false, concerns: false, expectations: false });
    expect(result.safety_netting).toBe(false);
    expect(result.evidence).toEqual([]);
  });

  it('counts only closed questions', () => {
    expect(result.questions).toEqual({ total: 7, open: 0, open_share: 0 });
  });

  it('flags the unexplained jargon', () => {
    expect(result.jargon).toEqual([
      { term: 'myocardial infarction', explained: false },
      { term: 'ECG', explained: false },
    ]);
  });

  it('shows the candidate doing most of the talking', () => {
    expect(result.talk_share).toEqual({ candidate: 0.708, actor: 0.292 }); // 51/72, 21/72
  });

  it('lists the facts never asked for', () => {
    expect(result.disclosure).toEqual({
      if_asked_total: 3,
      elicited: 1,
      coverage: 0.333,
      missed: [
        { id: 'f2', text: 'The pain goes into the left arm' },
        { id: 'f3', text: 'Father had a heart attack at 50' },
      ],
    });
  });
});

describe('analyseTranscript — unpunctuated speech recognition', () => {
  const segments: AnalysisSegment[] = [
    /* 0 */ c('hi my name is james im one of the junior doctors'), // 11
    /* 1 */ c('can i just check your full name and date of birth'), // 11 · closed
    /* 2 */ a('peter smith twelfth of june nineteen fifty'), // 7
    /* 3 */ c('so what brings you in today'), // 6 · open
    /* 4 */ a('ive had these headaches for about three weeks now'), // 9
    /* 5 */ c('and how long do they last'), // 6 · closed
    /* 6 */ c('how often do you get them'), // 6 · closed
    /* 7 */ c('tell me about a typical headache'), // 6 · open
    /* 8 */ a('they are worst in the morning and i feel sick'), // 10
    /* 9 */ c('ok is there anything youre worried it might be'), // 9 · closed
    /* 10 */ c('what do you think is causing them'), // 7 · open
    /* 11 */ a('i was worried it might be a tumour'), // 8
    /* 12 */ c('i would like to look at the back of your eyes to check for papilloedema basically swelling of the nerve'), // 20
    /* 13 */ c('if you notice any weakness or your vision gets worse come straight to a and e'), // 16
  ];
  const result = analyseTranscript(segments, [], []);

  it('treats each unpunctuated segment as one utterance, a question when it opens like one', () => {
    expect(result.questions).toEqual({ total: 7, open: 3, open_share: 0.429 });
  });

  it('still finds the introduction, identity check, ideas, concerns and safety-netting', () => {
    expect(result.introduction).toEqual({ introduced_self: true, checked_identity: true });
    expect(result.ice).toEqual({ ideas: true, concerns: true, expectations: false });
    expect(result.safety_netting).toBe(true);
    expect(result.evidence.map((e) => [e.check, e.segment_index])).toEqual([
      ['introduced_self', 0],
      ['checked_identity', 1],
      ['ideas', 10],
      ['concerns', 9],
      ['safety_netting', 13],
    ]);
    expect(result.evidence[4]!.quote).toBe('if you notice any weakness or your vision gets worse come straight to a and e');
  });

  it('sees jargon explained without punctuation', () => {
    expect(result.jargon).toEqual([{ term: 'papilloedema', explained: true }]);
  });

  it('counts the words', () => {
    // Candidate: 11+11+6+6+6+6+9+7+20+16 = 98. Actor: 7+9+10+8 = 34. Total 132.
    expect(result.talk_share).toEqual({ candidate: 0.742, actor: 0.258 });
  });
});

describe('analyseTranscript — questions', () => {
  const questions = (...texts: string[]) => analyseTranscript(texts.map(c), [], []).questions;

  it('counts "how many", "how much", "how long", "how often" as closed, other "how" as open', () => {
    expect(questions('How many cigarettes do you smoke a day?')).toEqual({ total: 1, open: 0, open_share: 0 });
    expect(questions('How long have you had the cough?')).toEqual({ total: 1, open: 0, open_share: 0 });
    expect(questions('how long has it been going on')).toEqual({ total: 1, open: 0, open_share: 0 });
    expect(questions('and how many pillows do you sleep on')).toEqual({ total: 1, open: 0, open_share: 0 });
    expect(
      questions(
        'How many cigarettes do you smoke a day? How much alcohol do you drink in a week?',
        'How often do you wake at night? How long does it last?',
        'How does the cough affect your sleep?',
      ),
    ).toEqual({ total: 5, open: 1, open_share: 0.2 });
  });

  it('splits a segment into sentences on . ? ! and ignores statements', () => {
    expect(
      questions("I'm Dr. Shah. How are you feeling today? Right! Do you have any allergies? Is that OK... Let me examine you."),
    ).toEqual({ total: 2, open: 1, open_share: 0.5 });
  });

  it('takes any sentence ending in "?" as a question, but a full stop as a statement', () => {
    expect(questions('The pain is there now?')).toEqual({ total: 1, open: 0, open_share: 0 });
    expect(questions('What I would like to do now is examine you.')).toEqual({ total: 0, open: 0, open_share: null });
    expect(questions('i will examine your chest now')).toEqual({ total: 0, open: 0, open_share: null });
  });

  it('knows the open openings', () => {
    const open = [
      'What happened next?',
      'why do you say that',
      'tell me about the pain',
      'Describe the pain for me?',
      'could you tell me more about that',
      'Can you tell me what happened?',
      'talk me through what happened',
      'explain what you mean by dizzy',
      'So, how has this affected you?',
    ];
    expect(questions(...open)).toEqual({ total: open.length, open: open.length, open_share: 1 });
    const closed = ['When did it start?', 'where is the pain', 'Who lives with you?', 'which side is it on', 'did you faint',
      'have you had this before', 'are you on any medication', 'is it worse at night', 'is there any blood', 'any fever',
      'does it spread', 'would you like a chaperone', 'could you point to where it hurts', 'can you stand up for me'];
    expect(questions(...closed)).toEqual({ total: closed.length, open: 0, open_share: 0 });
  });

  it('counts only the candidate\'s questions', () => {
    const r = analyseTranscript([a('What will happen to me?'), a('how long will it take'), c('What are you worried about?')], [], []);
    expect(r.questions).toEqual({ total: 1, open: 1, open_share: 1 });
  });
});

describe('analyseTranscript — introduction, ICE and safety-netting cues', () => {
  const one = (...texts: string[]) => analyseTranscript(texts.map(c), [], []);

  it('recognises the usual introductions, in any case and with curly apostrophes', () => {
    for (const text of ['MY NAME IS Priya', 'I’m Dr. Khan', 'I am Dr Evans, one of the doctors', "I'm one of the doctors on the ward",
      "I'm a medical student", 'I am the FY1 on call']) {
      expect(one(text).introduction.introduced_self, text).toBe(true);
    }
    expect(one('Hello there, nice to meet you.').introduction.introduced_self).toBe(false);
    expect(one('The doctor will see you soon.').introduction.introduced_self).toBe(false);
  });

  it('recognises an identity check', () => {
    for (const text of ['Can I confirm your name?', 'and your DOB please', 'What is your name?', 'Can I check who I am speaking to?',
      'Could I have your date of birth?']) {
      expect(one(text).introduction.checked_identity, text).toBe(true);
    }
    expect(one('Nice to meet you.').introduction.checked_identity).toBe(false);
  });

  it('recognises each element of ICE on its own', () => {
    expect(one('Have you had any thoughts about what it might be?').ice).toEqual({ ideas: true, concerns: false, expectations: false });
    expect(one("What's your understanding of it so far?").ice).toEqual({ ideas: true, concerns: false, expectations: false });
    expect(one('Is there anything that concerns you?').ice).toEqual({ ideas: false, concerns: true, expectations: false });
    expect(one("What's troubling you most?").ice).toEqual({ ideas: false, concerns: true, expectations: false });
    expect(one('Is there anything you want from today?').ice).toEqual({ ideas: false, concerns: false, expectations: true });
    expect(one('What would you like us to do?').ice).toEqual({ ideas: false, concerns: false, expectations: true });
  });

  it('does not credit the actor for the candidate', () => {
    const r = analyseTranscript([a('My name is Sarah. I am worried, and I was hoping for a scan. What do you think?'), a('Should I come back?')], [], []);
    expect(r.introduction).toEqual({ introduced_self: false, checked_identity: false });
    expect(r.ice).toEqual({ ideas: false, concerns: false, expectations: false });
    expect(r.safety_netting).toBe(false);
    expect(r.evidence).toEqual([]);
  });

  it('recognises safety-netting', () => {
    for (const text of ['If it gets worse, come back and see us.', 'Call 111 if you are unsure.', 'go to A&E', 'Please seek help if you get a fever.',
      'If you get any of these, ring us.', 'Those are red flags to look out for.', 'get in touch with the surgery if it does not settle']) {
      expect(one(text).safety_netting, text).toBe(true);
    }
  });

  it('does not take a history question about the past for safety-netting', () => {
    expect(one('Has the pain come back since?', 'have you been to a and e with this', 'Did you call 111?').safety_netting).toBe(false);
    expect(one('Has the pain come back since?', 'If it gets worse, please come back, okay?').evidence).toEqual([
      { check: 'safety_netting', segment_index: 1, quote: 'If it gets worse, please come back, okay?' },
    ]);
  });

  it('keeps a quote to the sentence, and cuts a long one to 120 characters around the cue', () => {
    const filler = 'and the other thing i wanted to mention is that you should keep taking the tablets as we discussed ';
    const text = `${filler}${filler}if you notice any blood in your urine you must come back ${filler}`;
    const r = one('Hello.', text);
    expect(r.evidence).toHaveLength(1);
    const e = r.evidence[0]!;
    expect(e).toMatchObject({ check: 'safety_netting', segment_index: 1 });
    expect(e.quote.length).toBeLessThanOrEqual(QUOTE_MAX_CHARS);
    expect(e.quote).toContain('if you notice any blood');
    expect(e.quote.startsWith('…')).toBe(true);
    expect(e.quote.endsWith('…')).toBe(true);
  });
});

describe('analyseTranscript — jargon', () => {
  const jargon = (...segments: AnalysisSegment[]) => analyseTranscript(segments, [], []).jargon;

  it('matches whole words only, once each, in order of first use', () => {
    expect(jargon(c('We will do a CT and an ECG.'), c('The ECG was normal, the scan was exact and acutely done.'), c('It is chronic.'))).toEqual([
      { term: 'CT', explained: false },
      { term: 'ECG', explained: false },
      { term: 'chronic', explained: false },
    ]);
  });

  it('takes the longest term where they overlap, and plurals and other spellings as the term', () => {
    expect(jargon(c('You may have had a transient ischaemic attack.'), c('You will need two stents.'), c('There is some edema.'))).toEqual([
      { term: 'transient ischaemic attack', explained: false },
      { term: 'stent', explained: false },
      { term: 'oedema', explained: false },
    ]);
  });

  it('sees an explanation in a following parenthesis, close after the term, or in the next candidate segment', () => {
    expect(jargon(c('You will need an MRI (a detailed scan using magnets).'))).toEqual([{ term: 'MRI', explained: true }]);
    expect(jargon(c('It looks benign, in other words it is not cancer.'))).toEqual([{ term: 'benign', explained: true }]);
    expect(jargon(c('Syncope is when you faint.'))).toEqual([{ term: 'syncope', explained: true }]);
    expect(jargon(c('A statin is a type of medicine.'), c('You have hypertension, i.e. high blood pressure.'))).toEqual([
      { term: 'hypertension', explained: true },
    ]);
    expect(jargon(c('We need a biopsy.'), a('A what?'), c('That means taking a tiny sample of the lump to look at.'))).toEqual([
      { term: 'biopsy', explained: true },
    ]);
    expect(jargon(c('Your heart was short of blood, what we call angina.'))).toEqual([{ term: 'angina', explained: true }]);
  });

  it('does not count an explanation far away, or two candidate segments later', () => {
    expect(
      jargon(c('We found a metastasis in the liver and we will talk about the options with the team this week, which means a meeting.')),
    ).toEqual([{ term: 'metastasis', explained: false }]);
    expect(jargon(c('You need an endoscopy.'), c('Okay.'), c('That means a camera test.'))).toEqual([{ term: 'endoscopy', explained: false }]);
  });

  it('counts a term as explained when any use of it is', () => {
    expect(jargon(c('Your HbA1c is high.'), c('Okay.'), c('The HbA1c, which is an average of your sugar levels, is 60.'))).toEqual([
      { term: 'HbA1c', explained: true },
    ]);
  });

  it('ignores the actor\'s jargon', () => {
    expect(jargon(a('Is it angina? Will I need an ECG?'))).toEqual([]);
  });
});

describe('analyseTranscript — disclosure', () => {
  it('counts only if_asked facts, ignoring unknown, volunteered and repeated ids', () => {
    const r = analyseTranscript([], facts, ['f3', 'f3', 'nope', 'f1', 'f5', 'f3']);
    expect(r.disclosure).toEqual({
      if_asked_total: 3,
      elicited: 1,
      coverage: 0.333,
      missed: [
        { id: 'f2', text: 'The pain goes into the left arm' },
        { id: 'f4', text: 'Smokes 20 a day' },
      ],
    });
  });

  it('gives full coverage when every if_asked fact was drawn out', () => {
    expect(analyseTranscript([], facts, ['f4', 'f2', 'f3']).disclosure).toEqual({ if_asked_total: 3, elicited: 3, coverage: 1, missed: [] });
  });

  it('gives no coverage figure when the brief has no if_asked facts', () => {
    const volunteered = facts.filter((f) => f.disclosure === 'volunteer');
    expect(analyseTranscript([], volunteered, ['f1', 'f5', 'x']).disclosure).toEqual({ if_asked_total: 0, elicited: 0, coverage: null, missed: [] });
    expect(analyseTranscript([], [], []).disclosure).toEqual({ if_asked_total: 0, elicited: 0, coverage: null, missed: [] });
  });
});

describe('analyseTranscript — an empty transcript', () => {
  it('gives nulls, falses and zeros', () => {
    expect(analyseTranscript([], [], [])).toEqual({
      disclosure: { if_asked_total: 0, elicited: 0, coverage: null, missed: [] },
      talk_share: { candidate: null, actor: null },
      questions: { total: 0, open: 0, open_share: null },
      introduction: { introduced_self: false, checked_identity: false },
      ice: { ideas: false, concerns: false, expectations: false },
      safety_netting: false,
      jargon: [],
      evidence: [],
    });
  });

  it('treats segments with no words as silence', () => {
    const r = analyseTranscript([c(''), a('   '), c('?'), a('...')], [], []);
    expect(r.talk_share).toEqual({ candidate: null, actor: null });
    expect(r.questions).toEqual({ total: 0, open: 0, open_share: null });
  });

  it('gives the whole share to the only one who spoke', () => {
    expect(analyseTranscript([a('I have had a cough for a week.')], [], []).talk_share).toEqual({ candidate: 0, actor: 1 });
  });
});

describe('the keyword lists', () => {
  it('are exported for review, with the cues the brief names', () => {
    expect(QUESTION_STARTERS).toEqual(expect.arrayContaining(['what', 'how', 'tell me', 'could you', 'is there', 'any', 'does', 'would']));
    expect(OPEN_QUESTION_STARTERS).toEqual(expect.arrayContaining(['what', 'how', 'why', 'tell me', 'describe', 'talk me through', 'explain']));
    expect(INTRODUCTION_CUES).toEqual(expect.arrayContaining(['my name is', "i'm dr", 'i am dr', "i'm a medical student"]));
    expect(IDENTITY_CHECK_CUES).toEqual(expect.arrayContaining(['date of birth', 'dob', 'your full name']));
    expect(IDEAS_CUES).toEqual(expect.arrayContaining(['what do you think', 'any thoughts']));
    expect(CONCERNS_CUES).toEqual(expect.arrayContaining(['worr*', 'concern*']));
    expect(EXPECTATIONS_CUES).toEqual(expect.arrayContaining(['hoping', 'expect*', 'what would you like']));
    expect(SAFETY_NETTING_CUES).toEqual(expect.arrayContaining(['come back', 'call 999', '111', 'a&e', 'red flag*']));
    expect(JARGON_EXPLANATION_MARKERS).toEqual(expect.arrayContaining(['which means', 'in other words', 'i.e.', 'is when', 'basically']));
    const terms = MEDICAL_JARGON.map((j) => j.term);
    expect(terms.length).toBeGreaterThanOrEqual(55);
    expect(new Set(terms.map((t) => t.toLowerCase())).size).toBe(terms.length);
    expect(terms).toEqual(expect.arrayContaining(['myocardial infarction', 'haemoptysis', 'melaena', 'troponin', 'eGFR', 'papilloedema']));
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(QUESTION_STARTERS)).toBe(true);
    expect(Object.isFrozen(MEDICAL_JARGON)).toBe(true);
  });
});
