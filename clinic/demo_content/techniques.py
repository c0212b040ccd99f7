"""Demo content: the treatments the clinic offers, written for patients.

Each dict holds the fields of one ``TechniquePage``, plus ``faqs`` as
(question, answer HTML) pairs and ``conditions`` as condition slugs in order
of relevance. Rich text uses only the tags the editor allows (p, ul, ol, li,
b, i, h3; FAQ answers leave out h3).
"""

TECHNIQUES = [
    {
        "slug": "spinal-cord-stimulation",
        "title": "Spinal cord stimulation (SCS)",
        "summary": (
            "A small implanted device sends mild electrical pulses to the spinal "
            "cord to change how pain signals reach the brain. It may help some "
            "people with long-term nerve pain in the back, legs or arms."
        ),
        "modality": "electrical",
        "delivery": "implanted",
        "what_it_is": (
            "<p>Spinal cord stimulation is a treatment for long-term pain. Thin, "
            "soft wires called <b>leads</b> are placed in the space just outside "
            "the covering of your spinal cord. They are connected to a small "
            "battery-powered device, a bit like a heart pacemaker.</p>"
            "<p>The device sits under the skin, usually of the buttock or belly. "
            "You control it with a small handheld remote.</p>"
        ),
        "how_it_works": (
            "<p>Pain travels as signals along nerves, up the spinal cord to the "
            "brain. The stimulator sends gentle electrical pulses to the spinal "
            "cord. These change or block the pain signals before they reach "
            "your brain, so you may feel less pain.</p>"
            "<p>With some settings you feel a mild tingling over the painful "
            "area. Newer settings can work without any tingling. The treatment "
            "does not remove the cause of the pain, but it may make the pain "
            "easier to live with.</p>"
        ),
        "who_it_may_help": (
            "<p>Spinal cord stimulation may help adults who have had nerve pain "
            "for at least six months, when other treatments have not helped "
            "enough. This includes:</p>"
            "<ul>"
            "<li>Back and leg pain that carries on after spine surgery</li>"
            "<li>Nerve pain in the legs or arms, for example after an injury</li>"
            "<li>Complex regional pain syndrome (CRPS)</li>"
            "</ul>"
            "<p>It may not suit you if you have an infection, a bleeding "
            "problem, or if you often need certain kinds of MRI scan. It is "
            "also important that you can use the remote and come to follow-up "
            "appointments. A specialist will assess you carefully, and you can "
            "ask as many questions as you need.</p>"
        ),
        "benefits": (
            "<ul>"
            "<li>It may reduce your pain.</li>"
            "<li>Many people find they sleep better and can do more of their "
            "daily activities.</li>"
            "<li>Some people are able to take fewer pain medicines.</li>"
            "<li>You try it first in a trial, before deciding on a permanent "
            "implant.</li>"
            "<li>The settings can be changed, and the device can be switched "
            "off or removed.</li>"
            "</ul>"
            "<p>It does not work for everyone, and it is unlikely to take all "
            "of the pain away.</p>"
        ),
        "risks": (
            "<p>Most people do not have serious problems, but all procedures "
            "carry risks. Your specialist will talk these through with you.</p>"
            "<ul>"
            "<li><b>Infection</b>. This may need antibiotics and sometimes "
            "removal of the device.</li>"
            "<li><b>Lead movement</b>. If a lead moves, the tingling or pain "
            "relief may change. Another small operation may be needed to fix "
            "it.</li>"
            "<li><b>Headache</b> from a leak of the fluid around the spinal "
            "cord. This usually settles.</li>"
            "<li><b>Bleeding</b> or bruising.</li>"
            "<li>Pain or discomfort where the battery sits.</li>"
            "<li>Device problems, such as a broken lead or battery fault.</li>"
            "<li>Pain relief that fades over time.</li>"
            "<li>Very rarely, damage to the spinal cord or nerves, which can "
            "cause weakness or numbness.</li>"
            "</ul>"
        ),
        "alternatives": (
            "<p>Other options you could discuss with your specialist "
            "include:</p>"
            "<ul>"
            "<li>Medicines for nerve pain</li>"
            "<li>Physiotherapy and exercise</li>"
            "<li>A pain management programme or psychological therapy</li>"
            "<li>Injections around the nerves</li>"
            "<li>Peripheral nerve stimulation, if the pain is in a small "
            "area</li>"
            "<li>An implanted drug pump</li>"
            "<li>Further surgery, for some people</li>"
            "</ul>"
        ),
        "procedure": (
            "<h3>Assessment</h3>"
            "<p>You will meet the pain team, which may include a pain "
            "specialist, a specialist nurse and a psychologist. The "
            "psychologist helps make sure you are well prepared and that the "
            "treatment fits your goals.</p>"
            "<h3>Trial stimulation</h3>"
            "<p>First you have a trial, usually for about one to two weeks. The "
            "leads are put in through a needle in your back, using X-rays to "
            "guide them. This is done under local anaesthetic, often with "
            "medicine to help you relax. During the trial the leads connect to "
            "a small battery outside your body. You keep a note of your pain "
            "and what you can do.</p>"
            "<h3>Full implant</h3>"
            "<p>If the trial helps enough, the battery is placed under your "
            "skin in a second short operation. Most people go home the same "
            "day or the next day.</p>"
        ),
        "recovery": (
            "<p>For about six weeks, avoid bending, twisting, stretching and "
            "heavy lifting. This gives the leads time to settle in place. The "
            "wounds usually heal within two weeks.</p>"
            "<p>The team will adjust the settings at follow-up visits. Some "
            "batteries need recharging through the skin with a charger, "
            "every few days or weeks. Others do not need charging, but must be "
            "replaced in a small operation after several years.</p>"
            "<p>You will get an ID card for your device. Show it at airport "
            "security, and tell every doctor, dentist and physiotherapist "
            "about it. Ask your team about driving, as you may need to switch "
            "the stimulator off while you drive.</p>"
        ),
        "faqs": [
            (
                "Can I have an MRI scan with a spinal cord stimulator?",
                "<p>It depends on your device. Many newer systems allow MRI "
                "scans under certain conditions, but some do not. Always tell "
                "the scanning team about your stimulator before any MRI. If you "
                "think you may need MRI scans in future, ask your specialist "
                "about this before you choose a device.</p>",
            ),
            (
                "Will I feel the stimulation?",
                "<p>With some settings you feel a gentle tingling or buzzing "
                "over the painful area. Other settings cause no tingling at "
                "all. You and your team can find what suits you best during "
                "the trial.</p>",
            ),
            (
                "What if the trial does not help?",
                "<p>The trial leads are simply removed, and you do not go on to "
                "have the full implant. Your team will talk with you about "
                "other options.</p>",
            ),
            (
                "Can the stimulator be taken out?",
                "<p>Yes. The stimulator can be switched off at any time, and it "
                "can be removed in an operation if needed.</p>",
            ),
        ],
        "conditions": ["chronic-neuropathic-pain", "failed-back-surgery-syndrome"],
    },
    {
        "slug": "deep-brain-stimulation",
        "title": "Deep brain stimulation (DBS)",
        "summary": (
            "Thin wires are placed deep in the brain and connected to a small "
            "device under the skin of the chest. Mild electrical pulses may "
            "ease symptoms of Parkinson's, tremor and some other conditions."
        ),
        "modality": "electrical",
        "delivery": "implanted",
        "what_it_is": (
            "<p>Deep brain stimulation is a treatment that involves <b>brain "
            "surgery</b>. Very thin wires, called electrodes, are placed in a "
            "small area deep inside the brain. A wire under the skin of your "
            "neck joins them to a small battery-powered device, usually under "
            "the skin just below your collarbone.</p>"
            "<p>Because it is a major operation, it is only offered after a "
            "careful assessment by a specialist team.</p>"
        ),
        "how_it_works": (
            "<p>In some conditions, certain parts of the brain send faulty "
            "signals. The device sends steady, mild electrical pulses to one "
            "of these areas. This may calm the faulty signals and ease "
            "symptoms.</p>"
            "<p>The area chosen depends on your condition and your symptoms. "
            "DBS does not destroy brain tissue. The settings can be adjusted "
            "over time, and the device can be switched off.</p>"
        ),
        "who_it_may_help": (
            "<p>DBS may be considered for:</p>"
            "<ul>"
            "<li><b>Parkinson's disease</b>, when medicines still work but "
            "wear off between doses or cause unwanted movements, or when "
            "tremor is not controlled</li>"
            "<li><b>Essential tremor</b> that is severe despite medicines</li>"
            "<li><b>Epilepsy</b>, for some adults with focal seizures that "
            "medicines have not controlled and where other surgery is not "
            "suitable</li>"
            "<li><b>Severe OCD</b>, for a very small number of people who have "
            "not been helped by several treatments. This is only offered in a "
            "few specialist centres.</li>"
            "</ul>"
            "<p>It may not suit people with significant memory problems, "
            "certain mental health problems, or other health problems that "
            "make surgery too risky. Your specialist team will talk with you "
            "about whether it could be right for you.</p>"
        ),
        "benefits": (
            "<p>What DBS may do depends on the condition:</p>"
            "<ul>"
            "<li><b>Parkinson's</b>: it may reduce tremor, stiffness and "
            "slowness, and cut down the time when medicines are not working. "
            "Many people can take less medicine. It does not stop Parkinson's "
            "from slowly getting worse. It usually does not help problems with "
            "balance, speech or memory.</li>"
            "<li><b>Essential tremor</b>: it may reduce shaking in the hands "
            "and arms.</li>"
            "<li><b>Epilepsy</b>: it may reduce how often seizures happen. It "
            "is unlikely to stop them completely.</li>"
            "<li><b>OCD</b>: it may reduce symptoms for some people, alongside "
            "ongoing therapy.</li>"
            "</ul>"
            "<p>The settings can be fine-tuned as your needs change.</p>"
        ),
        "risks": (
            "<p>DBS is brain surgery, and it has real risks. Your team will go "
            "through them with you in detail.</p>"
            "<ul>"
            "<li><b>Bleeding in the brain</b>. This is uncommon but serious. "
            "It can cause a stroke, with weakness or speech problems that may "
            "be permanent.</li>"
            "<li><b>Infection</b>. Part or all of the device may need to be "
            "removed.</li>"
            "<li><b>Seizures</b> or confusion soon after surgery, which "
            "usually settle.</li>"
            "<li><b>Device problems</b>, such as a wire that moves or breaks, "
            "which may need another operation.</li>"
            "<li><b>Side effects from stimulation</b>, such as tingling, "
            "slurred speech, balance problems, or changes in mood or "
            "behaviour. These can often be improved by changing the "
            "settings.</li>"
            "<li>Weight gain, for some people with Parkinson's.</li>"
            "</ul>"
        ),
        "alternatives": (
            "<p>Depending on your condition, other options may include:</p>"
            "<ul>"
            "<li>Changing or adding medicines</li>"
            "<li>Physiotherapy, occupational therapy and speech and language "
            "therapy</li>"
            "<li>Medicine pumps for Parkinson's, given under the skin or into "
            "the gut</li>"
            "<li>MR-guided focused ultrasound, for some people with tremor</li>"
            "<li>Epilepsy surgery or vagus nerve stimulation, for epilepsy</li>"
            "<li>Specialist therapy and medicines, or TMS, for OCD</li>"
            "</ul>"
        ),
        "procedure": (
            "<h3>Assessment</h3>"
            "<p>A team including a neurologist, a neurosurgeon, a "
            "neuropsychologist and specialist nurses will see you, often over "
            "several visits. You will have brain scans and tests of memory and "
            "thinking. If you have Parkinson's, the team may check how you move "
            "with and without your medicines.</p>"
            "<h3>Surgery</h3>"
            "<p>The electrodes are placed through small holes in the skull, "
            "guided by scans. A frame may be fixed to your head to keep it "
            "still. Some people stay awake for part of the operation, so the "
            "team can check how the stimulation works. The brain itself does "
            "not feel pain, and the skin is numbed.</p>"
            "<p>The battery is placed under general anaesthetic, either on the "
            "same day or a little later. Most people stay in hospital for a "
            "few days.</p>"
        ),
        "recovery": (
            "<p>The wounds usually heal within a few weeks. You may feel tired "
            "for a while. The stimulator is switched on and adjusted over "
            "several visits, often over a few months. If you have Parkinson's, "
            "your medicines will be adjusted at the same time.</p>"
            "<p>Some batteries are recharged at home with a charger. Others do "
            "not need charging, but are replaced in a smaller operation after "
            "several years.</p>"
            "<p>You will get an ID card for your device. Some medical "
            "treatments, such as deep heat treatment (diathermy), must never "
            "be used. Do not drive until your team says it is safe, and ask "
            "whether you need to tell the DVLA.</p>"
        ),
        "faqs": [
            (
                "Will I be awake during the operation?",
                "<p>Some people are awake for part of it, so the team can test "
                "the stimulation and see how your symptoms respond. Your scalp "
                "is numbed and the brain itself does not feel pain. Other "
                "people have the whole operation asleep. Your surgeon will "
                "explain which is planned for you.</p>",
            ),
            (
                "Can I have an MRI scan after DBS?",
                "<p>Only under strict conditions, and only with some devices. "
                "An MRI done the wrong way could cause serious harm. Always "
                "tell the scanning team and your DBS team before any scan.</p>",
            ),
            (
                "Will I still need my medicines?",
                "<p>Most people still need some medicine. People with "
                "Parkinson's are often able to take less. Never change your "
                "medicines without talking to your team.</p>",
            ),
            (
                "Can DBS be reversed?",
                "<p>The stimulator can be switched off or the settings changed "
                "at any time. The wires can be removed, but this needs another "
                "operation.</p>",
            ),
        ],
        "conditions": [
            "parkinsons-disease",
            "essential-tremor",
            "epilepsy",
            "obsessive-compulsive-disorder",
        ],
    },
    {
        "slug": "peripheral-nerve-stimulation",
        "title": "Peripheral nerve stimulation (PNS)",
        "summary": (
            "A thin wire is placed near a nerve outside the spine through a "
            "needle. Mild electrical pulses may ease long-term pain in the area "
            "that nerve supplies."
        ),
        "modality": "electrical",
        "delivery": "minimally_invasive",
        "what_it_is": (
            "<p>Peripheral nerve stimulation treats pain that comes from one "
            "nerve, or a few nerves, outside the brain and spinal cord. For "
            "example, a nerve in the arm, the leg, the trunk or the back of the "
            "head.</p>"
            "<p>A very thin wire, called a <b>lead</b>, is placed close to the "
            "nerve through a needle. No large cut is needed. The lead is "
            "powered by a small device. Depending on the system, this is worn "
            "on the skin or placed just under it.</p>"
        ),
        "how_it_works": (
            "<p>The lead sends mild electrical pulses to the nerve. These "
            "change the pain signals that the nerve sends to the brain, so you "
            "may feel less pain.</p>"
            "<p>You may feel a gentle tingling in the painful area, or nothing "
            "at all. The settings can be changed to suit you.</p>"
        ),
        "who_it_may_help": (
            "<p>PNS may help people with long-term pain in an area supplied by "
            "a particular nerve, when medicines, physiotherapy and other "
            "treatments have not helped enough. Examples include:</p>"
            "<ul>"
            "<li>Pain after an injury to a nerve</li>"
            "<li>Nerve pain after an operation</li>"
            "<li>Some kinds of headache caused by nerves at the back of the "
            "head</li>"
            "</ul>"
            "<p>It is less likely to suit pain that is spread over large parts "
            "of the body. A specialist will examine you and talk through "
            "whether it could help you.</p>"
        ),
        "benefits": (
            "<ul>"
            "<li>It may reduce pain in one area of the body.</li>"
            "<li>It is placed through a needle, so it is less invasive than "
            "many other implants.</li>"
            "<li>You try it first in a trial.</li>"
            "<li>Some people find they can do more and take fewer pain "
            "medicines.</li>"
            "<li>It can be switched off or removed.</li>"
            "</ul>"
            "<p>It does not help everyone, and the pain may not go away "
            "completely.</p>"
        ),
        "risks": (
            "<ul>"
            "<li><b>Infection</b> where the lead goes in</li>"
            "<li><b>Lead movement</b>, which can make the treatment work less "
            "well and may mean the lead needs replacing</li>"
            "<li>A lead breaking. Rarely, a small piece may be left under the "
            "skin.</li>"
            "<li><b>Bleeding</b> or bruising</li>"
            "<li>Skin irritation from dressings or a device worn on the "
            "skin</li>"
            "<li>Soreness or irritation of the nerve</li>"
            "<li>Pain relief that is less than hoped, or fades over time</li>"
            "</ul>"
            "<p>Your specialist will explain the risks of the system they "
            "suggest.</p>"
        ),
        "alternatives": (
            "<ul>"
            "<li>Medicines for nerve pain, or creams and plasters for a small "
            "area</li>"
            "<li>Physiotherapy</li>"
            "<li>Psychological therapies and pain management programmes</li>"
            "<li>Nerve block injections</li>"
            "<li>A TENS machine, which uses pads on the skin</li>"
            "<li>Spinal cord stimulation, for pain over a wider area</li>"
            "</ul>"
        ),
        "procedure": (
            "<p>The procedure is usually done as a day case. The skin is numbed "
            "with local anaesthetic. The doctor uses an ultrasound scan or "
            "X-rays to guide a needle close to the nerve. The lead is passed "
            "through the needle, and the needle is taken out.</p>"
            "<p>The doctor checks that you feel the stimulation in the right "
            "place. Then you have a <b>trial stimulation</b> period, to see how "
            "much it helps in everyday life. Some systems are used for a set "
            "number of weeks and then removed. With others, a longer-term "
            "device is fitted if the trial goes well.</p>"
        ),
        "recovery": (
            "<p>The area may feel sore for a few days. Keep the dressing clean "
            "and dry, and follow your team's advice about showering. Avoid "
            "heavy strain on the area for the first few weeks, so the lead "
            "does not move.</p>"
            "<p>Devices worn on the skin have a battery that needs charging "
            "often, sometimes every day. Your team will show you how. You will "
            "have follow-up visits to adjust the settings and check how you "
            "are doing.</p>"
        ),
        "faqs": [
            (
                "Is this the same as a TENS machine?",
                "<p>No. A TENS machine uses sticky pads on the skin. With PNS, "
                "a thin lead sits under the skin, close to the nerve itself, "
                "so the stimulation can be more targeted.</p>",
            ),
            (
                "Does it hurt to have the lead put in?",
                "<p>The skin is numbed first, so most people feel pressure "
                "rather than pain. It may feel sore for a few days "
                "afterwards.</p>",
            ),
            (
                "Can I have an MRI scan with a PNS device?",
                "<p>It depends on the system. Some allow MRI scans under "
                "certain conditions and some do not. Always tell the scanning "
                "team about your device, and ask your specialist before any "
                "scan.</p>",
            ),
        ],
        "conditions": ["chronic-neuropathic-pain"],
    },
    {
        "slug": "transcranial-magnetic-stimulation",
        "title": "Transcranial magnetic stimulation (TMS)",
        "summary": (
            "A magnetic coil held against your head gently stimulates areas of "
            "the brain linked to mood. It needs no surgery or anaesthetic, and "
            "may help some people with depression or OCD."
        ),
        "modality": "magnetic",
        "delivery": "non_invasive",
        "what_it_is": (
            "<p>Transcranial magnetic stimulation (TMS) is a <b>non-invasive</b> "
            "treatment. This means there is no surgery, no needles and no "
            "anaesthetic. You are awake throughout, sitting in a comfortable "
            "chair.</p>"
            "<p>A coil is placed against your head. It gives short magnetic "
            "pulses that pass easily through the skull. A course of TMS "
            "usually means regular sessions over several weeks.</p>"
        ),
        "how_it_works": (
            "<p>The magnetic pulses create tiny electrical currents in a small "
            "area of the brain. For depression, this is usually an area at the "
            "front of the brain that helps control mood, and which can be less "
            "active in depression. For OCD, a different area is treated, often "
            "with a special coil that reaches a little deeper.</p>"
            "<p>Over a course of sessions, this may help brain networks that "
            "control mood and thoughts to work in a healthier way.</p>"
        ),
        "who_it_may_help": (
            "<p>TMS may help adults with:</p>"
            "<ul>"
            "<li><b>Depression</b> that has not got better enough with "
            "antidepressants or talking therapies, or where medicines cause "
            "side effects that are hard to live with</li>"
            "<li><b>OCD</b> that has not got better enough with therapy and "
            "medicines</li>"
            "</ul>"
            "<p>It may not be safe if you have metal in or near your head (not "
            "including dental fillings), a cochlear implant, or some other "
            "implanted devices. If you have had seizures, your specialist will "
            "discuss this carefully with you. If you are very unwell, another "
            "treatment may be needed first. A psychiatrist will assess you "
            "before you start.</p>"
        ),
        "benefits": (
            "<ul>"
            "<li>It may reduce symptoms of depression or OCD.</li>"
            "<li>No surgery or anaesthetic is needed.</li>"
            "<li>Most people can go back to their usual day straight after "
            "each session.</li>"
            "<li>Many people find it has few side effects.</li>"
            "<li>It can be used alongside medicines and talking therapy.</li>"
            "</ul>"
            "<p>It does not work for everyone. Improvement often takes a few "
            "weeks to show, and the benefit may fade over time. Some people "
            "have further sessions later on.</p>"
        ),
        "risks": (
            "<p>TMS is generally well tolerated. Side effects can include:</p>"
            "<ul>"
            "<li><b>Headache</b> or scalp discomfort, which is usually mild and "
            "often gets less after the first few sessions</li>"
            "<li>Twitching of the muscles in the face or jaw during "
            "treatment</li>"
            "<li>Feeling light-headed or tired</li>"
            "<li>A loud clicking noise. You will wear earplugs to protect your "
            "hearing.</li>"
            "<li><b>Seizures</b>. These are rare. The risk is higher in people "
            "who have had seizures before or who take certain medicines.</li>"
            "<li>Rarely, in people with bipolar disorder, a very high mood "
            "(mania)</li>"
            "</ul>"
            "<p>Tell the team about any changes to your medicines, alcohol use "
            "or sleep during your course.</p>"
        ),
        "alternatives": (
            "<ul>"
            "<li>Talking therapies, such as cognitive behavioural therapy "
            "(CBT)</li>"
            "<li>Changing, adding or combining medicines</li>"
            "<li>Electroconvulsive therapy (ECT), for severe depression</li>"
            "<li>For very severe OCD, deep brain stimulation in a specialist "
            "centre</li>"
            "</ul>"
            "<p>Your psychiatrist can help you compare these options.</p>"
        ),
        "procedure": (
            "<h3>Assessment</h3>"
            "<p>A psychiatrist will talk with you about your symptoms and past "
            "treatments. You will answer safety questions about metal, "
            "implants, seizures and medicines.</p>"
            "<h3>Your first session</h3>"
            "<p>The team finds the right strength for you. They give single "
            "pulses over the part of the brain that moves your hand, until "
            "your fingers or thumb twitch slightly. They then mark where to "
            "place the coil.</p>"
            "<h3>Your course of treatment</h3>"
            "<p>Sessions are usually given every weekday for four to six weeks. "
            "Each one lasts from a few minutes to around 40 minutes, depending "
            "on the type of TMS. You will hear clicking and feel tapping on "
            "your head. You can talk to the team at any time and ask them to "
            "stop.</p>"
        ),
        "recovery": (
            "<p>There is no recovery time. Most people can drive and go back to "
            "work or normal activities straight after a session.</p>"
            "<p>The team will check your progress during the course, often with "
            "short questionnaires. You will have a follow-up after the course "
            "ends. Keep seeing your GP or mental health team, and tell them "
            "straight away if your mood gets worse.</p>"
        ),
        "faqs": [
            (
                "Is TMS the same as ECT?",
                "<p>No. ECT is given under general anaesthetic and causes a "
                "controlled seizure. TMS needs no anaesthetic, does not aim to "
                "cause a seizure, and you are awake and alert throughout.</p>",
            ),
            (
                "Does TMS hurt?",
                "<p>Most people feel a tapping on the head and some discomfort "
                "on the scalp, especially in the first few sessions. The team "
                "can adjust things to make you more comfortable.</p>",
            ),
            (
                "How soon will I notice a difference?",
                "<p>It varies. Some people notice changes after two or three "
                "weeks, others nearer the end of the course or after it. Some "
                "people do not notice a benefit.</p>",
            ),
            (
                "Can I carry on taking my medicines?",
                "<p>Usually yes. Tell the team about every medicine you take, "
                "as some can affect the safety of TMS. Do not stop or change "
                "medicines without advice.</p>",
            ),
        ],
        "conditions": ["major-depressive-disorder", "obsessive-compulsive-disorder"],
    },
    {
        "slug": "focused-ultrasound",
        "title": "MR-guided focused ultrasound",
        "summary": (
            "Focused sound waves, guided by an MRI scanner, treat a tiny spot "
            "deep in the brain to reduce tremor. There is no cut and no "
            "implant. It usually treats one side of the body."
        ),
        "modality": "ultrasound",
        "delivery": "non_invasive",
        "what_it_is": (
            "<p>MR-guided focused ultrasound is a treatment for tremor that "
            "needs no cuts and leaves nothing inside your body. Many beams of "
            "ultrasound pass through the skull and meet at one tiny spot deep "
            "in the brain. Where they meet, they heat that spot and make a "
            "very small, permanent area of treated tissue.</p>"
            "<p>It is done while you lie in an MRI scanner. The scanner lets "
            "the team aim precisely and watch the temperature as they "
            "treat.</p>"
        ),
        "how_it_works": (
            "<p>The treated spot is in the <b>thalamus</b>, a relay station deep "
            "in the brain. Part of the thalamus is involved in the faulty "
            "signals that cause tremor. Treating a tiny area there interrupts "
            "these signals.</p>"
            "<p>Each side of the brain controls the opposite side of the body. "
            "So treating the left side of the brain may reduce tremor in the "
            "right hand. The treatment <b>usually treats one side</b>, often "
            "the side of the hand you use most.</p>"
        ),
        "who_it_may_help": (
            "<p>Focused ultrasound may help adults with:</p>"
            "<ul>"
            "<li><b>Essential tremor</b> that medicines have not controlled "
            "well enough</li>"
            "<li><b>Parkinson's disease</b> where tremor is the main problem "
            "and medicines have not controlled it well enough</li>"
            "</ul>"
            "<p>It is not suitable for everyone. You need to be able to have an "
            "MRI scan and lie still for a few hours. A CT scan checks whether "
            "enough ultrasound can pass through your skull. Some health "
            "problems, such as a bleeding disorder, may rule it out. A "
            "specialist will talk through whether it could suit you.</p>"
        ),
        "benefits": (
            "<ul>"
            "<li>It may reduce tremor in the treated hand, often straight "
            "away.</li>"
            "<li>There is no cut in the skin or skull, so the risk of infection "
            "is low.</li>"
            "<li>There is no implant, so no battery to charge or replace.</li>"
            "<li>Most people go home the same day or the next day.</li>"
            "</ul>"
            "<p>It does not cure the condition. The tremor may slowly come back "
            "to some degree over time, and the other side of the body is not "
            "treated.</p>"
        ),
        "risks": (
            "<p>The treated area is permanent, and the settings cannot be "
            "changed afterwards. Side effects can include:</p>"
            "<ul>"
            "<li><b>Numbness or tingling</b>, for example in the lips, face or "
            "fingers</li>"
            "<li><b>Unsteadiness</b> or problems with balance and walking</li>"
            "<li>Weakness, or changes in speech or swallowing</li>"
            "<li>Headache, dizziness or feeling sick during the treatment</li>"
            "<li>Pain or swelling where the head frame was fixed</li>"
            "</ul>"
            "<p>Many side effects get better over weeks or months, but some can "
            "be permanent. Your specialist will explain the risks for you.</p>"
        ),
        "alternatives": (
            "<ul>"
            "<li>Medicines, or a different dose or combination</li>"
            "<li>Occupational therapy and aids for daily tasks</li>"
            "<li>Deep brain stimulation. This needs surgery and an implant, but "
            "it can be adjusted and can treat both sides.</li>"
            "</ul>"
            "<p>Your specialist can help you compare these options.</p>"
        ),
        "procedure": (
            "<h3>Assessment</h3>"
            "<p>You will see a neurologist and a neurosurgeon. You will have an "
            "MRI scan and a CT scan of your head.</p>"
            "<h3>On the day</h3>"
            "<p>Your head is fully shaved. A frame is fixed to your head to keep "
            "it still, after the skin is numbed with local anaesthetic. You lie "
            "in the MRI scanner with a soft, water-filled cap around your "
            "head.</p>"
            "<p>You stay awake. The team first gives low-energy pulses and "
            "checks your tremor, often by asking you to draw spirals. They also "
            "check for side effects. Then they give the treatment itself. Tell "
            "the team how you feel at any time. The whole procedure takes a "
            "few hours.</p>"
        ),
        "recovery": (
            "<p>The frame is removed and you may have a check scan. Most people "
            "go home the same day or the next day.</p>"
            "<p>You may feel a little unsteady or tired for a few days or "
            "weeks. You will have follow-up visits to check your tremor and any "
            "side effects. Ask your team when you can drive again.</p>"
        ),
        "faqs": [
            (
                "Why is usually only one side treated?",
                "<p>Treating both sides of the brain carries a higher risk of "
                "problems with speech, swallowing and balance. For some people, "
                "the second side may be treated later, after careful discussion "
                "with the specialist team.</p>",
            ),
            (
                "Does it hurt?",
                "<p>The skin is numbed before the frame is fitted. During the "
                "treatment some people get a headache, dizziness or feel sick "
                "for a short time. Tell the team, as they can pause.</p>",
            ),
            (
                "Will my hair grow back?",
                "<p>Yes. Your head needs to be shaved for the treatment, but your "
                "hair grows back as normal.</p>",
            ),
            (
                "Will the tremor come back?",
                "<p>For many people, the improvement lasts. In some people the "
                "tremor slowly comes back to some degree over time. Your "
                "specialist can tell you more.</p>",
            ),
        ],
        "conditions": ["essential-tremor", "parkinsons-disease"],
    },
    {
        "slug": "intrathecal-drug-delivery",
        "title": "Intrathecal drug delivery (implanted pump)",
        "summary": (
            "A small pump under the skin of the belly delivers tiny doses of "
            "pain medicine straight into the fluid around the spinal cord. It "
            "may help some people with severe long-term pain."
        ),
        "modality": "chemical",
        "delivery": "implanted",
        "what_it_is": (
            "<p>An intrathecal pump is a small, round device, about the size of "
            "an ice hockey puck. It is placed under the skin of your belly. A "
            "thin, soft tube runs under the skin to your back and into the "
            "space around the spinal cord, which is filled with fluid. This "
            "space is called the intrathecal space.</p>"
            "<p>The pump holds pain medicine and releases it slowly, in small "
            "and carefully controlled doses.</p>"
        ),
        "how_it_works": (
            "<p>Pain signals pass through the spinal cord on their way to the "
            "brain. Because the medicine goes straight to the spinal cord, a "
            "much smaller dose is needed than when you take it by mouth. This "
            "may mean fewer side effects.</p>"
            "<p>The medicine may be morphine or a similar medicine, or a "
            "non-opioid medicine called ziconotide. Your doctor sets the dose "
            "with a programmer. Some pumps let you give yourself an extra dose, "
            "within safe limits set by your doctor.</p>"
        ),
        "who_it_may_help": (
            "<p>An intrathecal pump may be considered for people with severe, "
            "long-term pain when other treatments have not helped enough, or "
            "when pain medicines by mouth cause side effects that are too hard "
            "to live with. This includes some people with nerve pain and some "
            "people with pain from cancer.</p>"
            "<p>You need to be able to come to the clinic regularly for pump "
            "refills. It may not suit you if you have an infection, a bleeding "
            "problem or some problems with your spine. A specialist will assess "
            "you carefully and talk through whether it could help.</p>"
        ),
        "benefits": (
            "<ul>"
            "<li>It may reduce your pain.</li>"
            "<li>You may be able to take fewer pain medicines by mouth, with "
            "fewer side effects such as drowsiness and constipation.</li>"
            "<li>The dose can be adjusted as your needs change.</li>"
            "<li>You try the medicine first in a trial, before deciding on a "
            "pump.</li>"
            "</ul>"
            "<p>It does not work for everyone, and it is unlikely to take all "
            "of the pain away.</p>"
        ),
        "risks": (
            "<p>Your team will explain these risks in detail:</p>"
            "<ul>"
            "<li><b>Infection</b>, which can rarely spread to the fluid around "
            "the brain and spinal cord (meningitis). The pump may need to be "
            "removed.</li>"
            "<li><b>Headache</b> from a leak of spinal fluid</li>"
            "<li><b>Bleeding</b> or bruising</li>"
            "<li>Problems with the tube, such as it moving, kinking or "
            "blocking, or with the pump itself</li>"
            "<li><b>Medicine side effects</b>, such as feeling sick, itching, "
            "constipation, drowsiness, difficulty passing urine or swollen "
            "legs. Long-term opioids can also affect hormone levels.</li>"
            "<li><b>Too much medicine</b>, which can cause severe drowsiness "
            "and slow breathing. This is an emergency.</li>"
            "<li><b>Withdrawal symptoms</b> if the pump runs empty or stops "
            "working</li>"
            "<li>Rarely, a small lump at the tip of the tube that can press on "
            "the spinal cord</li>"
            "</ul>"
            "<p><b>Get help straight away</b> if you feel very drowsy, find it "
            "hard to breathe, or have new weakness or numbness in your "
            "legs.</p>"
        ),
        "alternatives": (
            "<ul>"
            "<li>Changing your pain medicines</li>"
            "<li>Physiotherapy</li>"
            "<li>A pain management programme or psychological therapy</li>"
            "<li>Nerve block injections</li>"
            "<li>Spinal cord stimulation or peripheral nerve stimulation</li>"
            "</ul>"
            "<p>Your specialist can help you compare these options.</p>"
        ),
        "procedure": (
            "<h3>Assessment and trial</h3>"
            "<p>You will see the pain team, which may include a psychologist. "
            "You then have a trial in hospital. A small dose of medicine is "
            "given into the spinal fluid, either as a single injection or "
            "through a thin temporary tube. The team checks how much it helps "
            "and watches for side effects.</p>"
            "<h3>Fitting the pump</h3>"
            "<p>If the trial goes well, the pump is fitted, usually under "
            "general anaesthetic. The tube is placed in your back through a "
            "needle, and the pump is placed under the skin of your belly. Most "
            "people stay in hospital for one to a few days.</p>"
        ),
        "recovery": (
            "<p>For about six weeks, avoid bending, twisting, stretching and "
            "heavy lifting, so the tube can settle. The dose is adjusted "
            "slowly over the first weeks.</p>"
            "<p>The pump must be <b>refilled</b> at the clinic, usually every "
            "few weeks to few months. A nurse or doctor passes a fine needle "
            "through your skin into the pump. Never miss a refill appointment. "
            "The battery lasts several years, and then the pump is replaced in "
            "a smaller operation.</p>"
            "<p>You will get an ID card for your pump. Tell every doctor about "
            "it. Ask your team about saunas, hot tubs and scuba diving, as heat "
            "and pressure can affect some pumps.</p>"
        ),
        "faqs": [
            (
                "How often does the pump need refilling?",
                "<p>Usually every few weeks to every few months. It depends on "
                "the size of the pump and your dose. Each refill takes a short "
                "visit to the clinic.</p>",
            ),
            (
                "What happens if I miss a refill?",
                "<p>The pump could run empty. This can cause withdrawal "
                "symptoms and your pain may come back. The pump may sound an "
                "alarm when it is low. Contact the team straight away if you "
                "cannot make an appointment or hear an alarm.</p>",
            ),
            (
                "Can I have an MRI scan with a pump?",
                "<p>Often yes, but only under certain conditions. The scan can "
                "stop the pump for a while, so it needs checking afterwards. "
                "Always tell your pain team and the scanning team before any "
                "MRI.</p>",
            ),
            (
                "What happens when the battery runs low?",
                "<p>The battery lasts several years and cannot be recharged. "
                "Your team checks it at refill visits and plans a small "
                "operation to replace the pump before it runs out.</p>",
            ),
        ],
        "conditions": ["chronic-neuropathic-pain"],
    },
]
