namespace Safeguard.Core.Screening;

/// <summary>
/// The default CSE screening instrument, following the SERAF-style scoring in shared/domain/REFERENCE.md: one
/// point for each vulnerability and each moderate indicator; a significant indicator scores 5 if it last happened
/// within 6 months, 1 if 6 to 12 months ago; bands 0–5, 6–10, 11–15, 16+; a disclosure is automatically in the
/// top band; for a child of 13 or under any significant indicator is a potential sign; re-screen every 3 months.
/// Which indicator is moderate and which significant is this instrument's choice (REFERENCE lists the indicators
/// without ranking them); a partnership adapts it as a new version.
/// </summary>
public static class DefaultInstrument
{
    public const string Vulnerabilities = "vulnerabilities";
    public const string ModerateIndicators = "moderate-indicators";
    public const string SignificantIndicators = "significant-indicators";

    public static ScreeningInstrument Instance { get; } = Build();

    private static ScreeningInstrument Build()
    {
        RecencyPoints[] onePoint = [new(1)];
        RecencyPoints[] significant = [new(5, WithinMonths: 6), new(1, WithinMonths: 12)];
        ScreeningItem Vulnerability(string id, string text) => new(id, Vulnerabilities, text, onePoint);
        ScreeningItem Moderate(string id, string text) => new(id, ModerateIndicators, text, onePoint);
        ScreeningItem Significant(string id, string text) => new(id, SignificantIndicators, text, significant, HighRisk: true);

        return new ScreeningInstrument(
            Id: "cse-screening",
            Version: 1,
            Name: "Child sexual exploitation screening (SERAF-style)",
            Domains:
            [
                new(Vulnerabilities, "Vulnerabilities"),
                new(ModerateIndicators, "Moderate risk indicators"),
                new(SignificantIndicators, "Significant risk indicators"),
            ],
            Items:
            [
                Vulnerability("domestic-abuse", "Domestic abuse at home"),
                Vulnerability("parental-mental-health", "Parental mental ill-health"),
                Vulnerability("child-mental-health", "The child's own mental or emotional ill-health"),
                Vulnerability("in-care", "In care (looked after)"),
                Vulnerability("learning-disability", "Learning disability"),
                Vulnerability("prior-abuse", "Prior abuse (sexual, physical, emotional or neglect)"),

                Moderate("staying-out-late", "Staying out late"),
                Moderate("unexplained-money-gifts", "Unexplained money, gifts, phones or credit"),
                Moderate("adults-or-peers-of-concern", "Associating with adults or peers of concern"),
                Moderate("school-absence", "School absence or exclusion"),
                Moderate("substance-misuse", "Drug or alcohol misuse"),
                Moderate("self-harm", "Self-harm"),
                Moderate("late-night-phone", "Late-night phone or internet use"),
                Moderate("estranged-from-family", "Estrangement from family"),

                Significant("going-missing", "Going missing"),
                Significant("cars-with-unknown-adults", "Getting into cars with unknown adults, or taxis"),
                Significant("significantly-older-partner", "An adult significantly older than the child presented as a \"boyfriend\" or partner"),
                Significant("hot-spots", "Seen in hot spots (takeaways, parks, hotels, known houses)"),
                Significant("sexual-health", "Sexually transmitted infections, pregnancy or terminations"),
                Significant("unexplained-injuries", "Unexplained injuries"),
                Significant("online-grooming", "Online grooming"),
                Significant("disclosure-withdrawn", "Disclosure of sexual exploitation, then withdrawn"),
                Significant("disclosure", "Disclosure of sexual exploitation or rape"),
            ],
            AutomaticRules:
            [
                // Children withdraw disclosures under pressure from those exploiting them: a withdrawn disclosure
                // is still a disclosure.
                new("disclosure", "A disclosure of sexual exploitation or rape is automatically high, even if later withdrawn.", ["disclosure", "disclosure-withdrawn"], "significant"),
            ],
            Bands:
            [
                new("not-at-risk", "Not at risk", 0, 5),
                new("mild", "Mild", 6, 10),
                new("moderate", "Moderate", 11, 15),
                new("significant", "Significant", 16, null),
            ],
            YoungChildMaxAge: 13,
            RescreenMonths: 3);
    }
}
