namespace Safeguard.Web.Auth;

/// <summary>What the access log says a user did with a child's record.</summary>
public static class AccessActions
{
    public const string ViewRecord = "view-record";
    public const string ViewChronology = "view-chronology";
    public const string ViewWhoViewed = "view-who-viewed";
    public const string SeenInSearch = "seen-in-search";
    /// <summary>A search for a child, on the searches' own stream: what was given (not the values) and what came back.</summary>
    public const string SearchChildren = "search-children";
    public const string BreakGlass = "break-glass";
    public const string RequestAccess = "request-access";
    public const string Edit = "edit-record";
    public const string ViewScreening = "view-screening";
    public const string ViewChildVoice = "view-child-voice";
    /// <summary>The CSE lead read the evidence that surfaced a child, without a relationship to them.</summary>
    public const string ViewHiddenExploitation = "view-hidden-exploitation";
    public const string ViewConcern = "view-concern";
    public const string ViewCasework = "view-casework";
    public const string ReviewChronology = "review-chronology";
    public const string SeenInMatchQueue = "seen-in-match-queue";
    public const string MatchReview = "match-review";
    /// <summary>The intelligence unit saw the child on a link chart, in a suspected group or in the list of groups.</summary>
    public const string ViewNetwork = "view-network";
    public const string ViewLicensingNotice = "view-licensing-notice";
    public const string ViewDisruptionPlan = "view-disruption-plan";

    public static string Describe(string action) => action switch
    {
        ViewRecord => "Opened the record",
        ViewChronology => "Read the chronology",
        ViewWhoViewed => "Read who has viewed the record",
        SeenInSearch => "Saw the child in search results",
        SearchChildren => "Searched for a child",
        BreakGlass => "Broke the glass",
        RequestAccess => "Asked for access",
        Edit => "Changed the record",
        ViewScreening => "Read the CSE screening",
        ViewChildVoice => "Read the child's words and wishes",
        ViewHiddenExploitation => "Read the evidence that surfaced the child (CSE lead)",
        ViewConcern => "Read a concern",
        ViewCasework => "Read meetings, actions or missing episodes",
        ReviewChronology => "Produced the review chronology",
        SeenInMatchQueue => "Saw the child in the possible-match queue",
        MatchReview => "Compared the record with a possible match",
        ViewNetwork => "Saw the child in an intelligence network or suspected group",
        ViewLicensingNotice => "Read a licensing notice about the person",
        ViewDisruptionPlan => "Read the person's disruption plan",
        _ => action,
    };
}
