using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Ledger;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

/// <summary>
/// Safeguard's one DbContext. Every save writes, in the same transaction, one ledger entry per changed row, chained
/// to the entry before it; and every access recorded with <see cref="RecordAccess"/> is chained in the access log.
/// The provider subclasses say how to serialise appends across application instances.
/// </summary>
public abstract class SafeguardDbContext(DbContextOptions options, CurrentActor actor, TimeProvider time)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private readonly List<PendingAccess> _pendingAccess = [];

    /// <summary>Asked for the actor at every save that writes to a chain: see <see cref="Data.CurrentActor"/>.</summary>
    public CurrentActor CurrentActor { get; } = actor;
    public TimeProvider Time { get; } = time;

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonIdentifier> PersonIdentifiers => Set<PersonIdentifier>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<PersonContact> PersonContacts => Set<PersonContact>();
    public DbSet<PersonVulnerability> PersonVulnerabilities => Set<PersonVulnerability>();
    public DbSet<ChildCase> Cases => Set<ChildCase>();
    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();
    public DbSet<ChronologyEntry> Chronology => Set<ChronologyEntry>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<BreakGlassAccess> BreakGlass => Set<BreakGlassAccess>();
    public DbSet<BreakGlassEscalation> BreakGlassEscalations => Set<BreakGlassEscalation>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernAdult> ConcernAdults => Set<ConcernAdult>();
    public DbSet<ConcernDecision> ConcernDecisions => Set<ConcernDecision>();
    public DbSet<ConcernSharing> ConcernSharing => Set<ConcernSharing>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<CaseMeeting> Meetings => Set<CaseMeeting>();
    public DbSet<MeetingInvitation> MeetingInvitations => Set<MeetingInvitation>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<CaseAction> Actions => Set<CaseAction>();
    public DbSet<ActionEscalation> ActionEscalations => Set<ActionEscalation>();
    public DbSet<ActionResponse> ActionResponses => Set<ActionResponse>();
    public DbSet<MissingEpisodeRecord> MissingEpisodes => Set<MissingEpisodeRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxEmail> Outbox => Set<OutboxEmail>();
    public DbSet<PartnerToken> PartnerTokens => Set<PartnerToken>();
    public DbSet<IntelligenceItem> IntelligenceItems => Set<IntelligenceItem>();
    public DbSet<IntelligenceRouting> IntelligenceRoutings => Set<IntelligenceRouting>();
    public DbSet<IntelligenceOutcome> IntelligenceOutcomes => Set<IntelligenceOutcome>();
    public DbSet<IntelligenceReference> IntelligenceReferences => Set<IntelligenceReference>();
    public DbSet<IntelligenceSubject> IntelligenceSubjects => Set<IntelligenceSubject>();
    public DbSet<PoleObject> PoleObjects => Set<PoleObject>();
    public DbSet<PoleLocation> PoleLocations => Set<PoleLocation>();
    public DbSet<PoleEvent> PoleEvents => Set<PoleEvent>();
    public DbSet<PoleLink> PoleLinks => Set<PoleLink>();
    public DbSet<DisruptionPlan> DisruptionPlans => Set<DisruptionPlan>();
    public DbSet<PlannedTactic> PlannedTactics => Set<PlannedTactic>();
    public DbSet<LicensingNotice> LicensingNotices => Set<LicensingNotice>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<ScreeningInstrumentVersion> ScreeningInstruments => Set<ScreeningInstrumentVersion>();
    public DbSet<ChildScreening> Screenings => Set<ChildScreening>();
    public DbSet<LanguageFlagOutcome> LanguageOutcomes => Set<LanguageFlagOutcome>();
    public DbSet<ExploitationAlert> ExploitationAlerts => Set<ExploitationAlert>();
    public DbSet<OffenderRecordReview> OffenderReviews => Set<OffenderRecordReview>();
    public DbSet<ChildVoice> ChildVoices => Set<ChildVoice>();
    public DbSet<PersonMatchKey> PersonMatchKeys => Set<PersonMatchKey>();
    public DbSet<PersonMatchRecord> PersonMatchRecords => Set<PersonMatchRecord>();
    public DbSet<MatchModelVersion> MatchModelVersions => Set<MatchModelVersion>();
    public DbSet<PersonMatchReview> PersonMatchReviews => Set<PersonMatchReview>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<CandidateOffer> CandidateOffers => Set<CandidateOffer>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    /// <summary>The database's current time, as the application sees it: the only clock the data layer reads.</summary>
    public DateTimeOffset Now => ChainHash.TruncateToMicroseconds(Time.GetUtcNow());

    /// <summary>
    /// Queues an entry for the access log, written (and chained) by the next save. Callers save before showing
    /// anything, so a read that cannot be logged is not shown.
    /// </summary>
    public void RecordAccess(string stream, string action, string? basis = null, string? reason = null) =>
        _pendingAccess.Add(new PendingAccess(stream, action, basis, reason));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await SessionDefiningChanges.RenewSecurityStampsAsync(this, cancellationToken);
        var rematch = MatchIndex.PeopleToRefresh(ChangeTracker);
        var ledger = LedgerChanges.Collect(ChangeTracker);
        if (ledger.Count == 0 && _pendingAccess.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Who is acting is read now, as the entries are written: a name taken earlier in the request could be from
        // before its user was known. A write that nobody can be named for throws here, before anything is saved.
        var acting = CurrentActor.Now();
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var appended = new List<object>();
        try
        {
            var at = Now;
            if (ledger.Count > 0)
            {
                appended.AddRange(await AppendToChainAsync(ChainName.Ledger, ledger,
                    change => LedgerEntry.LedgerChainFields(change.Stream, change.Type, change.Payload, acting.Name, acting.Agency, at),
                    (change, sequence, previous, hash) => new LedgerEntry
                    {
                        Sequence = sequence,
                        Stream = change.Stream,
                        Type = change.Type,
                        Payload = change.Payload,
                        Actor = acting.Name,
                        Agency = acting.Agency,
                        At = at,
                        PreviousHash = previous,
                        Hash = hash,
                    }, cancellationToken));
            }
            if (_pendingAccess.Count > 0)
            {
                appended.AddRange(await AppendToChainAsync(ChainName.AccessLog, _pendingAccess,
                    access => AccessLogEntry.AccessChainFields(access.Stream, access.Action, acting.Name, acting.Agency, at, access.Basis, access.Reason),
                    (access, sequence, previous, hash) => new AccessLogEntry
                    {
                        Sequence = sequence,
                        Stream = access.Stream,
                        Action = access.Action,
                        Actor = acting.Name,
                        Agency = acting.Agency,
                        At = at,
                        Basis = access.Basis,
                        Reason = access.Reason,
                        PreviousHash = previous,
                        Hash = hash,
                    }, cancellationToken));
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (rematch.Count > 0 && acceptAllChangesOnSuccess)
            {
                // The people's blocking keys, in the same transaction as the change they are derived from.
                await MatchIndex.RefreshAsync(this, rematch, cancellationToken);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            _pendingAccess.Clear();
            return saved - appended.Count;
        }
        catch
        {
            // The chain entries were numbered against a head that may move before a retry: drop them.
            foreach (var entity in appended)
            {
                Entry(entity).State = EntityState.Detached;
            }
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Numbers and hashes <paramref name="pending"/> onto the end of one chain, under that chain's lock, and adds
    /// the entries to this save.
    /// </summary>
    private async Task<List<object>> AppendToChainAsync<TPending>(ChainName chain, IReadOnlyList<TPending> pending,
        Func<TPending, IReadOnlyList<string?>> fieldsOf, Func<TPending, long, string, string, object> entryOf, CancellationToken cancellationToken)
    {
        await LockChainAsync(chain, cancellationToken);
        var head = chain == ChainName.Ledger
            ? await Ledger.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken)
            : await AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, previous) = head is null ? (0L, ChainHash.Genesis) : (head.Sequence, head.Hash);
        var added = new List<object>(pending.Count);
        foreach (var item in pending)
        {
            sequence++;
            var hash = ChainHash.Compute(sequence, previous, fieldsOf(item));
            added.Add(Add(entryOf(item, sequence, previous, hash)).Entity);
            previous = hash;
        }
        return added;
    }

    /// <summary>
    /// Serialises appends to one chain across every connection and every application instance, until the
    /// transaction ends. Reading the head and writing the next entry under this lock is what stops two writers
    /// forking the chain.
    /// </summary>
    protected abstract Task LockChainAsync(ChainName chain, CancellationToken cancellationToken);

    /// <summary>SQL for the triggers that make the ledger and the access log refuse UPDATE, DELETE and TRUNCATE.</summary>
    public abstract IReadOnlyList<string> AppendOnlyTriggerSql();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        TypedIdConventions.Apply(configurationBuilder, typeof(SafeguardDbContext).Assembly);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);
    }

    public enum ChainName
    {
        Ledger,
        AccessLog,
    }

    private sealed record PendingAccess(string Stream, string Action, string? Basis, string? Reason);
}

