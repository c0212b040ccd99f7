"""Demo content: the conditions the clinic treats, written for patients.

Each dict holds the fields of one ``ConditionPage``. The rich-text sections
use only the tags the page's editor allows (p, ul, ol, li, b, i, h3).
"""

CONDITIONS = [
    {
        "slug": "chronic-neuropathic-pain",
        "title": "Chronic neuropathic pain",
        "summary": (
            "Neuropathic pain is pain caused by damage to, or a problem with, "
            "the nerves themselves. It is called chronic when it lasts for more "
            "than three months."
        ),
        "symptoms": (
            "<p>Nerve pain often feels different from other kinds of pain. "
            "People describe it in many ways, and it can come and go or be there "
            "all the time.</p>"
            "<ul>"
            "<li>Burning, shooting or stabbing pain</li>"
            "<li>Sudden pain that feels like an electric shock</li>"
            "<li>Pins and needles, tingling or numbness</li>"
            "<li>Pain from things that should not hurt, such as light touch, "
            "clothing or cold air</li>"
            "<li>Pain that is often worse at night</li>"
            "</ul>"
            "<p>Living with pain for a long time can also affect your sleep, "
            "mood, work and relationships. This is common, and it is part of "
            "what your care team will help with.</p>"
        ),
        "diagnosis": (
            "<p>Your doctor will ask you about your pain: where it is, what it "
            "feels like and what makes it better or worse. They will examine you "
            "and gently test how the skin feels to touch, pinprick, heat and "
            "cold.</p>"
            "<p>Tests can help find the cause. These may include blood tests "
            "(for example for diabetes or low vitamin B12), nerve conduction "
            "studies to check how well your nerves carry signals, and scans such "
            "as an MRI.</p>"
            "<p>Common causes include diabetes, shingles, injury to a nerve, a "
            "trapped nerve in the spine, surgery, multiple sclerosis and "
            "stroke. Sometimes no clear cause is found, but the pain can still "
            "be treated.</p>"
        ),
        "treatment_options": (
            "<p>Treatment usually starts with simpler options. Your GP or pain "
            "specialist may suggest:</p>"
            "<ul>"
            "<li><b>Medicines</b> made for nerve pain, such as amitriptyline, "
            "duloxetine, gabapentin or pregabalin. Ordinary painkillers often "
            "do not help nerve pain much.</li>"
            "<li><b>Creams or plasters</b> for pain in one small area.</li>"
            "<li><b>Physiotherapy</b> and gentle, regular activity.</li>"
            "<li><b>Psychological therapies</b> and pain management programmes, "
            "which help you cope and do more of what matters to you.</li>"
            "</ul>"
            "<p>If these have not helped enough, neuromodulation may be an "
            "option. This includes spinal cord stimulation, peripheral nerve "
            "stimulation and, for some people, an implanted drug pump. A "
            "specialist will talk through whether one of these could suit you, "
            "and the risks and benefits, before you decide.</p>"
        ),
    },
    {
        "slug": "failed-back-surgery-syndrome",
        "title": "Failed back surgery syndrome",
        "summary": (
            "Failed back surgery syndrome is back or leg pain that carries on, "
            "or comes back, after surgery on the spine. Doctors may also call it "
            "persistent spinal pain syndrome."
        ),
        "symptoms": (
            "<p>The name can sound alarming, but it does not mean that you or "
            "your surgeon did anything wrong. Spine surgery cannot always fix "
            "pain, even when the operation itself went well.</p>"
            "<ul>"
            "<li>Ongoing pain in the lower back</li>"
            "<li>Pain spreading down one or both legs, often burning or "
            "shooting (sciatica)</li>"
            "<li>Numbness, tingling or weakness in the legs</li>"
            "<li>Stiffness and difficulty sitting, standing or walking for "
            "long</li>"
            "<li>Poor sleep, tiredness and low mood</li>"
            "</ul>"
        ),
        "diagnosis": (
            "<p>A specialist will ask about your pain before and after your "
            "operation, and will examine your back, legs and nerves.</p>"
            "<p>You may have an MRI scan, X-rays or a CT scan. These show "
            "whether there is a new problem, such as a disc pressing on a nerve, "
            "that might need a different treatment. Nerve tests or a trial "
            "injection into the spine are sometimes used to find where the pain "
            "is coming from.</p>"
            "<p>The aim is to understand your pain, and to check that nothing "
            "needs urgent treatment, before planning what to do next.</p>"
        ),
        "treatment_options": (
            "<p>Most people start with treatments that do not need another "
            "operation:</p>"
            "<ul>"
            "<li><b>Physiotherapy</b> and a graded exercise plan</li>"
            "<li><b>Medicines</b>, including medicines for nerve pain</li>"
            "<li><b>Pain management programmes</b> and <b>psychological "
            "therapies</b>, which help you manage daily life with pain</li>"
            "<li><b>Injections</b> around the nerves of the spine, for some "
            "people</li>"
            "</ul>"
            "<p>If these have not helped enough, and you still have nerve pain, "
            "especially in the legs, spinal cord stimulation may be considered. "
            "Some people are offered further surgery instead. A specialist will "
            "help you weigh up the options, and the choice is made together "
            "with you.</p>"
        ),
    },
    {
        "slug": "parkinsons-disease",
        "title": "Parkinson's disease",
        "summary": (
            "Parkinson's disease is a long-term condition in which parts of the "
            "brain slowly stop working as well as they should. It mainly "
            "affects movement, but can also affect sleep, mood and memory."
        ),
        "symptoms": (
            "<p>Symptoms usually start slowly and on one side of the body. "
            "The three main movement symptoms are:</p>"
            "<ul>"
            "<li><b>Tremor</b>: shaking, often of a hand, when it is resting</li>"
            "<li><b>Slowness</b> of movement</li>"
            "<li><b>Stiff</b> muscles</li>"
            "</ul>"
            "<p>Many people also have other symptoms, such as a poor sense of "
            "smell, constipation, sleep problems, low mood, anxiety, or "
            "problems with memory and thinking. Everyone's Parkinson's is "
            "different.</p>"
        ),
        "diagnosis": (
            "<p>There is no single test for Parkinson's. If your GP thinks you "
            "might have it, they will refer you to a specialist, usually a "
            "neurologist or a doctor who specialises in older people.</p>"
            "<p>The specialist will ask about your symptoms and examine how you "
            "move. Sometimes you will have a brain scan, such as an MRI or a "
            "special scan called a DaTscan, to help rule out other causes. How "
            "well you respond to Parkinson's medicine can also help confirm the "
            "diagnosis.</p>"
        ),
        "treatment_options": (
            "<p>There is no cure yet, but treatment can help control symptoms. "
            "First-line treatment is usually:</p>"
            "<ul>"
            "<li><b>Medicines</b> such as levodopa, which make up for the "
            "missing chemical messenger dopamine</li>"
            "<li><b>Physiotherapy</b>, <b>occupational therapy</b> and "
            "<b>speech and language therapy</b></li>"
            "<li>Regular exercise, which many people find helps</li>"
            "</ul>"
            "<p>Over the years, medicines can wear off between doses or cause "
            "extra, unwanted movements. If medicines no longer control your "
            "symptoms well enough, a specialist may talk to you about deep "
            "brain stimulation. For tremor that is hard to treat, focused "
            "ultrasound may be an option for some people. These are chosen "
            "carefully, with your specialist team.</p>"
        ),
    },
    {
        "slug": "essential-tremor",
        "title": "Essential tremor",
        "summary": (
            "Essential tremor is a common condition that makes parts of the "
            "body shake, most often the hands when you use them. It is not the "
            "same as Parkinson's disease."
        ),
        "symptoms": (
            "<p>The main symptom is shaking you cannot control. It is usually "
            "most noticeable when you are using your hands, for example:</p>"
            "<ul>"
            "<li>Writing, or holding a cup or a spoon</li>"
            "<li>Doing up buttons or using a phone</li>"
            "</ul>"
            "<p>The head and voice can shake too. The tremor often gets slowly "
            "worse over many years. Stress, tiredness and caffeine can make it "
            "worse. It often runs in families.</p>"
            "<p>Essential tremor is not dangerous, but it can make everyday "
            "tasks hard and can be embarrassing.</p>"
        ),
        "diagnosis": (
            "<p>A GP or neurologist will ask about your tremor and your family "
            "history. They will watch your hands at rest and while you do tasks, "
            "such as drawing a spiral or pouring water.</p>"
            "<p>You may have blood tests to check for other causes, such as an "
            "overactive thyroid. Your doctor will also check whether any of "
            "your medicines could cause a tremor. A scan is sometimes used to "
            "rule out Parkinson's disease.</p>"
        ),
        "treatment_options": (
            "<p>If the tremor is mild, you may not need treatment. Simple steps "
            "can help, such as cutting down on caffeine and using weighted "
            "cutlery or cups with lids. An occupational therapist can suggest "
            "other aids.</p>"
            "<p>If the tremor gets in the way of daily life, <b>medicines</b> "
            "such as propranolol or primidone are usually tried first.</p>"
            "<p>If medicines have not helped enough, or cause side effects, a "
            "specialist may talk to you about deep brain stimulation or "
            "MR-guided focused ultrasound. Which one, if either, suits you "
            "depends on your health and what matters to you.</p>"
        ),
    },
    {
        "slug": "epilepsy",
        "title": "Epilepsy",
        "summary": (
            "Epilepsy is a condition of the brain that causes repeated "
            "seizures. A seizure is a sudden burst of electrical activity in "
            "the brain that briefly changes how it works."
        ),
        "symptoms": (
            "<p>Seizures can look very different from person to person. They "
            "may include:</p>"
            "<ul>"
            "<li>Stiffening and jerking of the body, sometimes with loss of "
            "consciousness</li>"
            "<li>Staring blankly and not responding for a few seconds</li>"
            "<li>Jerking of one arm or leg</li>"
            "<li>Strange feelings, smells or tastes, or a sudden feeling of "
            "having been here before</li>"
            "<li>Confusion, or doing things without being aware of it</li>"
            "</ul>"
            "<p><b>Call 999</b> if a seizure lasts more than 5 minutes, if one "
            "seizure follows another without the person waking up in between, "
            "or if it is someone's first seizure.</p>"
        ),
        "diagnosis": (
            "<p>Epilepsy is diagnosed by a specialist, usually a neurologist. "
            "A clear description of what happens during a seizure is very "
            "helpful. If someone has seen one of your seizures, or filmed it on "
            "a phone, bring that along.</p>"
            "<p>Tests may include an EEG, which records the brain's electrical "
            "activity through small sensors on the scalp, and an MRI scan of "
            "the brain. Blood tests and a heart tracing (ECG) help rule out "
            "other causes of blackouts.</p>"
        ),
        "treatment_options": (
            "<p>Most people start with <b>anti-seizure medicines</b>. Many "
            "people find that medicines control their seizures well.</p>"
            "<p>If seizures carry on after trying two suitable medicines, you "
            "should be referred to a specialist epilepsy centre. There, options "
            "may include:</p>"
            "<ul>"
            "<li><b>Epilepsy surgery</b>, if the seizures start in one area of "
            "the brain that can be safely treated</li>"
            "<li><b>Vagus nerve stimulation</b>, a small device in the chest</li>"
            "<li>A special diet, such as the ketogenic diet, for some people</li>"
            "<li><b>Deep brain stimulation</b>, for some adults with focal "
            "seizures when other options are not suitable</li>"
            "</ul>"
            "<p>Neuromodulation is considered when medicines have not helped "
            "enough. It is chosen together with your epilepsy specialist.</p>"
        ),
    },
    {
        "slug": "major-depressive-disorder",
        "title": "Major depressive disorder",
        "summary": (
            "Major depressive disorder, often just called depression, is more "
            "than feeling sad for a few days. It is low mood or loss of "
            "interest that lasts for weeks and affects daily life."
        ),
        "symptoms": (
            "<p>Depression affects people in different ways. Common symptoms "
            "that last for at least two weeks include:</p>"
            "<ul>"
            "<li>Feeling low, hopeless or tearful most of the time</li>"
            "<li>Losing interest or pleasure in things you used to enjoy</li>"
            "<li>Sleeping badly, or sleeping much more than usual</li>"
            "<li>Feeling tired, with little energy</li>"
            "<li>Changes in appetite or weight</li>"
            "<li>Finding it hard to concentrate or make decisions</li>"
            "<li>Feeling guilty or worthless</li>"
            "<li>Thoughts of self-harm or suicide</li>"
            "</ul>"
            "<p><b>If you feel you might act on thoughts of ending your life, "
            "call 999 or go to A&amp;E now.</b> You can also call NHS 111 or "
            "Samaritans on 116 123, free, at any time.</p>"
        ),
        "diagnosis": (
            "<p>Your GP is usually the first person to talk to. They will ask "
            "about your mood, sleep, energy and how you are coping. They may "
            "ask you to fill in a short questionnaire.</p>"
            "<p>Your GP may suggest blood tests to check for physical problems "
            "that can cause similar symptoms, such as an underactive thyroid. "
            "Some people are referred to a mental health team for a fuller "
            "assessment.</p>"
        ),
        "treatment_options": (
            "<p>Depression can be treated, and most people start with:</p>"
            "<ul>"
            "<li><b>Talking therapies</b>, such as cognitive behavioural "
            "therapy (CBT). In England you can refer yourself to NHS Talking "
            "Therapies.</li>"
            "<li><b>Antidepressant medicines</b>, on their own or with a "
            "talking therapy</li>"
            "<li>Support with exercise, sleep and daily routine</li>"
            "</ul>"
            "<p>Sometimes depression does not get better enough after trying "
            "several treatments. A psychiatrist may then talk to you about "
            "other options, including transcranial magnetic stimulation (TMS). "
            "Whether it suits you is decided with a specialist, after a careful "
            "assessment.</p>"
        ),
    },
    {
        "slug": "obsessive-compulsive-disorder",
        "title": "Obsessive-compulsive disorder (OCD)",
        "summary": (
            "OCD is a mental health condition in which unwanted, upsetting "
            "thoughts lead you to repeat certain actions or thoughts to ease "
            "the anxiety they cause."
        ),
        "symptoms": (
            "<p>OCD has two main parts, though not everyone has both:</p>"
            "<ul>"
            "<li><b>Obsessions</b>: unwanted thoughts, images or urges that "
            "keep coming into your mind and make you anxious, for example "
            "about germs, harm or things not being right</li>"
            "<li><b>Compulsions</b>: things you feel you must do, again and "
            "again, to ease the anxiety, such as washing, checking, counting "
            "or repeating words in your head</li>"
            "</ul>"
            "<p>The relief from compulsions does not last, so the cycle starts "
            "again. OCD can take up a lot of time and make daily life very "
            "hard. Having these thoughts does not make you a bad or dangerous "
            "person.</p>"
        ),
        "diagnosis": (
            "<p>Talk to your GP, or in England refer yourself to NHS Talking "
            "Therapies. You will be asked about your thoughts, what you feel "
            "you need to do, and how much time and distress this causes.</p>"
            "<p>A mental health professional may use a questionnaire to "
            "understand how severe your OCD is. This helps plan treatment and "
            "check later whether it is working.</p>"
        ),
        "treatment_options": (
            "<p>The main treatments are:</p>"
            "<ul>"
            "<li><b>Cognitive behavioural therapy (CBT)</b> that includes "
            "<i>exposure and response prevention</i>. With a therapist, you "
            "slowly face your fears without carrying out the compulsions.</li>"
            "<li><b>Medicines</b>, usually a type of antidepressant called an "
            "SSRI, sometimes at higher doses than for depression</li>"
            "<li>A combination of therapy and medicine</li>"
            "</ul>"
            "<p>If OCD is still severe after these treatments, a specialist may "
            "discuss neuromodulation. Transcranial magnetic stimulation (TMS) "
            "may help some people. For a very small number of people with "
            "severe, long-lasting OCD, deep brain stimulation may be considered "
            "in a specialist centre. These options are always chosen with a "
            "specialist team.</p>"
        ),
    },
]
