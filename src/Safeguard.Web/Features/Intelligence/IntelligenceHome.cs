using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Features.Licensing;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>What the home page says about intelligence and disruption for one user.</summary>
public sealed record IntelligenceHome(bool IsUnit, int ForTheUnit, int ForMyAgency, int Escalated, int? LicensingNotices)
{
    public static async Task<IntelligenceHome> ForAsync(SafeguardDbContext db, IntelligenceSchedule schedule, UserContext user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var work = await IntelligenceWork.LoadAsync(db, schedule, cancellationToken: cancellationToken);
        var police = await IntelligenceAccess.IsPoliceAsync(db, user.AgencyId, cancellationToken);
        var unit = IntelligenceAccess.IsUnit(user);
        var forMyAgency = work.Count(w => w.Routings.Any(r => r.AgencyId == user.AgencyId && !r.Status.Done)
            && Handling.View(w.Item.HandlingFacts, new Viewer(unit, false, true, police)).Visibility != ItemVisibility.None);
        var escalated = (await EscalatedModel.ForAsync(db, schedule, user, cancellationToken)).Count;
        int? notices = await NoticesModel.IsLicensingAsync(db, user, cancellationToken)
            ? await db.LicensingNotices.CountAsync(n => n.AcknowledgedAt == null, cancellationToken)
            : null;
        return new IntelligenceHome(unit, work.Count(w => !w.UnitStatus.Done), forMyAgency, escalated, notices);
    }
}
