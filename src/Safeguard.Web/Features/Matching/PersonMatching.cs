using Microsoft.EntityFrameworkCore;
using Safeguard.Core;
using Safeguard.Core.Matching;
using Safeguard.Web.Data;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Features.Matching;

/// <summary>
/// Real-time person matching (docs/adr/0008, README.md beside this file). One record → the people sharing any of its
/// blocking keys (one indexed query) → each scored with the current model → certain matches linked, possible ones
/// to the front door's review queue, the rest left alone. Everything it reads and writes is in the database, so any
/// instance gives the same answer. Links are merges that keep both records whole and can be undone.
/// </summary>
public sealed class PersonMatching(SafeguardDbContext db, MatchModels models, CurrentActor actor)
{
    /// <summary>At most this many candidates are returned to a page: enough to spot the one, few enough to read.</summary>
    public const int MaximumCandidates = 10;

    /// <summary>
    /// A person already held who may be the record: the survivor of their cluster, the probability of the best pair of
    /// records across the two, and that pair's explanation field by field.
    /// </summary>
    public sealed record Candidate(Id<Person> PersonId, double Probability, MatchBand Band, IReadOnlyList<FieldEvidence> Explanation);

    /// <param name="PersonId">The record matched; after a link, still its own id (it points to the survivor).</param>
    /// <param name="LinkedInto">The survivor it was linked into, or null.</param>
    /// <param name="Reviews">Pairs sent to the front door's review queue.</param>
    public sealed record IntakeResult(Id<Person> PersonId, Id<Person>? LinkedInto, IReadOnlyList<PersonMatchReview> Reviews);

    /// <summary>The best-scoring pair between two people, and the probabilities of every pair across their clusters.</summary>
    public sealed record Comparison(MatchScore Best, Id<Person> BestA, Id<Person> BestB, IReadOnlyList<(Id<Person> A, Id<Person> B, double Probability)> Pairs);

    private sealed record Held(Id<Person> Id, Id<Person>? MergedIntoId, IReadOnlyList<PersonRecord> Forms);

    /// <summary>
    /// The people who may be <paramref name="record"/> (possible or certain), best first, as survivors of their
    /// clusters. Nothing is written and nothing is logged: a page that shows them records each as seen.
    /// An <see cref="PersonRecord.Identifier"/> should carry its kind, as <see cref="MatchIndex.Identifier"/> writes it.
    /// </summary>
    /// <param name="forPersonToConfirm">Also people the fields given favour 1,000 to 1 (<see cref="MatchOffer"/>): for
    /// thin records, such as an adult named in a concern, that the person entering them confirms or declines.</param>
    public async Task<IReadOnlyList<Candidate>> FindCandidatesAsync(PersonRecord record, CancellationToken cancellationToken, bool forPersonToConfirm = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var model = (await models.CurrentAsync(db, cancellationToken)).Model;
        var subject = new[] { model.Prepare(record) };
        var lookUp = forPersonToConfirm ? MatchOffer.FormsToLookUp(record, model.Variants) : [record];
        var held = await CandidatesAsync(MatchIndex.QueryKeys(lookUp), cancellationToken);
        var roots = await RootsOfAsync(held, cancellationToken);
        var best = new Dictionary<Id<Person>, (double Weight, PreparedRecord A, PreparedRecord B)>();
        foreach (var candidate in held)
        {
            var (weight, a, b) = BestPair(subject, Prepare(candidate.Forms, model), model);
            var root = roots[candidate.Id];
            if (!best.TryGetValue(root, out var current) || weight > current.Weight)
            {
                best[root] = (weight, a, b);
            }
        }
        return
        [
            .. best.Where(p => forPersonToConfirm ? MatchOffer.ShouldOffer(p.Value.Weight, model) : Matcher.Probability(p.Value.Weight) >= model.Thresholds.Possible)
                .OrderByDescending(p => p.Value.Weight).Take(MaximumCandidates)
                .Select(p => (Root: p.Key, Score: Matcher.Score(p.Value.A, p.Value.B, model)))
                .Select(x => new Candidate(x.Root, x.Score.Probability, x.Score.Band, x.Score.Fields)),
        ];
    }

    /// <summary>
    /// Matches a record just created or edited (saved already, so its keys are stored) against everyone else, and
    /// acts: links it to the one certain person when nothing argues against it, and sends every other possible or
    /// certain person to review (<see cref="IntakeDecision"/>). Pairs a reviewer already judged to be different
    /// people, or whose link was undone, are left alone; a pair already waiting for review is not queued twice.
    /// </summary>
    /// <param name="notTheSameAs">People the user entering the record said it is not (shown as candidates and declined):
    /// never linked automatically, but reviewed when the engine is certain.</param>
    public async Task<IntakeResult> MatchOnIntakeAsync(Id<Person> personId, CancellationToken cancellationToken, IReadOnlyCollection<Id<Person>>? notTheSameAs = null)
    {
        var current = await models.CurrentAsync(db, cancellationToken);
        var model = current.Model;
        var subjectCluster = await PersonClusters.ClusterOfAsync(db, personId, cancellationToken);
        var subjectRoot = subjectCluster[0];
        var subjectForms = await FormsOfAsync(subjectCluster, cancellationToken);
        var keys = MatchIndex.QueryKeys([.. subjectForms.Values.SelectMany(f => f)]);
        var held = (await CandidatesAsync(keys, cancellationToken)).Where(h => !subjectCluster.Contains(h.Id)).ToList();
        if (held.Count == 0)
        {
            return new IntakeResult(personId, null, []);
        }

        // Whole clusters, not only the records that shared a key: the chain rule needs every pair across the two.
        var roots = await RootsOfAsync(held, cancellationToken);
        var rootOf = await PersonClusters.MembersAsync(db, [.. roots.Values.Where(r => r != subjectRoot).Distinct()], cancellationToken);
        var forms = held.ToDictionary(h => h.Id, h => h.Forms);
        foreach (var (id, f) in await FormsOfAsync([.. rootOf.Keys.Where(m => !forms.ContainsKey(m))], cancellationToken))
        {
            forms[id] = f;
        }
        var separated = await SeparatedAsync(subjectCluster, [.. rootOf.Keys], cancellationToken);
        var preparedSubject = subjectForms.ToDictionary(p => p.Key, p => Prepare(p.Value, model));
        var comparisons = new List<ClusterComparison<Id<Person>>>();
        var bestPair = new Dictionary<Id<Person>, (Id<Person> Held, double Probability)>();
        foreach (var cluster in rootOf.GroupBy(p => p.Value, p => p.Key))
        {
            if (cluster.Any(separated.Contains))
            {
                continue;
            }
            var probabilities = new List<double>();
            foreach (var member in cluster)
            {
                var prepared = Prepare(forms[member], model);
                foreach (var subject in preparedSubject.Values)
                {
                    var probability = Matcher.Probability(BestPair(subject, prepared, model).Weight);
                    probabilities.Add(probability);
                    if (!bestPair.TryGetValue(cluster.Key, out var top) || probability > top.Probability)
                    {
                        bestPair[cluster.Key] = (member, probability);
                    }
                }
            }
            comparisons.Add(new ClusterComparison<Id<Person>>(cluster.Key, probabilities));
        }
        var disputed = notTheSameAs is null ? null
            : (await PersonClusters.RootsAsync(db, notTheSameAs, cancellationToken)).Values.ToHashSet();
        var verdicts = IntakeDecision.Decide(comparisons, model.Thresholds, disputed);

        var waiting = await PendingBetweenAsync(subjectCluster, [.. rootOf.Keys], cancellationToken);
        Id<Person>? linkedInto = null;
        var reviews = new List<PersonMatchReview>();
        foreach (var verdict in verdicts.Where(v => v.Action != IntakeAction.None))
        {
            var members = rootOf.Where(p => p.Value == verdict.Cluster).Select(p => p.Key).ToList();
            if (verdict.Action == IntakeAction.Link)
            {
                var merge = await LinkAsync(joining: subjectRoot, verdict.Cluster, MergeMethod.Automatic, verdict.Best, current.Version, null, null, cancellationToken);
                linkedInto = merge.SurvivorId;
                foreach (var review in waiting.Where(r => members.Contains(r.PersonId) || members.Contains(r.CandidateId)))
                {
                    review.Status = MatchReviewStatus.Withdrawn;
                    review.MergeId = merge.Id;
                }
            }
            else if (!waiting.Any(r => members.Contains(r.PersonId) || members.Contains(r.CandidateId)))
            {
                var review = new PersonMatchReview
                {
                    PersonId = personId,
                    CandidateId = bestPair[verdict.Cluster].Held,
                    Probability = verdict.Best,
                    Reason = verdict.Reason!.Value,
                    ModelVersionId = current.Version,
                    CreatedAt = db.Now,
                    Status = MatchReviewStatus.Pending,
                };
                db.PersonMatchReviews.Add(review);
                reviews.Add(review);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new IntakeResult(personId, linkedInto, reviews);
    }

    /// <summary>Records a reviewer's decision on a pending review; "same person" links the two people.</summary>
    public async Task DecideAsync(PersonMatchReview review, bool samePerson, string reason, Guid reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Status != MatchReviewStatus.Pending)
        {
            throw new InvalidOperationException("This review has been decided already.");
        }
        review.Status = samePerson ? MatchReviewStatus.SamePerson : MatchReviewStatus.DifferentPeople;
        review.DecidedByUserId = reviewer;
        review.DecidedAt = db.Now;
        review.DecisionReason = reason;
        if (samePerson)
        {
            var rootA = await PersonClusters.RootAsync(db, review.PersonId, cancellationToken);
            var rootB = await PersonClusters.RootAsync(db, review.CandidateId, cancellationToken);
            if (rootA != rootB)
            {
                var current = await models.CurrentAsync(db, cancellationToken);
                var comparison = await CompareAsync(review.PersonId, review.CandidateId, cancellationToken);
                // The review's person is the record whose entry raised it: their side is the one that joins.
                var merge = await LinkAsync(joining: rootA, rootB, MergeMethod.Reviewed, comparison.Best.Probability, current.Version, review.Id, reason, cancellationToken);
                review.MergeId = merge.Id;
                var clusterA = await PersonClusters.ClusterOfAsync(db, rootA, cancellationToken);
                var clusterB = await PersonClusters.ClusterOfAsync(db, rootB, cancellationToken);
                foreach (var other in (await PendingBetweenAsync(clusterA, clusterB, cancellationToken)).Where(r => r.Id != review.Id))
                {
                    other.Status = MatchReviewStatus.Withdrawn;
                    other.MergeId = merge.Id;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Undoes a link: the merged record's pointer is cleared, so both records are exactly as they were before it, and
    /// the pair is remembered as separate so matching does not link them again.
    /// </summary>
    public async Task UndoAsync(PersonMerge merge, string reason, Guid by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        if (merge.UndoneAt is not null)
        {
            throw new InvalidOperationException("This link has been undone already.");
        }
        var merged = await db.People.SingleAsync(p => p.Id == merge.MergedId, cancellationToken);
        if (merged.MergedIntoId != merge.SurvivorId)
        {
            throw new InvalidOperationException("The merged record no longer points to the survivor of this link.");
        }
        merged.MergedIntoId = null;
        merge.UndoneAt = db.Now;
        merge.UndoneByUserId = by;
        merge.UndoReason = reason;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Two people compared with the current model: their best pair of records, and every pair across their clusters.</summary>
    public async Task<Comparison> CompareAsync(Id<Person> a, Id<Person> b, CancellationToken cancellationToken)
    {
        var model = (await models.CurrentAsync(db, cancellationToken)).Model;
        var clusterA = await PersonClusters.ClusterOfAsync(db, a, cancellationToken);
        var clusterB = await PersonClusters.ClusterOfAsync(db, b, cancellationToken);
        var forms = await FormsOfAsync([.. clusterA.Union(clusterB)], cancellationToken);
        var pairs = new List<(Id<Person>, Id<Person>, double)>();
        foreach (var x in clusterA)
        {
            foreach (var y in clusterB.Where(y => y != x))
            {
                pairs.Add((x, y, Matcher.Probability(BestPair(Prepare(forms[x], model), Prepare(forms[y], model), model).Weight)));
            }
        }
        var (_, bestA, bestB) = BestPair(Prepare(forms[a], model), Prepare(forms[b], model), model);
        return new Comparison(Matcher.Score(bestA, bestB, model), a, b, pairs);
    }

    // The one query: every record holding a live key equal to one of the record's, with its forms ready to score.
    private async Task<List<Held>> CandidatesAsync(long[] keys, CancellationToken cancellationToken)
    {
        var rows = await db.PersonMatchRecords.AsNoTracking()
            .Where(r => db.PersonMatchKeys.Any(k => k.PersonId == r.PersonId && k.SupersededAt == null && keys.Contains(k.Key)))
            .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, p.MergedIntoId, r.Forms })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Held(r.PersonId, r.MergedIntoId, MatchIndex.Deserialize(r.Forms)))];
    }

    private async Task<Dictionary<Id<Person>, Id<Person>>> RootsOfAsync(List<Held> held, CancellationToken cancellationToken)
    {
        var parent = held.ToDictionary(h => h.Id, h => h.MergedIntoId);
        var unresolved = held.Where(h => h.MergedIntoId is { } up && !parent.ContainsKey(up)).Select(h => h.MergedIntoId!.Value).ToList();
        if (unresolved.Count > 0)
        {
            var further = await PersonClusters.RootsAsync(db, unresolved, cancellationToken);
            foreach (var (id, root) in further)
            {
                parent[id] = root == id ? null : root;
            }
        }
        return held.ToDictionary(h => h.Id, h => PersonClusters.Follow(parent, h.Id));
    }

    // Forms of each person from the match records, deriving any that are missing (a record loaded in bulk, say).
    private async Task<Dictionary<Id<Person>, IReadOnlyList<PersonRecord>>> FormsOfAsync(IReadOnlyCollection<Id<Person>> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return [];
        }
        var ids = people.ToList();
        var stored = await db.PersonMatchRecords.AsNoTracking().Where(r => ids.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Forms }).ToListAsync(cancellationToken);
        var missing = ids.Except(stored.Select(s => s.PersonId)).ToList();
        if (missing.Count > 0)
        {
            await MatchIndex.RefreshAsync(db, missing, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            stored = await db.PersonMatchRecords.AsNoTracking().Where(r => ids.Contains(r.PersonId)).Select(r => new { r.PersonId, r.Forms }).ToListAsync(cancellationToken);
        }
        return stored.ToDictionary(s => s.PersonId, s => MatchIndex.Deserialize(s.Forms));
    }

    // Records of the candidates that a reviewer judged different from a record of the subject, or whose link was undone.
    private async Task<HashSet<Id<Person>>> SeparatedAsync(List<Id<Person>> subject, List<Id<Person>> candidates, CancellationToken cancellationToken)
    {
        var decided = await db.PersonMatchReviews.AsNoTracking()
            .Where(r => r.Status == MatchReviewStatus.DifferentPeople
                && ((subject.Contains(r.PersonId) && candidates.Contains(r.CandidateId)) || (candidates.Contains(r.PersonId) && subject.Contains(r.CandidateId))))
            .Select(r => new { A = r.PersonId, B = r.CandidateId }).ToListAsync(cancellationToken);
        var undone = await db.PersonMerges.AsNoTracking()
            .Where(m => m.UndoneAt != null
                && ((subject.Contains(m.SurvivorId) && candidates.Contains(m.MergedId)) || (candidates.Contains(m.SurvivorId) && subject.Contains(m.MergedId))))
            .Select(m => new { A = m.SurvivorId, B = m.MergedId }).ToListAsync(cancellationToken);
        return [.. decided.Concat(undone).SelectMany(p => new[] { p.A, p.B }).Where(candidates.Contains)];
    }

    private async Task<List<PersonMatchReview>> PendingBetweenAsync(List<Id<Person>> a, List<Id<Person>> b, CancellationToken cancellationToken) =>
        await db.PersonMatchReviews
            .Where(r => r.Status == MatchReviewStatus.Pending
                && ((a.Contains(r.PersonId) && b.Contains(r.CandidateId)) || (b.Contains(r.PersonId) && a.Contains(r.CandidateId))))
            .ToListAsync(cancellationToken);

    // Links two survivors: the record created first survives, so the id people already know stays in front. Which
    // side joined is recorded apart from that: it is the side of the record being entered or edited, whichever is
    // older, and it is what access follows (a link never widens access: docs/adr/0012).
    private async Task<PersonMerge> LinkAsync(Id<Person> joining, Id<Person> heldRoot, MergeMethod method, double probability, Id<MatchModelVersion>? version, Id<PersonMatchReview>? review, string? reason, CancellationToken cancellationToken)
    {
        var people = await db.People.Where(p => p.Id == joining || p.Id == heldRoot).ToListAsync(cancellationToken);
        if (people.Count != 2 || people.Any(p => p.MergedIntoId is not null))
        {
            throw new InvalidOperationException("Only two separate people can be linked.");
        }
        var ordered = people.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id.Value).ToList();
        var (survivor, merged) = (ordered[0], ordered[1]);
        merged.MergedIntoId = survivor.Id;
        var merge = new PersonMerge
        {
            SurvivorId = survivor.Id,
            MergedId = merged.Id,
            Method = method,
            Probability = probability,
            ModelVersionId = version,
            ReviewId = review,
            Reason = reason,
            At = db.Now,
            SurvivorJoined = survivor.Id == joining,
            ByUserId = actor.Now().UserId,
        };
        db.PersonMerges.Add(merge);
        return merge;
    }

    private static PreparedRecord[] Prepare(IReadOnlyList<PersonRecord> forms, MatchModel model) => [.. forms.Select(model.Prepare)];

    // Two people score as their best pair of forms: an alias or an old address that agrees is evidence; one that does not is not evidence against.
    private static (double Weight, PreparedRecord A, PreparedRecord B) BestPair(IReadOnlyList<PreparedRecord> a, IReadOnlyList<PreparedRecord> b, MatchModel model)
    {
        var best = (Weight: double.NegativeInfinity, A: a[0], B: b[0]);
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var weight = Matcher.Weight(x, y, model);
                if (weight > best.Weight)
                {
                    best = (weight, x, y);
                }
            }
        }
        return best;
    }
}
