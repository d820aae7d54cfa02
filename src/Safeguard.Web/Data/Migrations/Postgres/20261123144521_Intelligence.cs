using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Intelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DisruptionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChargedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConvictedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisruptionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisruptionPlans_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DisruptionPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceSubjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RoleSetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RoleSetByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdentifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DisruptionOwnerUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceSubjects_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LicensingNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Licences = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicensingNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicensingNotices_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PoleEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Confidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PoleObjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Licence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LicenceNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoleObjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlannedTactics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    TacticCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedTactics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedTactics_DisruptionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "DisruptionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OccurredTimeKnown = table.Column<bool>(type: "boolean", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PeopleMentioned = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VehiclesMentioned = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PhonesMentioned = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Assessment = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Handling = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ActionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    SanitisationCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    HandlingConditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GradedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    GradedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SanitisedText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SanitisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OriginatorConsultedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OriginatorConsultedNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceItems_Agencies_SubmittedByAgencyId",
                        column: x => x.SubmittedByAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceItems_AspNetUsers_SubmittedByUserId",
                        column: x => x.SubmittedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceItems_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceItems_PoleEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "PoleEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeId = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceReferences_IntelligenceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "IntelligenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceRoutings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RoutedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceRoutings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceRoutings_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceRoutings_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceRoutings_IntelligenceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "IntelligenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoutingId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceOutcomes_IntelligenceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "IntelligenceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntelligenceOutcomes_IntelligenceRoutings_RoutingId",
                        column: x => x.RoutingId,
                        principalTable: "IntelligenceRoutings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisruptionPlans_OwnerUserId",
                table: "DisruptionPlans",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DisruptionPlans_PersonId",
                table: "DisruptionPlans",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceItems_ChildId",
                table: "IntelligenceItems",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceItems_EventId",
                table: "IntelligenceItems",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceItems_SubmittedAt",
                table: "IntelligenceItems",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceItems_SubmittedByAgencyId",
                table: "IntelligenceItems",
                column: "SubmittedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceItems_SubmittedByUserId",
                table: "IntelligenceItems",
                column: "SubmittedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceOutcomes_ItemId",
                table: "IntelligenceOutcomes",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceOutcomes_RoutingId",
                table: "IntelligenceOutcomes",
                column: "RoutingId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceReferences_ItemId",
                table: "IntelligenceReferences",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceReferences_NodeId",
                table: "IntelligenceReferences",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceRoutings_AgencyId",
                table: "IntelligenceRoutings",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceRoutings_ItemId_AgencyId",
                table: "IntelligenceRoutings",
                columns: new[] { "ItemId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceRoutings_OwnerUserId",
                table: "IntelligenceRoutings",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceSubjects_PersonId",
                table: "IntelligenceSubjects",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceSubjects_Role",
                table: "IntelligenceSubjects",
                column: "Role");

            migrationBuilder.CreateIndex(
                name: "IX_LicensingNotices_PersonId",
                table: "LicensingNotices",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedTactics_PlanId",
                table: "PlannedTactics",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PoleEvents_ItemId",
                table: "PoleEvents",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PoleLinks_FromId",
                table: "PoleLinks",
                column: "FromId");

            migrationBuilder.CreateIndex(
                name: "IX_PoleLinks_ItemId",
                table: "PoleLinks",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PoleLinks_ToId",
                table: "PoleLinks",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_PoleLocations_Key",
                table: "PoleLocations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PoleObjects_Kind_Key",
                table: "PoleObjects",
                columns: new[] { "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntelligenceOutcomes");

            migrationBuilder.DropTable(
                name: "IntelligenceReferences");

            migrationBuilder.DropTable(
                name: "IntelligenceSubjects");

            migrationBuilder.DropTable(
                name: "LicensingNotices");

            migrationBuilder.DropTable(
                name: "PlannedTactics");

            migrationBuilder.DropTable(
                name: "PoleLinks");

            migrationBuilder.DropTable(
                name: "PoleLocations");

            migrationBuilder.DropTable(
                name: "PoleObjects");

            migrationBuilder.DropTable(
                name: "IntelligenceRoutings");

            migrationBuilder.DropTable(
                name: "DisruptionPlans");

            migrationBuilder.DropTable(
                name: "IntelligenceItems");

            migrationBuilder.DropTable(
                name: "PoleEvents");
        }
    }
}
