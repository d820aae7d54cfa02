using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Believe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildVoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Words = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Wishes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    HowHeard = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Context = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildVoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildVoices_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildVoices_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExploitationAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurfacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Indicators = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExploitationAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExploitationAlerts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LanguageOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LanguageOutcomes_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LanguageOutcomes_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffenderReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    VictimReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ChronologyEntryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderReviews_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffenderReviews_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningInstruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningInstruments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstrumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    ScreenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    EvidenceScore = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalConcernScore = table.Column<int>(type: "integer", nullable: false),
                    BandId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BandName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BandRank = table.Column<int>(type: "integer", nullable: false),
                    PotentialSign = table.Column<bool>(type: "boolean", nullable: false),
                    RescreenDue = table.Column<DateOnly>(type: "date", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    OverrideRationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Screenings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Screenings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildVoices_AgencyId",
                table: "ChildVoices",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildVoices_PersonId_SaidOn",
                table: "ChildVoices",
                columns: new[] { "PersonId", "SaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationAlerts_PersonId_SurfacedAt",
                table: "ExploitationAlerts",
                columns: new[] { "PersonId", "SurfacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationAlerts_Status",
                table: "ExploitationAlerts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageOutcomes_AgencyId",
                table: "LanguageOutcomes",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageOutcomes_At",
                table: "LanguageOutcomes",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LanguageOutcomes_TeamId_RuleId",
                table: "LanguageOutcomes",
                columns: new[] { "TeamId", "RuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderReviews_AgencyId",
                table: "OffenderReviews",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_OffenderReviews_PersonId",
                table: "OffenderReviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OffenderReviews_Status_RequestedAt",
                table: "OffenderReviews",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningInstruments_AddedAt",
                table: "ScreeningInstruments",
                column: "AddedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningInstruments_InstrumentId_Version",
                table: "ScreeningInstruments",
                columns: new[] { "InstrumentId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_AgencyId",
                table: "Screenings",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_PersonId_RecordedAt",
                table: "Screenings",
                columns: new[] { "PersonId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_RescreenDue",
                table: "Screenings",
                column: "RescreenDue");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildVoices");

            migrationBuilder.DropTable(
                name: "ExploitationAlerts");

            migrationBuilder.DropTable(
                name: "LanguageOutcomes");

            migrationBuilder.DropTable(
                name: "OffenderReviews");

            migrationBuilder.DropTable(
                name: "ScreeningInstruments");

            migrationBuilder.DropTable(
                name: "Screenings");
        }
    }
}
