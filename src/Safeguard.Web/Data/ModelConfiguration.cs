using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

// Table shapes and indexes. Keys are app-generated (GUID v7 or chain sequence), never by the database.

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entity)
    {
        entity.ToTable("ledger_entries");
        entity.HasKey(e => e.Sequence);
        entity.Property(e => e.Sequence).ValueGeneratedNever();
        entity.Property(e => e.Stream).HasMaxLength(200);
        entity.Property(e => e.Type).HasMaxLength(200);
        entity.Property(e => e.Actor).HasMaxLength(100);
        entity.Property(e => e.Agency).HasMaxLength(20);
        entity.Property(e => e.PreviousHash).HasMaxLength(64);
        entity.Property(e => e.Hash).HasMaxLength(64);
        entity.HasIndex(e => e.Stream);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> entity)
    {
        entity.ToTable("access_log_entries");
        entity.HasKey(e => e.Sequence);
        entity.Property(e => e.Sequence).ValueGeneratedNever();
        entity.Property(e => e.Stream).HasMaxLength(200);
        entity.Property(e => e.Action).HasMaxLength(100);
        entity.Property(e => e.Actor).HasMaxLength(100);
        entity.Property(e => e.Agency).HasMaxLength(20);
        entity.Property(e => e.Basis).HasMaxLength(50);
        entity.Property(e => e.PreviousHash).HasMaxLength(64);
        entity.Property(e => e.Hash).HasMaxLength(64);
        entity.HasIndex(e => new { e.Stream, e.Sequence });
        entity.HasIndex(e => new { e.Actor, e.Sequence });
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> entity)
    {
        entity.Property(e => e.Code).HasMaxLength(20);
        entity.Property(e => e.Name).HasMaxLength(200);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        entity.HasIndex(e => e.Code).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(200);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> entity)
    {
        entity.Property(e => e.DisplayName).HasMaxLength(200);
        entity.Property(e => e.JobTitle).HasMaxLength(200);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(e => e.ManagerId);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> entity)
    {
        entity.Property(e => e.GivenName).HasMaxLength(200);
        entity.Property(e => e.MiddleNames).HasMaxLength(200);
        entity.Property(e => e.FamilyName).HasMaxLength(200);
        entity.Property(e => e.NhsNumber).HasMaxLength(10);
        entity.Property(e => e.Nationality).HasMaxLength(100);
        entity.Property(e => e.FirstLanguage).HasMaxLength(100);
        entity.Property(e => e.Phone).HasMaxLength(40);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Sex).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Ethnicity).HasConversion<string>().HasMaxLength(60);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.CreatedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(e => new { e.FamilyName, e.GivenName });
        entity.HasIndex(e => e.DateOfBirth);
        entity.HasIndex(e => e.NhsNumber);
        entity.HasMany(e => e.OtherNames).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Identifiers).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Addresses).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Contacts).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Vulnerabilities).WithOne().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.Ignore(e => e.FullName);
    }
}

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(300);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        entity.HasIndex(e => e.Name);
    }
}

internal sealed class PersonIdentifierConfiguration : IEntityTypeConfiguration<PersonIdentifier>
{
    public void Configure(EntityTypeBuilder<PersonIdentifier> entity)
    {
        entity.Property(e => e.Value).HasMaxLength(100);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        entity.HasIndex(e => new { e.Kind, e.Value });
    }
}

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> entity)
    {
        entity.Property(e => e.Line1).HasMaxLength(200);
        entity.Property(e => e.Line2).HasMaxLength(200);
        entity.Property(e => e.Town).HasMaxLength(100);
        entity.Property(e => e.Postcode).HasMaxLength(10);
        entity.Ignore(e => e.OneLine);
    }
}

internal sealed class PersonContactConfiguration : IEntityTypeConfiguration<PersonContact>
{
    public void Configure(EntityTypeBuilder<PersonContact> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(200);
        entity.Property(e => e.Relationship).HasMaxLength(100);
        entity.Property(e => e.Phone).HasMaxLength(40);
    }
}

internal sealed class PersonVulnerabilityConfiguration : IEntityTypeConfiguration<PersonVulnerability>
{
    public void Configure(EntityTypeBuilder<PersonVulnerability> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        entity.Property(e => e.Notes).HasMaxLength(2000);
    }
}

internal sealed class ChildCaseConfiguration : IEntityTypeConfiguration<ChildCase>
{
    public void Configure(EntityTypeBuilder<ChildCase> entity)
    {
        entity.ToTable("Cases");
        entity.Property(e => e.Reference).HasMaxLength(40);
        entity.Property(e => e.Category).HasMaxLength(100);
        entity.Property(e => e.Summary).HasMaxLength(4000);
        entity.HasIndex(e => e.Reference).IsUnique();
        entity.HasIndex(e => new { e.PersonId, e.AgencyId });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Allocations).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> entity)
    {
        entity.HasIndex(e => new { e.PersonId, e.UserId });
        entity.HasIndex(e => new { e.PersonId, e.TeamId });
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChronologyEntryConfiguration : IEntityTypeConfiguration<ChronologyEntry>
{
    public void Configure(EntityTypeBuilder<ChronologyEntry> entity)
    {
        entity.Property(e => e.Kind).HasMaxLength(60);
        entity.Property(e => e.Summary).HasMaxLength(8000);
        entity.Property(e => e.Source).HasMaxLength(200);
        entity.HasIndex(e => new { e.PersonId, e.OccurredAt });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> entity)
    {
        entity.Property(e => e.Reason).HasMaxLength(2000);
        entity.Property(e => e.DecisionNote).HasMaxLength(2000);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(e => new { e.PersonId, e.RequestedByUserId });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> entity)
    {
        entity.ToTable("BreakGlass");
        entity.Property(e => e.Reason).HasMaxLength(2000);
        entity.Property(e => e.ReviewNote).HasMaxLength(2000);
        entity.Property(e => e.Review).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.ReviewerBasis).HasConversion<string>().HasMaxLength(30);
        entity.HasIndex(e => new { e.PersonId, e.UserId });
        entity.HasIndex(e => new { e.ReviewerUserId, e.Review });
        entity.HasIndex(e => e.Review);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BreakGlassEscalationConfiguration : IEntityTypeConfiguration<BreakGlassEscalation>
{
    public void Configure(EntityTypeBuilder<BreakGlassEscalation> entity)
    {
        entity.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.NotifiedUserIds).HasMaxLength(4000);
        // One record per step per break-glass, however many instances notice it at once.
        entity.HasIndex(e => new { e.BreakGlassId, e.Level }).IsUnique();
        entity.HasOne<BreakGlassAccess>().WithMany().HasForeignKey(e => e.BreakGlassId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> entity)
    {
        entity.ToTable("SecurityEvents");
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        entity.Property(e => e.Reason).HasConversion<string>().HasMaxLength(60);
        entity.Property(e => e.AccountKey).HasMaxLength(64);
        entity.Property(e => e.ClientAddress).HasMaxLength(64);
        // The back-off reads an account's and an address's recent attempts at every sign-in; the page reads the newest.
        entity.HasIndex(e => new { e.AccountKey, e.At });
        entity.HasIndex(e => new { e.ClientAddress, e.At });
        entity.HasIndex(e => new { e.UserId, e.At });
        entity.HasIndex(e => e.At);
    }
}
