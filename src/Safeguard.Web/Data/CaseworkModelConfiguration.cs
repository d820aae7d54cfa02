using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

// Table shapes and indexes for concerns, decisions, meetings, actions, missing episodes, notifications and tokens.

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> entity)
    {
        entity.Property(e => e.Reference).HasMaxLength(20);
        entity.Property(e => e.ReporterName).HasMaxLength(200);
        entity.Property(e => e.ReporterContact).HasMaxLength(200);
        entity.Property(e => e.ChildGivenName).HasMaxLength(200);
        entity.Property(e => e.ChildFamilyName).HasMaxLength(200);
        entity.Property(e => e.ChildNhsNumber).HasMaxLength(10);
        entity.Property(e => e.ChildDescription).HasMaxLength(1000);
        entity.Property(e => e.ChildAddressOrSchool).HasMaxLength(500);
        entity.Property(e => e.Match).HasConversion<string>().HasMaxLength(30);
        entity.Property(e => e.WhatHappened).HasMaxLength(8000);
        entity.Property(e => e.ChildsWords).HasMaxLength(4000);
        entity.Property(e => e.Location).HasMaxLength(500);
        entity.Property(e => e.ImmediateActionTaken).HasMaxLength(2000);
        entity.Ignore(e => e.ChildName);
        entity.HasIndex(e => e.Reference).IsUnique();
        entity.HasIndex(e => e.ReceivedAt);
        entity.HasIndex(e => e.PersonId);
        entity.HasIndex(e => e.ReportedByUserId);
        entity.HasIndex(e => e.OwnerUserId);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.ReporterAgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<PartnerToken>().WithMany().HasForeignKey(e => e.PartnerTokenId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Adults).WithOne().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConcernAdultConfiguration : IEntityTypeConfiguration<ConcernAdult>
{
    public void Configure(EntityTypeBuilder<ConcernAdult> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(200);
        entity.Property(e => e.Description).HasMaxLength(1000);
        entity.Property(e => e.Vehicle).HasMaxLength(200);
        entity.Property(e => e.VehicleRegistration).HasMaxLength(10);
        entity.Property(e => e.Phone).HasMaxLength(40);
        entity.Property(e => e.Places).HasMaxLength(1000);
        entity.HasIndex(e => e.VehicleRegistration);
        entity.HasIndex(e => e.Phone);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConcernDecisionConfiguration : IEntityTypeConfiguration<ConcernDecision>
{
    public void Configure(EntityTypeBuilder<ConcernDecision> entity)
    {
        entity.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        entity.Property(e => e.Rationale).HasMaxLength(8000);
        entity.Property(e => e.CountersignNote).HasMaxLength(4000);
        entity.Ignore(e => e.Facts);
        entity.HasIndex(e => e.ConcernId);
        entity.HasIndex(e => e.PersonId);
        entity.HasOne<Concern>().WithMany().HasForeignKey(e => e.ConcernId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Sharing).WithOne().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConcernSharingConfiguration : IEntityTypeConfiguration<ConcernSharing>
{
    public void Configure(EntityTypeBuilder<ConcernSharing> entity)
    {
        entity.Property(e => e.ReasonNotShared).HasMaxLength(2000);
        entity.HasIndex(e => new { e.DecisionId, e.AgencyId }).IsUnique();
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> entity)
    {
        entity.HasKey(e => new { e.Prefix, e.Year });
        entity.Property(e => e.Prefix).HasMaxLength(10);
        // Two instances taking the next number at once: one update wins, the other retries with the new value.
        entity.Property(e => e.Last).IsConcurrencyToken();
    }
}

internal sealed class CaseMeetingConfiguration : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Location).HasMaxLength(500);
        entity.Property(e => e.Decisions).HasMaxLength(16000);
        entity.Property(e => e.CancelledReason).HasMaxLength(2000);
        entity.HasIndex(e => new { e.PersonId, e.ScheduledFor });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(e => e.Invitations).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingInvitationConfiguration : IEntityTypeConfiguration<MeetingInvitation>
{
    public void Configure(EntityTypeBuilder<MeetingInvitation> entity)
    {
        entity.Property(e => e.Attendance).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.ApologyReason).HasMaxLength(1000);
        entity.Property(e => e.AttendedBy).HasMaxLength(200);
        entity.HasIndex(e => new { e.MeetingId, e.AgencyId }).IsUnique();
        entity.HasIndex(e => e.InvitedUserId);
        entity.HasIndex(e => e.AgencyId);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildProtectionPlanConfiguration : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> entity)
    {
        entity.Property(e => e.Plan).HasMaxLength(16000);
        entity.HasIndex(e => e.PersonId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<CaseMeeting>().WithMany().HasForeignKey(e => e.StartedByMeetingId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<CaseMeeting>().WithMany().HasForeignKey(e => e.EndedByMeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseActionConfiguration : IEntityTypeConfiguration<CaseAction>
{
    public void Configure(EntityTypeBuilder<CaseAction> entity)
    {
        entity.ToTable("Actions");
        entity.Property(e => e.Title).HasMaxLength(300);
        entity.Property(e => e.Detail).HasMaxLength(4000);
        entity.Property(e => e.CompletionNote).HasMaxLength(8000);
        entity.Ignore(e => e.Due);
        entity.HasIndex(e => new { e.OwnerUserId, e.CompletedAt });
        entity.HasIndex(e => new { e.CompletedAt, e.DueAt });
        entity.HasIndex(e => e.PersonId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<CaseMeeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<ConcernDecision>().WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<MissingEpisodeRecord>().WithMany().HasForeignKey(e => e.MissingEpisodeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionEscalationConfiguration : IEntityTypeConfiguration<ActionEscalation>
{
    public void Configure(EntityTypeBuilder<ActionEscalation> entity)
    {
        entity.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.NotifiedUserIds).HasMaxLength(4000);
        // One record per step per action, however many instances notice it at once.
        entity.HasIndex(e => new { e.ActionId, e.Level }).IsUnique();
        entity.HasOne<CaseAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionResponseConfiguration : IEntityTypeConfiguration<ActionResponse>
{
    public void Configure(EntityTypeBuilder<ActionResponse> entity)
    {
        entity.Property(e => e.AtLevel).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Note).HasMaxLength(4000);
        entity.HasIndex(e => new { e.ActionId, e.ByUserId });
        entity.HasOne<CaseAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MissingEpisodeRecordConfiguration : IEntityTypeConfiguration<MissingEpisodeRecord>
{
    public void Configure(EntityTypeBuilder<MissingEpisodeRecord> entity)
    {
        entity.ToTable("MissingEpisodes");
        entity.Property(e => e.Circumstances).HasMaxLength(8000);
        entity.Property(e => e.ReturnDetails).HasMaxLength(8000);
        entity.HasIndex(e => new { e.PersonId, e.WentMissingAt });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.ReportedByAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> entity)
    {
        entity.Property(e => e.Key).HasMaxLength(200);
        entity.Property(e => e.Text).HasMaxLength(1000);
        entity.Property(e => e.Link).HasMaxLength(300);
        entity.HasIndex(e => new { e.RecipientUserId, e.Key }).IsUnique();
        entity.HasIndex(e => new { e.RecipientUserId, e.ReadAt });
        entity.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> entity)
    {
        entity.ToTable("Outbox");
        entity.Property(e => e.To).HasMaxLength(256);
        entity.Property(e => e.Subject).HasMaxLength(300);
        entity.Property(e => e.Body).HasMaxLength(4000);
        entity.Property(e => e.LastError).HasMaxLength(1000);
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
        entity.HasOne<Notification>().WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartnerTokenConfiguration : IEntityTypeConfiguration<PartnerToken>
{
    public void Configure(EntityTypeBuilder<PartnerToken> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(200);
        entity.Property(e => e.TokenHash).HasMaxLength(64);
        entity.HasIndex(e => e.TokenHash).IsUnique();
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
