//! The word lists the generator draws from: topics with the phrases that belong to them,
//! brands, people, places, offering name parts and sentence templates.
//!
//! Topic phrases are chosen so the benchmark queries have something to find (`telehealth`,
//! the prefix `tele`, `data privacy`, `accessibility`) and so long, easily misspelled words
//! (`accessibility`, `interoperability`, `reimbursement`, `ophthalmology`) occur often enough
//! to exercise typo tolerance. All names are invented; domains use the reserved `.example` TLD.

/// Topic groups; a topic's category string is `"<group>: <label>"`.
#[rustfmt::skip]
pub const GROUPS: [&str; 4] = [
    "Healthcare IT News", "Events Taxonomies", "Symplur", "Care Delivery",
];

/// A topic: its group (index into [`GROUPS`]), display label and the phrases an article on
/// it uses. The first phrase is the one titles prefer.
pub struct TopicDef {
    pub group: usize,
    pub label: &'static str,
    pub terms: &'static [&'static str],
}

const fn t(group: usize, label: &'static str, terms: &'static [&'static str]) -> TopicDef {
    TopicDef {
        group,
        label,
        terms,
    }
}

/// Forty topics in four groups. Popularity is Zipf-like over the interleaved order (first of
/// each group most popular), see `Catalog::new`.
#[rustfmt::skip]
pub const TOPICS: [TopicDef; 40] = [
    t(0, "Telemedicine", &["telemedicine", "virtual visits", "video consultations", "tele-triage"]),
    t(0, "Telehealth", &["telehealth", "telehealth programs", "audio-only visits", "telepsychiatry"]),
    t(0, "Remote Patient Monitoring", &["remote patient monitoring", "connected blood pressure cuffs", "wearable sensors", "home vitals dashboards"]),
    t(0, "Cybersecurity", &["cybersecurity", "ransomware defenses", "phishing drills", "endpoint encryption"]),
    t(0, "Interoperability", &["interoperability", "FHIR APIs", "health information exchange", "HL7 interfaces"]),
    t(0, "Electronic Health Records", &["electronic health records", "EHR optimization", "ambient charting", "clinical documentation"]),
    t(0, "Artificial Intelligence", &["artificial intelligence", "machine learning models", "AI triage", "predictive analytics"]),
    t(0, "Data Privacy", &["data privacy", "patient consent management", "de-identified datasets", "privacy impact assessments"]),
    t(0, "Population Health", &["population health", "disease registries", "risk stratification", "care gap reports"]),
    t(0, "Revenue Cycle", &["revenue cycle management", "claims automation", "prior authorization", "reimbursement"]),
    t(0, "Patient Engagement", &["patient engagement", "patient portals", "two-way text messaging", "digital front doors"]),
    t(0, "Cloud Computing", &["cloud computing", "cloud migration", "hosted data platforms", "disaster recovery"]),
    t(1, "Equity of Access", &["equity of access", "broadband gaps", "language access", "transportation barriers"]),
    t(1, "Value-Based Care", &["value-based care", "shared savings contracts", "bundled payments", "quality measures"]),
    t(1, "Behavioral Health", &["behavioral health", "mental health apps", "crisis lines", "collaborative care"]),
    t(1, "Rural Health", &["rural health", "critical access hospitals", "mobile clinics", "rural telehealth"]),
    t(1, "Digital Therapeutics", &["digital therapeutics", "prescription apps", "app-based therapy", "software as a medical device"]),
    t(1, "Clinical Workflow", &["clinical workflow", "inbox management", "shift handoffs", "task routing"]),
    t(1, "Workforce Wellbeing", &["clinician burnout", "workforce wellbeing", "nurse staffing", "peer support programs"]),
    t(1, "Home-Based Care", &["hospital at home", "home-based care", "home infusion", "post-discharge visits"]),
    t(1, "Accessibility", &["accessibility", "screen reader support", "accessible patient portals", "plain-language design"]),
    t(1, "Maternal Health", &["maternal health", "postpartum monitoring", "prenatal telehealth", "doula programs"]),
    t(2, "#healthequity", &["health equity", "social determinants of health", "community health workers", "food insecurity screening"]),
    t(2, "#AIinHealthcare", &["AI in healthcare", "large language models", "algorithmic bias audits", "clinical decision support"]),
    t(2, "#digitalhealth", &["digital health", "health apps", "consumer wearables", "digital health startups"]),
    t(2, "#mhealth", &["mobile health", "mHealth apps", "SMS reminders", "smartphone-based screening"]),
    t(2, "#patientsafety", &["patient safety", "medication errors", "sepsis alerts", "fall prevention"]),
    t(2, "#hcldr", &["healthcare leadership", "board governance", "change management", "strategic planning"]),
    t(2, "#telehealth", &["telehealth policy", "cross-state licensure", "telehealth parity laws", "virtual-first plans"]),
    t(2, "#precisionmedicine", &["precision medicine", "genomic testing", "pharmacogenomics", "targeted therapies"]),
    t(3, "Oncology", &["oncology", "cancer screening", "chemotherapy scheduling", "tumor boards"]),
    t(3, "Cardiology", &["cardiology", "heart failure clinics", "cardiac rehabilitation", "arrhythmia monitoring"]),
    t(3, "Diabetes Care", &["diabetes care", "continuous glucose monitors", "insulin titration", "hemoglobin A1c tracking"]),
    t(3, "Pharmacy", &["pharmacy", "pharmaceutical supply chains", "medication adherence", "e-prescribing"]),
    t(3, "Emergency Medicine", &["emergency medicine", "emergency department boarding", "ambulance diversion", "triage nurses"]),
    t(3, "Pediatrics", &["pediatrics", "school-based clinics", "well-child visits", "pediatric telehealth"]),
    t(3, "Radiology", &["radiology", "imaging backlogs", "teleradiology", "AI-assisted image reading"]),
    t(3, "Ophthalmology", &["ophthalmology", "diabetic retinopathy screening", "retinal imaging", "teleophthalmology"]),
    t(3, "Senior Care", &["senior care", "aging in place", "fall detection", "dementia support"]),
    t(3, "Nursing", &["nursing", "virtual nursing", "nurse triage lines", "bedside documentation"]),
];

/// Source brands: invented news sites under the reserved `.example` TLD.
#[rustfmt::skip]
pub const BRANDS: [&str; 25] = [
    "carewire.example", "healthbeat-daily.example", "clinicalbyte.example",
    "medtech-ledger.example", "wardround.example", "pulsepoint-news.example",
    "digitalcare-review.example", "thechartroom.example", "healthsignal.example",
    "bedside-report.example", "vitals-weekly.example", "caregrid-journal.example",
    "hospitalops.example", "ruralhealth-post.example", "thepayerdesk.example", "nursenotes.example",
    "informatics-today.example", "patientfirst-news.example", "securemed.example",
    "policyrounds.example", "genomewatch.example", "thetriage.example", "healthcode-digest.example",
    "openrecord.example", "careforward.example",
];

/// Given names and family names for authors; a few non-ASCII ones on purpose.
#[rustfmt::skip]
pub const GIVEN: [&str; 40] = [
    "Amara", "Ben", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonah",
    "Kavya", "Liam", "Mei-Ling", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Samuel", "Tamsin",
    "Uchenna", "Valeria", "Wen", "Ximena", "Yusuf", "Zoë", "José", "Søren", "Łucja", "Aoife",
    "Björn", "Chloé", "Darnell", "Esther", "Felipe", "Gwen", "Hamza", "Isla", "Jamal", "Keiko",
];
#[rustfmt::skip]
pub const FAMILY: [&str; 40] = [
    "Abara", "Bergström", "Castillo", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Lindqvist", "Müller", "Nakamura", "Núñez", "O'Connell", "Patel", "Quinn",
    "Rahman", "Santos", "Tanaka", "Underwood", "Varga", "Whitfield", "Xu", "Yilmaz", "Zhang",
    "Okafor", "Moreau", "Brennan", "Achterberg", "Delacroix", "Farrow", "Gallagher", "Holm", "Iyer",
    "Kealoha", "Lund", "Mbeki", "Novak",
];
/// Bylines that are not people.
#[rustfmt::skip]
pub const DESKS: [&str; 4] = [
    "Staff Reporter", "News Desk", "Editorial Team", "Guest Contributor",
];

/// Offering name parts: an invented company word and a product noun with the topic it
/// naturally belongs to (index into [`TOPICS`]).
#[rustfmt::skip]
pub const MAKERS: [&str; 36] = [
    "Northwind", "Bluepine", "Cedarline", "Harborlight", "Lumenfield", "Ostara", "Quillmark",
    "Redfern", "Silverbirch", "Tidewater", "Vantor", "Wrenhaven", "Alderbrook", "Brightmoor",
    "Coralis", "Driftstone", "Emberly", "Foxglove", "Glenmoor", "Hollowell", "Ironvale",
    "Juniper Labs", "Kestrel", "Larkspur", "Meridale", "Nimbuswell", "Oakhurst", "Pellucid",
    "Rivermint", "Sablecrest", "Thistledown", "Umberfield", "Verdant", "Willowmere", "Yarrow",
    "Zephyrine",
];
#[rustfmt::skip]
pub const PRODUCTS: [(&str, usize); 30] = [
    ("Virtual Clinic", 0), ("Telehealth Suite", 1), ("Vitals Bridge", 2), ("Threat Sentinel", 3),
    ("FHIR Gateway", 4), ("Chart Assist", 5), ("Triage AI", 6), ("Consent Vault", 7),
    ("Registry Studio", 8), ("Claims Pilot", 9), ("Patient Hub", 10), ("Cloud Records", 11),
    ("Access Navigator", 12), ("Outcomes Ledger", 13), ("MindSpace", 14), ("Rural Reach", 15),
    ("Therapy App", 16), ("Shift Flow", 17), ("Care Team Pulse", 18), ("Home Ward", 19),
    ("Readable Portal", 20), ("Mom & Baby Connect", 21), ("Equity Insights", 22),
    ("Decision Support", 23), ("Wellness Wallet", 24), ("Text Reminders", 25), ("Safety Watch", 26),
    ("Glucose Link", 32), ("Retina Screen", 37), ("Night Nurse", 39),
];

/// Organisations, places, people in roles, metrics and other slot fillers.
#[rustfmt::skip]
pub const ORG_ADJ: [&str; 12] = [
    "a regional", "a rural", "a large urban", "a children's", "a Midwest", "a coastal",
    "a nonprofit", "a faith-based", "an academic", "a safety-net", "a county", "a suburban",
];
#[rustfmt::skip]
pub const ORG_KIND: [&str; 9] = [
    "health system", "hospital", "clinic network", "medical center", "community health center",
    "home health agency", "health plan", "pharmacy chain", "physician group",
];
#[rustfmt::skip]
pub const NAMED_ORGS: [&str; 16] = [
    "Riverbend Health", "St. Aurelia Medical Center", "Prairie Crossing Clinics",
    "Harbor & Hills Health", "Mount Leland Children's", "Eastgate Community Health",
    "Sunward Health Partners", "Copperline Medical Group", "Lakeshore Care Alliance",
    "Granite Valley Hospital", "Bayfront Family Health", "Northfork Regional",
    "Meadowvale Health Plan", "Crescent City Physicians", "Pinecrest Senior Living",
    "Three Rivers Pharmacy",
];
#[rustfmt::skip]
pub const PLACES: [&str; 24] = [
    "Ohio", "northern Ontario", "the Scottish Highlands", "Kerala", "Queensland", "western Kenya",
    "Bavaria", "New Mexico", "Manitoba", "the Mississippi Delta", "Lisbon", "Ghana", "Appalachia",
    "Alaska", "Tasmania", "Nova Scotia", "Chile", "Wales", "Montana", "Puerto Rico",
    "the Philippines", "Norway", "rural Georgia", "Andalusia",
];
#[rustfmt::skip]
pub const ROLES: [&str; 14] = [
    "nurse managers", "primary care physicians", "pharmacists", "community health workers",
    "care coordinators", "chief medical information officers", "security analysts", "IT directors",
    "social workers", "patient advocates", "hospitalists", "practice managers",
    "informatics nurses", "emergency physicians",
];
#[rustfmt::skip]
pub const METRICS: [&str; 14] = [
    "no-show rates", "readmissions", "average wait times", "after-hours calls",
    "emergency department visits", "claim denials", "time spent charting",
    "missed medication doses", "referral backlogs", "phishing click rates", "length of stay",
    "duplicate tests", "ambulance transfers", "overtime hours",
];
#[rustfmt::skip]
pub const GENERIC: [&str; 16] = [
    "workflows", "documentation habits", "scheduling rules", "consent forms", "reimbursement rules",
    "staff training", "clinical governance", "data governance", "vendor contracts",
    "broadband access", "language access", "patient trust", "accessibility reviews",
    "interoperability testing", "procurement cycles", "device logistics",
];
#[rustfmt::skip]
pub const FUNDING: [&str; 8] = [
    "state innovation grant", "philanthropic gift", "federal pilot program",
    "shared savings arrangement", "research &amp; development budget", "regional health trust",
    "employer partnership", "bond measure",
];
#[rustfmt::skip]
pub const TAGS: [&str; 14] = [
    "News", "Policy", "Research", "Funding", "Startups", "Opinion", "Case Study", "Security",
    "Data", "Wearables", "Rural", "Workforce", "Equity", "Regulation",
];

/// Title templates. Slots: `{T}` topic phrase, `{T2}` second phrase, `{O}` organisation name,
/// `{P}` place, `{R}` roles, `{M}` metric, `{G}` generic issue, `{N}` small number, `{Y}` year.
/// Titles are title-cased after filling.
#[rustfmt::skip]
pub const TITLES: [&str; 18] = [
    "How {O} Uses {T} to Reduce {M}", "From Pilot to Practice: {T} in {P}",
    "What {R} Learned From a Year of {T}", "{T} and {T2}: {N} Lessons From the Field",
    "The Trouble With {T}: {G}", "{O} Bets on {T} as {M} Climb",
    "Inside the Push to Bring {T} to {P}", "A Practical Guide to {T} for Small Practices",
    "{T}: Is {Y} the Turning Point?", "New Data Links {T} to Fewer {M}",
    "{N} Questions About {T}, Answered", "The Hidden Costs of {T}", "{O} Pairs {T} With {T2}",
    "Can {T} Close the Gap in {P}?", "Where {T} and {T2} Overlap", "{R} Weigh In on {T}",
    "Rethinking {G} in the Age of {T}", "{T} After the Pandemic: What Stayed and What Faded",
];

/// Body sentence templates; same slots as [`TITLES`] plus `{V}` an offering name and `{F}` a
/// funding source. Templates with `{V}` are used only when the article names an offering.
#[rustfmt::skip]
pub const SENTENCES: [&str; 40] = [
    "{O} expanded {T} to {N} outpatient sites this year.",
    "Leaders at {O} say {T} cut {M} by {N} percent within a few months.",
    "The pilot paired {T} with {T2}, a combination that local {R} called overdue.",
    "Not every clinic saw the same gains: smaller practices reported trouble with {G}.",
    "In {P}, {R} now review {T} reports each morning before rounds.",
    "According to the project team, the hardest part was not the software but sorting out {G}.",
    "{V} supplied the platform and trained {N} staff members on it.",
    "Because {V} already worked with the existing {T2} setup, the rollout took weeks instead of months.",
    "Critics warn that {T} can widen gaps for patients without reliable broadband.",
    "A survey of several hundred patients found that most preferred {T} for routine follow-ups.",
    "Regulators in {P} are drafting guidance that touches on {T} and {T2}.",
    "{O} plans to publish its results after an independent review.",
    "Budgets remain tight, so the work was paid for through {F}.",
    "Early numbers show {M} falling for {N} consecutive months.",
    "{R} said the biggest surprise was how quickly older patients adopted {T}.",
    "The program also draws on {T2}, which the team names as its next priority.",
    "Interoperability remains a sticking point, since many records still arrive by fax.",
    "Data privacy questions came up early, and the team answered them with a plain-language consent form.",
    "Accessibility testing with screen reader users caught problems that automated checks missed.",
    "Reimbursement for {T} varies by payer, which complicates long-term planning.",
    "Several {R} described the first month as rocky but said the second was far calmer.",
    "The next phase adds {T2} and extends coverage to evenings and weekends.",
    "Clinicians can see {T} data inside the chart, so there is no separate login to remember.",
    "Patients in {P} often drive more than an hour for a specialist visit, which is why they value {T}.",
    "{O} will share its playbook with {N} partner organizations next spring.",
    "Security reviews flagged two vendors, and only one passed a second audit.",
    "\"We stopped measuring logins and started measuring outcomes,\" one of the {R} said.",
    "The evidence is still thin, and larger trials are under way.",
    "Much of the savings came from fewer {M}, not from lower staffing costs.",
    "Interpreters can now join by three-way video link, a change requested by families in {P}.",
    "{V} reports that usage doubled once text reminders were switched on.",
    "Training focused on {G}, which the team saw as the real bottleneck.",
    "An ophthalmology clinic nearby has adopted the same approach for retinal screening.",
    "The health department wants {T} folded into its broader plan for {T2}.",
    "Some {R} remain skeptical and want to see results beyond the pilot sites.",
    "A steering group meets monthly to review {M} and decide what to change.",
    "Few of the lessons were technical; most were about {G}.",
    "With {V} in place, {R} spend less time on phone tag and more on care.",
    "The telehealth service now handles about {N} percent of follow-up visits.",
    "Observers expect {T} to shape budgets well into {Y}.",
];

/// Opening sentences: every body starts with one, and descriptions are drawn from it.
#[rustfmt::skip]
pub const LEADS: [&str; 10] = [
    "{O} has spent the past year building out {T}, and the first results are in.",
    "When {O} started with {T} in {Y}, few of its {R} expected it to last.",
    "In {P}, the work on {T} is no longer a pilot; it is part of how care gets delivered.",
    "A new program at {O} puts {T} at the center of its plan to reduce {M}.",
    "For {R} in {P}, {T} has changed what a normal week looks like.",
    "{O} is betting that {T} and {T2} together can ease pressure on its clinics.",
    "The case for {T} rests on a simple claim: fewer {M} without more staff.",
    "Two years after its launch, the {T} effort at {O} is being studied by its peers.",
    "Health leaders in {P} are watching {T} closely as budgets tighten.",
    "What began as a small experiment with {T} now reaches patients across {P}.",
];

/// Body headings, used now and then between paragraphs.
#[rustfmt::skip]
pub const HEADINGS: [&str; 10] = [
    "What changed", "Early results", "The hard parts", "What comes next", "Why it matters",
    "Lessons for other systems", "Costs and funding", "The patient view", "Open questions",
    "Behind the numbers",
];

/// Small words a title keeps in lower case (unless first).
#[rustfmt::skip]
pub const TITLE_SMALL: [&str; 16] = [
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "vs",
];
