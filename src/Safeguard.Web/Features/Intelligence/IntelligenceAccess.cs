using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Access;
using Safeguard.Core.Intelligence;
using Safeguard.Web.Auth;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Intelligence;

/// <summary>An item as one user may see it: the stored item, what Core's handling rules let them see and do, and their agency's routing.</summary>
public sealed record OpenedItem(IntelligenceItem Item, ItemView View, IntelligenceRouting? Routing)
{
    public bool IsUnit => View.Visibility == ItemVisibility.Everything;

    /// <summary>The text this user may read: the original, the sanitised version, or (for the submitter) their own words.</summary>
    public string Text => View.Visibility == ItemVisibility.Sanitised ? Item.SanitisedText! : Item.Text;

    /// <summary>The submitter's title is part of the original: partners who see the sanitised version get its opening words instead.</summary>
    public string Title => TitleFor(Item, View.Visibility);

    public static string TitleFor(IntelligenceItem item, ItemVisibility visibility)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (visibility != ItemVisibility.Sanitised)
        {
            return item.Title;
        }
        var text = item.SanitisedText!.ReplaceLineEndings(" ");
        return text.Length <= 80 ? text : text[..77].TrimEnd() + "...";
    }
}

/// <summary>
/// The one way pages open an intelligence item. Handling conditions are applied here, on every read, from the
/// grade as it stands: a user the rules give nothing gets null (the page answers 404, so they cannot even tell
/// that the item exists), and every read that shows anything is written to the access log.
/// </summary>
public static class IntelligenceAccess
{
    public const string ViewAction = "view-intelligence";

    public static bool IsUnit(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.IntelligenceAnalyst);
    }

    public static Task<bool> IsPoliceAsync(SafeguardDbContext db, Id<Agency> agency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Agencies.AnyAsync(a => a.Id == agency && a.Kind == AgencyKind.Police, cancellationToken);
    }

    /// <param name="tracked">Load the item for changing (the unit's pages), not just for reading.</param>
    public static async Task<OpenedItem?> OpenAsync(SafeguardDbContext db, UserContext user, Id<IntelligenceItem> id, bool tracked = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var items = tracked ? db.IntelligenceItems : db.IntelligenceItems.AsNoTracking();
        var item = await items.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        // The routing and the agency are read whether or not the item exists, so that refusing an item takes as long as
        // refusing an id that does not exist.
        var routing = await db.IntelligenceRoutings.AsNoTracking().SingleOrDefaultAsync(r => r.ItemId == id && r.AgencyId == user.AgencyId, cancellationToken);
        var police = await IsPoliceAsync(db, user.AgencyId, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var viewer = new Viewer(IsUnit(user), item.SubmittedByUserId == user.UserId, routing is not null, police);
        var view = Handling.View(item.HandlingFacts, viewer);
        if (view.Visibility == ItemVisibility.None)
        {
            return null;
        }
        db.RecordAccess(IntelligenceItem.ItemStream(id), ViewAction, view.Visibility.ToString());
        return new OpenedItem(item, view, routing);
    }
}
