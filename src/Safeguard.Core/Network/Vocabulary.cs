namespace Safeguard.Core.Network;

/// <summary>The POLE entity kinds: a person, an object (vehicle, phone, online account, document), a location or an event.</summary>
public enum NodeKind : byte
{
    Person,
    Vehicle,
    Phone,
    Account,
    Location,
    Event,

    /// <summary>An identity or other document (passport, driving licence, bank card). Last, so files keep their numbering.</summary>
    Document,
}

/// <summary>What a person is to the intelligence picture. Only persons carry a role; every other node has <see cref="None"/>.</summary>
public enum PersonRole : byte
{
    None,
    Victim,
    Suspect,
    Associate,
    Unknown,
}

/// <summary>
/// What a link records. Links are undirected for analysis; the kind is kept so the chart can filter by it and
/// an analyst can read why two things are joined.
/// </summary>
public enum LinkKind : byte
{
    /// <summary>A link whose nature was not recorded.</summary>
    Linked,
    Knows,
    Family,
    /// <summary>Calls, messages or other contact between persons, phones or accounts.</summary>
    Contacted,
    /// <summary>A person suspected of exploiting a child.</summary>
    Exploited,
    Owns,
    Uses,
    TravelledIn,
    LivesAt,
    WorksAt,
    SeenAt,
    PresentAt,
    LocatedAt,

    // Added for the web app's intelligence records; last, so files keep their numbering.

    /// <summary>Two persons seen together.</summary>
    SeenWith,

    /// <summary>A person picked up by another person or in a vehicle (a child collected from a home or a school).</summary>
    PickedUpBy,

    /// <summary>Where something was reported (a missing child reported at a police station, a sighting at a place).</summary>
    ReportedAt,
}

/// <summary>How sure the intelligence is, as link charts show it. Ordered from weakest to strongest.</summary>
public enum LinkConfidence : byte
{
    Unconfirmed,
    Tentative,
    Confirmed,
}

/// <summary>The words used for kinds, roles and confidences in files and on screen (lower case, hyphenated).</summary>
public static class Vocabulary
{
    private static readonly string[] s_nodeKinds = ["person", "vehicle", "phone", "account", "location", "event", "document"];
    private static readonly string[] s_roles = ["", "victim", "suspect", "associate", "unknown"];
    private static readonly string[] s_linkKinds =
        ["linked", "knows", "family", "contacted", "exploited", "owns", "uses", "travelled-in", "lives-at", "works-at", "seen-at", "present-at", "located-at",
            "seen-with", "picked-up-by", "reported-at"];
    private static readonly string[] s_confidences = ["unconfirmed", "tentative", "confirmed"];

    public static IReadOnlyList<string> NodeKindNames => s_nodeKinds;

    public static IReadOnlyList<string> RoleNames => s_roles[1..];

    public static IReadOnlyList<string> LinkKindNames => s_linkKinds;

    public static IReadOnlyList<string> ConfidenceNames => s_confidences;

    public static string Name(NodeKind kind) => s_nodeKinds[(int)kind];

    public static string Name(PersonRole role) => s_roles[(int)role];

    public static string Name(LinkKind kind) => s_linkKinds[(int)kind];

    public static string Name(LinkConfidence confidence) => s_confidences[(int)confidence];

    public static bool TryParse(ReadOnlySpan<char> text, out NodeKind kind)
    {
        var index = IndexOf(s_nodeKinds, text);
        kind = (NodeKind)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Parses a person's role; the empty string is not a role (use <see cref="PersonRole.Unknown"/>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PersonRole role)
    {
        var index = text.IsEmpty ? -1 : IndexOf(s_roles, text);
        role = (PersonRole)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out LinkKind kind)
    {
        var index = IndexOf(s_linkKinds, text);
        kind = (LinkKind)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out LinkConfidence confidence)
    {
        var index = IndexOf(s_confidences, text);
        confidence = (LinkConfidence)Math.Max(index, 0);
        return index >= 0;
    }

    // The enums are numbered in the same order as the names.
    private static int IndexOf(string[] names, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
