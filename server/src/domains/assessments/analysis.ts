/**
 * The server's `auto_analysis` of a finished station (see the domain notes, "Assessment"): a pure,
 * deterministic reading of the transcript and the disclosure tracker. No I/O, nothing asynchronous.
 *
 * Everything here is a deliberately simple heuristic over British English, case-insensitive, meant to
 * prompt the examiner rather than replace them. The keyword lists are exported so they can be
 * reviewed (and tested) on their own.
 *
 * How phrases are matched. Text is split into tokens: runs of letters/digits, which may be joined by
 * an apostrophe or an ampersand ("what's", "A&E"); everything else separates tokens, so "I'm Dr.
 * Patel", "i'm dr patel" and "I’m Dr Patel" all read the same. A phrase matches a run of whole tokens;
 * a phrase ending in `*` lets its last word continue ("concern*" matches "concerns", "concerned").
 */

import { AUTO_ANALYSIS_EVIDENCE_CHECKS, type AutoAnalysis, type AutoAnalysisEvidenceCheck } from '../../contract/sessions.js';

export type { AutoAnalysis };

export interface AnalysisSegment {
  speaker: 'candidate' | 'actor';
  at_ms: number;
  text: string;
}

export interface AnalysisFact {
  id: string;
  text: string;
  disclosure: 'volunteer' | 'if_asked';
}


// ---------------------------------------------------------------------------------------------------
// Keyword lists

/**
 * Words the candidate may open a sentence with before the question proper ("So, what brings you in?",
 * "okay and how long has it been going on"). They are skipped when deciding whether a sentence is a
 * question and whether it is open — but never the sentence's last word ("Okay?" stays a question).
 */
export const QUESTION_LEAD_INS: readonly string[] = Object.freeze([
  'hello', 'hi', 'good morning', 'good afternoon', 'good evening', 'morning', 'afternoon', 'so', 'and', 'but', 'ok', 'okay', 'right', 'alright', 'all right', 'um', 'umm', 'erm', 'er', 'uh', 'ah',
  'well', 'now', 'then', 'also', 'just', 'great', 'good', 'sure', 'thanks', 'thank you', 'sorry',
]);

/**
 * A sentence without terminal punctuation (speech recognition rarely adds any) is a question when it
 * opens with one of these. A sentence ending in "?" is a question whatever it opens with; one ending
 * in "." or "!" never is.
 */
export const QUESTION_STARTERS: readonly string[] = Object.freeze([
  'what', "what's", 'how', 'when', 'where', 'whereabouts', 'why', 'who', 'whose', 'which',
  'tell me', 'describe', 'talk me through', 'walk me through', 'explain',
  'could you', 'could i', 'can you', 'can i', 'may i', 'will you', 'shall i', 'do you', 'do they', 'did you',
  'have you', 'had you', 'are you', 'is it', 'is there', 'any', 'anything',
  // Auxiliaries that hardly ever open a statement stand alone; "do", "have", "can", "could" and "will"
  // do ("do come back", "have a seat", "could be angina"), so only their question forms are listed.
  'does', 'did', 'has', 'is', 'are', 'was', 'were', 'would',
]);

/** A question is open when it opens (after any lead-in) with one of these… */
export const OPEN_QUESTION_STARTERS: readonly string[] = Object.freeze([
  'what', "what's", 'how', 'why', 'tell me', 'describe', 'could you tell', 'can you tell', 'would you tell',
  'could you describe', 'can you describe', 'could you explain', 'can you explain',
  'talk me through', 'walk me through', 'explain',
]);

/** …unless it asks for a number or a yes/no-sized answer: these are closed although they open with "how". */
export const CLOSED_QUESTION_STARTERS: readonly string[] = Object.freeze([
  'how many', 'how much', 'how long', 'how often', 'how old', 'how far',
]);

/** The candidate introduced themselves: any of these in a candidate sentence. */
export const INTRODUCTION_CUES: readonly string[] = Object.freeze([
  'my name is', "my name's", "i'm dr", 'i am dr', "i'm doctor", 'i am doctor',
  "i'm one of the doctors", 'i am one of the doctors', "i'm one of the junior doctors", 'i am one of the junior doctors',
  "i'm a doctor", 'i am a doctor', "i'm the doctor", 'i am the doctor', "i'm a junior doctor", 'i am a junior doctor',
  "i'm a medical student", 'i am a medical student', "i'm one of the medical students", 'i am one of the medical students',
  "i'm the fy*", 'i am the fy*', "i'm an fy*", 'i am an fy*', "i'm one of the fy*", 'i am one of the fy*',
]);

/** The candidate checked who they were speaking to: asked the patient's name or date of birth. */
export const IDENTITY_CHECK_CUES: readonly string[] = Object.freeze([
  'confirm your name', 'confirm your full name', 'your full name', 'date of birth', 'dob', 'd o b',
  'can i check who', 'confirm who', 'what is your name', "what's your name", 'check your name',
  'take your name', 'have your name', 'confirm your identity', 'confirm your details', 'check your details',
]);

/** Ideas: the candidate asked what the patient thinks is going on. */
export const IDEAS_CUES: readonly string[] = Object.freeze([
  'what do you think', 'what you think', 'any thoughts', 'had any thoughts', 'what are your thoughts', 'ideas about',
  'any ideas', "what's your understanding", 'what is your understanding', 'what do you understand',
  'what do you know about', 'thought about what',
]);

/** Concerns: the candidate asked what is worrying the patient ("worr*" covers worry, worried, worrying). */
export const CONCERNS_CUES: readonly string[] = Object.freeze([
  'worr*', 'concern*', 'anything worrying', "what's troubling", 'what is troubling', 'troubling you', 'scared',
]);

/** Expectations: the candidate asked what the patient hopes to get from the consultation. */
export const EXPECTATIONS_CUES: readonly string[] = Object.freeze([
  'hoping', 'hoping to get', 'hope to get', 'expect*', 'what would you like', 'anything you want from today',
  'want from today', 'get out of today', 'like to get out of', 'like us to do', 'like me to do',
]);

/**
 * Safety-netting: the candidate told the patient what to do if things get worse or new symptoms
 * appear. A sentence that is itself a history question ("Has the pain come back?", "have you been to
 * A&E") is not safety-netting, so sentences that are questions opening with a QUESTION_STARTER are
 * skipped for this check.
 */
export const SAFETY_NETTING_CUES: readonly string[] = Object.freeze([
  'if it gets worse', 'if things get worse', 'if anything gets worse', 'if your symptoms get worse', 'if the pain gets worse',
  'if you get worse', 'if you notice', 'if you develop', 'come back', 'call 999', 'ring 999', 'dial 999', '111',
  'a&e', 'a and e', 'seek help', 'seek medical', 'return if', 'get in touch', 'any of these', 'red flag*',
]);

/**
 * A medical term a layperson may not know, with other spellings/forms that count as the same term
 * (American spellings speech recognition may produce, irregular plurals). A regular plural ("stents",
 * "ECGs", "NSAIDs") always counts as the term.
 */
export interface JargonTerm {
  term: string;
  forms?: readonly string[];
}

export const MEDICAL_JARGON: readonly JargonTerm[] = Object.freeze([
  { term: 'myocardial infarction', forms: ['myocardial infarct'] },
  { term: 'MI' },
  { term: 'angina' },
  { term: 'hypertension' },
  { term: 'hypotension' },
  { term: 'hypercholesterolaemia', forms: ['hypercholesterolemia'] },
  { term: 'dyspnoea', forms: ['dyspnea'] },
  { term: 'haematuria', forms: ['hematuria'] },
  { term: 'haemoptysis', forms: ['hemoptysis'] },
  { term: 'haematemesis', forms: ['hematemesis'] },
  { term: 'melaena', forms: ['melena'] },
  { term: 'dysphagia' },
  { term: 'dysuria' },
  { term: 'nocturia' },
  { term: 'polyuria' },
  { term: 'syncope' },
  { term: 'tachycardia' },
  { term: 'bradycardia' },
  { term: 'arrhythmia', forms: ['arrhythmias', 'arrythmia'] },
  { term: 'atrial fibrillation' },
  { term: 'ischaemia', forms: ['ischaemic', 'ischemia', 'ischemic'] },
  { term: 'transient ischaemic attack', forms: ['transient ischemic attack'] },
  { term: 'TIA' },
  { term: 'pulmonary embolism', forms: ['pulmonary emboli'] },
  { term: 'deep vein thrombosis' },
  { term: 'DVT' },
  { term: 'thrombosis' },
  { term: 'benign' },
  { term: 'malignant', forms: ['malignancy', 'malignancies'] },
  { term: 'carcinoma' },
  { term: 'neoplasm' },
  { term: 'lesion' },
  { term: 'metastasis', forms: ['metastases', 'metastatic', 'metastasised', 'metastasized'] },
  { term: 'biopsy', forms: ['biopsies'] },
  { term: 'idiopathic' },
  { term: 'chronic' },
  { term: 'acute' },
  { term: 'prognosis' },
  { term: 'aetiology', forms: ['etiology'] },
  { term: 'asymptomatic' },
  { term: 'pyrexia' },
  { term: 'oedema', forms: ['edema'] },
  { term: 'CT' },
  { term: 'MRI' },
  { term: 'ECG', forms: ['EKG'] },
  { term: 'echocardiogram' },
  { term: 'endoscopy', forms: ['endoscopies'] },
  { term: 'gastroscopy', forms: ['gastroscopies'] },
  { term: 'colonoscopy', forms: ['colonoscopies'] },
  { term: 'anticoagulant', forms: ['anticoagulation'] },
  { term: 'NSAID' },
  { term: 'troponin' },
  { term: 'HbA1c' },
  { term: 'eGFR' },
  { term: 'CKD' },
  { term: 'COPD' },
  { term: 'spirometry' },
  { term: 'stent' },
  { term: 'angiogram', forms: ['angiography'] },
  { term: 'angioplasty' },
  { term: 'fundoscopy' },
  { term: 'papilloedema', forms: ['papilledema'] },
  { term: 'neuropathy' },
  { term: 'retinopathy' },
  { term: 'hypoglycaemia', forms: ['hypoglycemia'] },
  { term: 'hyperglycaemia', forms: ['hyperglycemia'] },
  { term: 'diuretic' },
  { term: 'prophylaxis', forms: ['prophylactic'] },
  { term: 'palliative' },
  { term: 'contraindicated', forms: ['contraindication'] },
]);

/**
 * A jargon term counts as explained when one of these follows it closely (within
 * JARGON_EXPLANATION_WINDOW words after it in the same candidate segment, or within the first
 * JARGON_EXPLANATION_WINDOW words of the candidate's next segment), or when it is followed at once by
 * a parenthesis ("ECG (a heart tracing)").
 */
export const JARGON_EXPLANATION_MARKERS: readonly string[] = Object.freeze([
  'which means', 'that means', 'this means', 'what that means', 'which is', 'in other words', 'that is', 'i.e.',
  'a type of', 'a kind of', 'is when', "that's when", 'is where', 'basically', 'meaning', 'stands for',
  'in simple terms', 'in plain english',
]);

/**
 * An explanation can also come just before the term ("your heart muscle was damaged, what we call a
 * myocardial infarction"; "basically, an ECG…"): one of these within JARGON_LEADER_WINDOW words before it.
 */
export const JARGON_EXPLANATION_LEADERS: readonly string[] = Object.freeze([
  'what we call', 'what doctors call', 'known as', 'basically', 'in other words', 'in simple terms',
]);

export const JARGON_EXPLANATION_WINDOW = 12;
export const JARGON_LEADER_WINDOW = 4;

/** A "." after one of these does not end the sentence ("Dr. Patel"); nor after single letters ("i.e.", "d.o.b."). */
export const SENTENCE_ABBREVIATIONS: readonly string[] = Object.freeze(['dr', 'mr', 'mrs', 'ms', 'prof', 'vs', 'approx']);

export const QUOTE_MAX_CHARS = 120;

/** The checks that carry evidence, in the order `evidence` lists them (the contract's list). */
export const EVIDENCE_CHECKS = AUTO_ANALYSIS_EVIDENCE_CHECKS;
export type EvidenceCheck = AutoAnalysisEvidenceCheck;

// ---------------------------------------------------------------------------------------------------
// Tokens, phrases and sentences

interface Token {
  /** Lower-cased, curly apostrophes made straight; "(" is kept as a token of its own. */
  w: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’&][\p{L}\p{N}]+)*|\(/gu;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    tokens.push({ w: m[0].toLowerCase().replace(/’/g, "'"), start, end: start + m[0].length });
  }
  return tokens;
}

const isWord = (t: Token): boolean => t.w !== '(';

interface Phrase {
  words: readonly string[];
  /** The last word may continue ("concern*"). */
  prefix: boolean;
  /** The last word may take a regular plural (jargon). */
  plural: boolean;
}

function compile(source: string, plural = false): Phrase {
  const prefix = source.endsWith('*');
  const words = tokenise(prefix ? source.slice(0, -1) : source).filter(isWord).map((t) => t.w);
  if (words.length === 0) throw new Error(`empty phrase: ${JSON.stringify(source)}`);
  return { words, prefix, plural };
}

const compileAll = (list: readonly string[]): readonly Phrase[] => list.map((p) => compile(p));

/** How many tokens `phrase` covers when it matches at `tokens[i]`; 0 when it does not. */
function matchAt(tokens: readonly Token[], i: number, phrase: Phrase): number {
  const n = phrase.words.length;
  for (let k = 0; k < n; k++) {
    const token = tokens[i + k];
    const word = phrase.words[k]!;
    if (token === undefined) return 0;
    if (token.w === word) continue;
    const last = k === n - 1;
    if (last && phrase.prefix && token.w.startsWith(word)) continue;
    if (last && phrase.plural && (token.w === `${word}s` || token.w === `${word}es`)) continue;
    return 0;
  }
  return n;
}

const startsWithAny = (tokens: readonly Token[], i: number, phrases: readonly Phrase[]): boolean =>
  phrases.some((p) => matchAt(tokens, i, p) > 0);

/** The earliest match of any of `phrases` among `tokens[from..to)`, by start position. */
function findAny(tokens: readonly Token[], phrases: readonly Phrase[], from = 0, to = tokens.length): { i: number; length: number } | null {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    for (const p of phrases) {
      const length = matchAt(tokens, i, p);
      if (length > 0) return { i, length };
    }
  }
  return null;
}

interface Sentence {
  /** Offsets into the segment's text, whitespace trimmed. */
  start: number;
  end: number;
  /** Word tokens only. */
  tokens: readonly Token[];
  /** Ended with . ? or ! (a final chunk without any is unterminated). */
  terminated: boolean;
  endsWithQuestionMark: boolean;
}

const ABBREVIATIONS = new Set(SENTENCE_ABBREVIATIONS);

/**
 * Splits a segment into sentences on runs of . ? ! — a "?" or "!" always ends one; a "." only when
 * followed by whitespace or the end, and not after an abbreviation ("Dr.", "i.e.", "2.5"). Text
 * without any such punctuation is one sentence: a whole unpunctuated segment is one utterance.
 */
function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const chunks: { start: number; end: number; terminal: string }[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '.' && c !== '?' && c !== '!') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && '.?!'.includes(text[j]!)) j++;
    const run = text.slice(i, j);
    let boundary = true;
    if (!/[?!]/.test(run)) {
      const next = text[j];
      if (next !== undefined && !/\s/.test(next)) boundary = false;
      else {
        const word = /(?:^|[^\p{L}\p{N}&'’])((?:\p{L}\.)*\p{L}+)$/u.exec(text.slice(start, i))?.[1];
        if (word !== undefined && (/^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) boundary = false;
      }
    }
    if (boundary) {
      chunks.push({ start, end: j, terminal: run });
      start = j;
    }
    i = j;
  }
  if (start < text.length) chunks.push({ start, end: text.length, terminal: '' });

  const sentences: Sentence[] = [];
  for (const chunk of chunks) {
    const inner = tokens.filter((t) => t.start >= chunk.start && t.start < chunk.end && isWord(t));
    if (inner.length === 0) continue;
    let s = chunk.start;
    let e = chunk.end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    sentences.push({ start: s, end: e, tokens: inner, terminated: chunk.terminal !== '', endsWithQuestionMark: chunk.terminal.includes('?') });
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------------
// The checks

const LEAD_INS = compileAll(QUESTION_LEAD_INS);
const STARTERS = compileAll(QUESTION_STARTERS);
const OPEN = compileAll(OPEN_QUESTION_STARTERS);
const CLOSED = compileAll(CLOSED_QUESTION_STARTERS);
const INTRODUCTION = compileAll(INTRODUCTION_CUES);
const IDENTITY = compileAll(IDENTITY_CHECK_CUES);
const IDEAS = compileAll(IDEAS_CUES);
const CONCERNS = compileAll(CONCERNS_CUES);
const EXPECTATIONS = compileAll(EXPECTATIONS_CUES);
const SAFETY_NETTING = compileAll(SAFETY_NETTING_CUES);
const EXPLANATION_MARKERS = compileAll(JARGON_EXPLANATION_MARKERS);
const EXPLANATION_LEADERS = compileAll(JARGON_EXPLANATION_LEADERS);
const JARGON = MEDICAL_JARGON.map((entry) => ({
  term: entry.term,
  forms: [entry.term, ...(entry.forms ?? [])].map((f) => compile(f, true)),
}));

/** Where the question proper begins: past any lead-in words, but never past the last word. */
function openingOf(tokens: readonly Token[]): number {
  let i = 0;
  for (;;) {
    let advanced = false;
    for (const p of LEAD_INS) {
      const n = matchAt(tokens, i, p);
      if (n > 0 && i + n < tokens.length) {
        i += n;
        advanced = true;
        break;
      }
    }
    if (!advanced) return i;
  }
}

/** A sentence is a question when it ends in "?" or, unpunctuated, opens with a QUESTION_STARTER. */
function isQuestion(s: Sentence): boolean {
  return s.endsWithQuestionMark || (!s.terminated && startsWithAny(s.tokens, openingOf(s.tokens), STARTERS));
}

/** Open when it opens with an OPEN_QUESTION_STARTER that is not a CLOSED_QUESTION_STARTER; else closed. */
function isOpenQuestion(s: Sentence): boolean {
  const at = openingOf(s.tokens);
  return !startsWithAny(s.tokens, at, CLOSED) && startsWithAny(s.tokens, at, OPEN);
}

interface CandidateSegment {
  index: number;
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
}

/** The sentence, or — when longer than QUOTE_MAX_CHARS — a window of it around the match, marked with "…". */
function quote(text: string, s: Sentence, from: number): string {
  if (s.end - s.start <= QUOTE_MAX_CHARS) return text.slice(s.start, s.end);
  const room = QUOTE_MAX_CHARS - 2; // leaves room for an ellipsis either side
  const ws = Math.max(s.start, Math.min(from - 30, s.end - room));
  const we = Math.min(s.end, ws + room);
  return `${ws > s.start ? '…' : ''}${text.slice(ws, we).trim()}${we < s.end ? '…' : ''}`;
}

/** The first candidate sentence (in transcript order) containing any of `phrases`, as evidence. */
function firstCue(
  segments: readonly CandidateSegment[],
  phrases: readonly Phrase[],
  skip: (s: Sentence) => boolean = () => false,
): { segment_index: number; quote: string } | null {
  for (const seg of segments) {
    for (const s of seg.sentences) {
      if (skip(s)) continue;
      const hit = findAny(s.tokens, phrases);
      if (hit) {
        return { segment_index: seg.index, quote: quote(seg.text, s, s.tokens[hit.i]!.start) };
      }
    }
  }
  return null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Jargon: terms from MEDICAL_JARGON the candidate said, as whole words (the longest term wins where
 * they overlap, so "transient ischaemic attack" is not also "ischaemia"), once each in order of first
 * use. A term is explained when any of its uses is explained (see JARGON_EXPLANATION_MARKERS).
 */
function findJargon(segments: readonly CandidateSegment[]): { term: string; explained: boolean }[] {
  const found = new Map<string, { term: string; explained: boolean }>();
  segments.forEach((seg, n) => {
    const next = segments[n + 1];
    const hits: { i: number; length: number; term: string }[] = [];
    for (let i = 0; i < seg.tokens.length; i++) {
      for (const entry of JARGON) {
        for (const form of entry.forms) {
          const length = matchAt(seg.tokens, i, form);
          if (length > 0) hits.push({ i, length, term: entry.term });
        }
      }
    }
    hits.sort((a, b) => a.i - b.i || b.length - a.length);
    let covered = 0;
    for (const hit of hits) {
      if (hit.i < covered) continue;
      covered = hit.i + hit.length;
      const explained = isExplained(seg.tokens, hit.i, covered, next?.tokens);
      const seen = found.get(hit.term);
      if (!seen) found.set(hit.term, { term: hit.term, explained });
      else if (explained) seen.explained = true;
    }
  });
  return [...found.values()];
}

function isExplained(tokens: readonly Token[], from: number, to: number, nextTokens: readonly Token[] | undefined): boolean {
  if (tokens[to]?.w === '(') return true;
  if (findAny(tokens, EXPLANATION_MARKERS, to, to + JARGON_EXPLANATION_WINDOW)) return true;
  const leader = findAny(tokens, EXPLANATION_LEADERS, from - JARGON_LEADER_WINDOW, from);
  if (leader) return true;
  if (nextTokens && findAny(nextTokens, EXPLANATION_MARKERS, 0, JARGON_EXPLANATION_WINDOW)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------

/**
 * Analyses a station's transcript (segments in the order given; `segment_index` refers to that order)
 * against the case's facts and the ids the actor tapped as elicited.
 */
export function analyseTranscript(
  segments: readonly AnalysisSegment[],
  facts: readonly AnalysisFact[],
  elicitedFactIds: readonly string[],
): AutoAnalysis {
  // Disclosure: only if_asked facts count (first of any repeated id); ids that are not an if_asked
  // fact, and repeats, are ignored; missed facts keep the brief's order.
  const tapped = new Set(elicitedFactIds);
  const seenIds = new Set<string>();
  const ifAsked: AnalysisFact[] = [];
  for (const fact of facts) {
    if (fact.disclosure !== 'if_asked' || seenIds.has(fact.id)) continue;
    seenIds.add(fact.id);
    ifAsked.push(fact);
  }
  const elicited = ifAsked.filter((f) => tapped.has(f.id)).length;
  const missed = ifAsked.filter((f) => !tapped.has(f.id)).map((f) => ({ id: f.id, text: f.text }));

  // Talk share: words (tokens, as above) per speaker over all words spoken.
  let candidateWords = 0;
  let actorWords = 0;
  const candidate: CandidateSegment[] = [];
  segments.forEach((segment, index) => {
    const text = typeof segment.text === 'string' ? segment.text : '';
    const tokens = tokenise(text);
    const words = tokens.filter(isWord).length;
    if (segment.speaker === 'candidate') {
      candidateWords += words;
      candidate.push({ index, text, tokens, sentences: splitSentences(text, tokens) });
    } else if (segment.speaker === 'actor') {
      actorWords += words;
    }
  });
  const totalWords = candidateWords + actorWords;

  // Questions: the candidate's sentences that are questions, and how many of those are open.
  let questions = 0;
  let open = 0;
  for (const seg of candidate) {
    for (const s of seg.sentences) {
      if (!isQuestion(s)) continue;
      questions++;
      if (isOpenQuestion(s)) open++;
    }
  }

  const isHistoryQuestion = (s: Sentence): boolean => isQuestion(s) && startsWithAny(s.tokens, openingOf(s.tokens), STARTERS);
  const cues: Record<EvidenceCheck, { segment_index: number; quote: string } | null> = {
    introduced_self: firstCue(candidate, INTRODUCTION),
    checked_identity: firstCue(candidate, IDENTITY),
    ideas: firstCue(candidate, IDEAS),
    concerns: firstCue(candidate, CONCERNS),
    expectations: firstCue(candidate, EXPECTATIONS),
    safety_netting: firstCue(candidate, SAFETY_NETTING, isHistoryQuestion),
  };
  const evidence: AutoAnalysis['evidence'] = [];
  for (const check of EVIDENCE_CHECKS) {
    const cue = cues[check];
    if (cue) evidence.push({ check, ...cue });
  }

  return {
    disclosure: {
      if_asked_total: ifAsked.length,
      elicited,
      coverage: ifAsked.length === 0 ? null : round3(elicited / ifAsked.length),
      missed,
    },
    talk_share: {
      candidate: totalWords === 0 ? null : round3(candidateWords / totalWords),
      actor: totalWords === 0 ? null : round3(actorWords / totalWords),
    },
    questions: { total: questions, open, open_share: questions === 0 ? null : round3(open / questions) },
    introduction: { introduced_self: cues.introduced_self !== null, checked_identity: cues.checked_identity !== null },
    ice: { ideas: cues.ideas !== null, concerns: cues.concerns !== null, expectations: cues.expectations !== null },
    safety_netting: cues.safety_netting !== null,
    jargon: findJargon(candidate),
    evidence,
  };
}
