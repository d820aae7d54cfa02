using System.Security.Claims;
using Safeguard.Core.Access;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Children;

/// <summary>The name, date of birth and section links shown at the top of every page of a person's record.</summary>
public sealed record ChildHeader(Person Person, AccessBasis Basis, string Section, int? Age, bool MaySeeWhoViewed)
{
    public static ChildHeader For(Person person, AccessBasis basis, string section, DateTimeOffset now, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(user);
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return new ChildHeader(person, basis, section, person.AgeOn(DateOnly.FromDateTime(now.UtcDateTime)),
            ChildRecordAccess.MaySeeWhoViewed(roles, basis));
    }

    public bool MayWrite => ChildRecordAccess.MayWrite(Basis);
}
