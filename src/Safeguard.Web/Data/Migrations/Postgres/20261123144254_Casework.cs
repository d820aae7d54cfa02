using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Casework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ArrangedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decisions = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConferenceNeeded = table.Column<bool>(type: "boolean", nullable: true),
                    CancelledReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    WentMissingAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Circumstances = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedByAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnDetails = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReturnRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_Agencies_ReportedByAgencyId",
                        column: x => x.ReportedByAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_RecipientUserId",
                        column: x => x.RecipientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerTokens_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => new { x.Prefix, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedByMeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Plan = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    EndedByMeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_Meetings_EndedByMeetingId",
                        column: x => x.EndedByMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_Meetings_StartedByMeetingId",
                        column: x => x.StartedByMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attendance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApologyReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttendedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Concerns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReportedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReporterAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReporterContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PartnerTokenId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildGivenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChildFamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChildDateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildNhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ChildDescription = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChildAddressOrSchool = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Match = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ChildsWords = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ImmediateDanger = table.Column<bool>(type: "boolean", nullable: false),
                    ImmediateActionTaken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerAssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concerns_Agencies_ReporterAgencyId",
                        column: x => x.ReporterAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Concerns_PartnerTokens_PartnerTokenId",
                        column: x => x.PartnerTokenId,
                        principalTable: "PartnerTokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Concerns_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernAdults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Vehicle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VehicleRegistration = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Places = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernAdults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernAdults_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConcernAdults_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NeedsCountersignature = table.Column<bool>(type: "boolean", nullable: false),
                    CountersignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CountersignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CountersignRefused = table.Column<bool>(type: "boolean", nullable: false),
                    CountersignNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernDecisions_Concerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "Concerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConcernDecisions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MissingEpisodeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletionNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_ConcernDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ConcernDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_MissingEpisodes_MissingEpisodeId",
                        column: x => x.MissingEpisodeId,
                        principalTable: "MissingEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcernSharing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    ReasonNotShared = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcernSharing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConcernSharing_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConcernSharing_ConcernDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "ConcernDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionEscalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedUserIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionEscalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionEscalations_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AtLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReassignedToUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionResponses_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionEscalations_ActionId_Level",
                table: "ActionEscalations",
                columns: new[] { "ActionId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionResponses_ActionId_ByUserId",
                table: "ActionResponses",
                columns: new[] { "ActionId", "ByUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CompletedAt_DueAt",
                table: "Actions",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_DecisionId",
                table: "Actions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_MeetingId",
                table: "Actions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_MissingEpisodeId",
                table: "Actions",
                column: "MissingEpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerAgencyId",
                table: "Actions",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerUserId_CompletedAt",
                table: "Actions",
                columns: new[] { "OwnerUserId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PersonId",
                table: "Actions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EndedByMeetingId",
                table: "ChildProtectionPlans",
                column: "EndedByMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PersonId",
                table: "ChildProtectionPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_StartedByMeetingId",
                table: "ChildProtectionPlans",
                column: "StartedByMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAdults_ConcernId",
                table: "ConcernAdults",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAdults_PersonId",
                table: "ConcernAdults",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAdults_Phone",
                table: "ConcernAdults",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernAdults_VehicleRegistration",
                table: "ConcernAdults",
                column: "VehicleRegistration");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernDecisions_ConcernId",
                table: "ConcernDecisions",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernDecisions_PersonId",
                table: "ConcernDecisions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_OwnerUserId",
                table: "Concerns",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_PartnerTokenId",
                table: "Concerns",
                column: "PartnerTokenId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_PersonId",
                table: "Concerns",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_ReceivedAt",
                table: "Concerns",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_Reference",
                table: "Concerns",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_ReportedByUserId",
                table: "Concerns",
                column: "ReportedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Concerns_ReporterAgencyId",
                table: "Concerns",
                column: "ReporterAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernSharing_AgencyId",
                table: "ConcernSharing",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcernSharing_DecisionId_AgencyId",
                table: "ConcernSharing",
                columns: new[] { "DecisionId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_AgencyId",
                table: "MeetingInvitations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_InvitedUserId",
                table: "MeetingInvitations",
                column: "InvitedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_MeetingId_AgencyId",
                table: "MeetingInvitations",
                columns: new[] { "MeetingId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PersonId_ScheduledFor",
                table: "Meetings",
                columns: new[] { "PersonId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_PersonId_WentMissingAt",
                table: "MissingEpisodes",
                columns: new[] { "PersonId", "WentMissingAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ReportedByAgencyId",
                table: "MissingEpisodes",
                column: "ReportedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_Key",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId_ReadAt",
                table: "Notifications",
                columns: new[] { "RecipientUserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_NotificationId",
                table: "Outbox",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTokens_AgencyId",
                table: "PartnerTokens",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerTokens_TokenHash",
                table: "PartnerTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionEscalations");

            migrationBuilder.DropTable(
                name: "ActionResponses");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ConcernAdults");

            migrationBuilder.DropTable(
                name: "ConcernSharing");

            migrationBuilder.DropTable(
                name: "MeetingInvitations");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ConcernDecisions");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "Concerns");

            migrationBuilder.DropTable(
                name: "PartnerTokens");
        }
    }
}
