using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Web.Data.Model;

namespace Safeguard.Web.Data;

// Tables for real-time person matching (docs/adr/0008).

internal sealed class PersonMatchKeyConfiguration : IEntityTypeConfiguration<PersonMatchKey>
{
    public void Configure(EntityTypeBuilder<PersonMatchKey> entity)
    {
        entity.ToTable("PersonMatchKeys");
        entity.HasKey(e => new { e.PersonId, e.Key });
        // The one query of real-time matching: live keys equal to any of the new record's, giving person ids. Key
        // first, person id in the index too, so PostgreSQL answers from the index alone.
        entity.HasIndex(e => new { e.Key, e.PersonId }).HasFilter("\"SupersededAt\" IS NULL").HasDatabaseName("IX_PersonMatchKeys_Live");
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonMatchRecordConfiguration : IEntityTypeConfiguration<PersonMatchRecord>
{
    public void Configure(EntityTypeBuilder<PersonMatchRecord> entity)
    {
        entity.ToTable("PersonMatchRecords");
        entity.HasKey(e => e.PersonId);
        entity.HasOne<Person>().WithOne().HasForeignKey<PersonMatchRecord>(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatchModelVersionConfiguration : IEntityTypeConfiguration<MatchModelVersion>
{
    public void Configure(EntityTypeBuilder<MatchModelVersion> entity)
    {
        entity.ToTable("MatchModelVersions");
        entity.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class PersonMatchReviewConfiguration : IEntityTypeConfiguration<PersonMatchReview>
{
    public void Configure(EntityTypeBuilder<PersonMatchReview> entity)
    {
        entity.ToTable("PersonMatchReviews");
        entity.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.DecisionReason).HasMaxLength(2000);
        entity.HasIndex(e => new { e.Status, e.CreatedAt });
        entity.HasIndex(e => new { e.PersonId, e.CandidateId });
        entity.HasIndex(e => e.CandidateId);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<MatchModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> entity)
    {
        entity.ToTable("PersonMerges");
        entity.Property(e => e.Method).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.Reason).HasMaxLength(2000);
        entity.Property(e => e.UndoReason).HasMaxLength(2000);
        entity.HasIndex(e => e.SurvivorId);
        entity.HasIndex(e => e.MergedId);
        entity.HasIndex(e => e.At);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Person>().WithMany().HasForeignKey(e => e.MergedId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<PersonMatchReview>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<MatchModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CandidateOfferConfiguration : IEntityTypeConfiguration<CandidateOffer>
{
    public void Configure(EntityTypeBuilder<CandidateOffer> entity)
    {
        entity.ToTable("CandidateOffers");
        entity.Property(e => e.Purpose).HasConversion<string>().HasMaxLength(20);
        entity.Property(e => e.OfferedFor).HasMaxLength(64);
        // At most PersonMatching.MaximumCandidates ids of 36 characters and a space.
        entity.Property(e => e.People).HasMaxLength(4000);
        entity.HasIndex(e => e.UserId);
    }
}
