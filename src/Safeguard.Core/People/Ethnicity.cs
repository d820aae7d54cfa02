namespace Safeguard.Core.People;

/// <summary>
/// Ethnicity in the ONS 2021 Census's 19 categories, with the three ways of not knowing kept apart:
/// "not known" (asked, not established), "not recorded" (never asked) and "declined" (the person chose not to say).
/// The 2025 national audit found ethnicity unrecorded in about two thirds of suspects; counting these separately
/// is what makes that visible.
/// </summary>
public enum Ethnicity
{
    NotRecorded = 0,
    NotKnown,
    Declined,
    AsianBangladeshi,
    AsianChinese,
    AsianIndian,
    AsianPakistani,
    AsianOther,
    BlackAfrican,
    BlackCaribbean,
    BlackOther,
    MixedWhiteAndAsian,
    MixedWhiteAndBlackAfrican,
    MixedWhiteAndBlackCaribbean,
    MixedOther,
    WhiteEnglishWelshScottishNorthernIrishBritish,
    WhiteIrish,
    WhiteGypsyOrIrishTraveller,
    WhiteRoma,
    WhiteOther,
    OtherArab,
    OtherAnyOther,
}

public static class EthnicityNames
{
    public static string Describe(Ethnicity ethnicity) => ethnicity switch
    {
        Ethnicity.NotRecorded => "Not recorded (never asked)",
        Ethnicity.NotKnown => "Not known (asked, not established)",
        Ethnicity.Declined => "Declined to say",
        Ethnicity.AsianBangladeshi => "Asian, Asian British or Asian Welsh: Bangladeshi",
        Ethnicity.AsianChinese => "Asian, Asian British or Asian Welsh: Chinese",
        Ethnicity.AsianIndian => "Asian, Asian British or Asian Welsh: Indian",
        Ethnicity.AsianPakistani => "Asian, Asian British or Asian Welsh: Pakistani",
        Ethnicity.AsianOther => "Asian, Asian British or Asian Welsh: Other Asian",
        Ethnicity.BlackAfrican => "Black, Black British, Black Welsh, Caribbean or African: African",
        Ethnicity.BlackCaribbean => "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
        Ethnicity.BlackOther => "Black, Black British, Black Welsh, Caribbean or African: Other Black",
        Ethnicity.MixedWhiteAndAsian => "Mixed or Multiple ethnic groups: White and Asian",
        Ethnicity.MixedWhiteAndBlackAfrican => "Mixed or Multiple ethnic groups: White and Black African",
        Ethnicity.MixedWhiteAndBlackCaribbean => "Mixed or Multiple ethnic groups: White and Black Caribbean",
        Ethnicity.MixedOther => "Mixed or Multiple ethnic groups: Other Mixed or Multiple",
        Ethnicity.WhiteEnglishWelshScottishNorthernIrishBritish => "White: English, Welsh, Scottish, Northern Irish or British",
        Ethnicity.WhiteIrish => "White: Irish",
        Ethnicity.WhiteGypsyOrIrishTraveller => "White: Gypsy or Irish Traveller",
        Ethnicity.WhiteRoma => "White: Roma",
        Ethnicity.WhiteOther => "White: Other White",
        Ethnicity.OtherArab => "Other ethnic group: Arab",
        Ethnicity.OtherAnyOther => "Other ethnic group: Any other ethnic group",
        _ => ethnicity.ToString(),
    };
}
