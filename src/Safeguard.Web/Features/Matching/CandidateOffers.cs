using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// The people a page offered a user as possible matches, held by the server (<see cref="CandidateOffer"/>). A page
/// records each offer as it shows it and puts only the offer's id in its form; when the form comes back, the page
/// accepts a person only if this user was offered them for this question, and for these details.
/// </summary>
public static class CandidateOffers
{
    /// <summary>Adds the offer to the context (the page's save writes it, with the access log of who was shown).</summary>
    public static CandidateOffer Record(SafeguardDbContext db, Guid userId, CandidateOfferPurpose purpose, string offeredFor, IEnumerable<Id<Person>> people)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var offer = new CandidateOffer
        {
            UserId = userId,
            Purpose = purpose,
            OfferedFor = Hash(offeredFor),
            People = string.Join(' ', people.Select(p => p.ToString())),
            OfferedAt = db.Now,
        };
        db.CandidateOffers.Add(offer);
        return offer;
    }

    /// <summary>
    /// The offer a form names, if it was made to this user for this question and these details; null for anything
    /// else (no offer, another user's, another question's, or details that have changed since).
    /// </summary>
    public static async Task<CandidateOffer?> FindAsync(SafeguardDbContext db, string? offerId, Guid userId, CandidateOfferPurpose purpose, string? offeredFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Id<CandidateOffer>.TryParse(offerId, null, out var id))
        {
            return null;
        }
        var offer = await db.CandidateOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.UserId == userId && o.Purpose == purpose, cancellationToken);
        return offer is not null && (offeredFor is null || offer.OfferedFor == Hash(offeredFor)) ? offer : null;
    }

    private static string Hash(string details) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(details)));
}
