using System.Text;
using BenchmarkDotNet.Attributes;
using Safeguard.Core.Calendar;
using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Bench.Language;

/// <summary>
/// The language check on 1 MiB of case notes: ordinary recording with a flagged phrase in about one sentence in
/// six, and a worst case where every sentence carries one. Also the inner loops the pages call per request.
/// dotnet run -c Release --project bench/Safeguard.Bench -- --filter '*LanguageCheckBench*'
/// </summary>
[MemoryDiagnoser]
public class LanguageCheckBench
{
    private static readonly string[] s_ordinary =
    [
        "The child was seen at the takeaway with two adults after school.",
        "Her mother consented to the referral and information was shared with the school.",
        "She went missing from her placement on Friday and returned on Sunday evening.",
        "Police attended the strategy discussion and agreed to visit the address.",
        "She could not consent and the adults involved have been identified.",
        "She absconded from the placement again.",
    ];

    private static readonly string[] s_flagged =
    [
        "She keeps putting herself at risk.", "She is sexually active.", "She had consented to going there.",
        "Her older boyfriend collects her.", "This is a lifestyle choice.", "She refused to engage.",
    ];

    private string _ordinary = "";
    private string _worstCase = "";
    private readonly WorkingCalendar _calendar = new(UkTime.ByRule);
    private readonly ScreeningAnswer[] _answers =
    [
        new("going-missing", true, new DateOnly(2026, 5, 1)), new("in-care", true), new("self-harm", true, Basis: EvidenceBasis.ProfessionalConcern),
        new("hot-spots", true, new DateOnly(2025, 10, 1)), new("disclosure-withdrawn", true, new DateOnly(2026, 4, 1)),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _ordinary = OneMebibyte(s_ordinary);
        _worstCase = OneMebibyte(s_flagged);
        _ = LanguageChecker.Default.Check("warm up");
    }

    public static string OneMebibyte(string[] sentences)
    {
        var text = new StringBuilder(1 << 20);
        for (var i = 0; text.Length < 1 << 20; i++)
        {
            text.Append(sentences[i % sentences.Length]).Append(i % 5 == 4 ? "\n\n" : " ");
        }
        return text.ToString(0, 1 << 20);
    }

    [Benchmark]
    public int Check_1MiB_ordinary_notes() => LanguageChecker.Default.Check(_ordinary).Count;

    [Benchmark]
    public int Check_1MiB_every_sentence_flagged() => LanguageChecker.Default.Check(_worstCase).Count;

    [Benchmark]
    public int Check_one_paragraph() => LanguageChecker.Default.Check("She went missing on Friday. Staff say she is putting herself at risk and is out of control. She could not consent.").Count;

    [Benchmark]
    public DateOnly Add_45_working_days() => _calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 45);

    [Benchmark]
    public int Score_a_screening() => ScreeningScorer.Score(DefaultInstrument.Instance, _answers, 13, new DateOnly(2026, 6, 1)).Score;
}
