namespace Safeguard.Web.Features.Screening;

/// <summary>How bands look on the pages: the higher the band, the stronger the colour.</summary>
public static class ScreeningDisplay
{
    public static string TagClass(int bandRank) => bandRank switch
    {
        0 => "govuk-tag--grey",
        1 => "govuk-tag--yellow",
        2 => "govuk-tag--orange",
        _ => "govuk-tag--red",
    };
}
