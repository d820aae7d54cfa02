using Safeguard.Core.Screening;
using Safeguard.Core.Screening.Language;

namespace Safeguard.Web.Features.Language;

/// <summary>
/// The phrase bank the running application checks free text against: the partnership's own JSON bank when
/// `Language:BankPath` names one, otherwise the default bank from REFERENCE.md. Loaded and validated once, when the
/// services are built, so a bank that does not validate stops the application starting, naming every problem.
/// </summary>
public static class LanguageBank
{
    public const string PathSetting = "Language:BankPath";

    public static LanguageChecker Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[PathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return LanguageChecker.Default;
        }
        var (checker, problems) = Read(path);
        return checker ?? throw new InvalidOperationException(
            $"The phrase bank in {PathSetting} ({path}) cannot be used: {string.Join(" ", problems)}");
    }

    /// <summary>A checker for the bank in a JSON file, or every problem with it (unreadable file, bad JSON, rules that do not validate).</summary>
    public static (LanguageChecker? Checker, IReadOnlyList<string> Problems) Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [e.Message]);
        }
        var (bank, problems) = ScreeningJson.ReadPhraseBank(json);
        return bank is null ? (null, problems) : (new LanguageChecker(bank), []);
    }
}
