namespace Safeguard.Core.Screening.Language;

/// <summary>
/// The default phrase bank: the language table of shared/domain/REFERENCE.md (Children's Society guidance, 2017,
/// updated 2024), with its reasons and better words as written there. Each better word describes what was done to
/// the child and by whom, never less. The patterns cover the phrases' inflections and word orders; the guards keep
/// the same words used correctly from being flagged ("she could not consent", "risk-taking by the perpetrator").
/// The evaluation set in tests/Safeguard.Core.Tests/Screening/Language shows what it finds and what it leaves.
/// </summary>
public static class DefaultPhraseBank
{
    public static PhraseBank Instance { get; } = new(
        Version: 1,
        WordClasses: new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["reflexive"] = ["herself", "himself", "themselves", "themself", "yourself", "yourselves", "myself", "ourselves", "oneself"],
            ["negation"] =
            [
                "not", "no", "never", "cannot", "can't", "couldn't", "didn't", "doesn't", "don't", "wasn't", "weren't", "isn't",
                "aren't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "unable", "incapable", "non", "nor", "without",
            ],
            // People other than the child who may be harming them: when they are the actor, the words are about them.
            ["adult"] =
            [
                "adult", "adults", "man", "men", "male", "males", "perpetrator", "perpetrators", "offender", "offenders",
                "abuser", "abusers", "suspect", "suspects", "exploiter", "exploiters", "groomer", "groomers", "stranger", "strangers",
            ],
            // Professionals and agencies: when they are the actor, the words describe their work.
            ["professional"] =
            [
                "professional", "professionals", "agency", "agencies", "staff", "service", "services", "officer", "officers",
                "worker", "workers", "team", "teams", "practitioner", "practitioners", "partners", "police", "detective",
                "detectives", "investigator", "investigators", "we",
            ],
            ["family"] =
            [
                "mother", "mum", "mom", "father", "dad", "parent", "parents", "carer", "carers", "guardian", "guardians",
                "aunt", "auntie", "uncle", "sister", "brother", "cousin", "grandmother", "grandfather", "nan", "gran", "foster",
            ],
        },
        Rules:
        [
            new(
                "putting-themselves-at-risk",
                "putting themselves at risk",
                "blames the child",
                "the child may have been groomed; a perpetrator may exploit the child's vulnerability",
                [
                    "put|puts|putting|place|places|placed|placing @reflexive ~6 risk|risks|risky|danger|dangerous|harm|jeopardy|unsafe|vulnerable",
                    "expose|exposes|exposed|exposing @reflexive ~4 risk|risks|risky|danger|dangerous|harm|exploitation|abuse",
                    "endanger|endangers|endangered|endangering|endangerment @reflexive",
                    "make|makes|making|made @reflexive vulnerable",
                ]),
            new(
                "sexually-active",
                "sexually active (under 13)",
                "a child under 13 cannot consent",
                "raped; concerns the child has been sexually abused",
                ["sexually active"]),
            new(
                "sexual-activity-with",
                "sexual activity with / had sex with",
                "implies consent",
                "has been sexually abused; allegation of sexual abuse",
                [
                    "sexual activity|activities|intercourse|relations with",
                    "have|has|had|having ~1 sex|intercourse with",
                    "engage|engages|engaged|engaging in sexual activity|activities|acts|intercourse|behaviour",
                ],
                // The law's own words: "any sexual activity with a child under 13 is rape".
                UnlessBefore: ["any"]),
            new(
                "contacting-adults",
                "has been contacting adults",
                "puts the act on the child",
                "adults have been contacting the child; the child is being groomed",
                [
                    "contacting|messaging|texting|calling|phoning|befriending|approaching older|unknown? adults|adult|men|males|man|strangers",
                    "contacted|contacts|messaged|messages|texted|texts|befriended|approached older|unknown? adults|men|males|strangers",
                    "seeking|seeks|sought|seek out older? adults|men|males",
                    "initiated|initiates|initiating|initiate contact with ~2 adults|adult|men|man|males|older",
                ],
                UnlessBefore: ["@professional", "@adult"]),
            new(
                "exchanging-sex",
                "exchanging sex for / in return for",
                "implies a transaction",
                "the child is being sexually exploited",
                [
                    "exchange|exchanges|exchanged|exchanging|trade|trades|traded|trading|swap|swaps|swapped|swapping sex|sexual ~2 for",
                    "sex|sexual ~2 in return|exchange for",
                    "in return|exchange for ~2 sex|sexual",
                ]),
            new(
                "involved-in-cse",
                "involved in CSE",
                "implies participation",
                "the child is a victim of sexual exploitation",
                [
                    "involved|involvement|involve|involves|involving|participating|participated|participates|participation in ~2 cse|exploitation|prostitution",
                    "involved|involvement|involve|involves|involving|participating|participated|participates|participation in ~1 sexual activity|activities|acts",
                ],
                // "the professionals involved in CSE work", "the adults involved in her exploitation".
                UnlessBefore: ["@professional", "@adult"],
                UnlessAfter: ["strategy|team|teams|panel|meeting|meetings|work|training|procedures|protocol|screening|assessment|investigation|investigations|operation|unit|review|reviews|prevention|disruption|group|subgroup"]),
            new(
                "child-prostitution",
                "child prostitute / prostitution / selling sex",
                "a child cannot be a prostitute",
                "victim of child sexual exploitation / abuse / rape",
                [
                    "prostitut*",
                    "child|children|teen|teenage|underage|juvenile prostitut*",
                    "sell|sells|selling|sold sex|sexual|@reflexive",
                    "sell|sells|selling|sold her|his|their body|bodies",
                    "sex work|worker|workers|working",
                    "rent boy|boys",
                    "on the game",
                ]),
            new(
                "boyfriend",
                "boyfriend / older boyfriend / relationship with",
                "legitimises abuse",
                "describe the age gap, power imbalance and grooming",
                [
                    "boyfriend|boyfriends",
                    "older girlfriend|girlfriends|partner|partners|lover|lovers",
                ],
                // An adult's own partner ("her mother's boyfriend") is not the child's abuser relabelled.
                UnlessBefore: ["@family", "@adult"]),
            new(
                "relationship-with",
                "boyfriend / older boyfriend / relationship with",
                "legitimises abuse",
                "describe the age gap, power imbalance and grooming",
                [
                    "in|into a ~1 relationship with",
                    "started|starting|began|begun|begin|formed|forming|form a ~1 relationship with",
                    "relationship|relationships with ~4 older|man|men|adult|adults|male|males|perpetrator|perpetrators|suspect|offender|boyfriend",
                    "sexual|romantic|intimate relationship|relationships",
                    "dating|dated|dates ~2 older|adult|adults|man|men",
                ],
                // "a good relationship with the male youth worker" describes trust, not abuse; "Mum is in a
                // relationship with Tom" is an adult's own.
                UnlessBefore: ["@family", "good|positive|trusting|strong|supportive|working|professional|poor|strained|difficult|close|warm|protective|safe|stable|improving|improved|healthy|trusted"]),
            new(
                "consent",
                "consensual / consented / willing",
                "children cannot consent to abuse",
                "the child has been exploited even if they do not recognise it",
                [
                    "consensual|consensually",
                    "consented|consenting|consents",
                    "gave|give|gives|giving|given her|his|their|full? consent",
                    "willing participant|participants|party|partner|victim",
                    "went|go|goes|going|gone|left|leaves|leaving|returned|returns|returning ~3 willingly",
                    "willingly went|go|goes|going|gone|left|got|gets|getting|engaged|engages|took|had|agreed",
                    "willing to ~3 sex|sexual",
                    "agreed|agrees|agree|agreeing to ~2 sex|sexual",
                ],
                // "she could not consent", "it was not consensual", "her mother consented to the referral".
                UnlessBefore: ["@negation", "@family"],
                UnlessAfter: ["to ~2 share|sharing|shared|referral|information|assessment|examination|medical|treatment|interview|photographs|support|services|intervention|plan|visits"]),
            new(
                "lifestyle-choice",
                "lifestyle choice / risky lifestyle",
                "implies choice",
                "the child is exposed to risk in (context); is being exploited",
                [
                    "lifestyle|lifestyles choice|choices|decision|decisions",
                    "choose|chooses|chose|chosen|choosing|choice|choices ~3 lifestyle|lifestyles",
                    "risky|chaotic|dangerous|reckless|sexualised|sexualized|promiscuous|street|party|partying|unsafe|risk lifestyle|lifestyles",
                ]),
            new(
                "promiscuous",
                "promiscuous / sleeps around / flirty",
                "moralising",
                "concerns the child is being sexually exploited",
                [
                    "promiscu*",
                    "sleep|sleeps|sleeping|slept around",
                    "flirt*",
                ]),
            new(
                "risky-choices",
                "risky choices / risk-taking behaviour",
                "responsibility on the child",
                "describe the exploitative context and the vulnerability",
                [
                    "risky|unsafe|poor|bad|unwise|wrong|dangerous|reckless choice|choices|decision|decisions|behaviour|behaviours|behavior|behaviors",
                    "risk taking|taker|takers",
                    "take|takes|taking|took risks",
                ],
                UnlessBefore: ["@adult", "@professional"],
                UnlessAfter: ["by ~1 @adult"]),
            new(
                "sending-images",
                "sending explicit pictures to an adult",
                "focus on the child",
                "an adult is targeting the child online",
                [
                    "send|sends|sending|sent|share|shares|sharing|shared|post|posts|posting|posted|upload|uploads|uploaded|uploading ~3 explicit|indecent|nude|naked|sexual|sexualised|sexualized|intimate|inappropriate|topless|sexy pictures|picture|photos|photo|photographs|photograph|images|image|videos|video|selfies|selfie|pics|pic|content|material",
                    "send|sends|sending|sent nudes|nude|pics|selfies",
                ],
                UnlessBefore: ["@adult", "@professional"]),
            new(
                "disengaged",
                "disengaged / hard to reach / refused to engage",
                "locates the problem in the child",
                "services have not yet found a way to engage the child",
                [
                    "disengag*",
                    "hard|difficult to reach|engage",
                    "refuse|refuses|refused|refusing|decline|declines|declined|declining|fail|fails|failed|failing|reluctant|unwilling|won't|wouldn't to? engage|engaging|engagement",
                    "will|would|does|did|do not engage",
                    "not|non engaging|engagement|compliant|compliance",
                    "resistant to ~2 support|services|help|intervention|engagement|engaging",
                ],
                UnlessBefore: ["@professional"]),
            new(
                "child-pornography",
                "child pornography",
                "minimises",
                "child sexual abuse material; indecent images of children",
                [
                    "child|children|kiddie|kiddy|underage|teen|teenage|juvenile|minor porn|porno|pornography|pornographic",
                    "porn|porno|pornography|pornographic ~2 of|involving|featuring ~1 child|children|minors|minor|her|him|them|girls|boys|underage",
                ]),
            new(
                "absconded",
                "absconded",
                "criminal tone",
                "went missing",
                ["abscond*"]),
            new(
                "out-of-control",
                "out of control",
                "labels the child",
                "describe what is happening and who may be harming them",
                [
                    "out of control",
                    "beyond ~1 control",
                    "uncontrollable|unmanageable|ungovernable",
                ]),
        ]);
}
