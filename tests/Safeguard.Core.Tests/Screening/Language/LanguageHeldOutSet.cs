namespace Safeguard.Core.Tests.Screening.Language;

/// <summary>
/// A second, held-out set, written after the bank was tuned on <see cref="LanguageEvaluationSet"/> and not used to
/// change it: phrasings as a busy practitioner might write them. Its figures are reported as they are (see
/// docs/benchmarks/language.md); the test only guards against them getting worse.
/// </summary>
internal static class LanguageHeldOutSet
{
    public static readonly (string Sentence, string[] Rules)[] Positives =
    [
        ("Mum feels Jade is putting herself in harm's way by staying out.", ["putting-themselves-at-risk"]),
        ("Kyle continues to place himself at significant risk of exploitation.", ["putting-themselves-at-risk"]),
        ("The girls put themselves at risk by getting into cars.", ["putting-themselves-at-risk"]),
        ("School report she has been sexually active since Year 7.", ["sexually-active"]),
        ("She has had sex with at least three of the men.", ["sexual-activity-with"]),
        ("He is known to have sexual intercourse with older women.", ["sexual-activity-with"]),
        ("Amy has been contacting men she meets on Snapchat.", ["contacting-adults"]),
        ("She texts older males late at night.", ["contacting-adults"]),
        ("She swaps sex for vapes and lifts.", ["exchanging-sex"]),
        ("She receives cannabis in exchange for sexual favours.", ["exchanging-sex"]),
        ("Concerns she may be involved in CSE with peers.", ["involved-in-cse"]),
        ("Her participation in the exploitation of younger girls is suspected.", ["involved-in-cse"]),
        ("There are rumours she is prostituting herself.", ["child-prostitution"]),
        ("He sells sex in the park.", ["child-prostitution"]),
        ("Her boyfriend is 23.", ["boyfriend"]),
        ("She has been in a relationship with a man in his thirties.", ["relationship-with"]),
        ("She maintains the sex was consensual.", ["consent"]),
        ("She says she consented every time.", ["consent"]),
        ("She went to the flat willingly.", ["consent"]),
        ("She openly chooses this lifestyle.", ["lifestyle-choice"]),
        ("Her lifestyle choices are putting her at risk.", ["lifestyle-choice"]),
        ("She sleeps around according to her peers.", ["promiscuous"]),
        ("She was flirting with the taxi drivers.", ["promiscuous"]),
        ("She is making poor choices about who she spends time with.", ["risky-choices"]),
        ("His risky behaviour is escalating.", ["risky-choices"]),
        ("She sent naked photos of herself to a man in his 40s.", ["sending-images"]),
        ("She refuses to engage with any professionals.", ["disengaged"]),
        ("Mia has disengaged from school and CAMHS.", ["disengaged"]),
        ("He is described as hard to reach.", ["disengaged"]),
        ("The phone contained child pornography.", ["child-pornography"]),
        ("She absconds most weekends.", ["absconded"]),
        ("Dad states he is out of control.", ["out-of-control"]),
    ];

    public static readonly string[] Negatives =
    [
        "Jade was put at risk by the men who picked her up.",
        "The adults exposed her to significant harm.",
        "She was raped at the flat by at least three men.",
        "Men have been contacting Amy on Snapchat.",
        "The men gave her vapes and lifts to groom her.",
        "She is a victim of sexual exploitation by a group of adults.",
        "The exploitation of younger girls by the group is suspected.",
        "Adults are selling her to other men.",
        "The 23-year-old man is grooming her.",
        "She does not recognise that she is being exploited.",
        "A 13-year-old cannot consent in law.",
        "She is unable to consent because of her age.",
        "Information was shared with her consent.",
        "She is being exploited at the flat.",
        "The taxi drivers have been sexually harassing her.",
        "Adults are taking advantage of her wish to belong.",
        "A man in his 40s is targeting her online.",
        "Services have not found a way to work with her yet.",
        "We will try a different worker she may trust.",
        "Indecent images of children were found on the phone.",
        "She went missing most weekends.",
        "Dad is struggling to keep her safe from the men.",
        "The plan was reviewed and the core group met on time.",
        "Police attended the strategy discussion.",
        "She told her teacher that the men frightened her.",
        "Her engagement with the youth worker is good.",
        "The relationship with her foster carers is stable.",
        "She consented to a medical examination.",
        "She is at risk of further exploitation.",
        "The suspect has been involved in exploitation of other children.",
    ];
}
