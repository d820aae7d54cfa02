using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

// Tables for intelligence, POLE records and disruption. Enums are stored as their names.

internal sealed class IntelligenceItemConfiguration : IEntityTypeConfiguration<IntelligenceItem>
{
    public void Configure(EntityTypeBuilder<IntelligenceItem> entity)
    {
        entity.Property(e => e.Title).HasMaxLength(200);
        entity.Property(e => e.Text).HasMaxLength(8000);
        entity.Property(e => e.Place).HasMaxLength(300);
        entity.Property(e => e.PeopleMentioned).HasMaxLength(2000);
        entity.Property(e => e.VehiclesMentioned).HasMaxLength(500);
        entity.Property(e => e.PhonesMentioned).HasMaxLength(500);
        entity.Property(e => e.Source).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Assessment).HasConversion<string>().HasMaxLength(2);
        entity.Property(e => e.Handling).HasConversion<string>().HasMaxLength(2);
        entity.Property(e => e.ActionCode).HasConversion<string>().HasMaxLength(2);
        entity.Property(e => e.SanitisationCode).HasConversion<string>().HasMaxLength(2);
        entity.Property(e => e.HandlingConditions).HasMaxLength(1000);
        entity.Property(e => e.Priority).HasConversion<string>().HasMaxLength(10);
        entity.Property(e => e.SanitisedText).HasMaxLength(8000);
        entity.Property(e => e.OriginatorConsultedNote).HasMaxLength(1000);
        entity.Ignore(e => e.Grade);
        entity.Ignore(e => e.HandlingFacts);
        entity.HasIndex(e => e.SubmittedByUserId);
        entity.HasIndex(e => e.SubmittedAt);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.SubmittedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<PoleEvent>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntelligenceRoutingConfiguration : IEntityTypeConfiguration<IntelligenceRouting>
{
    public void Configure(EntityTypeBuilder<IntelligenceRouting> entity)
    {
        entity.Property(e => e.Note).HasMaxLength(1000);
        entity.HasIndex(e => new { e.ItemId, e.AgencyId }).IsUnique();
        entity.HasIndex(e => e.AgencyId);
        entity.HasIndex(e => e.OwnerUserId);
        entity.HasOne<IntelligenceItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntelligenceOutcomeConfiguration : IEntityTypeConfiguration<IntelligenceOutcome>
{
    public void Configure(EntityTypeBuilder<IntelligenceOutcome> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Text).HasMaxLength(4000);
        entity.HasIndex(e => e.ItemId);
        entity.HasIndex(e => e.RoutingId);
        entity.HasOne<IntelligenceItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<IntelligenceRouting>().WithMany().HasForeignKey(e => e.RoutingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntelligenceReferenceConfiguration : IEntityTypeConfiguration<IntelligenceReference>
{
    public void Configure(EntityTypeBuilder<IntelligenceReference> entity)
    {
        entity.Property(e => e.NodeKind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Role).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(e => e.ItemId);
        entity.HasIndex(e => e.NodeId);
        entity.HasOne<IntelligenceItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntelligenceSubjectConfiguration : IEntityTypeConfiguration<IntelligenceSubject>
{
    public void Configure(EntityTypeBuilder<IntelligenceSubject> entity)
    {
        entity.Property(e => e.Role).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(e => e.PersonId).IsUnique();
        entity.HasIndex(e => e.Role);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PoleObjectConfiguration : IEntityTypeConfiguration<PoleObject>
{
    public void Configure(EntityTypeBuilder<PoleObject> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Key).HasMaxLength(200);
        entity.Property(e => e.Label).HasMaxLength(300);
        entity.Property(e => e.Description).HasMaxLength(1000);
        entity.Property(e => e.Licence).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.LicenceNumber).HasMaxLength(50);
        entity.HasIndex(e => new { e.Kind, e.Key }).IsUnique();
    }
}

internal sealed class PoleLocationConfiguration : IEntityTypeConfiguration<PoleLocation>
{
    public void Configure(EntityTypeBuilder<PoleLocation> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Key).HasMaxLength(320);
        entity.Property(e => e.Name).HasMaxLength(300);
        entity.Property(e => e.Postcode).HasMaxLength(10);
        entity.HasIndex(e => e.Key).IsUnique();
    }
}

internal sealed class PoleEventConfiguration : IEntityTypeConfiguration<PoleEvent>
{
    public void Configure(EntityTypeBuilder<PoleEvent> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Summary).HasMaxLength(300);
        entity.HasIndex(e => e.ItemId);
    }
}

internal sealed class PoleLinkConfiguration : IEntityTypeConfiguration<PoleLink>
{
    public void Configure(EntityTypeBuilder<PoleLink> entity)
    {
        entity.Property(e => e.FromKind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.ToKind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Confidence).HasConversion<string>().HasMaxLength(20);
        // The two-hop query reads every link at either end of a set of nodes: one index per end.
        entity.HasIndex(e => e.FromId);
        entity.HasIndex(e => e.ToId);
        entity.HasIndex(e => e.ItemId);
    }
}

internal sealed class DisruptionPlanConfiguration : IEntityTypeConfiguration<DisruptionPlan>
{
    public void Configure(EntityTypeBuilder<DisruptionPlan> entity)
    {
        entity.Property(e => e.ClosedReason).HasMaxLength(1000);
        entity.HasIndex(e => e.PersonId).IsUnique();
        entity.HasIndex(e => e.OwnerUserId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Tactics).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PlannedTacticConfiguration : IEntityTypeConfiguration<PlannedTactic>
{
    public void Configure(EntityTypeBuilder<PlannedTactic> entity)
    {
        entity.Property(e => e.TacticCode).HasMaxLength(60);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Outcome).HasMaxLength(2000);
    }
}

internal sealed class LicensingNoticeConfiguration : IEntityTypeConfiguration<LicensingNotice>
{
    public void Configure(EntityTypeBuilder<LicensingNotice> entity)
    {
        entity.Property(e => e.Licences).HasMaxLength(1000);
        entity.Property(e => e.AcknowledgementNote).HasMaxLength(2000);
        entity.HasIndex(e => e.PersonId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
