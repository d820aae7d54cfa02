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
        var items = new List<Item> { new("Home", "/home"), new("Find a child", "/children") };
        if (user.IsInRole(Roles.FrontDoor))
        {
            items.Add(new("Possible matches", "/matching"));
        }
        if (user.IsInRole(Roles.TeamManager) || user.IsInRole(Roles.SeniorManager))
        {
            items.Add(new("Reviews", "/reviews"));
        }
        if (user.IsInRole(Roles.Scrutineer))
        {
            items.Add(new("Access log", "/audit/access-log"));
        }
        if (user.IsInRole(Roles.PartnershipAdministrator))
        {
            items.Add(new("Users", "/admin/users"));
        }
        return items;
    }
}
