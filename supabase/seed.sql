-- Shared case bank: original OSCE / PLAB 2 / PACES-style stations written for this platform.
-- Loaded once on first start (and again only if this file changes); inserts never overwrite.
--
-- 27 cases. Categories: history_taking 7, examination 5, communication 6, data_interpretation 5, ethics 4.
-- Every JSON value is dollar-quoted ($json$ ... $json$) and must parse with the zod schemas in
-- server/src/contract/cases.ts (CandidateBriefSchema, ActorBriefSchema, MarkSchemeSchema).

-- HX-CARD-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000001', null, 'Chest pain in a 58-year-old man', 'HX-CARD-01 ACS – NSTEMI after three weeks of exertional tightness', 'history_taking', 'cardiology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000001', 'Acute coronary syndrome (NSTEMI)',
$json${
  "setting": "Emergency department (majors), a district general hospital. You are an FY2 doctor.",
  "task": "Mr Graham Holt, 58, has been brought in by ambulance with chest pain. Take a focused history. In the last two minutes explain your working diagnosis and the initial plan to him. You do not need to examine him.",
  "information": [
    "Observations on arrival: HR 92 regular, BP 152/88 mmHg, RR 18, SpO2 97% on air, temperature 36.8 °C.",
    "Paramedics gave aspirin 300 mg chewed and two puffs of GTN spray en route.",
    "ECG 20 minutes ago: sinus rhythm, 1 mm horizontal ST depression in V4–V6, no ST elevation.",
    "First high-sensitivity troponin has been sent; the result is not back yet."
  ]
}$json$::jsonb,
$json${
  "role": "Graham Holt, 58, warehouse manager, the patient.",
  "opening_line": "I've had this horrible pressure in my chest since first thing this morning, and it just won't shift properly.",
  "persona": "A practical, slightly gruff man who hates fuss and would rather be at work. Sit upright, occasionally rubbing the centre of your chest with a clenched fist. You minimise things at first (\"probably nothing\") but you are frightened underneath, especially because of your father. You soften and open up if the doctor is warm and direct.",
  "facts": [
    {
      "id": "onset",
      "text": "The pain started around 7 am while carrying boxes up the stairs at work. It has come and gone since; the last episode came on at rest in the car park and lasted about 40 minutes.",
      "disclosure": "volunteer"
    },
    {
      "id": "character",
      "text": "It is a heavy, tight pressure, \"like a belt being pulled round my chest\". It is not sharp and not tearing.",
      "disclosure": "if_asked"
    },
    {
      "id": "radiation",
      "text": "It spreads into the left arm and up into the jaw.",
      "disclosure": "if_asked"
    },
    {
      "id": "severity_now",
      "text": "At its worst it was 7 out of 10; since the spray and aspirin in the ambulance it is a dull 2 out of 10.",
      "disclosure": "if_asked"
    },
    {
      "id": "associated",
      "text": "During the worst episode he was sweaty, felt sick and a bit short of breath. No palpitations and no blackout.",
      "disclosure": "if_asked"
    },
    {
      "id": "crescendo",
      "text": "For about three weeks he has had a tightness walking uphill from the car park that went away after a few minutes of standing still. He ignored it.",
      "disclosure": "if_asked"
    },
    {
      "id": "alternatives_negative",
      "text": "The pain does not go through to the back, is not worse on breathing in or lying flat, and he has no cough, fever, calf swelling or recent long journey.",
      "disclosure": "if_asked"
    },
    {
      "id": "past_history",
      "text": "High blood pressure for six years. Told his cholesterol was \"borderline\" two years ago and turned down a statin. No diabetes that he knows of.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Ramipril 5 mg once a day. No allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking",
      "text": "Smokes 20 cigarettes a day and has done since he was 18 (40 pack-years).",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "His father died of a heart attack at 54.",
      "disclosure": "if_asked"
    },
    {
      "id": "alcohol",
      "text": "About 20 units a week, mostly beer at the weekend.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with his wife. Drives for work. Has a stock audit on Friday that he is worried about.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I reckon it's indigestion. I had a fry-up yesterday and a load of coffee. My wife made me ring 999.",
  "concerns": "My dad died of his heart at 54 and I'm 58. If I'm honest I'm scared it's the same thing. And the audit on Friday - they can't do it without me.",
  "expectations": "Something for the indigestion and home tonight. But if it is my heart, I want it straight: what happens next?",
  "emotional_cues": [
    "Brushes it off at first and makes a joke about the fry-up.",
    "Goes quiet and looks away when asked about his family history.",
    "If told it may be his heart, asks bluntly whether he is going to die like his dad.",
    "Visibly relaxes if the doctor acknowledges his fear and explains the plan clearly."
  ],
  "questions_to_ask": [
    "Is this a heart attack, doctor?",
    "Will I need an operation?",
    "Can I go home tonight and come back after Friday?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Characterises the chest pain fully, identifies the preceding crescendo symptoms, gathers cardiovascular risk factors and screens for other life-threatening causes (aortic dissection, pulmonary embolism, pneumothorax)."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises a likely acute coronary syndrome, explains it in plain language, outlines admission, serial troponin, antiplatelet and anticoagulant treatment and likely angiography, and gives clear safety advice."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Introduces self, responds to his fear about his father, avoids jargon, explores ideas, concerns and expectations and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro_identity",
      "domain": "interpersonal_skills",
      "text": "Introduces self and role, confirms name and date of birth, and gains consent."
    },
    {
      "id": "pain_character",
      "domain": "data_gathering",
      "text": "Establishes site, onset, character, radiation, timing, exacerbating and relieving factors and severity of the pain."
    },
    {
      "id": "crescendo",
      "domain": "data_gathering",
      "text": "Asks about previous exertional chest pain and elicits three weeks of worsening symptoms."
    },
    {
      "id": "associated",
      "domain": "data_gathering",
      "text": "Asks about sweating, nausea, breathlessness, palpitations and syncope."
    },
    {
      "id": "red_flag_differentials",
      "domain": "data_gathering",
      "text": "Screens for aortic dissection (tearing pain to the back) and pulmonary embolism risk factors."
    },
    {
      "id": "risk_factors",
      "domain": "data_gathering",
      "text": "Elicits smoking, hypertension, cholesterol, diabetes and family history of premature coronary disease."
    },
    {
      "id": "drug_history",
      "domain": "data_gathering",
      "text": "Takes a medication and allergy history."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores his ideas, concerns (father’s death, work) and expectations."
    },
    {
      "id": "explains_diagnosis",
      "domain": "clinical_management",
      "text": "Explains that the pain is likely due to a narrowed heart artery, possibly a heart attack, in plain language."
    },
    {
      "id": "plan",
      "domain": "clinical_management",
      "text": "Outlines admission, repeat troponin, cardiac monitoring, antiplatelet and anticoagulant treatment, GRACE risk assessment and cardiology review for angiography."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Tells him to alert staff at once if the pain returns or worsens, and that he should not go home or drive today."
    },
    {
      "id": "smoking_advice",
      "domain": "clinical_management",
      "text": "Mentions stopping smoking and offers support at a suitable point."
    },
    {
      "id": "summary",
      "domain": "interpersonal_skills",
      "text": "Summarises, checks understanding and invites questions."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-NEURO-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000002', null, 'Headache in a 41-year-old woman', 'HX-NEURO-01 Thunderclap headache at the gym – SAH', 'history_taking', 'neurology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000002', 'Subarachnoid haemorrhage',
$json${
  "setting": "Emergency department, a large teaching hospital. You are an FY2 doctor.",
  "task": "Ms Priya Nair, 41, has come in with a headache. Take a history, then tell her what you think may be going on and what happens next.",
  "information": [
    "Observations: HR 88, BP 168/96 mmHg, RR 16, SpO2 98% on air, temperature 37.0 °C.",
    "GCS 15/15. Capillary glucose 6.1 mmol/L.",
    "A friend drove her in; it is now three hours since the headache started."
  ]
}$json$::jsonb,
$json${
  "role": "Priya Nair, 41, accountant, the patient.",
  "opening_line": "I've got the worst headache I've ever had. It came on at the gym out of nowhere.",
  "persona": "Normally calm and organised, now in obvious pain: you screw your eyes up at bright light, hold the back of your neck and speak quietly. You want painkillers and to get home for your children. You become more worried as the questions go on, but you are not panicky.",
  "facts": [
    {
      "id": "onset",
      "text": "It came on suddenly three hours ago while lifting weights at the gym, \"like being hit on the back of the head with a bat\".",
      "disclosure": "volunteer"
    },
    {
      "id": "peak",
      "text": "It was at its absolute worst within a few seconds. 10 out of 10, the worst headache of her life.",
      "disclosure": "if_asked"
    },
    {
      "id": "site",
      "text": "It started at the back of her head and now covers the whole head and goes down into her neck.",
      "disclosure": "if_asked"
    },
    {
      "id": "vomiting",
      "text": "She has vomited twice since it started.",
      "disclosure": "if_asked"
    },
    {
      "id": "neck_photophobia",
      "text": "Her neck feels stiff and bright lights hurt her eyes.",
      "disclosure": "if_asked"
    },
    {
      "id": "collapse",
      "text": "She had to sit on the floor. Her friend says she looked \"vacant\" for about ten seconds; she does not remember that part.",
      "disclosure": "if_asked"
    },
    {
      "id": "sentinel",
      "text": "About a week ago she had a milder, sudden headache that lasted a few hours and went with paracetamol.",
      "disclosure": "if_asked"
    },
    {
      "id": "neuro_negative",
      "text": "No weakness, numbness, speech problems, double vision or fits.",
      "disclosure": "if_asked"
    },
    {
      "id": "infection_negative",
      "text": "No fever, rash, recent illness or head injury.",
      "disclosure": "if_asked"
    },
    {
      "id": "past_history",
      "text": "Occasional tension headaches, never like this. Her blood pressure has never been checked properly.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Takes the combined pill. No blood thinners, no regular painkillers. No allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking_alcohol",
      "text": "Smokes 10 cigarettes a day; drinks about 10 units a week; no recreational drugs.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "Her aunt (mother’s sister) died suddenly in her fifties of \"a bleed on the brain\".",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with her partner and two children aged 8 and 11. She is meant to collect the children at 3 pm.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I think I've pulled something in my neck lifting, or it's a migraine. My sister gets migraines.",
  "concerns": "I just want the pain to stop. And someone has to get the kids at three.",
  "expectations": "Strong painkillers and to go home. I was not expecting scans or to be kept in.",
  "emotional_cues": [
    "Winces and shields her eyes when the candidate moves towards the light.",
    "Becomes quiet and frightened when asked about her family history, then asks if that matters.",
    "Pushes to go home until the candidate explains clearly why she needs to stay."
  ],
  "questions_to_ask": [
    "Can't you just give me something strong for the pain and let me go?",
    "What is the scan for? Do you think there is something in my brain?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Establishes the speed of onset (thunderclap), associated features, red flags and risk factors for a bleed, and screens for meningitis and other secondary causes."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises a possible bleed on the brain, arranges an urgent non-contrast CT head, analgesia, antiemetic, neurological observations and senior review, and explains when a lumbar puncture would be needed."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Acknowledges her pain, keeps questions focused, explains the need to stay without frightening her, and helps with her practical worry about the children."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and acknowledges her pain early (offers analgesia)."
    },
    {
      "id": "onset_speed",
      "domain": "data_gathering",
      "text": "Asks how quickly the headache reached its peak and establishes a sudden onset."
    },
    {
      "id": "characterises",
      "domain": "data_gathering",
      "text": "Asks site, severity, radiation and whether this is the worst headache ever."
    },
    {
      "id": "associated",
      "domain": "data_gathering",
      "text": "Asks about vomiting, neck stiffness, photophobia and loss of consciousness."
    },
    {
      "id": "sentinel",
      "domain": "data_gathering",
      "text": "Asks about previous similar or warning headaches."
    },
    {
      "id": "neuro_screen",
      "domain": "data_gathering",
      "text": "Screens for focal neurology, seizures, fever, rash and head injury."
    },
    {
      "id": "risk_factors",
      "domain": "data_gathering",
      "text": "Asks about blood pressure, smoking, drugs including cocaine, anticoagulants and family history of brain bleeds."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains in plain language that the pattern could mean bleeding around the brain that needs ruling out urgently."
    },
    {
      "id": "ct_lp",
      "domain": "clinical_management",
      "text": "Plans an urgent non-contrast CT head, and explains a lumbar puncture at least 12 hours after onset may be needed if the scan is normal but done more than 6 hours after onset."
    },
    {
      "id": "supportive",
      "domain": "clinical_management",
      "text": "Mentions analgesia, antiemetic, neurological observations and senior or neurosurgical involvement."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns and expectations, including the children."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Advises her not to leave, and to tell staff immediately about worsening headache, drowsiness, weakness or fits."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-GI-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000003', null, 'Change in bowel habit in a 67-year-old man', 'HX-GI-01 Bowel habit change, PR blood, weight loss – suspected CRC', 'history_taking', 'gastroenterology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000003', 'Suspected colorectal cancer',
$json${
  "setting": "GP surgery, a routine 10-minute appointment. You are an FY2 doctor on your GP placement.",
  "task": "Mr Brian Whitfield, 67, has booked about his bowels. Take a focused history, explain what you think needs to happen next and agree a plan with him. Assume any examination you would do is arranged for later in the appointment.",
  "information": [
    "Last seen two years ago for a blood pressure review.",
    "Blood tests last month (requested by the practice nurse for tiredness): Hb 104 g/L (130–180), MCV 74 fL (80–100). Ferritin not yet checked."
  ]
}$json$::jsonb,
$json${
  "role": "Brian Whitfield, 67, retired bus driver, the patient.",
  "opening_line": "It's a bit embarrassing, doctor. My bowels have gone a bit haywire and I thought I'd better get it looked at.",
  "persona": "Friendly, self-deprecating and embarrassed to talk about his bowels. You keep returning to \"it's probably piles\". Underneath, your brother’s illness is on your mind and you are avoiding the word cancer. If the candidate gives you space, you admit you are scared.",
  "facts": [
    {
      "id": "bowel_change",
      "text": "For about three months his stools have been looser and he goes three or four times a day instead of once.",
      "disclosure": "volunteer"
    },
    {
      "id": "blood",
      "text": "He has seen dark red blood mixed in with the stool several times, not just on the paper.",
      "disclosure": "if_asked"
    },
    {
      "id": "tenesmus",
      "text": "He often feels he has not finished emptying his bowel.",
      "disclosure": "if_asked"
    },
    {
      "id": "weight_loss",
      "text": "He has lost about half a stone (3 kg) without trying; his belt is on a tighter notch.",
      "disclosure": "if_asked"
    },
    {
      "id": "tiredness",
      "text": "Tired for a couple of months and gets breathless walking the dog up the hill.",
      "disclosure": "if_asked"
    },
    {
      "id": "pain",
      "text": "Occasional crampy ache low on the left side; no vomiting and no bloating.",
      "disclosure": "if_asked"
    },
    {
      "id": "negatives",
      "text": "No jaundice, fevers, night sweats, recent antibiotics or foreign travel. Appetite slightly reduced.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "His younger brother had \"a growth in the bowel\" removed at 60.",
      "disclosure": "if_asked"
    },
    {
      "id": "screening",
      "text": "He threw away the bowel screening kit that came in the post two years ago.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Amlodipine 5 mg daily. Ibuprofen now and then for his knee. No blood thinners. No allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with his wife. Ex-smoker (stopped 15 years ago, about 20 pack-years). About 10 units of alcohol a week.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "It'll be piles. I had them years ago when I was driving all day. Or something I've eaten.",
  "concerns": "My brother had the bowel thing. I didn't want to say it, but I'm frightened it's cancer.",
  "expectations": "A cream for the piles, to be honest. I don't fancy a camera up there.",
  "emotional_cues": [
    "Laughs nervously and looks at the floor when describing blood.",
    "Pauses before mentioning his brother; softens his voice.",
    "If asked directly what worries him, says \"the big C\" quietly."
  ],
  "questions_to_ask": [
    "Is it cancer, doctor?",
    "Do I have to have one of those camera tests?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Clarifies the change in bowel habit, blood, weight loss and anaemia symptoms, takes family and screening history, and excludes other causes (infection, medication, inflammatory bowel disease)."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises red flags needing urgent investigation: explains examination including a rectal examination, bloods including ferritin, a FIT test and an urgent suspected cancer referral, and agrees follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Puts him at ease about an embarrassing subject, explores his unspoken fear of cancer honestly, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and acknowledges the topic may feel embarrassing."
    },
    {
      "id": "bowel_detail",
      "domain": "data_gathering",
      "text": "Clarifies frequency, consistency and duration of the change in bowel habit."
    },
    {
      "id": "blood",
      "domain": "data_gathering",
      "text": "Characterises the bleeding (colour, mixed with stool or on the paper)."
    },
    {
      "id": "systemic",
      "domain": "data_gathering",
      "text": "Asks about weight loss, appetite, tiredness and breathlessness."
    },
    {
      "id": "abdominal",
      "domain": "data_gathering",
      "text": "Asks about abdominal pain, tenesmus, vomiting and bloating."
    },
    {
      "id": "family_screening",
      "domain": "data_gathering",
      "text": "Asks about family history of bowel cancer and bowel screening."
    },
    {
      "id": "drugs_social",
      "domain": "data_gathering",
      "text": "Takes medication, smoking, alcohol and travel history."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores his ideas and draws out his concern about cancer."
    },
    {
      "id": "honest_explanation",
      "domain": "clinical_management",
      "text": "Explains honestly that the symptoms need urgent tests to rule out serious causes including cancer, without false reassurance."
    },
    {
      "id": "investigations",
      "domain": "clinical_management",
      "text": "Plans abdominal and rectal examination, FBC, ferritin, renal function and a FIT test."
    },
    {
      "id": "referral",
      "domain": "clinical_management",
      "text": "Explains an urgent suspected cancer referral (likely colonoscopy) and what to expect."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets: heavy bleeding, severe pain, vomiting or no bowel opening means urgent help; arranges follow-up."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-PSY-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000004', null, 'Low mood in a 45-year-old man', 'HX-PSY-01 Low mood after redundancy – suicide risk with plan', 'history_taking', 'psychiatry')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000004', 'Depressive episode with active suicidal ideation and a plan (high risk)',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mr Daniel Price, 45, has made an appointment because his wife thinks he is \"not himself\". Take a history of his mood, including a risk assessment, and agree a plan with him.",
  "information": [
    "No consultations in the last three years. No regular medication."
  ]
}$json$::jsonb,
$json${
  "role": "Daniel Price, 45, recently redundant factory supervisor, the patient.",
  "opening_line": "My wife made me come, to be honest. She thinks I'm not right. I've just been a bit flat.",
  "persona": "Slumped, little eye contact, slow flat speech with long pauses. You answer briefly and do not volunteer the darker thoughts. If asked sensitively and directly about suicide you tell the truth, quietly. You become more guarded if the candidate seems rushed or shocked.",
  "facts": [
    {
      "id": "mood",
      "text": "He has felt \"flat and rubbish\" for about two months, since he was made redundant.",
      "disclosure": "volunteer"
    },
    {
      "id": "anhedonia",
      "text": "He has stopped going to watch football with his mates and does not enjoy anything, even time with the kids.",
      "disclosure": "if_asked"
    },
    {
      "id": "sleep",
      "text": "He wakes at about 4 am every day and cannot get back to sleep.",
      "disclosure": "if_asked"
    },
    {
      "id": "appetite_weight",
      "text": "Poor appetite; lost about 4 kg.",
      "disclosure": "if_asked"
    },
    {
      "id": "cognition_guilt",
      "text": "Cannot concentrate on job applications; feels worthless, \"a failure who has let everyone down\".",
      "disclosure": "if_asked"
    },
    {
      "id": "suicidal_thoughts",
      "text": "Most days he thinks his family would be better off without him, and he has thought about taking an overdose.",
      "disclosure": "if_asked"
    },
    {
      "id": "plan",
      "text": "He has collected about 40 co-codamol tablets in the garage and has thought about taking them next weekend, when his wife is away at her sister’s.",
      "disclosure": "if_asked"
    },
    {
      "id": "protective",
      "text": "His children (12 and 9) stop him: \"I couldn’t do that to them. Most days, anyway.\"",
      "disclosure": "if_asked"
    },
    {
      "id": "alcohol",
      "text": "Drinks four cans of strong lager most nights, more at weekends; more than before.",
      "disclosure": "if_asked"
    },
    {
      "id": "past_psych",
      "text": "A low patch after his father died ten years ago; no previous self-harm, no contact with mental health services.",
      "disclosure": "if_asked"
    },
    {
      "id": "psychosis_negative",
      "text": "No voices or unusual experiences; no elated periods.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with wife and children; mortgage arrears since the redundancy. His wife knows he is low but not about the tablets.",
      "disclosure": "if_asked"
    },
    {
      "id": "drugs",
      "text": "No regular medicines, no allergies, no illicit drugs.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I'm just stressed about money. Anyone would be, wouldn't they?",
  "concerns": "I don't want to be put on happy pills, and I don't want to be locked up in a mental hospital. And I don't want the kids knowing.",
  "expectations": "Something to help me sleep, really. That would fix half of it.",
  "emotional_cues": [
    "Long pause and eyes fill with tears when asked about the children.",
    "Goes very still and quiet when asked directly about ending his life, then answers honestly.",
    "Says \"I’m fine, honestly\" if the candidate moves on too fast."
  ],
  "questions_to_ask": [
    "Are you going to section me?",
    "Will my wife have to know about this?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Explores core and biological symptoms of depression, asks directly and sensitively about suicidal thoughts, plans, means, timing and protective factors, and covers alcohol, psychiatric history and social stressors."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises high immediate risk, arranges same-day assessment by the crisis team, addresses the means (tablets), agrees a safety plan and crisis contacts, and plans follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Creates a safe, non-judgemental space with open questions and silence, responds to distress, and explains confidentiality and its limits honestly."
    }
  ],
  "checklist": [
    {
      "id": "intro_rapport",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and opens with open questions."
    },
    {
      "id": "core_symptoms",
      "domain": "data_gathering",
      "text": "Asks about low mood, loss of interest and energy."
    },
    {
      "id": "biological",
      "domain": "data_gathering",
      "text": "Asks about sleep, appetite, weight, concentration and guilt."
    },
    {
      "id": "suicide_direct",
      "domain": "data_gathering",
      "text": "Asks directly about thoughts of self-harm or suicide."
    },
    {
      "id": "plan_means",
      "domain": "data_gathering",
      "text": "Explores plan, means (stockpiled tablets), timing and preparations."
    },
    {
      "id": "protective",
      "domain": "data_gathering",
      "text": "Explores protective factors and supports."
    },
    {
      "id": "alcohol_history",
      "domain": "data_gathering",
      "text": "Asks about alcohol, drugs, past psychiatric history and psychotic symptoms."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores his ideas, concerns (sectioning, medication) and expectations."
    },
    {
      "id": "risk_explained",
      "domain": "clinical_management",
      "text": "Explains honestly that he is at high risk and needs urgent specialist help today."
    },
    {
      "id": "crisis_referral",
      "domain": "clinical_management",
      "text": "Arranges same-day crisis resolution and home treatment team assessment."
    },
    {
      "id": "means_restriction",
      "domain": "clinical_management",
      "text": "Agrees how the stockpiled tablets will be removed and, with consent, involves his wife."
    },
    {
      "id": "safety_plan",
      "domain": "clinical_management",
      "text": "Gives crisis contacts (999, NHS 111 mental health option, Samaritans 116 123) and a follow-up arrangement."
    },
    {
      "id": "confidentiality",
      "domain": "interpersonal_skills",
      "text": "Explains confidentiality and when information may be shared to keep him safe."
    },
    {
      "id": "no_hypnotics",
      "domain": "clinical_management",
      "text": "Does not prescribe a large supply of sleeping tablets or other medication."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-PAED-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000005', null, 'Fever for six days in a 3-year-old boy', 'HX-PAED-01 Prolonged fever, red eyes, strawberry tongue – Kawasaki', 'history_taking', 'paediatrics')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000005', 'Kawasaki disease',
$json${
  "setting": "Paediatric assessment unit. You are an FY2 doctor in paediatrics.",
  "task": "Leo, aged 3, has been referred by his GP with fever. Take a history from his mother, Simran. In the last two minutes explain to her what you think is going on and what will happen next.",
  "information": [
    "Observations: temperature 39.2 °C, HR 150, RR 30, SpO2 98% on air, capillary refill 2 seconds. Weight 15 kg.",
    "Leo is on his mother’s lap, miserable but consolable. He is not part of the station."
  ]
}$json$::jsonb,
$json${
  "role": "Simran Kaur, 32, Leo’s mother.",
  "opening_line": "He's had a temperature for six days now and nothing's bringing it down. The GP said it was a virus but this isn't normal for him.",
  "persona": "Articulate, exhausted and increasingly frustrated after being told twice that it is \"just a virus\". You are polite but firm. You have photos of the rash on your phone. You calm down if the candidate takes you seriously.",
  "facts": [
    {
      "id": "fever",
      "text": "High fevers for six days, up to 40 °C, only coming down a little with Calpol and ibuprofen. Seen by the GP on day 2 and told it was viral.",
      "disclosure": "volunteer"
    },
    {
      "id": "eyes",
      "text": "Both eyes have been red for three days, with no sticky discharge.",
      "disclosure": "if_asked"
    },
    {
      "id": "mouth",
      "text": "His lips are very red, dry and cracked and his tongue looks \"like a strawberry\".",
      "disclosure": "if_asked"
    },
    {
      "id": "rash",
      "text": "A blotchy red rash on his tummy and back that comes and goes, and redness in the nappy area.",
      "disclosure": "if_asked"
    },
    {
      "id": "hands_feet",
      "text": "His hands and feet are puffy and red and he does not want to walk.",
      "disclosure": "if_asked"
    },
    {
      "id": "neck_lump",
      "text": "A lump on the right side of his neck for a few days.",
      "disclosure": "if_asked"
    },
    {
      "id": "irritability",
      "text": "Far more miserable and irritable than with any cold before.",
      "disclosure": "if_asked"
    },
    {
      "id": "intake",
      "text": "Drinking about half his usual amount; passing urine three or four times a day.",
      "disclosure": "if_asked"
    },
    {
      "id": "other_systems",
      "text": "No cough, no vomiting, loose stool once. No fits.",
      "disclosure": "if_asked"
    },
    {
      "id": "contacts_travel",
      "text": "Goes to nursery; no unwell contacts that she knows of; no travel abroad.",
      "disclosure": "if_asked"
    },
    {
      "id": "background",
      "text": "Born at term, no medical problems, immunisations up to date, no regular medicines, no allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_social",
      "text": "Lives with both parents and a 6-year-old sister who is well. No family heart problems.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "Everyone keeps saying it's a virus, but viruses don't go on for six days, do they?",
  "concerns": "I'm scared something serious is being missed. My friend's little girl had meningitis.",
  "expectations": "I want someone to actually find out what it is - proper blood tests - not be sent home with Calpol again.",
  "emotional_cues": [
    "Sighs and says \"that’s what the GP said\" if the candidate suggests a virus early.",
    "Offers her phone to show photos of the rash and eyes.",
    "Tearful when asked if the heart could be involved."
  ],
  "questions_to_ask": [
    "Is it meningitis?",
    "Why would you need to check his heart?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Takes a structured paediatric fever history: duration and pattern of fever, eyes, mouth, rash, hands and feet, neck lump, hydration and red flags, plus birth, immunisation, developmental, drug and family history."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises that prolonged fever with these features needs admission, blood tests and a heart scan, explains this clearly and outlines that specific treatment can protect the heart."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Validates the mother’s frustration, explores her concerns, avoids dismissive reassurance and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms the child’s identity and the parent’s relationship."
    },
    {
      "id": "fever_history",
      "domain": "data_gathering",
      "text": "Establishes duration, height and response of the fever to antipyretics."
    },
    {
      "id": "mucocutaneous",
      "domain": "data_gathering",
      "text": "Asks about red eyes, lips and mouth changes and rash."
    },
    {
      "id": "extremities_nodes",
      "domain": "data_gathering",
      "text": "Asks about swelling or redness of hands and feet and neck lumps."
    },
    {
      "id": "hydration",
      "domain": "data_gathering",
      "text": "Assesses fluid intake and urine output."
    },
    {
      "id": "red_flags",
      "domain": "data_gathering",
      "text": "Screens for meningitis/sepsis features, breathing difficulty and seizures."
    },
    {
      "id": "background",
      "domain": "data_gathering",
      "text": "Asks about birth, immunisations, development, medicines, allergies and contacts."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns and expectations and acknowledges previous visits."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains that this pattern suggests an inflammatory condition of the blood vessels that can affect the heart arteries, in plain language."
    },
    {
      "id": "plan",
      "domain": "clinical_management",
      "text": "Explains admission, bloods (FBC, CRP, ESR, LFTs, albumin), urine test and an echocardiogram."
    },
    {
      "id": "treatment",
      "domain": "clinical_management",
      "text": "Mentions that treatment (immunoglobulin drip and aspirin, under the paediatric team) works best when started early."
    },
    {
      "id": "summary",
      "domain": "interpersonal_skills",
      "text": "Summarises, checks understanding and invites questions."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-GYN-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000006', null, 'Lower abdominal pain in a 27-year-old woman', 'HX-GYN-01 Left iliac fossa pain, spotting, shoulder tip pain – ectopic', 'history_taking', 'obstetrics_gynaecology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000006', 'Ectopic pregnancy',
$json${
  "setting": "Emergency department. You are an FY2 doctor.",
  "task": "Ms Jade Collins, 27, has presented with tummy pain. Take a focused history. In the last two minutes explain your thoughts and immediate plan to her.",
  "information": [
    "Observations: HR 104, BP 108/70 mmHg, RR 18, SpO2 99% on air, temperature 36.9 °C.",
    "No urine sample has been obtained yet."
  ]
}$json$::jsonb,
$json${
  "role": "Jade Collins, 27, call-centre team leader, the patient.",
  "opening_line": "I've got this really sharp pain low down on the left side. It started yesterday and it's getting worse.",
  "persona": "Pale, holding your lower left abdomen, shifting in the chair. You are anxious and slightly embarrassed about sexual history questions. When pregnancy is raised you become quiet and worried: you had wondered yourself.",
  "facts": [
    {
      "id": "pain",
      "text": "Sharp pain in the left lower tummy since yesterday, now 7 out of 10 and constant.",
      "disclosure": "volunteer"
    },
    {
      "id": "lmp",
      "text": "Last period about seven weeks ago. Periods are normally regular every 28 days; she thought she was late because of stress.",
      "disclosure": "if_asked"
    },
    {
      "id": "bleeding",
      "text": "Some brown spotting since yesterday, not like a normal period.",
      "disclosure": "if_asked"
    },
    {
      "id": "shoulder_tip",
      "text": "This morning she had a strange pain at the tip of her right shoulder.",
      "disclosure": "if_asked"
    },
    {
      "id": "presyncope",
      "text": "She felt light-headed and nearly fainted in the shower this morning.",
      "disclosure": "if_asked"
    },
    {
      "id": "pregnancy_test",
      "text": "She has not done a pregnancy test.",
      "disclosure": "if_asked"
    },
    {
      "id": "sexual_history",
      "text": "One regular male partner for six months; they use condoms \"most of the time\".",
      "disclosure": "if_asked"
    },
    {
      "id": "past_gynae",
      "text": "Treated for chlamydia at 20. One medical termination at 22. No coil or previous surgery.",
      "disclosure": "if_asked"
    },
    {
      "id": "negatives",
      "text": "No urinary symptoms, no vaginal discharge, no fever, no vomiting, bowels normal.",
      "disclosure": "if_asked"
    },
    {
      "id": "past_medical",
      "text": "Mild asthma, salbutamol now and then. No allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with her partner; smokes five cigarettes a day; drinks socially.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought it might be my appendix, or a water infection.",
  "concerns": "If I'm pregnant... I don't know how I feel. My partner doesn't know anything. Could I lose it?",
  "expectations": "Painkillers and maybe antibiotics, and to go home.",
  "emotional_cues": [
    "Winces and grips the chair when she moves.",
    "Goes quiet and looks down when asked about her periods.",
    "Becomes tearful if told the pregnancy may not be in the womb; needs time and kindness."
  ],
  "questions_to_ask": [
    "Could I be pregnant?",
    "Will I need an operation?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Characterises the pain, takes a menstrual, sexual, contraceptive and obstetric history, identifies bleeding, shoulder tip pain and near-collapse, and screens for urinary, bowel and infective causes."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises a possible pregnancy outside the womb with signs of blood loss, prioritises a pregnancy test, IV access, bloods including group and save and serum hCG, and urgent senior gynaecology review."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Asks intimate questions sensitively with a rationale, responds to her uncertainty about pregnancy and is honest about the need for urgent action."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and checks she is comfortable to talk (offers analgesia)."
    },
    {
      "id": "pain",
      "domain": "data_gathering",
      "text": "Characterises the pain (site, onset, character, radiation, severity)."
    },
    {
      "id": "lmp",
      "domain": "data_gathering",
      "text": "Asks the date of the last menstrual period and cycle regularity."
    },
    {
      "id": "pv_bleeding",
      "domain": "data_gathering",
      "text": "Asks about vaginal bleeding or discharge."
    },
    {
      "id": "shoulder_collapse",
      "domain": "data_gathering",
      "text": "Asks about shoulder tip pain, dizziness or fainting."
    },
    {
      "id": "sexual_contraception",
      "domain": "data_gathering",
      "text": "Takes a sexual and contraceptive history, explaining why."
    },
    {
      "id": "risk_factors",
      "domain": "data_gathering",
      "text": "Asks about previous pelvic infection, pregnancies and surgery."
    },
    {
      "id": "other_causes",
      "domain": "data_gathering",
      "text": "Screens for urinary, bowel and infective causes."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns and expectations about a possible pregnancy."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains sensitively that a pregnancy outside the womb must be ruled out urgently."
    },
    {
      "id": "immediate_plan",
      "domain": "clinical_management",
      "text": "Plans urine pregnancy test, IV access, FBC, group and save, serum hCG, analgesia, nil by mouth and urgent gynaecology review and scan."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Asks her to tell staff immediately if she feels faint or the pain worsens."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- HX-ID-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000007', null, 'Fever after travel in a 38-year-old man', 'HX-ID-01 Fever and rigors after West Africa, no prophylaxis – malaria', 'history_taking', 'infectious_disease')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000007', 'Plasmodium falciparum malaria',
$json${
  "setting": "Acute medical unit. You are an FY2 doctor.",
  "task": "Mr Tunde Adeyemi, 38, has been referred by his GP with a fever. Take a history and explain your initial assessment and plan to him.",
  "information": [
    "Observations: temperature 39.1 °C, HR 112, BP 118/72 mmHg, RR 20, SpO2 97% on air. GCS 15."
  ]
}$json$::jsonb,
$json${
  "role": "Tunde Adeyemi, 38, IT engineer, the patient.",
  "opening_line": "I've had fevers and shivers for three days. I got back from seeing family a week ago and I thought it was just flu.",
  "persona": "Tired and aching, sitting with a blanket round your shoulders, but keen to be treated and get back to work. Slightly dismissive about malaria because you grew up in Nigeria. Warm and chatty about your family trip.",
  "facts": [
    {
      "id": "fever",
      "text": "Fevers with shaking chills and drenching sweats for three days.",
      "disclosure": "volunteer"
    },
    {
      "id": "travel",
      "text": "Returned nine days ago from four weeks visiting family in Lagos and a village in Ogun State, Nigeria.",
      "disclosure": "if_asked"
    },
    {
      "id": "prophylaxis",
      "text": "He did not take malaria tablets (\"I grew up there, I’m immune\") and did not go to a travel clinic.",
      "disclosure": "if_asked"
    },
    {
      "id": "bites",
      "text": "Lots of mosquito bites; he did not use a net or repellent.",
      "disclosure": "if_asked"
    },
    {
      "id": "pattern",
      "text": "The fevers come in waves with a bad headache and aching muscles in between.",
      "disclosure": "if_asked"
    },
    {
      "id": "gi",
      "text": "Nausea, vomited once, slightly loose stools.",
      "disclosure": "if_asked"
    },
    {
      "id": "urine",
      "text": "His urine has been darker than usual; he is passing normal amounts.",
      "disclosure": "if_asked"
    },
    {
      "id": "severity_negative",
      "text": "No confusion, fits, neck stiffness, rash, bleeding or breathlessness.",
      "disclosure": "if_asked"
    },
    {
      "id": "food_water",
      "text": "Ate street food, drank mostly bottled water; no freshwater swimming.",
      "disclosure": "if_asked"
    },
    {
      "id": "sexual_history",
      "text": "Married; no new sexual partners while away.",
      "disclosure": "if_asked"
    },
    {
      "id": "contacts",
      "text": "His cousin in Lagos had malaria last month. Nobody at home is unwell.",
      "disclosure": "if_asked"
    },
    {
      "id": "background",
      "text": "Fit and well; no regular medicines; no allergies. Non-smoker, about 6 units of alcohol a week.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives in Leicester with his wife and two children aged 5 and 7.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "It's flu I picked up on the plane. My wife thinks it could be COVID.",
  "concerns": "I've got a big project deadline, and I don't want to give anything to the children.",
  "expectations": "Paracetamol, a sick note for a few days, and home.",
  "emotional_cues": [
    "Laughs off malaria: \"I’ve had it as a child, it’s nothing\".",
    "Shivers and pulls the blanket tighter mid-conversation.",
    "Becomes serious and worried when told it can be dangerous in adults who have lived in the UK for years."
  ],
  "questions_to_ask": [
    "Can I go home and come back for the results?",
    "Could my children catch it from me?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Takes a detailed travel history (where, when, rural or urban, prophylaxis, bite avoidance, vaccinations), characterises the fever, screens for features of severe disease and other travel-related infections, and covers sexual, food and water exposure."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Recognises that this needs urgent exclusion of a serious mosquito-borne infection: blood films ×3 or rapid antigen test, FBC, U&E, LFTs, glucose, lactate, clotting and blood cultures; admission, infectious diseases advice and treatment according to severity; notifies."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Respects his confidence about immunity while correcting it tactfully, explains in plain language, and addresses his concerns about work and his children."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self and confirms identity."
    },
    {
      "id": "fever_characterised",
      "domain": "data_gathering",
      "text": "Characterises the fever: onset, pattern, rigors, sweats."
    },
    {
      "id": "travel_detail",
      "domain": "data_gathering",
      "text": "Establishes destination, dates, duration, rural or urban stay."
    },
    {
      "id": "prophylaxis",
      "domain": "data_gathering",
      "text": "Asks about malaria prophylaxis, bite avoidance and pre-travel advice."
    },
    {
      "id": "severity_features",
      "domain": "data_gathering",
      "text": "Screens for confusion, seizures, breathlessness, bleeding and dark or reduced urine."
    },
    {
      "id": "other_exposures",
      "domain": "data_gathering",
      "text": "Asks about food, water, freshwater, sexual contacts and unwell contacts."
    },
    {
      "id": "background",
      "domain": "data_gathering",
      "text": "Takes past medical, drug, allergy and social history."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores ideas, concerns and expectations."
    },
    {
      "id": "explains_immunity",
      "domain": "clinical_management",
      "text": "Explains that any protection from childhood is lost after living outside an endemic area."
    },
    {
      "id": "investigations",
      "domain": "clinical_management",
      "text": "Requests urgent thick and thin blood films (three over 48 hours) or antigen test plus FBC, U&E, LFTs, glucose, lactate, clotting and blood cultures."
    },
    {
      "id": "admission",
      "domain": "clinical_management",
      "text": "Explains admission, discussion with infectious diseases and treatment according to severity."
    },
    {
      "id": "children_reassurance",
      "domain": "clinical_management",
      "text": "Reassures that it is not passed person to person and that it is a notifiable disease."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- EX-CARD-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000008', null, 'Breathless on exertion: cardiovascular examination in a 78-year-old woman', 'EX-CARD-01 CVS exam – aortic stenosis with exertional symptoms', 'examination', 'cardiology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000008', 'Aortic stenosis (severe, symptomatic)',
$json${
  "setting": "Cardiology outpatient clinic. You are a core medical trainee.",
  "task": "Mrs Edna Price, 78, has been referred by her GP with breathlessness on exertion and a murmur. Examine her cardiovascular system (about 6 minutes), then present your findings and answer the examiner’s questions.",
  "information": [
    "Say what you are looking for as you go; the examiner will give you any finding that cannot be shown (pulse character, blood pressure, heart sounds).",
    "The patient is sitting on the couch at 45 degrees."
  ]
}$json$::jsonb,
$json${
  "role": "Mrs Edna Price, 78, retired librarian (the patient). The same person gives the examiner’s findings when the candidate examines each area.",
  "opening_line": "Hello dear. The GP said she heard a noise in my heart, whatever that means.",
  "persona": "Polite, a little hard of hearing, slightly breathless when lying back. You care for your husband who has dementia, so you are keen to stay well. Reveal each finding only when the candidate examines that area; give symptoms only if asked.",
  "facts": [
    {
      "id": "symptom",
      "text": "She gets puffed out walking up to the shops, and felt dizzy in the supermarket queue last month.",
      "disclosure": "volunteer"
    },
    {
      "id": "general_inspection",
      "text": "Comfortable at rest; no cyanosis, no clubbing, no signs of endocarditis in the hands; no malar flush.",
      "disclosure": "if_asked"
    },
    {
      "id": "pulse",
      "text": "Radial pulse 68/min, regular, low volume. At the carotid the pulse is slow-rising.",
      "disclosure": "if_asked"
    },
    {
      "id": "blood_pressure",
      "text": "BP 128/92 mmHg (narrow pulse pressure).",
      "disclosure": "if_asked"
    },
    {
      "id": "jvp",
      "text": "JVP not raised.",
      "disclosure": "if_asked"
    },
    {
      "id": "apex",
      "text": "Apex beat in the 5th intercostal space, mid-clavicular line, undisplaced but heaving (pressure-loaded).",
      "disclosure": "if_asked"
    },
    {
      "id": "thrill",
      "text": "A systolic thrill is palpable at the right upper sternal edge.",
      "disclosure": "if_asked"
    },
    {
      "id": "heart_sounds",
      "text": "Harsh ejection systolic murmur, loudest in the aortic area, radiating to both carotids, loudest sitting forward in expiration. Soft second heart sound.",
      "disclosure": "if_asked"
    },
    {
      "id": "lung_bases",
      "text": "Lung bases clear.",
      "disclosure": "if_asked"
    },
    {
      "id": "oedema",
      "text": "No sacral or ankle oedema.",
      "disclosure": "if_asked"
    },
    {
      "id": "scars",
      "text": "No sternotomy, thoracotomy or vein harvest scars.",
      "disclosure": "if_asked"
    },
    {
      "id": "exertional_symptoms",
      "text": "If asked: tightness in the chest on the stairs and one near-faint on exertion; no blackouts at rest.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought the breathlessness was just my age.",
  "concerns": "I'm worried about needing a big operation at my age, and who would look after my husband.",
  "expectations": "To be told whether something can be done so I can keep going.",
  "emotional_cues": [
    "Mildly breathless when the couch is reclined.",
    "Asks anxiously \"is it serious?\" if the candidate frowns at the murmur."
  ],
  "questions_to_ask": [
    "(Examiner) Please present your findings. What is the most likely diagnosis and how severe is it?",
    "(Examiner) How would you investigate and manage her?",
    "(Patient) Is my heart going to give out?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Examination technique and findings",
      "descriptor": "Performs a systematic, fluent cardiovascular examination with correct positioning and exposure, and identifies the murmur and signs of severity."
    },
    {
      "id": "clinical_management",
      "name": "Interpretation and management",
      "descriptor": "Presents findings concisely, gives the likely diagnosis and differentials, and outlines investigation (ECG, echocardiography) and heart team assessment for valve replacement."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Gains consent, offers a chaperone, maintains dignity and comfort, and answers the patient’s question honestly and kindly."
    }
  ],
  "checklist": [
    {
      "id": "prep",
      "domain": "interpersonal_skills",
      "text": "Washes hands, introduces self, confirms identity, gains consent, offers a chaperone, asks about pain."
    },
    {
      "id": "position_inspection",
      "domain": "data_gathering",
      "text": "Positions at 45 degrees with adequate exposure and performs general and peripheral inspection."
    },
    {
      "id": "pulse",
      "domain": "data_gathering",
      "text": "Assesses radial rate and rhythm, and pulse character at the carotid."
    },
    {
      "id": "bp_jvp",
      "domain": "data_gathering",
      "text": "Asks for the blood pressure and assesses the JVP."
    },
    {
      "id": "palpation",
      "domain": "data_gathering",
      "text": "Palpates the apex, heaves and thrills."
    },
    {
      "id": "auscultation",
      "domain": "data_gathering",
      "text": "Auscultates all four areas timing with the carotid, checks radiation to the carotids and listens sitting forward in expiration."
    },
    {
      "id": "completion",
      "domain": "data_gathering",
      "text": "Examines lung bases and checks for peripheral oedema."
    },
    {
      "id": "presentation",
      "domain": "clinical_management",
      "text": "Presents findings in a logical, concise way."
    },
    {
      "id": "diagnosis",
      "domain": "clinical_management",
      "text": "Identifies aortic stenosis and names signs of severity (slow-rising pulse, narrow pulse pressure, soft S2, heaving apex, symptoms)."
    },
    {
      "id": "investigations",
      "domain": "clinical_management",
      "text": "Suggests ECG, echocardiography, chest X-ray and bloods."
    },
    {
      "id": "management",
      "domain": "clinical_management",
      "text": "Mentions heart team assessment for valve replacement (surgical or transcatheter) given symptoms."
    },
    {
      "id": "patient_question",
      "domain": "interpersonal_skills",
      "text": "Answers the patient’s question in plain language without false reassurance; thanks her."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- EX-RESP-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000009', null, 'Dry cough: respiratory examination in a 71-year-old man', 'EX-RESP-01 Resp exam – clubbing and bibasal fine crackles (IPF)', 'examination', 'respiratory')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000009', 'Idiopathic pulmonary fibrosis',
$json${
  "setting": "Respiratory outpatient clinic. You are a core medical trainee.",
  "task": "Mr Alan Booth, 71, has an 18-month history of dry cough and increasing breathlessness. Examine his respiratory system, present your findings and answer the examiner’s questions.",
  "information": [
    "The examiner will give you findings that cannot be simulated, such as the sounds on auscultation."
  ]
}$json$::jsonb,
$json${
  "role": "Alan Booth, 71, retired joiner (the patient). The same person gives the examiner’s findings as each area is examined.",
  "opening_line": "I can't shake this cough, and I'm getting out of breath walking the dog.",
  "persona": "Cheerful, a bit breathless when talking for long. You cough drily when asked to take deep breaths. Reveal findings only as the candidate examines each area; answer questions about work and medicines if asked.",
  "facts": [
    {
      "id": "symptoms",
      "text": "Dry cough for 18 months and gradually worsening breathlessness; now stops after about 200 yards on the flat.",
      "disclosure": "volunteer"
    },
    {
      "id": "general",
      "text": "RR 20 at rest, SpO2 93% on air; no use of accessory muscles; no oxygen in the room.",
      "disclosure": "if_asked"
    },
    {
      "id": "hands",
      "text": "Finger clubbing; no tar staining; no rheumatoid or scleroderma changes; no flap.",
      "disclosure": "if_asked"
    },
    {
      "id": "face_neck",
      "text": "No central cyanosis; JVP not raised; no lymphadenopathy; trachea central.",
      "disclosure": "if_asked"
    },
    {
      "id": "expansion",
      "text": "Chest expansion reduced symmetrically.",
      "disclosure": "if_asked"
    },
    {
      "id": "percussion",
      "text": "Resonant throughout.",
      "disclosure": "if_asked"
    },
    {
      "id": "auscultation",
      "text": "Fine end-inspiratory \"Velcro\" crackles at both bases up to the mid-zones, not changing with coughing. No wheeze.",
      "disclosure": "if_asked"
    },
    {
      "id": "scars_oedema",
      "text": "No scars; no ankle oedema.",
      "disclosure": "if_asked"
    },
    {
      "id": "occupation",
      "text": "Worked as a joiner for 40 years, some of it in old buildings; not aware of asbestos exposure.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Takes amlodipine and omeprazole. Has never taken amiodarone, methotrexate or nitrofurantoin.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking",
      "text": "Ex-smoker, stopped 20 years ago, about 25 pack-years.",
      "disclosure": "if_asked"
    },
    {
      "id": "joints_skin",
      "text": "No joint pains, rashes, Raynaud’s or dry eyes.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought it was a smoker's cough catching up with me.",
  "concerns": "Will I end up on oxygen like my brother-in-law?",
  "expectations": "Some idea of what it is and whether there are treatments.",
  "emotional_cues": [
    "Coughs when taking deep breaths for auscultation.",
    "Becomes quiet if the candidate mentions scarring of the lungs."
  ],
  "questions_to_ask": [
    "(Examiner) Please summarise your findings and give a differential diagnosis.",
    "(Examiner) What investigations would you request?",
    "(Examiner) How is this condition managed?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Examination technique and findings",
      "descriptor": "Performs a complete, well-ordered respiratory examination including hands, face, neck, expansion, percussion, tactile fremitus or vocal resonance and auscultation front and back."
    },
    {
      "id": "clinical_management",
      "name": "Interpretation and management",
      "descriptor": "Identifies clubbing with bibasal fine crackles, offers a sensible differential (idiopathic fibrosis, connective tissue disease, asbestosis, drug-induced, hypersensitivity pneumonitis), investigations and a management outline."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains what is being done, keeps the patient comfortable, and thanks him."
    }
  ],
  "checklist": [
    {
      "id": "prep",
      "domain": "interpersonal_skills",
      "text": "Washes hands, introduces self, confirms identity, consents and positions at 45 degrees with exposure."
    },
    {
      "id": "end_of_bed",
      "domain": "data_gathering",
      "text": "Inspects from the end of the bed (breathlessness, oxygen, inhalers, sputum pot)."
    },
    {
      "id": "hands",
      "domain": "data_gathering",
      "text": "Examines hands for clubbing, staining, flap and connective tissue disease."
    },
    {
      "id": "face_neck",
      "domain": "data_gathering",
      "text": "Examines face, JVP, lymph nodes and trachea."
    },
    {
      "id": "expansion_percussion",
      "domain": "data_gathering",
      "text": "Assesses expansion and percusses front and back comparing sides."
    },
    {
      "id": "auscultation",
      "domain": "data_gathering",
      "text": "Auscultates front, axillae and back, and checks whether crackles change with coughing."
    },
    {
      "id": "completion",
      "domain": "data_gathering",
      "text": "Checks ankles and states they would review oxygen saturations and temperature."
    },
    {
      "id": "presentation",
      "domain": "clinical_management",
      "text": "Presents findings concisely with relevant negatives."
    },
    {
      "id": "differential",
      "domain": "clinical_management",
      "text": "Gives interstitial lung disease and a reasonable differential of causes."
    },
    {
      "id": "investigations",
      "domain": "clinical_management",
      "text": "Suggests high-resolution CT, full lung function tests with gas transfer, autoimmune screen and echocardiogram."
    },
    {
      "id": "management",
      "domain": "clinical_management",
      "text": "Mentions specialist MDT, antifibrotic therapy where eligible, pulmonary rehabilitation, oxygen assessment, vaccinations and palliative support."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- EX-NEURO-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000010', null, 'Hand tremor in a 72-year-old man', 'EX-NEURO-01 Resting tremor, rigidity, bradykinesia – idiopathic PD', 'examination', 'neurology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000010', 'Parkinson''s disease (idiopathic)',
$json${
  "setting": "Care of the elderly outpatient clinic. You are an FY2 doctor.",
  "task": "Mr Frank Doherty, 72, has been referred with a tremor. Examine him to find the cause of the tremor, then present your findings and answer the examiner’s questions.",
  "information": [
    "You may ask him to perform tasks (writing, walking). The examiner will confirm findings you elicit."
  ]
}$json$::jsonb,
$json${
  "role": "Frank Doherty, 72, retired postman (the patient). The same person gives examiner findings as they are elicited.",
  "opening_line": "It's my right hand. It shakes when I'm sat watching the telly, and my wife says I've slowed right down.",
  "persona": "Quiet voice, little facial expression, slightly stooped. Demonstrate a slow rhythmic right-hand tremor at rest that settles when you reach for something. Walk slowly with small steps and less swing of the right arm. Answer questions about other symptoms only if asked.",
  "facts": [
    {
      "id": "presenting",
      "text": "Right-hand tremor at rest for about a year; he feels slower and stiffer.",
      "disclosure": "volunteer"
    },
    {
      "id": "tremor",
      "text": "Asymmetrical (right) pill-rolling tremor at rest, about 4–6 Hz, settles on movement and worsens when counting backwards.",
      "disclosure": "if_asked"
    },
    {
      "id": "rigidity",
      "text": "Cogwheel rigidity at the right wrist, increased when he opens and closes the left hand.",
      "disclosure": "if_asked"
    },
    {
      "id": "bradykinesia",
      "text": "Finger tapping on the right becomes slower and smaller with repetition; milder on the left.",
      "disclosure": "if_asked"
    },
    {
      "id": "face_speech",
      "text": "Reduced facial expression and blink rate; soft, monotonous speech.",
      "disclosure": "if_asked"
    },
    {
      "id": "gait",
      "text": "Stooped posture, short shuffling steps, reduced right arm swing, turns in several steps.",
      "disclosure": "if_asked"
    },
    {
      "id": "writing",
      "text": "Handwriting becomes small towards the end of a sentence.",
      "disclosure": "if_asked"
    },
    {
      "id": "negatives",
      "text": "Full eye movements including vertical gaze; no cerebellar signs; no postural tremor; no significant postural drop in blood pressure.",
      "disclosure": "if_asked"
    },
    {
      "id": "non_motor",
      "text": "Has lost his sense of smell, is constipated, and his wife says he shouts and kicks in his sleep.",
      "disclosure": "if_asked"
    },
    {
      "id": "drug_history",
      "text": "No antipsychotics, metoclopramide or prochlorperazine. Takes ramipril only.",
      "disclosure": "if_asked"
    },
    {
      "id": "function",
      "text": "Struggles with buttons; still drives a car.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I wondered if it's just old age, or my nerves.",
  "concerns": "My neighbour had Parkinson's and ended up in a wheelchair. Is that me?",
  "expectations": "To find out what it is and whether tablets will stop the shaking.",
  "emotional_cues": [
    "Hides the right hand in his pocket when he notices it shaking.",
    "Flat expression throughout, which is part of the condition, not disinterest."
  ],
  "questions_to_ask": [
    "(Examiner) What are your findings and what is the most likely diagnosis?",
    "(Examiner) What is the differential diagnosis for this presentation?",
    "(Examiner) How would you manage him?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Examination technique and findings",
      "descriptor": "Observes the tremor at rest and with distraction, tests tone with synkinesis, bradykinesia with repetitive tapping, gait, facial expression, speech, writing and eye movements, and considers postural blood pressure."
    },
    {
      "id": "clinical_management",
      "name": "Interpretation and management",
      "descriptor": "Identifies asymmetrical parkinsonism, offers differentials (essential tremor, drug-induced, vascular, atypical parkinsonian syndromes), and outlines referral untreated to a specialist, levodopa-based treatment, MDT input and DVLA advice."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains each task clearly, maintains dignity during the gait assessment, and responds kindly to his worries."
    }
  ],
  "checklist": [
    {
      "id": "prep",
      "domain": "interpersonal_skills",
      "text": "Washes hands, introduces self, confirms identity and gains consent."
    },
    {
      "id": "observation",
      "domain": "data_gathering",
      "text": "Observes the hands at rest and with distraction (e.g. counting backwards)."
    },
    {
      "id": "postural_action",
      "domain": "data_gathering",
      "text": "Checks for postural and intention tremor."
    },
    {
      "id": "tone",
      "domain": "data_gathering",
      "text": "Assesses tone at the wrists using synkinesis."
    },
    {
      "id": "bradykinesia",
      "domain": "data_gathering",
      "text": "Tests bradykinesia with repetitive finger tapping, looking for decrement."
    },
    {
      "id": "gait",
      "domain": "data_gathering",
      "text": "Examines gait including turning and arm swing, with safety."
    },
    {
      "id": "extras",
      "domain": "data_gathering",
      "text": "Assesses facial expression, speech, handwriting and vertical eye movements."
    },
    {
      "id": "completion",
      "domain": "data_gathering",
      "text": "States they would check lying and standing blood pressure and take a drug history."
    },
    {
      "id": "diagnosis",
      "domain": "clinical_management",
      "text": "Presents findings concisely and identifies idiopathic Parkinson’s disease as most likely."
    },
    {
      "id": "differentials",
      "domain": "clinical_management",
      "text": "Gives relevant differentials with a distinguishing feature for each."
    },
    {
      "id": "management",
      "domain": "clinical_management",
      "text": "Outlines referral to a movement disorders specialist, levodopa-based therapy, Parkinson’s nurse, physio, OT, speech therapy and DVLA notification."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- EX-MSK-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000011', null, 'Knee pain after football in a 23-year-old man', 'EX-MSK-01 Knee exam – twisting injury, locking, medial meniscal tear', 'examination', 'musculoskeletal')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000011', 'Medial meniscal tear (right knee)',
$json${
  "setting": "GP surgery (minor injuries list). You are an FY2 doctor on your GP placement.",
  "task": "Mr Josh Reid, 23, injured his right knee playing five-a-side football two weeks ago. Examine his knee, tell the examiner what you find, and explain your likely diagnosis and plan to the patient.",
  "information": [
    "The patient is in shorts. The examiner will confirm findings you elicit."
  ]
}$json$::jsonb,
$json${
  "role": "Josh Reid, 23, trainee electrician (the patient). The same person gives examiner findings as they are elicited.",
  "opening_line": "I twisted my knee at football a couple of weeks ago and it keeps catching and giving way.",
  "persona": "Fit, keen to get back to football. You guard the inner side of the knee and wince at deep bending. You are worried about missing work because you kneel and climb ladders all day.",
  "facts": [
    {
      "id": "mechanism",
      "text": "His foot was planted and he twisted to turn; he felt pain on the inside of the knee but finished the game.",
      "disclosure": "volunteer"
    },
    {
      "id": "swelling_timing",
      "text": "The knee swelled slowly overnight, not straight away.",
      "disclosure": "if_asked"
    },
    {
      "id": "locking",
      "text": "Twice the knee has \"locked\" bent and he had to wiggle it to straighten it; it sometimes gives way.",
      "disclosure": "if_asked"
    },
    {
      "id": "inspection",
      "text": "Mild swelling of the right knee; no bruising, redness or wasting; normal alignment.",
      "disclosure": "if_asked"
    },
    {
      "id": "palpation",
      "text": "Tender along the medial joint line; knee not warm; patella and tibial tuberosity not tender.",
      "disclosure": "if_asked"
    },
    {
      "id": "effusion",
      "text": "Small effusion: positive sweep (bulge) test; patellar tap negative.",
      "disclosure": "if_asked"
    },
    {
      "id": "movement",
      "text": "Full extension, flexion limited to 110 degrees by pain at the end of range.",
      "disclosure": "if_asked"
    },
    {
      "id": "special_tests",
      "text": "McMurray test painful with a click on the medial side. Lachman and anterior drawer have a firm end point; collateral ligaments stable; posterior sag absent.",
      "disclosure": "if_asked"
    },
    {
      "id": "weight_bearing",
      "text": "He can weight-bear and walk four steps without help.",
      "disclosure": "if_asked"
    },
    {
      "id": "neurovascular_hip",
      "text": "Distal pulses and sensation normal; hip examination normal.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I think I've torn a ligament like the footballers on telly.",
  "concerns": "I kneel and climb ladders all day. I can't afford to be off, I'm on an apprentice wage.",
  "expectations": "A scan and to know when I can play again.",
  "emotional_cues": [
    "Pulls the leg back sharply during McMurray’s test.",
    "Anxious about money when time off work is mentioned."
  ],
  "questions_to_ask": [
    "Do I need a scan or an operation?",
    "When can I play football again?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Examination technique and findings",
      "descriptor": "Performs look, feel, move and special tests of the knee in a logical order, compares with the other side, and examines the joint above and neurovascular status."
    },
    {
      "id": "clinical_management",
      "name": "Interpretation and management",
      "descriptor": "Identifies a probable medial meniscal tear, explains it, and plans analgesia, activity modification, physiotherapy, referral to orthopaedics or MRI because of mechanical locking, with safety-netting."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Gains consent, checks for pain before and during the examination, explains findings without jargon and addresses his work worries."
    }
  ],
  "checklist": [
    {
      "id": "prep",
      "domain": "interpersonal_skills",
      "text": "Washes hands, introduces self, gains consent, asks about pain and exposes both legs."
    },
    {
      "id": "look",
      "domain": "data_gathering",
      "text": "Inspects standing and lying for swelling, deformity, scars and wasting, comparing sides."
    },
    {
      "id": "feel",
      "domain": "data_gathering",
      "text": "Palpates temperature, joint lines, patella and tibial tuberosity."
    },
    {
      "id": "effusion",
      "domain": "data_gathering",
      "text": "Tests for an effusion (sweep test and patellar tap)."
    },
    {
      "id": "move",
      "domain": "data_gathering",
      "text": "Assesses active and passive flexion and extension."
    },
    {
      "id": "ligaments",
      "domain": "data_gathering",
      "text": "Tests cruciate and collateral ligaments."
    },
    {
      "id": "meniscal",
      "domain": "data_gathering",
      "text": "Performs a meniscal test (McMurray) with care for pain."
    },
    {
      "id": "completion",
      "domain": "data_gathering",
      "text": "Examines gait, the hip and distal neurovascular status."
    },
    {
      "id": "diagnosis",
      "domain": "clinical_management",
      "text": "Presents findings and identifies a likely medial meniscal injury."
    },
    {
      "id": "plan",
      "domain": "clinical_management",
      "text": "Advises analgesia, relative rest, physiotherapy, and referral for MRI or orthopaedic review because of locking."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets: a knee stuck bent, a hot swollen knee or fever needs urgent review."
    },
    {
      "id": "work_football",
      "domain": "interpersonal_skills",
      "text": "Discusses work adaptations, fit note and a realistic return to sport."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- EX-SURG-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000012', null, 'Groin lump in a 64-year-old man', 'EX-SURG-01 Groin exam – reducible right indirect inguinal hernia', 'examination', 'surgery')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000012', 'Right indirect inguinal hernia (reducible)',
$json${
  "setting": "General surgical outpatient clinic. You are an FY2 doctor in general surgery.",
  "task": "Mr Stephen Marsh, 64, has noticed a lump in his right groin. Examine the lump, present your findings to the examiner and explain to Mr Marsh what you think it is and what can be done.",
  "information": [
    "A chaperone is available. The examiner will confirm findings you elicit."
  ]
}$json$::jsonb,
$json${
  "role": "Stephen Marsh, 64, delivery depot supervisor (the patient). The same person gives examiner findings as they are elicited.",
  "opening_line": "I've got this lump in my right groin. It comes and goes, and it aches by the end of the day.",
  "persona": "Cheerful but embarrassed about the examination. You are worried it might be cancer. You lift parcels at work and have a smoker’s cough.",
  "facts": [
    {
      "id": "lump",
      "text": "Lump in the right groin for four months, bigger at the end of the day and when coughing; goes away when lying down.",
      "disclosure": "volunteer"
    },
    {
      "id": "standing_inspection",
      "text": "Standing: a 5 cm soft swelling in the right groin extending towards the scrotum; overlying skin normal.",
      "disclosure": "if_asked"
    },
    {
      "id": "cough_impulse",
      "text": "A palpable and visible cough impulse is present.",
      "disclosure": "if_asked"
    },
    {
      "id": "position",
      "text": "The swelling lies above and medial to the pubic tubercle.",
      "disclosure": "if_asked"
    },
    {
      "id": "reducibility",
      "text": "It reduces when he lies flat; pressure over the deep ring (midpoint of the inguinal ligament) stops it reappearing on coughing.",
      "disclosure": "if_asked"
    },
    {
      "id": "scrotum",
      "text": "Cannot get above the swelling in the scrotum when it is out; both testes normal; swelling does not transilluminate.",
      "disclosure": "if_asked"
    },
    {
      "id": "tenderness",
      "text": "Non-tender; no redness; left groin normal.",
      "disclosure": "if_asked"
    },
    {
      "id": "symptoms_negative",
      "text": "If asked: no vomiting, bowels opening normally, never been stuck or very painful.",
      "disclosure": "if_asked"
    },
    {
      "id": "risk_factors",
      "text": "If asked: lifts heavy parcels daily, smokes 15 a day with a chronic cough, mild constipation.",
      "disclosure": "if_asked"
    },
    {
      "id": "fitness",
      "text": "If asked: takes amlodipine for blood pressure; no blood thinners; walks the dog daily.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought it was a swollen gland, or maybe a pulled muscle from lifting.",
  "concerns": "I'm worried it's a growth. And I can't be off work for long.",
  "expectations": "To know what it is and whether it needs an operation.",
  "emotional_cues": [
    "Jokes nervously when asked to lower his trousers.",
    "Relieved when told it is not a cancer."
  ],
  "questions_to_ask": [
    "Is it cancer?",
    "Do I need an operation, and how long would I be off work?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Examination technique and findings",
      "descriptor": "Examines the groin standing and lying, assesses the cough impulse, relation to the pubic tubercle, reducibility and deep ring control, examines the scrotum and the other side."
    },
    {
      "id": "clinical_management",
      "name": "Interpretation and management",
      "descriptor": "Identifies a reducible indirect inguinal hernia, explains it, discusses routine surgical repair and lifestyle factors, and safety-nets for strangulation."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Offers a chaperone, maintains dignity, explains each step and addresses his fear of cancer."
    }
  ],
  "checklist": [
    {
      "id": "prep_chaperone",
      "domain": "interpersonal_skills",
      "text": "Washes hands, introduces self, explains the examination, gains consent and offers a chaperone."
    },
    {
      "id": "expose_standing",
      "domain": "data_gathering",
      "text": "Exposes appropriately and inspects with the patient standing, both sides."
    },
    {
      "id": "cough_impulse",
      "domain": "data_gathering",
      "text": "Checks for a cough impulse."
    },
    {
      "id": "landmarks",
      "domain": "data_gathering",
      "text": "Identifies the relation of the lump to the pubic tubercle."
    },
    {
      "id": "reduce_deep_ring",
      "domain": "data_gathering",
      "text": "Assesses reducibility and tests control at the deep ring."
    },
    {
      "id": "scrotum",
      "domain": "data_gathering",
      "text": "Examines the scrotum and testes and whether they can get above the swelling."
    },
    {
      "id": "completion",
      "domain": "data_gathering",
      "text": "Examines the other side and states they would examine the abdomen."
    },
    {
      "id": "diagnosis",
      "domain": "clinical_management",
      "text": "Presents findings and identifies a right indirect inguinal hernia."
    },
    {
      "id": "plan",
      "domain": "clinical_management",
      "text": "Explains routine surgical repair options and recovery, and addresses smoking, cough and constipation."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Explains signs of strangulation (painful, tense, irreducible lump, vomiting) needing emergency help."
    },
    {
      "id": "reassurance",
      "domain": "interpersonal_skills",
      "text": "Addresses his concern about cancer honestly and checks understanding."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-ONC-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000013', null, 'Breaking bad news: CT results for a 66-year-old woman', 'COM-ONC-01 Breaking bad news – lung cancer with liver spread on CT', 'communication', 'oncology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000013', 'Newly diagnosed lung cancer, probably metastatic (tissue diagnosis pending)',
$json${
  "setting": "Respiratory outpatient clinic. You are a core medical trainee. A lung cancer nurse specialist is available if needed but is not in the room.",
  "task": "Mrs Margaret Doyle, 66, has come for the results of her CT scan. Explain the results to her and discuss the next steps. You are not expected to discuss specific treatments in detail.",
  "information": [
    "Referred on the suspected cancer pathway with coughing up blood and weight loss; chest X-ray showed a right upper zone opacity.",
    "CT chest, abdomen and pelvis: 5 cm spiculated mass in the right upper lobe with enlarged mediastinal lymph nodes and two lesions in the liver, highly suspicious of a primary lung malignancy that has spread.",
    "The lung cancer MDT recommends a PET-CT and a biopsy (EBUS) to confirm the type of tumour before treatment is planned."
  ]
}$json$::jsonb,
$json${
  "role": "Margaret (Maggie) Doyle, 66, retired school cook, the patient.",
  "opening_line": "Hello, doctor. I've come for my scan results. I've come on my own - I didn't want to bother anyone.",
  "persona": "Warm, chatty when nervous, and quick to make tea-and-biscuits small talk. You half-know already. When the news comes you go silent, then tearful; later you blame yourself for smoking. You want honesty, delivered kindly. Respond well to pauses and empathy; close up if bombarded with information.",
  "facts": [
    {
      "id": "reason",
      "text": "She is here for the results of the scan she had for her cough and coughing up blood.",
      "disclosure": "volunteer"
    },
    {
      "id": "understanding",
      "text": "The GP said the X-ray showed \"a shadow\" that might be an infection that had not cleared.",
      "disclosure": "if_asked"
    },
    {
      "id": "alone",
      "text": "She came alone because her daughter Claire is six months pregnant and she did not want to worry her.",
      "disclosure": "if_asked"
    },
    {
      "id": "symptoms",
      "text": "She has lost about a stone in three months, coughs up streaks of blood most days, and has a dull ache under her right ribs.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking",
      "text": "Smoked 20 a day from age 16; still smokes about 10 a day and feels guilty about it.",
      "disclosure": "if_asked"
    },
    {
      "id": "husband",
      "text": "Her husband Jim died of bowel cancer three years ago. His chemotherapy made him very ill and she \"wouldn’t put herself through that\".",
      "disclosure": "if_asked"
    },
    {
      "id": "priorities",
      "text": "More than anything she wants to see her first grandchild born in three months’ time.",
      "disclosure": "if_asked"
    },
    {
      "id": "support",
      "text": "Her daughter lives nearby; her best friend Pat from church is very close.",
      "disclosure": "if_asked"
    },
    {
      "id": "practical",
      "text": "Lives alone with her dog; drove herself here.",
      "disclosure": "if_asked"
    },
    {
      "id": "mood",
      "text": "If asked: low since Jim died but coping; no thoughts of harming herself.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I've been telling myself it's a chest infection that won't clear.",
  "concerns": "Deep down I'm terrified it's cancer like Jim's. I don't want to end up like him. Will I see the baby born?",
  "expectations": "Honest answers. I want to know where I stand, but I need it said gently.",
  "emotional_cues": [
    "Chatters about the weather and the car park to put off the news.",
    "Goes completely silent after the news; stares at her hands. Stay silent until the candidate speaks kindly.",
    "Cries, then says angrily \"I did this to myself, didn’t I?\"",
    "Grips her handbag and says she must get home to the dog when overwhelmed."
  ],
  "questions_to_ask": [
    "Is it cancer?",
    "How long have I got?",
    "Will I have to have chemo like Jim?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Establishes what she already knows and how much she wants to know, and explores her circumstances, support and priorities."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Gives the news clearly and honestly, explains the next steps (PET-CT, biopsy, MDT, specialist nurse key worker) without premature prognosis, and agrees immediate support and follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Communication and empathy",
      "descriptor": "Prepares the setting, gives a warning shot, uses silence and empathy, responds to guilt and distress, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "setting",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity, checks comfort and whether she would like someone with her."
    },
    {
      "id": "perception",
      "domain": "data_gathering",
      "text": "Asks what she understands so far about why the scan was done."
    },
    {
      "id": "invitation",
      "domain": "data_gathering",
      "text": "Checks how much information she would like."
    },
    {
      "id": "warning_shot",
      "domain": "interpersonal_skills",
      "text": "Gives a warning shot before the news."
    },
    {
      "id": "clear_news",
      "domain": "clinical_management",
      "text": "Explains clearly, without jargon, that the scan shows a growth in the lung that looks like cancer and has probably spread to the liver."
    },
    {
      "id": "silence_empathy",
      "domain": "interpersonal_skills",
      "text": "Allows silence and responds empathically to her emotions, including guilt about smoking."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her concerns (Jim’s experience, the grandchild) and expectations."
    },
    {
      "id": "next_steps",
      "domain": "clinical_management",
      "text": "Explains the next tests (PET-CT, biopsy) and MDT discussion before treatment options are known."
    },
    {
      "id": "prognosis",
      "domain": "clinical_management",
      "text": "Handles the question about time honestly without giving a number before staging and tissue results."
    },
    {
      "id": "support",
      "domain": "clinical_management",
      "text": "Offers the lung cancer nurse specialist, written information, Macmillan and a contact number."
    },
    {
      "id": "safety",
      "domain": "clinical_management",
      "text": "Checks she is safe to get home (offers to call her daughter or friend) and safety-nets for heavy bleeding or breathlessness."
    },
    {
      "id": "summary",
      "domain": "interpersonal_skills",
      "text": "Summarises, checks understanding and agrees a follow-up date."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-ENDO-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000014', null, 'Explaining blood test results to a 52-year-old man', 'COM-ENDO-01 Explain a new diagnosis – type 2 diabetes (HbA1c 62, 64)', 'communication', 'endocrinology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000014', 'Type 2 diabetes mellitus (new diagnosis)',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mr Imran Qureshi, 52, has come to discuss his recent blood tests. Explain the results and what they mean, and agree an initial management plan with him.",
  "information": [
    "HbA1c 62 mmol/mol three weeks ago; repeat last week 64 mmol/mol (diagnostic threshold 48).",
    "BMI 33 kg/m². BP 142/88 mmHg. eGFR >90. Urine albumin:creatinine ratio 2.1 mg/mmol.",
    "Total cholesterol 5.8 mmol/L, HDL 0.9 mmol/L. QRISK3 score 14%.",
    "No ketones on urine dipstick. No regular medication."
  ]
}$json$::jsonb,
$json${
  "role": "Imran Qureshi, 52, head chef at a busy restaurant, the patient.",
  "opening_line": "The nurse said my sugar test came back high twice and I should see a doctor. Is it bad?",
  "persona": "Busy, friendly, a little defensive about his diet. Knows a lot about food but little about diabetes; thinks it means injections straight away, like his mother. Responds well to practical, specific advice and to being involved in decisions.",
  "facts": [
    {
      "id": "reason",
      "text": "The practice nurse told him his sugar test was high twice.",
      "disclosure": "volunteer"
    },
    {
      "id": "symptoms",
      "text": "He has been thirsty, gets up twice a night to pass urine and has been tired for months.",
      "disclosure": "if_asked"
    },
    {
      "id": "negatives",
      "text": "No weight loss, vomiting, abdominal pain or blurred vision; no foot sores.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "His mother had diabetes, was on insulin four times a day and had a toe amputated.",
      "disclosure": "if_asked"
    },
    {
      "id": "diet_activity",
      "text": "Eats late after shifts, tastes food all day, drinks four cups of sweet chai a day, no regular exercise.",
      "disclosure": "if_asked"
    },
    {
      "id": "weight",
      "text": "Has put on about 10 kg in five years.",
      "disclosure": "if_asked"
    },
    {
      "id": "ramadan",
      "text": "Fasts every year during Ramadan.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking_alcohol",
      "text": "Non-smoker; does not drink alcohol.",
      "disclosure": "if_asked"
    },
    {
      "id": "eyes",
      "text": "His last eye test at the optician was three years ago.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Married with three children; works six days a week.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I eat too many sweets, that's all. I can sort it myself.",
  "concerns": "Mum lost her toe and injected four times a day. I can't do injections in a kitchen. I can't lose my job.",
  "expectations": "To fix it with diet and not have tablets, if possible.",
  "emotional_cues": [
    "Folds arms and becomes defensive if lectured about diet.",
    "Goes quiet when talking about his mother’s toe.",
    "Leans in and engages when offered practical food tips that fit his work."
  ],
  "questions_to_ask": [
    "Will I have to inject insulin?",
    "If I lose weight, will it go away?",
    "Can I still fast during Ramadan?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Finds out what he knows and feels about diabetes, checks symptoms, family history, lifestyle and cultural factors that affect the plan."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the diagnosis accurately, the aims of treatment and complications, and agrees lifestyle change, structured education, metformin, cardiovascular risk reduction (statin), annual checks including retinal screening, Ramadan advice and follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains in chunks without jargon, involves him in decisions, addresses his fears about insulin and his mother, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro_agenda",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and sets the agenda."
    },
    {
      "id": "prior_knowledge",
      "domain": "data_gathering",
      "text": "Explores what he already knows about diabetes and his mother’s experience."
    },
    {
      "id": "symptoms_lifestyle",
      "domain": "data_gathering",
      "text": "Asks about symptoms, diet, activity and work pattern."
    },
    {
      "id": "explains_diagnosis",
      "domain": "clinical_management",
      "text": "Explains what HbA1c measures and that two raised results confirm type 2 diabetes."
    },
    {
      "id": "long_term_risks",
      "domain": "clinical_management",
      "text": "Explains why control matters (eyes, kidneys, feet, heart) without frightening him."
    },
    {
      "id": "lifestyle_education",
      "domain": "clinical_management",
      "text": "Discusses diet, weight loss (including remission possibility), activity and a structured education course."
    },
    {
      "id": "metformin",
      "domain": "clinical_management",
      "text": "Offers metformin with dose titration and side effects, and an HbA1c target."
    },
    {
      "id": "cardiovascular",
      "domain": "clinical_management",
      "text": "Discusses statin (atorvastatin) for QRISK3 above 10% and blood pressure follow-up."
    },
    {
      "id": "monitoring",
      "domain": "clinical_management",
      "text": "Mentions annual reviews: retinal screening, foot checks, kidney tests."
    },
    {
      "id": "ramadan_insulin",
      "domain": "interpersonal_skills",
      "text": "Answers the questions about insulin and fasting accurately and reassuringly."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets for very high sugar symptoms or illness (sick day guidance) and arranges follow-up."
    },
    {
      "id": "teach_back",
      "domain": "interpersonal_skills",
      "text": "Checks understanding using teach-back and offers written information."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-HAEM-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000015', null, 'Consent for a blood transfusion in a 74-year-old man', 'COM-HAEM-01 Consent – red cell transfusion, heart failure (TACO risk)', 'communication', 'haematology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000015', 'Symptomatic anaemia (Hb 68 g/L) from upper GI blood loss requiring red cell transfusion',
$json${
  "setting": "Medical ward. You are an FY1 doctor.",
  "task": "Mr Desmond Clarke, 74, needs a red cell transfusion. Discuss the transfusion with him and obtain his consent if he agrees.",
  "information": [
    "Admitted yesterday with black stools and dizziness. Haemodynamically stable now. Endoscopy is booked for tomorrow.",
    "Hb today 68 g/L (yesterday 79 g/L; 130–180). MCV 78 fL.",
    "Background: heart failure (ejection fraction 35%), atrial fibrillation. Apixaban was stopped on admission.",
    "The consultant has asked for two units of red cells, each given over about two hours with observations."
  ]
}$json$::jsonb,
$json${
  "role": "Desmond Clarke, 74, retired electrician, the patient.",
  "opening_line": "The nurse says you want to give me some blood. I'm not so sure about that, to be honest.",
  "persona": "Courteous, thoughtful and well-read. You have followed the infected blood inquiry on the news and are wary. You will agree if your questions are answered honestly and you feel listened to. You dislike being rushed.",
  "facts": [
    {
      "id": "hesitant",
      "text": "He is not sure about having someone else’s blood.",
      "disclosure": "volunteer"
    },
    {
      "id": "symptoms",
      "text": "Breathless walking to the bathroom and dizzy when he stands.",
      "disclosure": "if_asked"
    },
    {
      "id": "previous_transfusion",
      "text": "Never had a transfusion before.",
      "disclosure": "if_asked"
    },
    {
      "id": "infection_worry",
      "text": "Worried about catching hepatitis or HIV after the infected blood scandal.",
      "disclosure": "if_asked"
    },
    {
      "id": "heart",
      "text": "Has heart failure; takes furosemide 40 mg every morning; his ankles swell at times and he was told his heart is weak.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Furosemide, bisoprolol 2.5 mg, ramipril 2.5 mg and apixaban (stopped yesterday).",
      "disclosure": "if_asked"
    },
    {
      "id": "allergy",
      "text": "Penicillin gives him a rash.",
      "disclosure": "if_asked"
    },
    {
      "id": "beliefs",
      "text": "No religious objection to blood products.",
      "disclosure": "if_asked"
    },
    {
      "id": "donor",
      "text": "He gave blood himself regularly in his thirties.",
      "disclosure": "if_asked"
    },
    {
      "id": "wife",
      "text": "Would like his wife, Pauline, to be told what is happening.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "Surely some iron tablets would build me back up?",
  "concerns": "The contaminated blood scandal. And they said my heart's weak - could it overload it?",
  "expectations": "To understand why I need it and the real risks before I agree.",
  "emotional_cues": [
    "Raises an eyebrow and folds his arms if given vague reassurance (\"it’s completely safe\").",
    "Nods and relaxes when given honest numbers and alternatives."
  ],
  "questions_to_ask": [
    "Could I catch HIV or hepatitis from it?",
    "Is there an alternative?",
    "Will it overload my heart?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Establishes his understanding, concerns, previous transfusions, cardiac history, allergies and beliefs relevant to consent."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the reason, benefits, risks (reactions, fluid overload, very small infection risk), alternatives, what happens during a transfusion, that he may refuse, and documents consent per local policy; considers slower rate and diuretic because of heart failure."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Respects his autonomy, answers honestly with numbers where possible, avoids pressure and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and explains the purpose of the conversation."
    },
    {
      "id": "understanding",
      "domain": "data_gathering",
      "text": "Asks what he understands about why he needs blood."
    },
    {
      "id": "history",
      "domain": "data_gathering",
      "text": "Asks about previous transfusions, reactions, allergies and religious or personal objections."
    },
    {
      "id": "reason_benefits",
      "domain": "clinical_management",
      "text": "Explains why (low blood count from bleeding causing symptoms) and expected benefits."
    },
    {
      "id": "risks",
      "domain": "clinical_management",
      "text": "Explains risks: reactions (fever, allergy), fluid overload, very rare serious infection risk (much less than 1 in a million for HIV and hepatitis)."
    },
    {
      "id": "screening",
      "domain": "clinical_management",
      "text": "Explains how UK blood is screened and traced today."
    },
    {
      "id": "heart_failure",
      "domain": "clinical_management",
      "text": "Addresses heart failure: slower transfusion, monitoring and possible furosemide."
    },
    {
      "id": "alternatives",
      "domain": "clinical_management",
      "text": "Discusses alternatives (iron, waiting) and their limits, and his right to refuse."
    },
    {
      "id": "procedure",
      "domain": "clinical_management",
      "text": "Explains what happens: cannula, checks, observations, duration; tell staff if unwell."
    },
    {
      "id": "donation",
      "domain": "clinical_management",
      "text": "Mentions that after a transfusion he can no longer donate blood and gives a leaflet."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores his ideas, concerns and expectations."
    },
    {
      "id": "consent_check",
      "domain": "interpersonal_skills",
      "text": "Checks understanding and asks for his decision without pressure; offers to call his wife."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-ELD-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000016', null, 'A daughter upset about her mother on the ward', 'COM-ELD-01 Angry relative – overnight fall not communicated, duty of candour', 'communication', 'elderly_care')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000016', 'Complaint after an unwitnessed inpatient fall not communicated to the family (duty of candour)',
$json${
  "setting": "Care of the elderly ward. You are an FY1 doctor.",
  "task": "The daughter of Mrs Joan Barker, 86, has asked to speak to a doctor. Talk to her and address her concerns.",
  "information": [
    "Mrs Barker was admitted four days ago with a chest infection and is on oral antibiotics.",
    "At 03:00 last night she was found on the floor of her bay by a nurse. The night doctor assessed her: bruise on the forehead, no hip pain. CT head (she takes apixaban) showed no bleed. Hip X-ray was normal.",
    "An incident form has been completed. The family have not yet been informed.",
    "This morning the nurse notes she is a little more muddled than yesterday."
  ]
}$json$::jsonb,
$json${
  "role": "Susan Barker, 58, secondary school teacher, Mrs Barker’s daughter.",
  "opening_line": "I've just walked in and found Mum with a huge bruise on her head, and nobody has told me a single thing!",
  "persona": "Angry, upset and exhausted. You raise your voice at first and interrupt. You calm down if the doctor listens, apologises sincerely and gives honest facts. You escalate if the doctor is defensive, blames others or uses jargon.",
  "facts": [
    {
      "id": "discovery",
      "text": "She arrived for visiting and found her mum bruised and confused; no one had phoned her.",
      "disclosure": "volunteer"
    },
    {
      "id": "warned_staff",
      "text": "On admission she told staff that Mum gets confused at night and needs help to the toilet, and asked for a bed alarm.",
      "disclosure": "if_asked"
    },
    {
      "id": "call_bell",
      "text": "Mum told her she pressed the buzzer and nobody came.",
      "disclosure": "if_asked"
    },
    {
      "id": "confusion",
      "text": "Mum seems more muddled today than yesterday.",
      "disclosure": "if_asked"
    },
    {
      "id": "previous_falls",
      "text": "Mum has fallen twice at home this year.",
      "disclosure": "if_asked"
    },
    {
      "id": "carer_role",
      "text": "She visits her mum every day, lives ten minutes away, and has taken time off work.",
      "disclosure": "if_asked"
    },
    {
      "id": "home",
      "text": "Mum lived alone with carers twice a day; Susan worries she can’t go home now.",
      "disclosure": "if_asked"
    },
    {
      "id": "father",
      "text": "Her father died in a hospital after a fall five years ago. This has brought it all back.",
      "disclosure": "if_asked"
    },
    {
      "id": "complaint",
      "text": "She wants to make a formal complaint and says she will \"write to the papers\".",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "This happened because the ward is short-staffed and nobody was watching her.",
  "concerns": "Is there a bleed on her brain? She's going to end up like Dad. Is she safe here?",
  "expectations": "An apology, the truth about what happened, a plan to keep her safe, and how to complain.",
  "emotional_cues": [
    "Raises her voice and interrupts in the first minute.",
    "Softens noticeably after a genuine apology.",
    "Becomes tearful when she mentions her father.",
    "Hardens again if the doctor says \"it’s not my fault\" or blames the nurses."
  ],
  "questions_to_ask": [
    "Why did nobody ring me?",
    "Has she got a bleed on her brain?",
    "How do I make a complaint?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Lets her express her concerns, clarifies what she knows, her previous warnings, her mother’s baseline and her worries."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Gives an honest account of the fall and results, apologises (duty of candour), explains the safety plan (falls assessment, delirium screen, enhanced observation, bay near nurses, alarm), offers a meeting with the consultant and ward manager, and explains PALS and complaints."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Stays calm, non-defensive and empathic, does not blame colleagues, and checks she is satisfied with the plan."
    }
  ],
  "checklist": [
    {
      "id": "intro_private",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms her relationship and moves to a private space."
    },
    {
      "id": "listens",
      "domain": "interpersonal_skills",
      "text": "Lets her speak without interruption and acknowledges her anger."
    },
    {
      "id": "apology",
      "domain": "clinical_management",
      "text": "Gives a sincere apology for the fall and for not being informed."
    },
    {
      "id": "explores",
      "domain": "data_gathering",
      "text": "Asks what she knows and about her earlier concerns (night confusion, bed alarm)."
    },
    {
      "id": "baseline",
      "domain": "data_gathering",
      "text": "Asks about her mother’s baseline memory, mobility and previous falls."
    },
    {
      "id": "honest_account",
      "domain": "clinical_management",
      "text": "Explains what happened and the results (no bleed, no fracture) honestly."
    },
    {
      "id": "confusion_plan",
      "domain": "clinical_management",
      "text": "Explains that increased confusion will be assessed (delirium screen, observations, repeat review)."
    },
    {
      "id": "safety_plan",
      "domain": "clinical_management",
      "text": "Explains falls prevention: falls risk assessment, bay near nurses, sensor alarm, enhanced observation, lying and standing BP, medication review, physio."
    },
    {
      "id": "no_blame",
      "domain": "interpersonal_skills",
      "text": "Does not blame colleagues or make promises that cannot be kept."
    },
    {
      "id": "escalation_complaint",
      "domain": "clinical_management",
      "text": "Offers a meeting with the consultant and ward manager, and explains PALS and the complaints process."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns (her father) and expectations."
    },
    {
      "id": "summary",
      "domain": "interpersonal_skills",
      "text": "Summarises the agreed plan and checks she is satisfied."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-PAED-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000017', null, 'Explaining a fit to the father of a 20-month-old girl', 'COM-PAED-01 Explain – first simple febrile seizure with otitis media', 'communication', 'paediatrics')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000017', 'Simple febrile seizure',
$json${
  "setting": "Paediatric emergency department. You are an FY2 doctor in paediatrics.",
  "task": "Ellie Whitaker, 20 months, was brought in by ambulance after a fit at home. She has been assessed by the paediatric registrar. Explain to her father what has happened, answer his questions and advise him about the future.",
  "information": [
    "Generalised jerking of all four limbs lasting about 2 minutes, stopped by itself. Back to her normal self within 30 minutes.",
    "Temperature 38.9 °C. Alert, playing, drinking well. No rash, no neck stiffness, fontanelle closed. Left eardrum red and bulging.",
    "The registrar’s plan: treat the ear infection as per guidance and discharge after a period of observation if she stays well."
  ]
}$json$::jsonb,
$json${
  "role": "Tom Whitaker, 31, Ellie’s father, a plumber.",
  "opening_line": "I honestly thought she was dying. She went stiff, her arms and legs were jerking and her lips went blue. Is she going to be OK?",
  "persona": "Shaken, pale, talking fast. You blame yourself for not giving more medicine. You want to be told exactly what to do next time. You calm down with clear, structured information.",
  "facts": [
    {
      "id": "event",
      "text": "She went stiff, then her arms and legs jerked, and her lips went blue. He thought she was dying.",
      "disclosure": "volunteer"
    },
    {
      "id": "duration",
      "text": "About two minutes; it stopped before the ambulance arrived; she was sleepy for about half an hour afterwards.",
      "disclosure": "if_asked"
    },
    {
      "id": "illness",
      "text": "Runny nose and pulling at her left ear for two days; temperature since last night.",
      "disclosure": "if_asked"
    },
    {
      "id": "first_episode",
      "text": "This is the first time it has ever happened.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "Ellie’s mum had \"fits with temperatures\" as a toddler. No one in the family has epilepsy.",
      "disclosure": "if_asked"
    },
    {
      "id": "development",
      "text": "Walking, saying a few words, developing normally; immunisations up to date.",
      "disclosure": "if_asked"
    },
    {
      "id": "medicine_given",
      "text": "He gave Calpol two hours before the fit.",
      "disclosure": "if_asked"
    },
    {
      "id": "first_aid",
      "text": "He tried to put a spoon in her mouth and then put her in a cool bath.",
      "disclosure": "if_asked"
    },
    {
      "id": "self_blame",
      "text": "Believes it happened because he did not give enough medicine.",
      "disclosure": "if_asked"
    },
    {
      "id": "home",
      "text": "Ellie’s mum is on her way from work; they have no other children.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "Is it epilepsy? Has the fever fried her brain?",
  "concerns": "Brain damage. And that it'll happen again at night and we won't notice and she'll die.",
  "expectations": "I want her checked properly - a brain scan, or something for epilepsy.",
  "emotional_cues": [
    "Talks fast and repeats \"I thought she was dying\".",
    "Looks guilty and says \"it’s my fault, I should have given her more medicine\".",
    "Visibly relieved and asks to write things down once he understands."
  ],
  "questions_to_ask": [
    "Will it happen again?",
    "Does she need a brain scan or epilepsy medicine?",
    "What do I do if it happens again?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Finds out what he saw, what he understands and what worries him; checks family history and first aid given."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the diagnosis accurately, that no scan or epilepsy medicine is needed, recurrence and epilepsy risk, fever management for comfort only, first aid and when to call 999, and safety-nets for serious infection."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Acknowledges the frightening experience, addresses his guilt, chunks information and checks understanding; offers written information."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and relationship, and acknowledges how frightening it was."
    },
    {
      "id": "account",
      "domain": "data_gathering",
      "text": "Asks him to describe what happened and what he did."
    },
    {
      "id": "understanding",
      "domain": "data_gathering",
      "text": "Explores what he thinks caused it and his worries."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains a fit triggered by fever in young children, common and usually harmless, in plain language."
    },
    {
      "id": "no_damage",
      "domain": "clinical_management",
      "text": "Reassures that it does not cause brain damage and is not epilepsy; no scan or EEG needed."
    },
    {
      "id": "recurrence",
      "domain": "clinical_management",
      "text": "Explains about a third of children have another, and the small increase in later epilepsy risk."
    },
    {
      "id": "guilt",
      "domain": "interpersonal_skills",
      "text": "Explains that medicines for fever do not prevent these fits and addresses his guilt."
    },
    {
      "id": "first_aid",
      "domain": "clinical_management",
      "text": "Teaches first aid: safe place, recovery position, time it, nothing in the mouth, no cold baths."
    },
    {
      "id": "call_999",
      "domain": "clinical_management",
      "text": "Advises calling 999 if the fit lasts more than 5 minutes, recurs, or she has breathing difficulty or does not recover."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets for meningitis or sepsis signs (non-blanching rash, drowsiness, neck stiffness, poor feeding)."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores ideas, concerns and expectations and responds to each."
    },
    {
      "id": "teach_back",
      "domain": "interpersonal_skills",
      "text": "Checks understanding and offers a leaflet."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- COM-GP-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000018', null, 'Follow-up after a chest infection in a 47-year-old man', 'COM-GP-01 Smoking cessation – motivational interviewing, VBA', 'communication', 'general_practice')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000018', 'Tobacco dependence – smoking cessation (very brief advice and motivational interviewing)',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mr Darren Fox, 47, was treated for a chest infection last week and has come back for review as advised. He is feeling better. Use the rest of the consultation to address his smoking and agree a plan with him.",
  "information": [
    "Smokes about 25 cigarettes a day. Chest infection treated with amoxicillin, now improving. Observations normal today.",
    "Recent spirometry: normal."
  ]
}$json$::jsonb,
$json${
  "role": "Darren Fox, 47, scaffolder, the patient.",
  "opening_line": "Much better, cheers doc. The chest is clearing up nicely.",
  "persona": "Friendly, jokey, a bit defensive about smoking (\"everyone on site smokes\"). Ambivalent: part of you wants to stop because of your daughter and the new baby. You shut down if lectured and open up if asked what you think.",
  "facts": [
    {
      "id": "recovered",
      "text": "He feels much better and the cough is settling.",
      "disclosure": "volunteer"
    },
    {
      "id": "smoking_history",
      "text": "Started at 14; about 25 a day; first cigarette within five minutes of waking.",
      "disclosure": "if_asked"
    },
    {
      "id": "previous_attempts",
      "text": "Tried twice \"cold turkey\"; lasted three days each time, irritable and could not sleep.",
      "disclosure": "if_asked"
    },
    {
      "id": "triggers",
      "text": "Smokes with his morning brew, on breaks with mates, when stressed, and with a drink.",
      "disclosure": "if_asked"
    },
    {
      "id": "motivation",
      "text": "His 8-year-old daughter asked him to stop after a school lesson; his partner is pregnant, due in four months.",
      "disclosure": "if_asked"
    },
    {
      "id": "vaping_views",
      "text": "Thinks vapes are \"just as bad\"; his mate vapes.",
      "disclosure": "if_asked"
    },
    {
      "id": "nrt_views",
      "text": "Tried a patch once; it gave him vivid dreams so he took it off after a night.",
      "disclosure": "if_asked"
    },
    {
      "id": "health",
      "text": "No regular medicines; no depression or seizures. Coughs every winter.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_history",
      "text": "His dad had COPD, was on oxygen at the end and died at 66.",
      "disclosure": "if_asked"
    },
    {
      "id": "cost",
      "text": "Spends about £120 a week on cigarettes.",
      "disclosure": "if_asked"
    },
    {
      "id": "alcohol",
      "text": "About 20 units at the weekend.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "Smoking helps with the stress. I'll just pack it in when the baby comes.",
  "concerns": "Getting ratty and putting on weight. But also ending up like my dad.",
  "expectations": "I didn't come for a lecture. Maybe some info if there's something that actually works.",
  "emotional_cues": [
    "Crosses arms and jokes \"here we go\" if smoking is raised abruptly.",
    "Becomes thoughtful and quieter when talking about his daughter and his dad.",
    "Responds positively to being asked what he thinks and to practical offers."
  ],
  "questions_to_ask": [
    "Are vapes actually safer?",
    "What is the best way to stop - is there a tablet?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Takes a smoking history (amount, dependence, past attempts and what went wrong, triggers) and explores his motivation and confidence."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Gives clear advice that stopping with support and medication is most effective; offers referral to the local stop smoking service, combination nicotine replacement, varenicline where available or a vape, a quit date, and follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Uses a non-judgemental motivational style (open questions, reflections, importance and confidence scales), avoids lecturing and respects his choice."
    }
  ],
  "checklist": [
    {
      "id": "intro_review",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and reviews the chest infection first."
    },
    {
      "id": "permission",
      "domain": "interpersonal_skills",
      "text": "Asks permission to talk about smoking."
    },
    {
      "id": "smoking_history",
      "domain": "data_gathering",
      "text": "Takes a smoking history including time to first cigarette."
    },
    {
      "id": "past_attempts",
      "domain": "data_gathering",
      "text": "Asks about past quit attempts and what made them hard."
    },
    {
      "id": "motivation",
      "domain": "data_gathering",
      "text": "Explores reasons for and against stopping (importance and confidence)."
    },
    {
      "id": "reflection",
      "domain": "interpersonal_skills",
      "text": "Uses reflective listening and summarises his ambivalence."
    },
    {
      "id": "advice",
      "domain": "clinical_management",
      "text": "Advises that the best chance is behavioural support plus medication."
    },
    {
      "id": "options",
      "domain": "clinical_management",
      "text": "Explains combination NRT (patch plus short-acting), varenicline and e-cigarettes accurately, including the patch dreams tip."
    },
    {
      "id": "referral",
      "domain": "clinical_management",
      "text": "Offers referral to the stop smoking service and carbon monoxide monitoring."
    },
    {
      "id": "plan_quit_date",
      "domain": "clinical_management",
      "text": "Agrees a quit date or next step, and a smoke-free home for the baby."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores his ideas, concerns (weight, stress) and expectations."
    },
    {
      "id": "follow_up",
      "domain": "clinical_management",
      "text": "Arranges follow-up and safety-nets about the chest (worsening cough, fever, breathlessness)."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- DI-CARD-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000019', null, 'ECG review: palpitations in a 72-year-old woman', 'DI-CARD-01 ECG – new AF, CHA2DS2-VASc 4, anticoagulation discussion', 'data_interpretation', 'cardiology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000019', 'Atrial fibrillation (new diagnosis, CHA2DS2-VASc 4)',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mrs Valerie Osei, 72, had an ECG with the practice nurse this morning because of palpitations. Interpret the ECG and blood results, explain them to her, and discuss and agree a management plan, including her risk of stroke.",
  "information": [
    "12-lead ECG: irregularly irregular narrow-complex rhythm, ventricular rate about 118/min, no discernible P waves, fibrillatory baseline, normal axis, no ST or T wave changes.",
    "Observations: BP 138/84 mmHg, SpO2 97% on air, RR 16, temperature 36.7 °C.",
    "Bloods today: FBC normal, U&E normal (eGFR 68), TSH 1.8 mU/L, HbA1c 51 mmol/mol."
  ]
}$json$::jsonb,
$json${
  "role": "Valerie Osei, 72, retired nurse, the patient.",
  "opening_line": "My heart's been fluttering on and off for a couple of weeks, so the nurse did a tracing this morning. What did it show?",
  "persona": "Bright, organised, asks precise questions. As a former nurse you remember warfarin and are wary of it. Your sister’s stroke frightens you. You want to be involved in the decision.",
  "facts": [
    {
      "id": "palpitations",
      "text": "Fluttering in her chest on and off for two weeks.",
      "disclosure": "volunteer"
    },
    {
      "id": "timing",
      "text": "Continuous for the last three days; she cannot say exactly when it started.",
      "disclosure": "if_asked"
    },
    {
      "id": "red_flags_negative",
      "text": "No chest pain, no blackouts, only mild breathlessness on the stairs, no ankle swelling.",
      "disclosure": "if_asked"
    },
    {
      "id": "hypertension",
      "text": "High blood pressure for ten years, on amlodipine 10 mg.",
      "disclosure": "if_asked"
    },
    {
      "id": "diabetes",
      "text": "Type 2 diabetes on metformin 500 mg twice a day.",
      "disclosure": "if_asked"
    },
    {
      "id": "no_stroke",
      "text": "No previous stroke, TIA or heart attack.",
      "disclosure": "if_asked"
    },
    {
      "id": "bleeding_history",
      "text": "No bleeding problems or stomach ulcers. Takes ibuprofen from the chemist for her knee a few times a week.",
      "disclosure": "if_asked"
    },
    {
      "id": "alcohol_caffeine",
      "text": "Two glasses of wine a week; three coffees a day.",
      "disclosure": "if_asked"
    },
    {
      "id": "falls",
      "text": "No falls.",
      "disclosure": "if_asked"
    },
    {
      "id": "sister",
      "text": "Her sister had a stroke last year and now lives in a care home.",
      "disclosure": "if_asked"
    },
    {
      "id": "warfarin_view",
      "text": "Remembers patients on warfarin needing weekly blood tests and bruising badly.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives with her husband, looks after her grandchildren twice a week, and drives.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought it was too much coffee, or my nerves.",
  "concerns": "My sister had a stroke - is that going to happen to me? And I don't want to be on warfarin with all those blood tests.",
  "expectations": "To know what the tracing shows and what I need to do about it.",
  "emotional_cues": [
    "Becomes quiet and serious when stroke is mentioned.",
    "Says \"not warfarin, surely\" firmly if blood thinners are raised without explanation.",
    "Appreciates being shown the numbers behind the decision."
  ],
  "questions_to_ask": [
    "Does this mean I will have a stroke like my sister?",
    "Do I have to go on warfarin?",
    "Can it be cured?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Interprets the ECG systematically (rate, rhythm, P waves, axis, QRS, ST), reviews bloods for causes, and gathers symptoms, onset, stroke and bleeding risk factors."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the diagnosis, calculates CHA2DS2-VASc (4) and assesses bleeding risk (ORBIT), recommends a DOAC, advises stopping ibuprofen, starts rate control (beta-blocker or rate-limiting calcium channel blocker), arranges echocardiogram and follow-up, and safety-nets."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains risk in plain language with numbers, addresses her worries about stroke and warfarin, and shares the decision."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and checks what she knows."
    },
    {
      "id": "ecg_systematic",
      "domain": "data_gathering",
      "text": "Interprets the ECG systematically and identifies fast atrial fibrillation."
    },
    {
      "id": "bloods_causes",
      "domain": "data_gathering",
      "text": "Notes normal thyroid function and considers other causes (alcohol, infection, heart disease)."
    },
    {
      "id": "onset_symptoms",
      "domain": "data_gathering",
      "text": "Establishes onset, duration and red-flag symptoms (chest pain, syncope, breathlessness)."
    },
    {
      "id": "risk_factors",
      "domain": "data_gathering",
      "text": "Elicits hypertension, diabetes, previous stroke or TIA and bleeding history, including NSAID use."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains an irregular heart rhythm in plain language and why it raises stroke risk."
    },
    {
      "id": "stroke_score",
      "domain": "clinical_management",
      "text": "Calculates CHA2DS2-VASc (age, sex, hypertension, diabetes = 4) and recommends anticoagulation."
    },
    {
      "id": "doac",
      "domain": "clinical_management",
      "text": "Recommends a DOAC (e.g. apixaban or edoxaban) over warfarin and explains no INR monitoring."
    },
    {
      "id": "bleeding",
      "domain": "clinical_management",
      "text": "Assesses bleeding risk and advises stopping ibuprofen."
    },
    {
      "id": "rate_control",
      "domain": "clinical_management",
      "text": "Offers rate control (e.g. bisoprolol) and an echocardiogram."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets: chest pain, fainting, breathlessness, stroke symptoms (999) and bleeding."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns (sister, warfarin) and expectations, and checks understanding."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- DI-EM-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000020', null, 'Blood gas in a drowsy 69-year-old man', 'DI-EM-01 ABG – acute-on-chronic hypercapnia on high-flow O2, discuss NIV', 'data_interpretation', 'emergency_medicine')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000020', 'Acute-on-chronic type 2 respiratory failure with respiratory acidosis (COPD exacerbation, oxygen-induced hypercapnia)',
$json${
  "setting": "Emergency department, resuscitation area. You are an FY2 doctor.",
  "task": "Staff Nurse Chloe Evans asks you to look at the arterial blood gas of Mr Ken Ashworth, 69, who is becoming drowsy. Interpret the gas, explain your interpretation to the nurse and agree immediate management with her.",
  "information": [
    "Brought in by ambulance 40 minutes ago with increasing breathlessness and green sputum. Paramedics started 15 L/min oxygen via a non-rebreathe mask, which is still running.",
    "Observations now: RR 26, SpO2 99%, HR 108, BP 146/84 mmHg, temperature 37.9 °C, GCS 13 (E3 V4 M6).",
    "ABG on 15 L/min oxygen: pH 7.24, PaCO2 9.8 kPa, PaO2 18.2 kPa, HCO3- 31 mmol/L, base excess +4, lactate 1.4 mmol/L, glucose 7.8 mmol/L."
  ]
}$json$::jsonb,
$json${
  "role": "Staff Nurse Chloe Evans, emergency department nurse looking after Mr Ashworth.",
  "opening_line": "Can you look at Mr Ashworth's gas? He's getting sleepier. Should I turn his oxygen up?",
  "persona": "A competent, busy nurse in her second year. You are worried he is deteriorating and your instinct is that more oxygen will help. You respond well to clear, reasoned instructions and closed-loop communication. You have his notes and answer factual questions when asked.",
  "facts": [
    {
      "id": "handover",
      "text": "He has become more drowsy over the last 20 minutes; she thinks he needs more oxygen.",
      "disclosure": "volunteer"
    },
    {
      "id": "copd_history",
      "text": "Known severe COPD: FEV1 38% predicted. Admitted last winter needing non-invasive ventilation.",
      "disclosure": "if_asked"
    },
    {
      "id": "oxygen_alert",
      "text": "He has an oxygen alert card in his wallet stating a target saturation of 88–92%.",
      "disclosure": "if_asked"
    },
    {
      "id": "baseline_bicarbonate",
      "text": "At his clinic review three months ago his venous bicarbonate was 30 mmol/L.",
      "disclosure": "if_asked"
    },
    {
      "id": "examination",
      "text": "Widespread wheeze, poor air entry, accessory muscle use, warm peripheries, bounding pulse and a flapping tremor.",
      "disclosure": "if_asked"
    },
    {
      "id": "chest_xray",
      "text": "Portable chest X-ray: hyperinflated lungs, no pneumothorax, patchy right basal shadowing.",
      "disclosure": "if_asked"
    },
    {
      "id": "bloods",
      "text": "WCC 14.2, CRP 86, K+ 4.1, creatinine normal.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Uses a triple therapy inhaler and salbutamol; started his rescue pack (prednisolone and doxycycline) two days ago.",
      "disclosure": "if_asked"
    },
    {
      "id": "ceiling_of_care",
      "text": "His notes record that he is for NIV and for ICU discussion if NIV fails.",
      "disclosure": "if_asked"
    },
    {
      "id": "repeat_gas",
      "text": "If asked for the repeat gas after 60 minutes of controlled oxygen (28% Venturi), nebulisers and steroids: pH 7.29, PaCO2 8.9 kPa, PaO2 8.3 kPa.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "He's getting sleepy because he's not getting enough oxygen, so surely we turn it up.",
  "concerns": "I'm worried he's going to stop breathing on my shift and I won't know what to do.",
  "expectations": "A clear plan: what to do with the oxygen, what to give, when to repeat the gas, and who to call.",
  "emotional_cues": [
    "Reaches for the flow meter to turn the oxygen up until told otherwise.",
    "Looks relieved and repeats back the plan if given clear instructions.",
    "Becomes anxious if the doctor is vague or does not mention escalation."
  ],
  "questions_to_ask": [
    "Should I turn his oxygen up?",
    "Why is he getting drowsy if his sats are 99%?",
    "When do we need to call the medical registrar or ICU?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Interprets the gas systematically (oxygenation relative to inspired oxygen, pH, CO2, bicarbonate, compensation) and seeks relevant history: COPD severity, oxygen alert card, baseline bicarbonate, examination, X-ray, ceiling of care."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Identifies acute-on-chronic respiratory acidosis worsened by excess oxygen; titrates to 88–92% with a 24–28% Venturi mask, gives nebulised bronchodilators, steroids and antibiotics, repeats the gas within an hour, and escalates for NIV if pH stays below 7.35 with raised CO2."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Communicates clearly and respectfully with the nurse, explains the reasoning, uses closed-loop communication and agrees escalation triggers."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self and confirms the patient’s details."
    },
    {
      "id": "oxygenation",
      "domain": "data_gathering",
      "text": "Comments that the PaO2 is high for him and is on 15 L/min oxygen."
    },
    {
      "id": "acid_base",
      "domain": "data_gathering",
      "text": "Identifies acidaemia with raised PaCO2: respiratory acidosis."
    },
    {
      "id": "chronicity",
      "domain": "data_gathering",
      "text": "Recognises raised bicarbonate as chronic compensation (acute on chronic), using the baseline."
    },
    {
      "id": "history_seeking",
      "domain": "data_gathering",
      "text": "Asks about COPD severity, oxygen alert card, examination, X-ray and ceiling of care."
    },
    {
      "id": "explains_to_nurse",
      "domain": "interpersonal_skills",
      "text": "Explains to the nurse why more oxygen would worsen the drowsiness."
    },
    {
      "id": "controlled_oxygen",
      "domain": "clinical_management",
      "text": "Changes to a Venturi mask (24–28%) with target saturations 88–92%."
    },
    {
      "id": "medical_treatment",
      "domain": "clinical_management",
      "text": "Prescribes nebulised salbutamol and ipratropium, prednisolone 30 mg and antibiotics per local guidance."
    },
    {
      "id": "repeat_abg",
      "domain": "clinical_management",
      "text": "Plans a repeat gas within 30–60 minutes."
    },
    {
      "id": "niv_criteria",
      "domain": "clinical_management",
      "text": "States NIV is indicated if pH remains below 7.35 and PaCO2 above 6.5 kPa despite optimal treatment, and escalates to the medical registrar."
    },
    {
      "id": "closed_loop",
      "domain": "interpersonal_skills",
      "text": "Uses closed-loop communication and checks the nurse is happy with the plan."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- DI-RENAL-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000021', null, 'Blood results in an 81-year-old woman with diarrhoea and vomiting', 'DI-RENAL-01 U&E – pre-renal AKI with K+ 6.3, ACEi/NSAID/diuretic', 'data_interpretation', 'renal')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000021', 'Acute kidney injury (stage 2, pre-renal) with hyperkalaemia',
$json${
  "setting": "Acute medical unit. You are an FY1 doctor.",
  "task": "Mrs Dorothy Lane, 81, was admitted this morning. Interpret her blood results and ECG, take a focused medication history from her, and explain the results and your immediate plan to her.",
  "information": [
    "Today: Na+ 133, K+ 6.3 mmol/L, urea 19.8 mmol/L, creatinine 214 µmol/L, eGFR 19, bicarbonate 19 mmol/L, glucose 6.2 mmol/L.",
    "Three months ago: creatinine 96 µmol/L, eGFR 52, K+ 4.6 mmol/L.",
    "ECG: sinus rhythm 88/min, peaked T waves in V2–V4, normal PR and QRS.",
    "Observations: BP 98/56 mmHg (usually in the 140s), HR 96, RR 18, SpO2 96% on air, temperature 37.2 °C. Dry mucous membranes."
  ]
}$json$::jsonb,
$json${
  "role": "Dorothy Lane, 81, retired seamstress, the patient.",
  "opening_line": "I've had the runs and been sick for three days, doctor. I couldn't keep a thing down.",
  "persona": "Frail, polite and a bit muddled about names of tablets but clear about what she takes \"for what\". You are proud of managing your own medicines and feel foolish when you realise some may have made you worse. You are worried about your heart because \"potassium\" sounds serious.",
  "facts": [
    {
      "id": "illness",
      "text": "Diarrhoea and vomiting for three days; could not keep anything down.",
      "disclosure": "volunteer"
    },
    {
      "id": "intake_output",
      "text": "Only sips of tea for two days; passing much less urine than usual and it is dark.",
      "disclosure": "if_asked"
    },
    {
      "id": "ace_inhibitor",
      "text": "Still taking her \"blood pressure tablet\" (ramipril 10 mg) every morning.",
      "disclosure": "if_asked"
    },
    {
      "id": "diuretic",
      "text": "Still taking her \"water tablet\" (furosemide 40 mg) \"because the doctor said it was important\".",
      "disclosure": "if_asked"
    },
    {
      "id": "nsaid",
      "text": "Bought ibuprofen 400 mg from the supermarket and has taken it three times a day for a week for back pain.",
      "disclosure": "if_asked"
    },
    {
      "id": "metformin",
      "text": "Takes metformin 500 mg twice a day for diabetes.",
      "disclosure": "if_asked"
    },
    {
      "id": "urinary_negative",
      "text": "No pain passing urine, no blood in the urine, no difficulty starting or emptying.",
      "disclosure": "if_asked"
    },
    {
      "id": "source",
      "text": "Her grandson had a tummy bug last week.",
      "disclosure": "if_asked"
    },
    {
      "id": "potassium_symptoms",
      "text": "Feels weak; no palpitations or chest pain.",
      "disclosure": "if_asked"
    },
    {
      "id": "allergies",
      "text": "No allergies.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives alone, independent; her daughter lives nearby and does her shopping.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "It's just a tummy bug. I'll be right as rain once I can eat again.",
  "concerns": "The nurse said my potassium is high - is my heart going to stop? And I don't want to end up on dialysis like my late husband.",
  "expectations": "A drip, something to stop the sickness, and home in a day or two.",
  "emotional_cues": [
    "Looks alarmed at the word \"potassium\" and asks about her heart.",
    "Says \"oh dear, I thought I was doing the right thing\" when told about the tablets."
  ],
  "questions_to_ask": [
    "Is my heart in danger?",
    "Will my kidneys recover, or will I need dialysis?",
    "Should I stop all my tablets now?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Interprets results against baseline (creatinine more than twice baseline: stage 2 AKI), recognises hyperkalaemia with ECG changes, assesses volume status and takes a medication history identifying the nephrotoxic and potassium-raising drugs."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Treats hyperkalaemia urgently (cardiac monitoring, IV calcium, insulin with glucose, salbutamol, repeat potassium), gives IV fluids, stops ramipril, furosemide, ibuprofen and metformin, monitors fluid balance, urine dip, daily U&E and escalates if not improving."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains the results and plan in plain language, addresses her fear about her heart and dialysis without blame, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self and confirms identity."
    },
    {
      "id": "aki_stage",
      "domain": "data_gathering",
      "text": "Compares creatinine with baseline and identifies stage 2 acute kidney injury."
    },
    {
      "id": "hyperkalaemia",
      "domain": "data_gathering",
      "text": "Identifies K+ 6.3 with peaked T waves as needing urgent treatment."
    },
    {
      "id": "volume",
      "domain": "data_gathering",
      "text": "Identifies dehydration and hypotension as the likely cause (pre-renal)."
    },
    {
      "id": "medication_history",
      "domain": "data_gathering",
      "text": "Takes a full medication history including over-the-counter drugs and identifies ramipril, furosemide, ibuprofen and metformin."
    },
    {
      "id": "post_renal",
      "domain": "data_gathering",
      "text": "Screens for urinary obstruction and other causes."
    },
    {
      "id": "k_treatment",
      "domain": "clinical_management",
      "text": "Plans cardiac monitoring, IV calcium gluconate, insulin with glucose and salbutamol, and repeat potassium and glucose checks."
    },
    {
      "id": "fluids",
      "domain": "clinical_management",
      "text": "Prescribes IV fluids with fluid balance monitoring."
    },
    {
      "id": "stop_drugs",
      "domain": "clinical_management",
      "text": "Withholds ramipril, furosemide, ibuprofen and metformin, and explains restarting later."
    },
    {
      "id": "monitoring",
      "domain": "clinical_management",
      "text": "Plans urine dipstick, daily U&E, renal ultrasound if not improving and senior escalation."
    },
    {
      "id": "explains",
      "domain": "interpersonal_skills",
      "text": "Explains kidney strain and high potassium in plain language and addresses her fears."
    },
    {
      "id": "sick_day_rules",
      "domain": "clinical_management",
      "text": "Mentions sick day guidance for future illness and avoiding over-the-counter ibuprofen."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- DI-RESP-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000022', null, 'Breathing test results for a 58-year-old woman', 'DI-RESP-01 Spirometry – obstructive, non-reversible (COPD) explanation', 'data_interpretation', 'respiratory')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000022', 'Chronic obstructive pulmonary disease (COPD), moderate',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mrs Lorraine Webb, 58, has come for the results of her breathing tests. Interpret the results, explain them to her and agree a management plan.",
  "information": [
    "Post-bronchodilator spirometry: FEV1 1.52 L (62% predicted), FVC 2.78 L (94% predicted), FEV1/FVC 0.55.",
    "Reversibility: FEV1 rose by 90 mL (6%) after salbutamol.",
    "Chest X-ray: hyperinflated lung fields, no focal lesion.",
    "FBC: Hb 138 g/L, eosinophils 0.2 × 10⁹/L. BMI 24 kg/m². MRC dyspnoea scale 3."
  ]
}$json$::jsonb,
$json${
  "role": "Lorraine Webb, 58, hairdresser, the patient.",
  "opening_line": "I've come for the results of that blowing test. I've had this smoker's cough for years and I'm getting out of breath at work.",
  "persona": "Warm, talkative, a little embarrassed about smoking. You love your job and do not want to give it up. Your mother died \"on oxygen\" and that image stays with you. You respond to encouragement, not lectures.",
  "facts": [
    {
      "id": "symptoms",
      "text": "Cough for years and increasingly breathless at work.",
      "disclosure": "volunteer"
    },
    {
      "id": "sputum_infections",
      "text": "White phlegm most mornings; two chest infections last winter needing antibiotics.",
      "disclosure": "if_asked"
    },
    {
      "id": "smoking",
      "text": "Smokes 20 a day since she was 16 (about 42 pack-years).",
      "disclosure": "if_asked"
    },
    {
      "id": "asthma_features_negative",
      "text": "No childhood asthma, eczema or hay fever; symptoms do not vary much from day to day; no night waking.",
      "disclosure": "if_asked"
    },
    {
      "id": "red_flags_negative",
      "text": "No coughing blood, no weight loss, no chest pain.",
      "disclosure": "if_asked"
    },
    {
      "id": "function",
      "text": "Breathless walking up one flight of stairs and has to stop after about 100 yards on the flat at times.",
      "disclosure": "if_asked"
    },
    {
      "id": "occupation",
      "text": "Hairdresser for 40 years; works in a small salon with sprays and dyes.",
      "disclosure": "if_asked"
    },
    {
      "id": "vaccines",
      "text": "Has not had a flu jab or a pneumonia vaccine.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "Uses a salbutamol inhaler the GP gave her two months ago, three or four times a day; it helps a little. No other medicines.",
      "disclosure": "if_asked"
    },
    {
      "id": "home",
      "text": "Her husband also smokes.",
      "disclosure": "if_asked"
    },
    {
      "id": "mother",
      "text": "Her mother had \"emphysema\" and died on home oxygen.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I suppose it's the smoking catching up with me.",
  "concerns": "Is it what Mum had? I don't want to end up on oxygen. And I'd hate to give up work.",
  "expectations": "A better inhaler, and to know what the test means.",
  "emotional_cues": [
    "Looks down and fiddles with her lighter when smoking is mentioned.",
    "Goes quiet when the candidate mentions the word \"chronic\".",
    "Brightens when given practical steps she can take."
  ],
  "questions_to_ask": [
    "Is it the same as my mum had?",
    "Will I end up on oxygen?",
    "Is it too late to stop smoking?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Interprets the spirometry correctly (obstructive pattern, FEV1/FVC below 0.7, FEV1 62%, minimal reversibility), considers asthma features, red flags, exacerbations, occupation, vaccination and current treatment."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the diagnosis and moderate severity, prioritises stopping smoking with support, offers pulmonary rehabilitation, vaccinations, inhaler technique and step-up to LAMA/LABA given symptoms and exacerbations, a self-management plan and follow-up."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains without jargon, responds to her fear about her mother and oxygen, is encouraging rather than blaming, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and finds out what she knows about the tests."
    },
    {
      "id": "interprets_ratio",
      "domain": "data_gathering",
      "text": "Identifies obstruction (FEV1/FVC 0.55) with normal FVC."
    },
    {
      "id": "severity_reversibility",
      "domain": "data_gathering",
      "text": "Grades severity by FEV1 (moderate) and notes minimal reversibility."
    },
    {
      "id": "asthma_screen",
      "domain": "data_gathering",
      "text": "Asks about asthma features, atopy and variability."
    },
    {
      "id": "history",
      "domain": "data_gathering",
      "text": "Asks about exacerbations, red flags, occupation and current inhaler use."
    },
    {
      "id": "explains",
      "domain": "clinical_management",
      "text": "Explains COPD in plain language as long-term, treatable narrowing and damage of the airways."
    },
    {
      "id": "smoking",
      "domain": "clinical_management",
      "text": "Explains that stopping smoking is the most effective treatment at any stage and offers support."
    },
    {
      "id": "rehab_vaccines",
      "domain": "clinical_management",
      "text": "Offers pulmonary rehabilitation and flu, pneumococcal and COVID vaccines."
    },
    {
      "id": "inhalers",
      "domain": "clinical_management",
      "text": "Checks inhaler technique and offers LAMA plus LABA given ongoing symptoms and exacerbations."
    },
    {
      "id": "self_management",
      "domain": "clinical_management",
      "text": "Discusses a self-management plan and how to recognise a flare-up."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns (mother, oxygen, work) and expectations."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets for worsening breathlessness, coughing blood or weight loss, and arranges review."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- DI-HAEM-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000023', null, 'Blood results for a 31-year-old woman with tiredness', 'DI-HAEM-01 FBC/ferritin – microcytic anaemia from heavy periods', 'data_interpretation', 'haematology')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000023', 'Iron deficiency anaemia due to heavy menstrual bleeding',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mrs Aisha Rahman, 31, has come for the results of blood tests taken for tiredness. Interpret the results, find out the likely cause, explain them to her and agree a plan.",
  "information": [
    "Hb 94 g/L (115–165), MCV 72 fL (80–100), MCH 23 pg (27–32), WCC 6.1, platelets 412 × 10⁹/L.",
    "Ferritin 5 µg/L (15–150). Vitamin B12 and folate normal. TSH normal.",
    "Coeliac serology (tTG IgA) negative with normal total IgA."
  ]
}$json$::jsonb,
$json${
  "role": "Aisha Rahman, 31, primary school teacher, the patient.",
  "opening_line": "I've come for my blood results. I'm shattered all the time - I thought it was just the kids.",
  "persona": "Busy, practical, a little embarrassed to talk about periods. A colleague’s sister was recently diagnosed with leukaemia and that has been on your mind since the test was sent. You relax with clear explanation.",
  "facts": [
    {
      "id": "tiredness",
      "text": "Exhausted for months; she put it down to work and two young children.",
      "disclosure": "volunteer"
    },
    {
      "id": "periods",
      "text": "Very heavy periods for two years: changing a super tampon and pad every one to two hours on heavy days, flooding at night, clots bigger than a 50p, lasting 8 days, regular every 28 days.",
      "disclosure": "if_asked"
    },
    {
      "id": "gynae_negatives",
      "text": "No bleeding between periods or after sex; no pelvic pain; cervical screening up to date and normal.",
      "disclosure": "if_asked"
    },
    {
      "id": "diet",
      "text": "Vegetarian for ten years, eats few leafy greens, drinks lots of tea with meals.",
      "disclosure": "if_asked"
    },
    {
      "id": "gi_negatives",
      "text": "No change in bowels, no blood in the stool, no indigestion, no weight loss; no family history of bowel cancer.",
      "disclosure": "if_asked"
    },
    {
      "id": "symptoms",
      "text": "Breathless on the stairs, hair shedding and craves crunching ice.",
      "disclosure": "if_asked"
    },
    {
      "id": "contraception",
      "text": "Her husband has had a vasectomy; she is not pregnant.",
      "disclosure": "if_asked"
    },
    {
      "id": "family_plans",
      "text": "They have two children and do not plan any more.",
      "disclosure": "if_asked"
    },
    {
      "id": "medication",
      "text": "No regular medicines; tried a herbal iron tonic from a health shop.",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Teaches full time; children aged 4 and 7.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I thought I was just run down and needed some vitamins.",
  "concerns": "A colleague's sister has just been diagnosed with leukaemia after feeling tired. Is it something like that?",
  "expectations": "A tonic, or B12 injections like my mum has.",
  "emotional_cues": [
    "Hesitates and lowers her voice when describing her periods.",
    "Visibly relieved when told the results do not suggest leukaemia."
  ],
  "questions_to_ask": [
    "Is it something serious like leukaemia?",
    "Can anything be done about the heavy periods?",
    "How long will the iron take to work?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Interprets the microcytic anaemia with low ferritin as iron deficiency, seeks the cause through a menstrual, dietary and gastrointestinal history, and checks for symptoms of anaemia."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains the diagnosis, prescribes oral iron with practical advice, plans repeat FBC in 2–4 weeks and continuation to replenish stores, discusses dietary iron and options for heavy periods (levonorgestrel intrauterine system first line, tranexamic acid), and safety-nets."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Discusses periods sensitively, addresses her fear of leukaemia directly, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and asks what she knows about the tests."
    },
    {
      "id": "interprets",
      "domain": "data_gathering",
      "text": "Identifies microcytic anaemia with low ferritin: iron deficiency."
    },
    {
      "id": "menstrual_history",
      "domain": "data_gathering",
      "text": "Takes a menstrual history quantifying heavy bleeding."
    },
    {
      "id": "diet",
      "domain": "data_gathering",
      "text": "Asks about diet (vegetarian, tea with meals)."
    },
    {
      "id": "gi_screen",
      "domain": "data_gathering",
      "text": "Screens for gastrointestinal blood loss and malabsorption, and notes negative coeliac serology."
    },
    {
      "id": "reassurance",
      "domain": "interpersonal_skills",
      "text": "Addresses her concern about leukaemia with an honest explanation of the normal white cells and platelets."
    },
    {
      "id": "iron",
      "domain": "clinical_management",
      "text": "Prescribes oral iron (e.g. ferrous sulfate 200 mg once daily) with advice on side effects, vitamin C and avoiding tea around doses."
    },
    {
      "id": "monitoring",
      "domain": "clinical_management",
      "text": "Plans repeat FBC in 2–4 weeks and continuing iron for about 3 months after Hb normalises."
    },
    {
      "id": "hmb_options",
      "domain": "clinical_management",
      "text": "Discusses treatment for heavy periods, including the hormonal coil, and examination or scan if indicated."
    },
    {
      "id": "diet_advice",
      "domain": "clinical_management",
      "text": "Gives dietary iron advice suitable for a vegetarian."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets: very heavy bleeding, dizziness, chest pain or breathlessness, and arranges follow-up."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores ideas, concerns and expectations, and checks understanding."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- ETH-CAP-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000024', null, 'An 84-year-old woman who wants to go home from the ward', 'ETH-CAP-01 Capacity assessment – wants to leave mid-treatment (has capacity)', 'ethics', 'medical_ethics_law')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000024', 'Mental capacity assessment (Mental Capacity Act 2005): capacitous decision to leave hospital against advice',
$json${
  "setting": "Medical ward, late morning. You are an FY1 doctor.",
  "task": "Mrs Winifred Hale, 84, has told the nurse she is going home today. Talk to her, assess whether she has capacity to make this decision, and agree a way forward. You do not need to examine her.",
  "information": [
    "Admitted yesterday with cellulitis of the left lower leg. On IV flucloxacillin.",
    "Observations stable; afebrile today. CRP 120 on admission, 95 today.",
    "4AT score 0 this morning. No documented history of cognitive impairment."
  ]
}$json$::jsonb,
$json${
  "role": "Winifred (Win) Hale, 84, retired bookkeeper, the patient.",
  "opening_line": "I'm going home today, dear, and I don't think anybody's going to stop me.",
  "persona": "Sharp, witty and stubborn, dressed and sitting on the bed with your handbag. You are polite but firm. You hate hospitals because your husband died on this ward. You can explain the risks clearly when asked. You will accept a compromise that lets you look after your cat.",
  "facts": [
    {
      "id": "wants_home",
      "text": "She wants to go home today.",
      "disclosure": "volunteer"
    },
    {
      "id": "reason_cat",
      "text": "Her cat Pickles is alone; the neighbour who feeds him has gone to her son’s for a week.",
      "disclosure": "if_asked"
    },
    {
      "id": "husband",
      "text": "Her husband died on this ward two years ago; she cannot bear being here.",
      "disclosure": "if_asked"
    },
    {
      "id": "understands",
      "text": "She can explain she has an infection in her leg skin that needs antibiotics \"through the drip\" and that it could spread to her blood and make her very ill or even kill her.",
      "disclosure": "if_asked"
    },
    {
      "id": "retains",
      "text": "She repeats the information accurately later in the conversation.",
      "disclosure": "if_asked"
    },
    {
      "id": "weighs",
      "text": "She weighs it up: \"I know it might get worse, but I’d rather take my chances at home with tablets, and I’d come back if it got worse.\"",
      "disclosure": "if_asked"
    },
    {
      "id": "compromise",
      "text": "She would agree to antibiotic tablets, a district nurse or coming back each day for a drip, and would stay another night if someone fed the cat.",
      "disclosure": "if_asked"
    },
    {
      "id": "memory_function",
      "text": "No memory problems; manages her own medicines and finances.",
      "disclosure": "if_asked"
    },
    {
      "id": "mood",
      "text": "Not low; no thoughts of ending her life: \"I’ve had a good life, but I’m not ready to go yet.\"",
      "disclosure": "if_asked"
    },
    {
      "id": "social",
      "text": "Lives alone, walks with a stick, daughter lives in Spain; no carers.",
      "disclosure": "if_asked"
    },
    {
      "id": "safety_at_home",
      "text": "Has a telephone by the bed and a neighbour on the other side who could check on her.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "The infection's on the mend. Tablets at home will do the job just as well.",
  "concerns": "Pickles on his own. And I can't stand this ward - it's where Harold died.",
  "expectations": "To go home today, with some tablets.",
  "emotional_cues": [
    "Grips her handbag firmly and says \"don’t patronise me, young man/lady\" if spoken to as if confused.",
    "Voice wobbles when mentioning Harold.",
    "Becomes cooperative and chatty if the doctor takes the cat seriously."
  ],
  "questions_to_ask": [
    "You can’t keep me here, can you?",
    "If I go, will you still give me the tablets?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Explores her reasons, tests the functional elements of capacity for this decision (understand, retain, use or weigh, communicate) and asks about memory, mood and support at home."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Concludes she has capacity, respects her right to make a decision others think unwise, negotiates safer alternatives (oral antibiotics, ambulatory or community IV therapy, help for the cat), informs seniors, documents, and safety-nets with an open door to return."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Is respectful, non-patronising and empathic about her husband; avoids coercion; checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and asks open questions about her wish to leave."
    },
    {
      "id": "reasons",
      "domain": "data_gathering",
      "text": "Explores her reasons (cat, husband) sensitively."
    },
    {
      "id": "understand",
      "domain": "data_gathering",
      "text": "Checks she understands the infection, treatment and risks of leaving."
    },
    {
      "id": "retain_weigh",
      "domain": "data_gathering",
      "text": "Checks she can retain and weigh the information and communicate a decision."
    },
    {
      "id": "mood_cognition",
      "domain": "data_gathering",
      "text": "Asks about memory, mood and thoughts of self-harm."
    },
    {
      "id": "mca_principles",
      "domain": "clinical_management",
      "text": "Applies the Mental Capacity Act: presumption of capacity, decision-specific, unwise decisions allowed."
    },
    {
      "id": "conclusion",
      "domain": "clinical_management",
      "text": "Concludes she has capacity and explains she cannot be kept against her will."
    },
    {
      "id": "alternatives",
      "domain": "clinical_management",
      "text": "Negotiates alternatives: help for the cat, oral antibiotics, ambulatory or community IV antibiotics."
    },
    {
      "id": "escalation_documentation",
      "domain": "clinical_management",
      "text": "Involves a senior, documents the capacity assessment and discussion, and informs the GP."
    },
    {
      "id": "safety_netting",
      "domain": "clinical_management",
      "text": "Safety-nets: spreading redness, fever, feeling unwell means returning; the door is always open."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores her ideas, concerns and expectations respectfully."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- ETH-DVLA-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000025', null, 'A 35-year-old van driver after a collapse at work', 'ETH-DVLA-01 Confidentiality/DVLA – first seizure, refuses to stop driving', 'ethics', 'medical_ethics_law')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000025', 'First unprovoked seizure: driving, DVLA notification and the limits of confidentiality',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Mr Kieran Walsh, 35, has booked an appointment after being seen in the first seizure clinic. Discuss his questions about returning to work and driving, and agree a plan.",
  "information": [
    "Clinic letter: witnessed generalised tonic-clonic seizure at work two weeks ago; neurological examination normal; MRI brain and EEG requested. Impression: likely first unprovoked seizure. Advised not to drive and to inform the DVLA.",
    "He holds an ordinary car licence and drives a 3.5-tonne van for a parcel company."
  ]
}$json$::jsonb,
$json${
  "role": "Kieran Walsh, 35, parcel delivery driver, the patient.",
  "opening_line": "The hospital said it was a fit, but I feel totally fine now. I can get back on the road on Monday, right?",
  "persona": "Likeable, stressed and defensive about money. You genuinely believe it was a one-off caused by tiredness. You try to bargain (\"just local drops\"). You become angry if threatened, but you respond to honesty, respect and practical help.",
  "facts": [
    {
      "id": "wants_to_drive",
      "text": "He feels fine and wants to go back to driving on Monday.",
      "disclosure": "volunteer"
    },
    {
      "id": "finances",
      "text": "He is the only earner; his partner is on maternity leave with their 3-month-old baby; they have a mortgage.",
      "disclosure": "if_asked"
    },
    {
      "id": "intention",
      "text": "He does not plan to tell the DVLA or his employer: \"What they don’t know won’t hurt them.\"",
      "disclosure": "if_asked"
    },
    {
      "id": "already_driving",
      "text": "He has already driven his car to the shops twice since the seizure.",
      "disclosure": "if_asked"
    },
    {
      "id": "sleep",
      "text": "He was up most of the night with the baby before the seizure.",
      "disclosure": "if_asked"
    },
    {
      "id": "previous_events",
      "text": "No previous blackouts, jerks on waking or strange feelings.",
      "disclosure": "if_asked"
    },
    {
      "id": "employer_options",
      "text": "His company also has warehouse jobs; he has not asked about them.",
      "disclosure": "if_asked"
    },
    {
      "id": "insurance",
      "text": "He did not realise his insurance may be invalid if he drives against medical advice.",
      "disclosure": "if_asked"
    },
    {
      "id": "alcohol_drugs",
      "text": "Drinks a few beers at weekends; no drugs.",
      "disclosure": "if_asked"
    },
    {
      "id": "baby",
      "text": "He bathes the baby most evenings.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "It was a one-off because I was knackered. It won't happen again.",
  "concerns": "If I can't drive I lose my job and we lose the house.",
  "expectations": "For you to say I can drive, or at least keep it off my records.",
  "emotional_cues": [
    "Leans forward and pleads: \"come on, doc, you’re not going to grass me up?\"",
    "Raises his voice if told the doctor will inform the DVLA without first being listened to.",
    "Goes quiet and worried when told about insurance and the risk to his baby and other road users."
  ],
  "questions_to_ask": [
    "Are you going to tell the DVLA?",
    "How long before I can drive again?",
    "What am I supposed to do for money?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Explores his understanding, job, finances, current driving, plans to inform the DVLA and employer, and other safety-relevant activities."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Explains that he must stop driving now and that it is his legal duty to inform the DVLA; gives accurate guidance (usually at least 6 months for a first unprovoked seizure on a car licence, depending on tests); explains GMC guidance that the doctor may inform the DVLA if he continues to drive, telling him first; offers practical support (fit note, alternative duties, benefits advice) and seizure safety advice."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Stays calm, respectful and non-judgemental, acknowledges financial pressure, is honest about confidentiality and its limits, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro",
      "domain": "interpersonal_skills",
      "text": "Introduces self, confirms identity and explores his understanding of the clinic visit."
    },
    {
      "id": "driving_status",
      "domain": "data_gathering",
      "text": "Asks whether he has driven since and what he plans to do."
    },
    {
      "id": "job_finances",
      "domain": "data_gathering",
      "text": "Explores his job, finances and home situation."
    },
    {
      "id": "legal_duty",
      "domain": "clinical_management",
      "text": "Explains his legal duty to stop driving and inform the DVLA, and the insurance implications."
    },
    {
      "id": "time_frame",
      "domain": "clinical_management",
      "text": "Gives accurate information on how long he is likely to be off driving and that tests will inform this."
    },
    {
      "id": "public_safety",
      "domain": "clinical_management",
      "text": "Explains the risk to him and other road users."
    },
    {
      "id": "confidentiality_limits",
      "domain": "clinical_management",
      "text": "Explains that if he continues to drive, the doctor may inform the DVLA in the public interest, telling him first (GMC guidance)."
    },
    {
      "id": "practical_support",
      "domain": "clinical_management",
      "text": "Offers a fit note, discussing alternative warehouse duties with his employer and financial support advice."
    },
    {
      "id": "seizure_safety",
      "domain": "clinical_management",
      "text": "Gives safety advice: showers not baths, supervision when bathing the baby, heights, swimming, and seizure first aid for his partner."
    },
    {
      "id": "ice",
      "domain": "interpersonal_skills",
      "text": "Explores ideas, concerns and expectations empathically."
    },
    {
      "id": "documentation",
      "domain": "clinical_management",
      "text": "States they would document the advice given and arrange follow-up to check he has informed the DVLA."
    },
    {
      "id": "de_escalation",
      "domain": "interpersonal_skills",
      "text": "Remains calm and respectful when he becomes angry."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- ETH-COL-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000026', null, 'A colleague arriving for a night shift', 'ETH-COL-01 Colleague under the influence of alcohol on a night shift', 'ethics', 'medical_ethics_law')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000026', 'Doctor impaired by alcohol at work: patient safety, escalation and support',
$json${
  "setting": "Medical wards, 20:45, start of a night shift. You are an FY1 doctor.",
  "task": "Your fellow FY1, Dr Sam Turner, has arrived 40 minutes late for the night shift. A staff nurse has just told you privately that she smelled alcohol on his breath, and he has already written up medication for one patient. Speak to Dr Turner.",
  "information": [
    "The medical registrar on call is on the admissions unit and can be bleeped.",
    "You are the only other FY1 on the wards tonight."
  ]
}$json$::jsonb,
$json${
  "role": "Dr Sam Turner, 27, FY1 doctor.",
  "opening_line": "Sorry I'm late - traffic was a nightmare. Right, what have we got? Pass me the bleep.",
  "persona": "Over-cheerful, slightly too loud, a little slow on your words. Initially deny drinking (\"just a couple at lunch\"). If approached privately, kindly and honestly, you admit the truth and become tearful. If accused publicly or harshly, you become defensive and try to carry on working.",
  "facts": [
    {
      "id": "arrival",
      "text": "He apologises for being late and wants to get started.",
      "disclosure": "volunteer"
    },
    {
      "id": "drinking_today",
      "text": "Admits to \"a couple of pints\" at a leaving do; when pressed, about five pints, the last one two hours ago.",
      "disclosure": "if_asked"
    },
    {
      "id": "pattern",
      "text": "He has been drinking most nights since his relationship ended three months ago.",
      "disclosure": "if_asked"
    },
    {
      "id": "previous_absence",
      "text": "He called in sick last month \"with a migraine\"; he was actually hungover.",
      "disclosure": "if_asked"
    },
    {
      "id": "prescription",
      "text": "He has already written up morphine for a patient in bay 3 and is not sure he checked the dose properly.",
      "disclosure": "if_asked"
    },
    {
      "id": "mood",
      "text": "Feels low and is not sleeping; sometimes wonders \"what the point is\" but has no plans to harm himself.",
      "disclosure": "if_asked"
    },
    {
      "id": "fear",
      "text": "He is terrified of a GMC referral and of losing his job; his father is a consultant.",
      "disclosure": "if_asked"
    },
    {
      "id": "driving",
      "text": "He drove to work and plans to drive home.",
      "disclosure": "if_asked"
    },
    {
      "id": "support",
      "text": "He has not told anyone and is not registered with a local GP.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I'm fine to work - I've done shifts feeling worse than this.",
  "concerns": "If anyone finds out, I'll be reported to the GMC and that's my career over. My dad will never forgive me.",
  "expectations": "For you to cover for me tonight and keep it between us.",
  "emotional_cues": [
    "Laughs it off and reaches for the bleep at the start.",
    "Becomes tearful and sits down when spoken to kindly and privately.",
    "Pleads \"please don’t tell the reg\" and tries to bargain (\"I’ll just do the jobs, no prescribing\")."
  ],
  "questions_to_ask": [
    "You’re not going to report me, are you?",
    "Can’t you just cover for me tonight?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Raises the concern privately and establishes the facts: alcohol intake, timing, fitness to work, any patient contact or prescribing, pattern, mood and risk to self, and plans to drive."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Prioritises patient safety: he must not work tonight; escalates to the medical registrar or consultant to arrange cover and review his prescription; ensures he gets home safely without driving; explains the GMC duty to act; signposts support (occupational health, NHS Practitioner Health, GP, educational supervisor)."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Is calm, private, non-judgemental and supportive, responds to his distress, and is honest that this cannot be kept secret."
    }
  ],
  "checklist": [
    {
      "id": "private",
      "domain": "interpersonal_skills",
      "text": "Asks to speak privately and raises the concern calmly and non-judgementally."
    },
    {
      "id": "facts",
      "domain": "data_gathering",
      "text": "Establishes how much he has drunk and when."
    },
    {
      "id": "patient_contact",
      "domain": "data_gathering",
      "text": "Asks what clinical work he has done, including the morphine prescription."
    },
    {
      "id": "pattern_mood",
      "domain": "data_gathering",
      "text": "Explores the pattern of drinking, mood and any thoughts of self-harm."
    },
    {
      "id": "not_fit",
      "domain": "clinical_management",
      "text": "States clearly that he is not fit to work tonight."
    },
    {
      "id": "escalate",
      "domain": "clinical_management",
      "text": "Informs the medical registrar or consultant on call to arrange cover."
    },
    {
      "id": "check_prescription",
      "domain": "clinical_management",
      "text": "Ensures the morphine prescription and any other work he did are reviewed."
    },
    {
      "id": "travel",
      "domain": "clinical_management",
      "text": "Ensures he does not drive home and arranges a taxi or someone to collect him."
    },
    {
      "id": "honesty_duty",
      "domain": "interpersonal_skills",
      "text": "Explains honestly that patient safety comes first and this cannot be kept secret (GMC duty)."
    },
    {
      "id": "support",
      "domain": "clinical_management",
      "text": "Signposts support: NHS Practitioner Health, occupational health, GP, educational supervisor, BMA wellbeing service."
    },
    {
      "id": "empathy",
      "domain": "interpersonal_skills",
      "text": "Responds empathically to his distress and fear."
    },
    {
      "id": "follow_up",
      "domain": "clinical_management",
      "text": "Agrees to check on him and mentions documenting the events factually."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;

-- ETH-GIL-01
insert into public.cases (id, owner_id, case_name, internal_name, category, domain)
values ('5e0b2c1a-0000-4000-8000-000000000027', null, 'A 15-year-old who wants to talk in confidence', 'ETH-GIL-01 Gillick competence / Fraser – contraception and emergency contraception', 'ethics', 'general_practice')
on conflict (id) do nothing;
insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme)
values ('5e0b2c1a-0000-4000-8000-000000000027', 'Contraception request from a 15-year-old: Gillick competence, Fraser guidelines, safeguarding and emergency contraception',
$json${
  "setting": "GP surgery. You are an FY2 doctor on your GP placement.",
  "task": "Chloe Bennett, 15, has booked an appointment on her own. Find out how you can help her and manage the consultation appropriately.",
  "information": [
    "Registered with the practice since birth. Last seen a year ago for an asthma review."
  ]
}$json$::jsonb,
$json${
  "role": "Chloe Bennett, 15, Year 11 student, the patient.",
  "opening_line": "Um... you won't tell my mum I came here, will you?",
  "persona": "Nervous, avoids eye contact at first, fiddles with your phone. You open up if reassured about confidentiality and treated as mature. You clam up if lectured or told your mum must be involved. You answer safeguarding questions honestly.",
  "facts": [
    {
      "id": "confidentiality_worry",
      "text": "She is worried the doctor will tell her mum.",
      "disclosure": "volunteer"
    },
    {
      "id": "request",
      "text": "She wants to go on the pill.",
      "disclosure": "if_asked"
    },
    {
      "id": "boyfriend",
      "text": "Her boyfriend Jordan is 17, at college; they met at a youth club and have been together five months.",
      "disclosure": "if_asked"
    },
    {
      "id": "sexual_activity",
      "text": "They have had sex twice; the second time, three days ago (about 70 hours), the condom split.",
      "disclosure": "if_asked"
    },
    {
      "id": "consensual",
      "text": "She wanted to; no pressure, gifts, money, alcohol or drugs involved; he is kind and not controlling.",
      "disclosure": "if_asked"
    },
    {
      "id": "lmp",
      "text": "Last period started two weeks ago; periods are regular.",
      "disclosure": "if_asked"
    },
    {
      "id": "understanding",
      "text": "She understands the pill has to be taken every day and does not protect against infections.",
      "disclosure": "if_asked"
    },
    {
      "id": "parents",
      "text": "Lives with her mum and stepdad; says her mum \"would go mental\"; she might be able to talk to her aunt.",
      "disclosure": "if_asked"
    },
    {
      "id": "health",
      "text": "Asthma (salbutamol inhaler). No migraines, does not smoke, no family history of clots.",
      "disclosure": "if_asked"
    },
    {
      "id": "school_wellbeing",
      "text": "Doing GCSEs, happy at school, has friends, no self-harm, feels safe at home.",
      "disclosure": "if_asked"
    },
    {
      "id": "intends_sex",
      "text": "She says they will carry on having sex whether or not she gets the pill.",
      "disclosure": "if_asked"
    }
  ],
  "ideas": "I just need to get on the pill so I don't get pregnant.",
  "concerns": "That you'll tell my mum, or the police will get involved with Jordan. And now I'm scared about the condom splitting.",
  "expectations": "A prescription for the pill without anyone finding out.",
  "emotional_cues": [
    "Pulls her sleeves over her hands and looks at the floor at the start.",
    "Relaxes noticeably once confidentiality is explained.",
    "Becomes anxious when she realises the split condom might matter."
  ],
  "questions_to_ask": [
    "Are you going to tell my mum?",
    "Could I be pregnant from when the condom split?"
  ]
}$json$::jsonb,
$json${
  "domains": [
    {
      "id": "data_gathering",
      "name": "Data gathering",
      "descriptor": "Establishes the request, relationship and partner’s age, sexual history including the recent condom failure, menstrual and medical history relevant to contraception, and screens for safeguarding concerns (coercion, exploitation, home, school, self-harm)."
    },
    {
      "id": "clinical_management",
      "name": "Clinical management",
      "descriptor": "Assesses Gillick competence and the Fraser criteria, offers emergency contraception (copper IUD most effective, or ulipristal), discusses contraceptive options including long-acting methods and condoms for STIs, offers STI testing and a pregnancy test in three weeks, and documents."
    },
    {
      "id": "interpersonal_skills",
      "name": "Interpersonal skills",
      "descriptor": "Explains confidentiality and its limits clearly at the start, is non-judgemental, encourages (but does not insist on) involving a trusted adult, and checks understanding."
    }
  ],
  "checklist": [
    {
      "id": "intro_confidentiality",
      "domain": "interpersonal_skills",
      "text": "Introduces self and explains confidentiality and its limits (risk of serious harm) early."
    },
    {
      "id": "request",
      "domain": "data_gathering",
      "text": "Establishes what she wants help with using open questions."
    },
    {
      "id": "partner_safeguarding",
      "domain": "data_gathering",
      "text": "Asks the partner’s age and screens for coercion, exploitation, gifts, alcohol or drugs."
    },
    {
      "id": "sexual_history",
      "domain": "data_gathering",
      "text": "Takes a sexual history and identifies the recent condom failure."
    },
    {
      "id": "medical_history",
      "domain": "data_gathering",
      "text": "Asks about LMP, migraine, smoking, clotting history and medicines."
    },
    {
      "id": "wellbeing",
      "domain": "data_gathering",
      "text": "Asks about home, school, mood and self-harm."
    },
    {
      "id": "gillick_fraser",
      "domain": "clinical_management",
      "text": "Assesses Gillick competence and the Fraser criteria (understanding, parental involvement, likely to have sex, health, best interests)."
    },
    {
      "id": "emergency_contraception",
      "domain": "clinical_management",
      "text": "Offers emergency contraception: copper IUD as most effective, or oral options (ulipristal up to 120 hours, levonorgestrel up to 72 hours), with advice on when to start the pill afterwards."
    },
    {
      "id": "contraception_options",
      "domain": "clinical_management",
      "text": "Discusses ongoing contraception options, including long-acting methods, and condoms for infection protection."
    },
    {
      "id": "sti_pregnancy_test",
      "domain": "clinical_management",
      "text": "Offers STI testing and advises a pregnancy test in three weeks."
    },
    {
      "id": "trusted_adult",
      "domain": "interpersonal_skills",
      "text": "Encourages involving a parent or trusted adult without making it a condition."
    },
    {
      "id": "documentation_followup",
      "domain": "clinical_management",
      "text": "Documents the assessment and arranges follow-up; discusses with the safeguarding lead if concerns arise."
    }
  ]
}$json$::jsonb)
on conflict (case_id) do nothing;
