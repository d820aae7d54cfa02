using System.Security.Claims;
using Safeguard.Core.Access;

namespace Safeguard.Web.Features.Shared;

/// <summary>The service navigation, by role: each user sees the parts of Safeguard their role uses.</summary>
public static class Navigation
{
    public sealed record Item(string Text, string Href);

    public static IReadOnlyList<Item> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var items = new List<Item> { new("Home", "/home"), new("My work", "/my-work"), new("Find a child", "/children"), new("Report a concern", "/concerns/new") };
        if (user.IsInRole(Roles.FrontDoor))
        {
            items.Add(new("Front door", "/front-door"));
            items.Add(new("Possible matches", "/matching"));
        }
        items.Add(user.IsInRole(Roles.IntelligenceAnalyst) ? new("Intelligence", "/intelligence") : new("Intelligence", "/intelligence/received"));
        if (user.IsInRole(Roles.IntelligenceAnalyst) || user.IsInRole(Roles.SeniorManager) || user.IsInRole(Roles.PartnershipAdministrator) || user.IsInRole(Roles.Scrutineer))
        {
            items.Add(new("Disruption", "/disruption"));
        }
        // The partnership's administrator and scrutineer are its default reviewers of emergency access by those with
        // no manager (Access:BreakGlassReviewers); anyone else named there finds their reviews in "my work".
        if (user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.SeniorManager) || user.IsInRole(Roles.PartnershipAdministrator) || user.IsInRole(Roles.Scrutineer))
        {
            items.Add(new("Reviews", "/reviews"));
        }
        if (user.IsInRole(Roles.Scrutineer))
        {
            items.Add(new("Access log", "/audit/access-log"));
        }
        if (user.IsInRole(Roles.CseLead))
        {
            items.Add(new("Hidden exploitation", "/exploitation"));
        }
        if (user.IsInRole(Roles.PartnershipAdministrator))
        {
            items.Add(new("Users", "/admin/users"));
            items.Add(new("Sign-in events", "/admin/security-events"));
            items.Add(new("Screening instruments", "/admin/screening-instruments"));
        }
        if (user.IsInRole(Roles.SeniorManager) || user.IsInRole(Roles.PartnershipAdministrator) || user.IsInRole(Roles.Scrutineer) || user.IsInRole(Roles.CseLead))
        {
            items.Add(new("What we are learning", "/partnership/learning"));
        }
        return items;
    }
}
