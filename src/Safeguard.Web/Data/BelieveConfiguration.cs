using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

// Tables for screening, hidden exploitation, the child's voice and the language check's outcomes (issue 6).

internal sealed class ScreeningInstrumentVersionConfiguration : IEntityTypeConfiguration<ScreeningInstrumentVersion>
{
    public void Configure(EntityTypeBuilder<ScreeningInstrumentVersion> entity)
    {
        entity.Property(e => e.InstrumentId).HasMaxLength(100);
        entity.Property(e => e.Name).HasMaxLength(300);
        entity.HasIndex(e => new { e.InstrumentId, e.Version }).IsUnique();
        entity.HasIndex(e => e.AddedAt);
    }
}

internal sealed class ChildScreeningConfiguration : IEntityTypeConfiguration<ChildScreening>
{
    public void Configure(EntityTypeBuilder<ChildScreening> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.InstrumentId).HasMaxLength(100);
        entity.Property(e => e.BandId).HasMaxLength(100);
        entity.Property(e => e.BandName).HasMaxLength(200);
        entity.Property(e => e.Notes).HasMaxLength(8000);
        entity.Property(e => e.OverrideRationale).HasMaxLength(8000);
        entity.HasIndex(e => new { e.PersonId, e.RecordedAt });
        entity.HasIndex(e => e.RescreenDue);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LanguageFlagOutcomeConfiguration : IEntityTypeConfiguration<LanguageFlagOutcome>
{
    public void Configure(EntityTypeBuilder<LanguageFlagOutcome> entity)
    {
        entity.Property(e => e.RuleId).HasMaxLength(100);
        entity.Property(e => e.Field).HasMaxLength(200);
        entity.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(e => new { e.TeamId, e.RuleId });
        entity.HasIndex(e => e.At);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExploitationAlertConfiguration : IEntityTypeConfiguration<ExploitationAlert>
{
    public void Configure(EntityTypeBuilder<ExploitationAlert> entity)
    {
        entity.Property(e => e.Indicators).HasMaxLength(1000);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(30);
        entity.Property(e => e.Rationale).HasMaxLength(8000);
        entity.HasIndex(e => new { e.PersonId, e.SurfacedAt });
        entity.HasIndex(e => e.Status);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OffenderRecordReviewConfiguration : IEntityTypeConfiguration<OffenderRecordReview>
{
    public void Configure(EntityTypeBuilder<OffenderRecordReview> entity)
    {
        entity.Property(e => e.Kind).HasMaxLength(60);
        entity.Property(e => e.Summary).HasMaxLength(8000);
        entity.Property(e => e.VictimReasons).HasMaxLength(2000);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Rationale).HasMaxLength(8000);
        entity.HasIndex(e => new { e.Status, e.RequestedAt });
        entity.HasIndex(e => e.PersonId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildVoiceConfiguration : IEntityTypeConfiguration<ChildVoice>
{
    public void Configure(EntityTypeBuilder<ChildVoice> entity)
    {
        entity.ToTable("ChildVoices");
        entity.Property(e => e.Words).HasMaxLength(8000);
        entity.Property(e => e.Wishes).HasMaxLength(8000);
        entity.Property(e => e.HowHeard).HasMaxLength(100);
        entity.Property(e => e.Context).HasMaxLength(8000);
        entity.HasIndex(e => new { e.PersonId, e.SaidOn });
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
