using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.Core.Screening;

/// <summary>
/// Instruments and phrase banks as JSON (camelCase, enums as names), the form in which a partnership keeps and
/// adapts them. Reading never throws for bad input: it returns the problems, each naming what is wrong.
/// </summary>
public static class ScreeningJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads an instrument and validates it: the instrument when it can be used, otherwise every problem.</summary>
    public static (ScreeningInstrument? Instrument, IReadOnlyList<string> Problems) ReadInstrument(string json)
    {
        var (instrument, problem) = Read<ScreeningInstrument>(json);
        if (instrument is null)
        {
            return (null, [problem!]);
        }
        var problems = instrument.Validate();
        return problems.Count == 0 ? (instrument, problems) : (null, problems);
    }

    /// <summary>Reads a phrase bank and validates it: the bank when it can be used, otherwise every problem.</summary>
    public static (Language.PhraseBank? Bank, IReadOnlyList<string> Problems) ReadPhraseBank(string json)
    {
        var (bank, problem) = Read<Language.PhraseBank>(json);
        if (bank is null)
        {
            return (null, [problem!]);
        }
        var problems = bank.Validate();
        return problems.Count == 0 ? (bank, problems) : (null, problems);
    }

    internal static (T? Value, string? Problem) Read<T>(string json)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) is { } value
                ? (value, null)
                : (null, "The JSON is null.");
        }
        catch (JsonException e)
        {
            return (null, $"The JSON cannot be read: {e.Message}");
        }
    }
}
